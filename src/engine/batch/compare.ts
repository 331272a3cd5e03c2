// Paired comparisons: a baseline and one or more arms (each a list of settings) play the same
// seeds, and every outcome is reported as the arm's value minus the baseline's with a paired 95%
// interval (paired.ts). The per-game summaries of every arm are kept to pair them; the caller
// decides how many games fit in memory.
//
// Pure and deterministic: the rows depend only on the summaries, in game order, so the result is
// the same however the games were split across workers.

import { PAUSE_CAUSES, type PauseCause, type Scenario } from '../types';
import { pairedDifference, pooledShareDifference } from './paired';
import type { GameSummary } from './runBatch';
import { Z95 } from './stats';
import { applySettings, sweepParameter } from './sweepParameters';

export interface Setting {
  id: string;
  value: number;
}

/** One outcome of one arm against the baseline. */
export interface ComparisonRow {
  /** The arm, as its settings read: "pauseFrom.aster=5, evalSensitivity=0.9". */
  arm: string;
  /** Stable outcome id, e.g. "catastrophe", "pauseByCause.agreement", "lab.aster.leads". */
  outcome: string;
  /** Plain words, e.g. "Aster Labs: ends with the largest share". */
  label: string;
  /** How the values read: a share of games, of lab-quarters, a mean quarter… */
  kind: 'share' | 'mean';
  /** Baseline value and arm value. */
  a: number;
  b: number;
  /** b − a and its paired 95% interval (null when it cannot be computed: fewer than 2 games, or nothing to count). */
  diff: number;
  lo: number | null;
  hi: number | null;
  /** Games paired. */
  n: number;
}

export const PAUSE_CAUSE_LABELS: Record<PauseCause, string> = {
  ownPolicy: 'own policy',
  agreement: 'pause agreement',
  regulator: 'regulator',
  choice: 'own choice (or a forced pause)',
};

/** "pauseFrom.aster=5, evalSensitivity=0.9" (values by name where they have one). */
export function armLabel(settings: readonly Setting[], scenario?: Scenario): string {
  if (settings.length === 0) return 'baseline';
  return settings
    .map((s) => `${s.id}=${sweepParameter(s.id, scenario)?.format(s.value) ?? s.value}`)
    .join(', ');
}

/** The scenario an arm plays: the baseline's scenario with the arm's settings applied on top. */
export function armScenario(baseline: Scenario, arm: readonly Setting[]): Scenario {
  return applySettings(baseline, arm);
}

const sameNumbers = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function meanRow(
  a: readonly number[],
  b: readonly number[],
): Pick<ComparisonRow, 'a' | 'b' | 'diff' | 'lo' | 'hi' | 'n'> {
  const n = a.length;
  if (n === 0) return { a: 0, b: 0, diff: 0, lo: null, hi: null, n };
  if (sameNumbers(a, b)) {
    const m = a.reduce((s, x) => s + x, 0) / n;
    return { a: m, b: m, diff: 0, lo: 0, hi: 0, n };
  }
  if (n < 2) {
    const x = a[0] as number;
    const y = b[0] as number;
    return { a: x, b: y, diff: y - x, lo: null, hi: null, n };
  }
  const d = pairedDifference(a, b, Z95);
  return { a: d.a, b: d.b, diff: d.diff, lo: d.lo, hi: d.hi, n };
}

function pooledRow(
  numA: readonly number[],
  denA: readonly number[],
  numB: readonly number[],
  denB: readonly number[],
): Pick<ComparisonRow, 'a' | 'b' | 'diff' | 'lo' | 'hi' | 'n'> {
  const n = numA.length;
  const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
  const ra = sum(denA) > 0 ? sum(numA) / sum(denA) : 0;
  const rb = sum(denB) > 0 ? sum(numB) / sum(denB) : 0;
  if (sameNumbers(numA, numB) && sameNumbers(denA, denB)) {
    return { a: ra, b: rb, diff: 0, lo: 0, hi: 0, n };
  }
  if (n < 2 || sum(denA) <= 0 || sum(denB) <= 0) {
    return { a: ra, b: rb, diff: rb - ra, lo: null, hi: null, n };
  }
  const d = pooledShareDifference(numA, denA, numB, denB, Z95);
  return { a: d.a, b: d.b, diff: d.diff, lo: d.lo, hi: d.hi, n };
}

/** Names the comparison uses for labs and levels. */
export interface CompareContext {
  /** The baseline scenario (labs and levels are read from it). */
  baseline: Scenario;
  /** Quarters in each arm's games (a game where a level was never deployed counts as this + 1). */
  roundsA: number;
  roundsB: number;
}

