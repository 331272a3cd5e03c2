// The solo game's screens after the start screen, with what only they need (the timeline chart,
// the debrief, the report writers). SoloGame loads this chunk while the start screen is shown,
// so the scripts the page needs to show its first screen stay small.
export { default as QuarterScreen } from '../game/QuarterScreen.svelte';
export { default as DebriefScreen } from '../debrief/DebriefScreen.svelte';
export { decisionsCsv } from '../../report/csv';
export { gameReportMarkdown } from '../../report/markdown';
