// What a bot reads from its view before deciding, each signal as a plain number. A real lab sees
// the same things: its own evals, rivals' announcements and published evals (as far as the
// information regime shows them), last quarter's incidents, public trust, regulation, how much of
// the game is left, and stolen models loose in the world. Pure functions of the view.

import { ladderTable, levelIndexOf, type LadderTable } from '../ladderTable';
import type { LabView, RivalSignal } from '../types';
import { currentLevel, lowestThreshold, measuredCapability } from './building-blocks';

/** Lead (capability units) beyond which a lab judges itself clearly ahead of a rival. */
export const CLEAR_LEAD = 0.05;

/** The lab's own position: the highest capability its evals measured in any ladder domain. */
export function ownPosition(view: LabView): number {
  let best = 0;
  for (const d of ladderTable(view.levels).ladderDomains)
    best = Math.max(best, measuredCapability(view, d));
  return best;
}

/**
 * Where the most advanced rival stands, as far as the lab can see: published evals where the
 * regime shows them, else the lowest threshold of the highest level a rival has announced. Null
 * when nothing is known about any rival's capability (no information, or nobody has announced).
 */
export function leadingRivalPosition(view: LabView): number | null {
  const table = ladderTable(view.levels);
  let best: number | null = null;
  for (const rival of view.rivals) {
    const position = positionOn(table, rival);
    if (position !== null && (best === null || position > best)) best = position;
  }
  return best;
}

/** Where one rival stands as far as the lab can see (null: nothing known). */
export function rivalPosition(view: LabView, rival: RivalSignal): number | null {
  return positionOn(ladderTable(view.levels), rival);
}

/** `rivalPosition` on the lab's ladder, read once for all rivals. */
function positionOn(table: LadderTable, rival: RivalSignal): number | null {
  if (rival.publishedEval) {
    const measured = rival.publishedEval.measured;
    let position = 0;
    for (const d of table.ladderDomains) position = Math.max(position, measured[d] ?? 0);
    return position;
  }
  if (rival.announcedLevel === null) return null;
  // A level of its own ladder is read as the lab reads it; a rival under another policy is placed
  // by the lowest threshold of the level it announced on its own ladder.
  const index = levelIndexOf(table, rival.announcedLevel);
  return index >= 0 ? (table.floors[index] as number) : rival.announcedFloor;
}

/**
 * How hard the race feels, from what the lab can see of rivals: 1 when a rival is level or ahead,
 * −½ when the lab is clearly ahead (a leader can afford care), 0 when it knows nothing. In the
 * manner of Armstrong, Bostrom & Shulman (2016): knowing that rivals are close makes teams cut
 * safety; a clear leader takes more.
 */
export function raceSignal(view: LabView): number {
  const rival = leadingRivalPosition(view);
  if (rival === null) return 0;
  return ownPosition(view) - rival > CLEAR_LEAD ? -0.5 : 1;
}

/** Last quarter's incidents: 1 if the lab had a serious one (½ a warning shot), ½ for a rival's. */
export function incidentSignal(view: LabView): number {
  let signal = 0;
  for (const i of view.recentIncidents) {
    const weight = i.severity === 'warning' ? 0.5 : 1;
    signal = Math.max(signal, i.lab === view.self.id ? weight : weight / 2);
  }
  return signal;
}

/** Public distrust and regulation: 0 with trust at 60% or more and no rules, up to 2. */
export function distrustSignal(view: LabView): number {
  return Math.max(0, 0.6 - view.publicTrust) / 0.6 + view.regulation / 3;
}

/** How near the end the game is: 0 until the last four quarters, 1 in the last. */
export function endgameSignal(view: LabView): number {
  const left = view.totalRounds - view.round;
  return Math.max(0, Math.min(1, 1 - left / 4));
}

/**
 * Whether the lab judges itself ahead, in RSP v3.0's sense of a "significant lead": its market
 * share at least every rival's, and no rival seen (announced or published) at a higher level.
 */
export function judgesAhead(view: LabView): boolean {
  if (view.rivals.some((r) => r.marketShare > view.self.marketShare)) return false;
  const own = currentLevel(view);
  const ownIndex = own ? view.levels.indexOf(own) : -1;
  const rival = leadingRivalPosition(view);
  if (rival === null) return true;
  const next = view.levels[ownIndex + 1];
  return next === undefined || rival < lowestThreshold(next);
}