/**
 * Every outcome of `arm` against `base`, game by game (both lists in game order, same seeds).
 * Labs are those of the baseline that the arm also has; levels are the baseline's.
 */
export function compareSummaries(
  armName: string,
  base: readonly GameSummary[],
  arm: readonly GameSummary[],
  ctx: CompareContext,
): ComparisonRow[] {
  if (base.length !== arm.length) {
    throw new Error(`the baseline has ${base.length} games and the arm ${arm.length}`);
  }
  base.forEach((g, i) => {
    if (arm[i]?.seed !== g.seed) throw new Error(`game ${i} was played with different seeds`);
  });
  const rows: ComparisonRow[] = [];
  const add = (
    outcome: string,
    label: string,
    kind: ComparisonRow['kind'],
    values: Pick<ComparisonRow, 'a' | 'b' | 'diff' | 'lo' | 'hi' | 'n'>,
  ): void => {
    rows.push({ arm: armName, outcome, label, kind, ...values });
  };
  const flag = (games: readonly GameSummary[], f: (g: GameSummary) => boolean): number[] =>
    games.map((g) => (f(g) ? 1 : 0));
  const both = (f: (g: GameSummary) => boolean) => meanRow(flag(base, f), flag(arm, f));
  const pooled = (num: (g: GameSummary) => number, den: (g: GameSummary) => number) =>
    pooledRow(base.map(num), base.map(den), arm.map(num), arm.map(den));

  add(
    'catastrophe',
    'Catastrophe',
    'share',
    both((g) => g.catastrophe),
  );
  add(
    'anyIncident',
    'Any incident',
    'share',
    both((g) => g.anyIncident),
  );
  add(
    'regulatorHalt',
    'Regulator halt',
    'share',
    both((g) => g.endReason === 'regulatorHalt'),
  );
  add(
    'brokenCommitment',
    'Lab-quarters breaking a commitment',
    'share',
    pooled(
      (g) => g.brokenQuarters,
      (g) => g.labQuarters,
    ),
  );
  for (const cause of PAUSE_CAUSES) {
    add(
      `pauseByCause.${cause}`,
      `Lab-quarters paused by ${PAUSE_CAUSE_LABELS[cause]}`,
      'share',
      pooled(
        (g) => g.pausedBy[cause],
        (g) => g.labQuarters,
      ),
    );
  }
  add(
    'crossingsMissed',
    'Crossings missed (at the first eval after each)',
    'share',
    pooled(
      (g) => g.missedCrossings,
      (g) => g.crossings,
    ),
  );
  add(
    'crossingsUnseen',
    'Quarters past a threshold the evals did not show',
    'share',
    pooled(
      (g) => g.unseenQuarters,
      (g) => g.crossedQuarters,
    ),
  );
  for (const lab of ctx.baseline.labs) {
    if (!base.every((g) => g.labs[lab.id]) || !arm.every((g) => g.labs[lab.id])) continue;
    const get = (g: GameSummary) => g.labs[lab.id] as GameSummary['labs'][string];
    add(
      `lab.${lab.id}.leads`,
      `${lab.name}: ends with the largest share`,
      'share',
      both((g) => get(g).leads),
    );
    add(
      `lab.${lab.id}.finalShare`,
      `${lab.name}: final market share`,
      'mean',
      meanRow(
        base.map((g) => get(g).finalShare),
        arm.map((g) => get(g).finalShare),
      ),
    );
    add(
      `lab.${lab.id}.catastrophesCaused`,
      `${lab.name}: caused the catastrophe`,
      'share',
      both((g) => get(g).causedCatastrophe),
    );
    add(
      `lab.${lab.id}.ownPolicyPause`,
      `${lab.name}: quarters paused by its own policy`,
      'share',
      pooled(
        (g) => get(g).ownPolicyPause,
        (g) => get(g).quarters,
      ),
    );
  }
  for (const level of ctx.baseline.levels) {
    const when = (games: readonly GameSummary[], rounds: number): number[] =>
      games.map((g) => g.firstDeploymentRoundByLevel[level.id] ?? rounds + 1);
    add(
      `firstDeployment.${level.id}`,
      `First full deployment at ${level.name}+: mean quarter`,
      'mean',
      meanRow(when(base, ctx.roundsA), when(arm, ctx.roundsB)),
    );
  }
  return rows;
}

/** True when two arms' games are the same in every recorded fact (byte-identical summaries). */
export function identicalGames(a: readonly GameSummary[], b: readonly GameSummary[]): boolean {
  return a.length === b.length && a.every((g, i) => JSON.stringify(g) === JSON.stringify(b[i]));
}
