// Everything reading a workshop back needs — the saved-game checks (valibot and the scenario
// validator), the session checks and the browser's copy — as one module. The workshop fetches it
// when there is something to read (a session kept in this browser, a file picked), never to run a
// new workshop, which only writes.
export { parseSavedGame } from '../saveFormat';
export { loadWorkshop } from './browserCopy';
export { parseWorkshopFile } from './readSession';
