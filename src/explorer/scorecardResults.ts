// A scorecard's results — the rows, which policies changed nothing, and the exports (CSV and
// JSON). `scorecardResult` is the one function the Explorer (after its workers finish) and the
// command line (`sim scorecard`, streaming) both use, so their exports carry the same numbers.
// Pure.

import type { ScorecardRow, ScorecardTally } from '../engine/batch/scorecard';
import { scorecardCells, scorecardRows } from '../engine/batch/scorecard';
import { ENGINE_VERSION } from '../engine/record';
import type { Scenario } from '../engine/types';
import { csvLines } from './csvLines';
import type { PolicyChoice } from './scorecardPolicy';
import type { ScorecardSpec } from './scorecardLink';

export interface ScorecardResult {
  /** The lab whose policy was varied, by name. */
  lab: string;
  policies: { name: string; from: string | null; id: string; identicalToFirst: boolean }[];
  /** Pooled over the grid ("all") first, then per cell. */
  rows: ScorecardRow[];
}

export function scorecardResult(
  spec: ScorecardSpec,
  written: Scenario,
  choices: readonly PolicyChoice[],
  tally: ScorecardTally,
): ScorecardResult {
  const names = choices.map((c) => c.name);
  const cells = scorecardCells(spec.grid);
  return {
    lab: written.labs.find((l) => l.id === spec.lab)?.name ?? spec.lab,
    policies: choices.map((c, k) => ({
      name: c.name,
      from: c.from,
      id: c.policy.id,
      identicalToFirst: k > 0 && (tally.tallies[k] ?? []).every((t) => t.differing === 0),
    })),
    rows: scorecardRows(tally, names, cells, written, spec.lab),
  };
}

/** One row per policy, cell and outcome, pooled rows first. */
export function scorecardCsv(result: ScorecardResult): string {
  const header = [
    'policy',
    'cell',
    'outcome',
    'label',
    'firstPolicy',
    'value',
    'diff',
    'lo95',
    'hi95',
    'n',
  ];
  const rows = result.rows.map((r) => [
    r.policy,
    r.cell,
    r.outcome,
    r.label,
    r.first,
    r.value,
    r.diff,
    r.lo,
    r.hi,
    r.n,
  ]);
  return csvLines([header, ...rows]);
}

/** Everything needed to read and reproduce the scorecard (written policies included, whole). */
export function scorecardJson(
  spec: ScorecardSpec,
  scenario: Scenario,
  link: string,
  result: ScorecardResult,
): Record<string, unknown> {
  return {
    engine: ENGINE_VERSION,
    scenario: { id: scenario.id, title: scenario.title },
    lab: { id: spec.lab, name: result.lab },
    scorecard: spec,
    link,
    policies: result.policies,
    interval:
      'paired 95% against the first policy (mean ± 1.96 standard errors of the per-seed differences; shares of quarters and crossings pooled over games with a cluster-robust error)',
    rows: result.rows.map(({ policy, cell, outcome, first, value, diff, lo, hi, n }) => ({
      policy,
      cell,
      outcome,
      first,
      value,
      diff,
      lo,
      hi,
      n,
    })),
  };
}
