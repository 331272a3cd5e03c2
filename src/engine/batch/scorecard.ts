// The policy scorecard: one lab plays under each of two or more policies, in the same worlds —
// the same rivals, the same seeds, over a small grid of eval quality × competitive pressure — and
// each policy's consequences for that lab are read as paired differences against the first
// policy (common random numbers: game i of every arm, in every cell, starts from the same seed).
//
// It reuses the comparison's machinery: one PairTally (compare.ts) per policy and grid cell, so
// a scorecard can be streamed game by game (the CLI), or read from the worker pool's summaries
// (the Explorer), with the same bytes at the end. Pure and deterministic.

import {
  emptyPairTally,
  mergePairTally,
  pairRows,
  tallyPair,
  type ComparisonRow,
  type PairTally,
  type Setting,
} from './compare';
import type { GameSummary } from './summary';
import { applySettings, formatNumber } from './sweepParameters';
import type { PolicySpec, Scenario } from '../types';

/** The grid's two axes: the sweep parameters they set, in the order cells are laid out. */
export const SCORECARD_AXES = ['evalSensitivity', 'competitivePressure'] as const;
export type ScorecardAxis = (typeof SCORECARD_AXES)[number];
export type ScorecardGrid = Record<ScorecardAxis, number[]>;

/** What the scorecard reports per policy, for the lab whose policy is varied (in this order). */
export const SCORECARD_OUTCOMES = [
  { key: 'catastrophe', label: 'Catastrophe (any lab)', kind: 'share' },
  { key: 'crossingsMissed', label: 'Crossings its evals missed', kind: 'share' },
  { key: 'crossingsUnseen', label: 'Quarters past an unseen threshold', kind: 'share' },
  { key: 'ownPolicyPause', label: 'Quarters paused by its own policy', kind: 'share' },
  { key: 'brokenCommitment', label: 'Quarters breaking a commitment', kind: 'share' },
  { key: 'finalShare', label: 'Market share kept (final, mean)', kind: 'mean' },
] as const;
export type ScorecardOutcome = (typeof SCORECARD_OUTCOMES)[number]['key'];

/** The comparison outcome id behind a scorecard outcome, for lab `labId`. */
export function outcomeId(key: ScorecardOutcome, labId: string): string {
  return key === 'catastrophe' ? key : `lab.${labId}.${key}`;
}

