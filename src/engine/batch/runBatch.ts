// Many bot games of one scenario, each boiled down to a few facts, and the statistics over them.
// Game i of a batch with seed S is played with seed S + i, so a batch can be cut into chunks (for
// Web Workers or worker threads) and the merged result is the same however it was cut.
// Pure and deterministic: no DOM, no Node APIs, no clock.

import { isEvalRound } from '../evaluation';
import { playWithBots } from '../game';
import { labPolicy } from '../policies';
import type { DomainId, DomainValues, EndReason, GameState, PauseCause, Scenario } from '../types';
import type { Proportion } from './stats';
import { tallyGames, tallyStats } from './tally';

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

/**
 * The facts the explorer and the CLI report about one finished game.
 *
 * Crossings are counted at evaluations: at each quarter with an assessment, every threshold of
 * the scenario's ladder that a lab's model had truly reached (capability at the end of the
 * previous quarter, when the evals ran) is a crossing the evals could see. A crossing counts once,
 * at the first assessment after it happened, and is missed if that assessment measured below the
 * threshold less the safety buffer: the evals did not show it when they first could have.
 *
 * Quarters past a threshold are counted every quarter: each threshold a lab's model had truly
 * reached by the end of the quarter (the model it trained and deployed that quarter), unseen if
 * the lab's latest evals, from the start of that quarter or earlier, measured below it less the
 * buffer. Longer gaps between evals show up here as more unseen quarters.
 */
