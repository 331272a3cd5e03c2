// The solo game's screens after the start screen, with what only they need (the timeline chart,
// the debrief, the decisions CSV). SoloGame loads this chunk once the player starts using the
// start screen, so the scripts the page needs to show its first screen stay small. (The Markdown
// report writer is fetched on the click that downloads a report.)
export { default as QuarterScreen } from '../game/QuarterScreen.svelte';
export { default as DebriefScreen } from '../debrief/DebriefScreen.svelte';
export { decisionsCsv } from '../../presentation/report/csv';
export { incrementalPlayView } from '../../presentation/playView';
export { revealedGame } from '../../presentation/revealed';