/** A policy id not yet used by any of `taken`, derived from `base`. */
function freePolicyId(base: string, taken: readonly PolicySpec[]): string {
  const ids = new Set(taken.map((p) => p.id));
  if (!ids.has(base)) return base;
  for (let k = 2; ; k++) if (!ids.has(`${base}-${k}`)) return `${base}-${k}`;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The scenario with lab `labId` under `policy`. A policy the scenario already holds (same id,
 * same content) is just chosen; any other (a shipped policy of another scenario, one a user wrote)
 * is added to the scenario's policies under an id no other policy uses. The lab takes the
 * policy's binding flag (binding or voluntary is part of what a policy says), except under the
 * policy it holds as written: that arm is the scenario exactly as written. The scenario's own
 * ladder (its default policy's) stays the yardstick of crossings in every arm.
 */
export function withLabPolicy(scenario: Scenario, labId: string, policy: PolicySpec): Scenario {
  const lab = scenario.labs.find((l) => l.id === labId);
  if (!lab) throw new Error(`no lab "${labId}" in ${scenario.id}`);
  const held = scenario.policies.find((p) => p.id === policy.id && sameJson(p, policy));
  // The lab's own policy is the scenario as written (a binding flag set on the lab included).
  if (held && held.id === lab.policy.use) return scenario;
  const placed = held ?? { ...policy, id: freePolicyId(policy.id, scenario.policies) };
  return {
    ...scenario,
    policies: held ? scenario.policies : [...scenario.policies, placed],
    labs: scenario.labs.map((l) =>
      l.id === labId
        ? { ...l, policy: { ...l.policy, use: placed.id, binding: placed.binding } }
        : l,
    ),
  };
}

/** The grid's cells as settings, eval sensitivity outermost (cell index = e · |pressures| + p). */
export function scorecardCells(grid: ScorecardGrid): Setting[][] {
  return grid.evalSensitivity.flatMap((e) =>
    grid.competitivePressure.map((p) => [
      { id: 'evalSensitivity', value: e },
      { id: 'competitivePressure', value: p },
    ]),
  );
}

/** "eval sensitivity 0.3, pressure 1" */
export function cellLabel(cell: readonly Setting[]): string {
  const [e, p] = cell;
  return `eval sensitivity ${formatNumber(e?.value ?? 0)}, pressure ${formatNumber(p?.value ?? 0)}`;
}

/** The scenarios a scorecard plays: [policy][cell]. */
export function scorecardScenarios(
  written: Scenario,
  labId: string,
  policies: readonly PolicySpec[],
  grid: ScorecardGrid,
): Scenario[][] {
  const cells = scorecardCells(grid);
  return policies.map((policy) => {
    const held = withLabPolicy(written, labId, policy);
    return cells.map((cell) => applySettings(held, cell));
  });
}

/** Pair tallies of every policy against the first, per cell: tallies[policy][cell]. */
export interface ScorecardTally {
  tallies: PairTally[][];
}

export function emptyScorecardTally(policies: number, cells: number): ScorecardTally {
  return {
    tallies: Array.from({ length: policies }, () =>
      Array.from({ length: cells }, () => emptyPairTally()),
    ),
  };
}

/**
 * Add one seed of one cell: `games[k]` is policy k's game (all played with the same seed). Each
 * policy is paired with the first; the first with itself (its values, and a difference of 0).
 */
export function tallyScorecardSeed(
  tally: ScorecardTally,
  cell: number,
  games: readonly GameSummary[],
  written: Scenario,
): void {
  const base = games[0];
  if (!base) return;
  const ctx = { baseline: written, roundsA: written.rounds, roundsB: written.rounds };
  games.forEach((game, k) => {
    const into = tally.tallies[k]?.[cell];
    if (into) tallyPair(into, base, game, ctx, k === 0 ? true : undefined);
  });
}

/** One policy's figure on one outcome, against the first policy. */
export interface ScorecardRow {
  /** The policy's name as the scorecard shows it. */
  policy: string;
  /** "all" (pooled over the grid) or the cell's label. */
  cell: string;
  outcome: ScorecardOutcome;
  label: string;
  kind: 'share' | 'mean';
  /** The first policy's value, this policy's value, their difference and its paired 95% interval. */
  first: number;
  value: number;
  diff: number;
  lo: number | null;
  hi: number | null;
  /** Seed pairs (games per policy). */
  n: number;
}

function scorecardRowsOf(
  policy: string,
  cell: string,
  pair: PairTally,
  written: Scenario,
  labId: string,
): ScorecardRow[] {
  const byId = new Map<string, ComparisonRow>(
    pairRows(policy, pair, written).map((r) => [r.outcome, r]),
  );
  return SCORECARD_OUTCOMES.flatMap(({ key, label, kind }) => {
    const r = byId.get(outcomeId(key, labId));
    if (!r) return [];
    const { a, b, diff, lo, hi, n } = r;
    return [{ policy, cell, outcome: key, label, kind, first: a, value: b, diff, lo, hi, n }];
  });
}

/** Every policy's rows: pooled over the grid first ("all"), then cell by cell. */
export function scorecardRows(
  tally: ScorecardTally,
  names: readonly string[],
  cells: readonly Setting[][],
  written: Scenario,
  labId: string,
): ScorecardRow[] {
  const pooled = tally.tallies.map((perCell) => {
    const all = emptyPairTally();
    for (const t of perCell) mergePairTally(all, t);
    return all;
  });
  const rows: ScorecardRow[] = [];
  pooled.forEach((pair, k) =>
    rows.push(...scorecardRowsOf(names[k] ?? `policy ${k + 1}`, 'all', pair, written, labId)),
  );
  if (cells.length > 1) {
    cells.forEach((cell, c) =>
      tally.tallies.forEach((perCell, k) => {
        const pair = perCell[c];
        if (!pair) return;
        const name = names[k] ?? `policy ${k + 1}`;
        rows.push(...scorecardRowsOf(name, cellLabel(cell), pair, written, labId));
      }),
    );
  }
  return rows;
}

/**
 * The scorecard's tally from every arm's summaries in game order: `summaries[k][c]` are policy
 * k's games in cell c (the worker pool's cells, laid out policy by policy).
 */
export function tallyScorecard(
  summaries: readonly (readonly (readonly GameSummary[])[])[],
  written: Scenario,
): ScorecardTally {
  const cells = summaries[0]?.length ?? 0;
  const tally = emptyScorecardTally(summaries.length, cells);
  for (let c = 0; c < cells; c++) {
    const games = summaries[0]?.[c]?.length ?? 0;
    for (let i = 0; i < games; i++) {
      const seed = summaries.map((perCell) => perCell[c]?.[i] as GameSummary);
      tallyScorecardSeed(tally, c, seed, written);
    }
  }
  return tally;
}
