// The workshop session file: a saved game (src/lib/saveFormat.ts) with mode "workshop" and the
// session's own record (src/engine/workshop/types.ts) in `extra`. The same value is kept in the
// browser's storage after every action and downloaded as a file to move to another laptop; a
// saved setup (before the game starts) is the same format with an empty log.
//
// Reading one never throws: a bad file gets one message naming what is wrong and where, e.g.
// "extra.injects[0].event.effect.delta: expected a number between -1 and 1, got 5".
//
// This module is what the app, the server and the tests import; each job lives in its own file
// under ./workshopFile: the record's shape (recordSchema), older formats (recordMigration), what
// its fields must say about each other (recordChecks) and about the live injects (injectsCheck),
// the record read against its game (parseMeta), reading and writing the file (readSession,
// writeSession) and the browser's copy (browserCopy).
export {
  MAX_SESSION_BYTES,
  WORKSHOP_KEY,
  type SessionResult,
  type WorkshopSession,
} from './workshopFile/sessionTypes';
export { parseWorkshopMeta } from './workshopFile/parseMeta';
export {
  parseWorkshopFile,
  parseWorkshopSession,
  parseWorkshopText,
} from './workshopFile/readSession';
export { makeWorkshopSave, sessionFileName } from './workshopFile/writeSession';
export { loadWorkshop, workshopInProgress, type WorkshopLoad } from './workshopFile/browserCopy';