export function summariseGame(scenario: Scenario, state: GameState): GameSummary {
  const levelIndex = new Map(scenario.levels.map((l, i) => [l.id, i]));
  const first: (number | null)[] = scenario.levels.map(() => null);
  const buffer = scenario.evaluation.safetyBuffer;
  const thresholds: { key: string; domain: DomainId; t: number }[] = [];
  for (const level of scenario.levels) {
    for (const d in level.thresholds) {
      const domain = d as DomainId;
      thresholds.push({ key: `${level.id}|${d}`, domain, t: level.thresholds[domain] as number });
    }
  }
  // Capability and status of each lab at the start of the quarter being read.
  const before = new Map<string, { capability: DomainValues; halted: boolean }>(
    scenario.labs.map((l) => [l.id, { capability: l.start.capability, halted: false }]),
  );
  let anyIncident = false;
  let anyPause = false;
  let labQuarters = 0;
  let brokenQuarters = 0;
  const pausedBy = noPauses();
  const labs: Record<string, LabGameSummary> = {};
  for (const lab of state.labs) {
    labs[lab.id] = {
      quarters: 0,
      ownPolicyPause: 0,
      brokenQuarters: 0,
      causedCatastrophe: false,
      leads: false,
      finalShare: lab.marketShare,
      crossings: 0,
      missedCrossings: 0,
      crossedQuarters: 0,
      unseenQuarters: 0,
    };
  }
  // Each lab's own eval cadence and safety buffer (its policy's), for its own counts.
  const rules = new Map(state.labs.map((l) => [l.id, labPolicy(scenario, l.id).evaluation]));
  const seenByLab = new Set<string>();
  const seen = new Set<string>();
  let missed = 0;
  let crossedQuarters = 0;
  let unseenQuarters = 0;
  for (const round of state.history) {
    if (round.incidents.length > 0) anyIncident = true;
    const evalRound = isEvalRound(round.round, scenario.evaluation.cadence);
    for (const rec of round.labs) {
      const lab = labs[rec.lab];
      labQuarters++;
      if (lab) lab.quarters++;
      if (rec.effectivePosture === 'pause') anyPause = true;
      if (rec.pauseCause !== null) pausedBy[rec.pauseCause]++;
      if (rec.pauseCause === 'ownPolicy' && lab) lab.ownPolicyPause++;
      if (rec.compliance === 'broken') {
        brokenQuarters++;
        if (lab) lab.brokenQuarters++;
      }
      const level = rec.trueLevel === null ? -1 : (levelIndex.get(rec.trueLevel) ?? -1);
      if (rec.effectivePosture === 'deploy') {
        for (let i = 0; i <= level; i++) if (first[i] === null) first[i] = round.round;
      }
      const own = rules.get(rec.lab);
      const ownBuffer = own?.safetyBuffer ?? buffer;
      if (rec.status !== 'halted') {
        for (const { domain, t } of thresholds) {
          if ((rec.capability[domain] ?? 0) < t) continue;
          crossedQuarters++;
          const measured = rec.measured?.[domain] ?? 0;
          if (measured < t - buffer) unseenQuarters++;
          if (lab) {
            lab.crossedQuarters++;
            if (measured < t - ownBuffer) lab.unseenQuarters++;
          }
        }
      }
      const start = before.get(rec.lab);
      if (start && !start.halted && rec.measured) {
        const ownEvalRound = own ? isEvalRound(round.round, own.cadence) : evalRound;
        for (const { key, domain, t } of thresholds) {
          if ((start.capability[domain] ?? 0) < t) continue;
          const id = `${rec.lab}|${key}`;
          const measured = rec.measured[domain] ?? 0;
          if (evalRound && !seen.has(id)) {
            seen.add(id);
            if (measured < t - buffer) missed++;
          }
          if (lab && ownEvalRound && !seenByLab.has(id)) {
            seenByLab.add(id);
            lab.crossings++;
            if (measured < t - ownBuffer) lab.missedCrossings++;
          }
        }
      }
      before.set(rec.lab, { capability: rec.capability, halted: rec.status === 'halted' });
    }
  }
  const outcome = state.outcome;
  const causer = outcome?.catastrophe?.lab;
  if (causer !== undefined && labs[causer]) labs[causer].causedCatastrophe = true;
  let top = 0;
  for (const lab of state.labs) top = Math.max(top, lab.marketShare);
  for (const lab of state.labs) {
    const summary = labs[lab.id];
    if (summary) summary.leads = lab.marketShare >= top;
  }
  return {
    seed: state.seed,
    catastrophe: outcome?.reason === 'catastrophe',
    anyIncident,
    anyPause,
    labQuarters,
    brokenQuarters,
    pausedBy,
    labs,
    crossings: seen.size,
    missedCrossings: missed,
    crossedQuarters,
    unseenQuarters,
    firstDeploymentRoundByLevel: Object.fromEntries(
      scenario.levels.map((l, i) => [l.id, first[i] ?? null]),
    ),
    endReason: outcome?.reason ?? 'roundsComplete',
    rounds: state.history.length,
  };
}

export interface RunOptions {
  /** Number of games. */
  runs: number;
  /** Batch seed: game i is played with seed + from + i. */
  seed: number;
  /** Index of the first game (for chunks of a larger batch). Default 0. */
  from?: number;
}

/** Play `runs` bot games (seeds seed + from … seed + from + runs − 1) and summarise each. */
export function runGames(scenario: Scenario, options: RunOptions): GameSummary[] {
  const from = options.from ?? 0;
  const out: GameSummary[] = [];
  for (let i = 0; i < options.runs; i++) {
    const state = playWithBots(scenario, options.seed + from + i);
    out.push(summariseGame(scenario, state));
  }
  return out;
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

/**
 * Proportions with Wilson 95% intervals and time-to-deployment distributions. `levelIds` fixes
 * the levels reported (default: those of the first summary). Order of summaries does not matter:
 * the figures are read from their tally (tally.ts), as a merged or streamed batch reads them.
 */
export function aggregate(
  summaries: readonly GameSummary[],
  levelIds?: readonly string[],
): OutcomeStats {
  const ids = levelIds ?? Object.keys(summaries[0]?.firstDeploymentRoundByLevel ?? {});
  return tallyStats(tallyGames(summaries, ids));
}
