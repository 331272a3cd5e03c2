// What the debrief teaches, derived from the game's history alone: how it ended, where the evals
// missed a crossing, which commitments held, what the rivals did, the moments that mattered and
// a few discussion questions chosen from what actually happened. Pure and deterministic: the same
// game always gets the same debrief. The facts come from the engine (src/engine/debriefFacts.ts);
// this file and its neighbours put them into words.

import {
  commitmentRecord,
  missedCrossingEpisodes,
  quartersWithMissedCrossing,
  type CommitmentRecord,
} from '../../engine/debriefFacts';
import type {
  BotStrategyId,
  GameState,
  LabState,
  MissedCrossing,
  Scenario,
} from '../../engine/types';
import { keyMoments } from './keyMoments';
import { outcomeWords, type OutcomeWords } from './outcome';
import { chooseQuestions } from './questions';
import { rivalSummary } from './rivals';

export interface Debrief {
  outcome: OutcomeWords;
  /** Missed crossings of the focus labs: one per episode (its first quarter), in order. */
  missedCrossings: MissedCrossing[];
  /** Quarters in which a focus lab had a missed crossing (an episode may span several). */
  missedQuarters: number;
  firstMissed: MissedCrossing | null;
  /** Every lab, focus labs first. */
  commitments: CommitmentRecord[];
  /** Every lab not in focus, in scenario order. */
  rivals: { lab: string; name: string; strategy: BotStrategyId; summary: string }[];
  keyMoments: { round: number; text: string }[];
  questions: string[];
}

/**
 * What a quarter's figures mean, said once for every table of quarters (the chart's table, the
 * debriefs, the reports): states are as at the start of the quarter, when the lab decided; the
 * move, risk, incidents and missed crossings are what happened during it.
 */
export const QUARTER_FIGURES =
  'Capability, levels and safeguards are as at the start of each quarter, when the lab decided; the move, the risk, incidents and missed crossings are what happened during it.';

/** The part of the debrief its first screen shows: how the game ended and what the evals missed. */
export type DebriefOpening = Pick<
  Debrief,
  'outcome' | 'missedCrossings' | 'missedQuarters' | 'firstMissed'
>;

/** The labs in focus: those asked for that are in the game, or every lab if none is. */
function focusOf(state: GameState, focusLabs: string[]): string[] {
  const known = new Set(state.labs.map((l) => l.id));
  const requested = focusLabs.filter((id) => known.has(id));
  return requested.length > 0 ? requested : state.labs.map((l) => l.id);
}

/**
 * How the game ended and the missed crossings: what the solo debrief shows as it opens. The rest
 * (debriefDetails) is below the fold there, so it is worded after the first frame is painted.
 * `endedEarly`: the facilitator ended the session before the game was over
 * (src/presentation/revealed.ts).
 */
export function debriefOpening(
  state: GameState,
  focusLabs: string[],
  { endedEarly = false }: { endedEarly?: boolean } = {},
): DebriefOpening {
  const focus = focusOf(state, focusLabs);
  const missed = missedCrossingEpisodes(state, focus);
  return {
    outcome: outcomeWords(state, focus, endedEarly),
    missedCrossings: missed,
    missedQuarters: quartersWithMissedCrossing(state, focus),
    firstMissed: missed[0] ?? null,
  };
}

/** The rest of the debrief: commitments, rivals, the moments that mattered, questions. */
export function debriefDetails(
  scenario: Scenario,
  state: GameState,
  focusLabs: string[],
  opening: DebriefOpening,
): Omit<Debrief, keyof DebriefOpening> {
  const focus = focusOf(state, focusLabs);
  const ordered = [
    ...focus.map((id) => state.labs.find((l) => l.id === id) as LabState),
    ...state.labs.filter((l) => !focus.includes(l.id)),
  ];
  const commitments = ordered.map((lab) => commitmentRecord(state, lab));
  const rivals = state.labs
    .filter((l) => !focus.includes(l.id))
    .map((lab) => ({
      lab: lab.id,
      name: lab.name,
      strategy: lab.strategy,
      summary: rivalSummary(state, lab),
    }));
  return {
    commitments,
    rivals,
    keyMoments: keyMoments(scenario, state, focus).map(({ round, text }) => ({ round, text })),
    questions: chooseQuestions({ scenario, state, focus, missed: opening.missedCrossings }),
  };
}

/**
 * The debrief of a game for the labs humans played (`focusLabs`; solo: one). With no focus labs
 * (a game bots played alone) every lab is treated as in focus. `endedEarly`: as debriefOpening's.
 */
export function buildDebrief(
  scenario: Scenario,
  state: GameState,
  focusLabs: string[],
  ending: { endedEarly?: boolean } = {},
): Debrief {
  const opening = debriefOpening(state, focusLabs, ending);
  return { ...opening, ...debriefDetails(scenario, state, focusLabs, opening) };
}
