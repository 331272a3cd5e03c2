// A comparison's results as CSV and JSON, for the Explorer's exports. Pure.
// `computeComparison` is the one function both the Explorer (after its workers finish) and Node
// (tests, scripts) use to turn the arms' per-game summaries into rows.

import {
  armScenario,
  compareSummaries,
  identicalGames,
  type ComparisonRow,
} from '../engine/batch/compare';
import { inertReason } from '../engine/batch/inert';
import type { GameSummary } from '../engine/batch/summary';
import { applySettings } from '../engine/batch/sweepParameters';
import type { Scenario } from '../engine/types';
import { compareNames, type CompareSpec } from './compareLink';
import { csvLines } from './csvLines';
import { exportHeader, PAIRED_INTERVAL } from './exportHeader';

export interface ComparisonResult {
  baseline: string;
  arms: { arm: string; identicalToBaseline: boolean; note: string | null }[];
  rows: ComparisonRow[];
}

/** The scenarios a comparison plays: the baseline first, then each arm. */
export function compareScenarios(spec: CompareSpec, written: Scenario): Scenario[] {
  const baseline = applySettings(written, spec.baseline);
  return [baseline, ...spec.arms.map((arm) => armScenario(baseline, arm))];
}

/**
 * Rows for every arm against the baseline, from each arm's summaries in game order. `names`: what
 * to call the baseline and arms (default: their settings in words).
 */
export function computeComparison(
  spec: CompareSpec,
  written: Scenario,
  summaries: readonly (readonly GameSummary[])[],
  names?: { baseline: string; arms: string[] },
): ComparisonResult {
  const scenarios = compareScenarios(spec, written);
  const baseline = scenarios[0] as Scenario;
  const base = summaries[0] ?? [];
  const named = names ?? compareNames(spec, baseline);
  const arms = spec.arms.map((arm, i) => {
    const same = identicalGames(base, summaries[i + 1] ?? []);
    const only = arm.length === 1 ? arm[0] : undefined;
    const note = same
      ? only
        ? inertReason(baseline, only.id, [only.value])
        : 'these settings did not change any game in this scenario'
      : null;
    return { arm: named.arms[i] as string, identicalToBaseline: same, note };
  });
  const rows = spec.arms.flatMap((_, i) =>
    compareSummaries(named.arms[i] as string, base, summaries[i + 1] ?? [], {
      baseline,
      roundsA: baseline.rounds,
      roundsB: (scenarios[i + 1] as Scenario).rounds,
    }),
  );
  return { baseline: named.baseline, arms, rows };
}

/** One row per arm and outcome: arm, outcome, label, baseline, arm value, difference, interval, games. */
export function comparisonCsv(result: ComparisonResult): string {
  const header = ['arm', 'outcome', 'label', 'baseline', 'armValue', 'diff', 'lo95', 'hi95', 'n'];
  const rows = result.rows.map((r) => [
    r.arm,
    r.outcome,
    r.label,
    r.a,
    r.b,
    r.diff,
    r.lo,
    r.hi,
    r.n,
  ]);
  return csvLines([header, ...rows]);
}

/** Everything needed to read and reproduce the comparison. */
export function comparisonJson(
  spec: CompareSpec,
  scenario: Scenario,
  link: string,
  result: ComparisonResult,
): Record<string, unknown> {
  return {
    ...exportHeader(scenario),
    compare: spec,
    link,
    baseline: result.baseline,
    arms: result.arms,
    interval: PAIRED_INTERVAL,
    neverDeployed: 'time to first deployment counts a game where it never happened as rounds + 1',
    comparisons: rowsJson(result.rows),
  };
}

/** The rows as an export lists them (labels left out: they are in the CSV and the page). */
export function rowsJson(rows: readonly ComparisonRow[]) {
  return rows.map(({ arm, outcome, a, b, diff, lo, hi, n }) => ({
    arm,
    outcome,
    a,
    b,
    diff,
    lo,
    hi,
    n,
  }));
}
