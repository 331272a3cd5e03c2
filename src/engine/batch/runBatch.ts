// Many bot games of one scenario, each boiled down to a few facts, and the statistics over them.
// Game i of a batch with seed S is played with seed S + i, so a batch can be cut into chunks (for
// Web Workers or worker threads) and the merged result is the same however it was cut.
// Pure and deterministic: no DOM, no Node APIs, no clock.

import { isEvalRound } from '../evaluation';
import { WITHOUT_TEXT, playWithBots } from '../game';
import { labPolicy } from '../policies';
import type { DomainId, DomainValues, GameState, Scenario } from '../types';
import { noPauses, type GameSummary, type LabGameSummary } from './summary';

// What a batch keeps of a game and the figures over games live in summary.ts (and aggregate in
// tally.ts), free of the engine, so the Explorer's page can read results without loading the game
// its workers play. Re-exported here for callers that run games and read them in one place.
export * from './summary';
export { aggregate } from './tally';

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
    // Counted, never read: no news is written (the same game, draw for draw).
    const state = playWithBots(scenario, options.seed + from + i, undefined, WITHOUT_TEXT);
    out.push(summariseGame(scenario, state));
  }
  return out;
}
