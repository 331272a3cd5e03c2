// What a batch keeps of one game, and the figures read over many: plain types and names with no
// engine behind them, so code that only shows or merges results (the Explorer's page, while its
// Web Workers play the games) does not load the game itself. runBatch.ts plays and summarises.

import type { EndReason, PauseCause } from '../types';
import type { Proportion } from './stats';

/** What the batch keeps of one game (small, plain JSON: it crosses worker boundaries). */
export interface GameSummary {
  /** The game's seed: `npm run sim -- play <scenario> --seed <seed>` replays it. */
  seed: number;
  /** A catastrophe ended the game. */
  catastrophe: boolean;
  /** Any incident at all (warning shot, serious, theft or catastrophe). */
  anyIncident: boolean;
  /** Some lab paused training for at least one quarter (its policy, the pause agreement or a regulator). */
  anyPause: boolean;
  /** Lab-quarters played (labs × quarters, halted labs included). */
  labQuarters: number;
  /** Lab-quarters in which a lab went past its registered commitment. */
  brokenQuarters: number;
  /** Paused lab-quarters by why they were paused. */
  pausedBy: Record<PauseCause, number>;
  /** Per lab id: what this game did for and to each lab. */
  labs: Record<string, LabGameSummary>;
  /** Thresholds (lab × level × domain, on the scenario's ladder) truly crossed by an assessment. */
  crossings: number;
  /** Of those, how many the first assessment after the crossing failed to show. */
  missedCrossings: number;
  /**
   * Threshold-quarters past a threshold: for every quarter and every lab not halted, the
   * thresholds of the scenario's ladder its model had truly reached by the end of the quarter.
   */
  crossedQuarters: number;
  /**
   * Of those, how many the lab's latest evaluation (with the safety buffer) did not show. Unlike
   * `missedCrossings`, this counts late detection too: with evals every fourth quarter, a crossing
   * goes unseen for up to four quarters even if the next assessment catches it.
   */
  unseenQuarters: number;
  /**
   * Per level id: the first quarter in which any lab had a model fully deployed while its true
   * capability was at or above that level (null: never).
   */
  firstDeploymentRoundByLevel: Record<string, number | null>;
  endReason: EndReason;
  /** Quarters played. */
  rounds: number;
}

/** A count of paused lab-quarters per cause, all zero. */
export function noPauses(): Record<PauseCause, number> {
  return { ownPolicy: 0, agreement: 0, regulator: 0, choice: 0 };
}

/** One lab's part in one game. */
export interface LabGameSummary {
  /** Quarters it played. */
  quarters: number;
  /** Quarters it paused because its own policy said so. */
  ownPolicyPause: number;
  /** Quarters it went past its registered commitment. */
  brokenQuarters: number;
  /** It caused the catastrophe that ended the game (its model, or a model stolen from it). */
  causedCatastrophe: boolean;
  /** It ended with the largest market share (ties count for every lab tied). */
  leads: boolean;
  /** Its market share at the end. */
  finalShare: number;
  /**
   * Its own crossings, missed crossings, threshold-quarters and unseen threshold-quarters, counted
   * as the game's totals are (on the scenario's ladder: the same yardstick whatever policy the lab
   * holds) but read with its own policy's eval cadence and safety buffer, so they say what the
   * evals behind *its* policy showed it. (The game's totals use the scenario's default rules.)
   */
  crossings: number;
  missedCrossings: number;
  crossedQuarters: number;
  unseenQuarters: number;
}

/** When, across games, a model at or above one level was first fully deployed. */
export interface DeploymentTiming {
  levelId: string;
  /** Share of games in which it happened at all. */
  deployed: Proportion;
  /** histogram[q − 1] = games whose first such deployment was in quarter q. */
  histogram: number[];
  /** Games in which it never happened. */
  never: number;
  /** Median and mean quarter among the games where it happened (null if none). */
  median: number | null;
  mean: number | null;
}

/** Outcome frequencies over a set of games. */
export interface OutcomeStats {
  games: number;
  catastrophe: Proportion;
  anyIncident: Proportion;
  anyPause: Proportion;
  /**
   * Lab-quarters past a registered commitment, out of all lab-quarters. Pooled over games (the
   * quarters of one game are not independent: read the interval as a rough guide).
   */
  brokenCommitment: Proportion;
  /** Paused lab-quarters by cause, each out of all lab-quarters (pooled like brokenCommitment). */
  pauseByCause: Record<PauseCause, Proportion>;
  /** Per lab id, in the scenario's order. */
  perLab: Record<string, LabStats>;
  regulatorHalt: Proportion;
  /** Missed crossings out of all crossings, pooled over games (crossings are not independent: read the interval as a rough guide). */
  crossingsMissed: Proportion;
  meanMissedCrossings: number;
  /**
   * Of all the quarters labs spent past a threshold (lab × threshold × quarter), the share their
   * latest evals did not show: misses and late detection together. Pooled over games like
   * `crossingsMissed` (read the interval as a rough guide). Falls with more frequent evals, where
   * `crossingsMissed` rises (a later first look sees a larger overshoot).
   */
  crossingsUnseen: Proportion;
  meanRounds: number;
  firstDeployment: DeploymentTiming[];
}

/** What a batch says about one lab. */
export interface LabStats {
  /** Its quarters paused because its own policy said so, out of its quarters played. */
  ownPolicyPause: Proportion;
  /** Its quarters past its registered commitment, out of its quarters played. */
  brokenCommitment: Proportion;
  /** Games whose catastrophe it caused. */
  catastrophesCaused: Proportion;
  /** Games it ended with the largest market share. */
  leads: Proportion;
  /** Its mean market share at the end. */
  meanFinalShare: number;
  /** Its crossings missed at the first eval after each, under its own policy's evals (pooled over games). */
  crossingsMissed: Proportion;
  /** Its quarters past a threshold its own latest evals did not show (pooled over games). */
  crossingsUnseen: Proportion;
}

/** The four headline outcomes, in the order charts, tables and the CLI show them. */
export const HEADLINE_OUTCOMES = [
  { key: 'catastrophe', label: 'Catastrophe' },
  { key: 'anyIncident', label: 'Any incident' },
  { key: 'anyPause', label: 'Any pause' },
  { key: 'brokenCommitment', label: 'Lab-quarters breaking a commitment' },
] as const satisfies readonly { key: keyof OutcomeStats; label: string }[];

export type HeadlineOutcome = (typeof HEADLINE_OUTCOMES)[number]['key'];
