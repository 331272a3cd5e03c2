// Paired comparisons: a baseline and one or more arms (each a list of settings) play the same
// seeds, and every outcome is reported as the arm's value minus the baseline's with a paired 95%
// interval (paired.ts). Each arm is a PairTally: moments added seed pair by seed pair, so a
// comparison keeps no list of games and can be streamed, sharded and merged.
//
// Pure and deterministic: the rows depend only on the summaries, in game order, so the result is
// the same however the games were split across workers.

import { PAUSE_CAUSES, type PauseCause, type Scenario } from '../types';
import { exactValue } from './exactSum';
import {
  addMeanPair,
  addPooledGame,
  emptyMeanMoments,
  emptyPooledMoments,
  meanDifference,
  mergeMeanMoments,
  mergePooledMoments,
  pooledDifference,
  pooledShares,
  type MeanMoments,
  type PooledMoments,
} from './paired';
import type { GameSummary } from './summary';
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

/** Names the comparison uses for labs and levels. */
export interface CompareContext {
  /** The baseline scenario (labs and levels are read from it). */
  baseline: Scenario;
  /** Quarters in each arm's games (a game where a level was never deployed counts as this + 1). */
  roundsA: number;
  roundsB: number;
}

type Values = Pick<ComparisonRow, 'a' | 'b' | 'diff' | 'lo' | 'hi' | 'n'>;

/** One outcome a comparison reports, and how to read it from a game of either arm. */
interface PairedOutcome {
  outcome: string;
  label: string;
  kind: ComparisonRow['kind'];
  /** The lab it is about (the row is left out unless every game of both arms has that lab). */
  lab?: string;
  /** A per-game value (means and 0/1 shares), given the arm's number of quarters… */
  value?: (g: GameSummary, rounds: number) => number;
  /** …or a share pooled over games: numerator and denominator. */
  pooled?: { num: (g: GameSummary) => number; den: (g: GameSummary) => number };
}

/** The outcomes of a comparison, in the order they are reported. */
type LabCount = {
  [K in keyof GameSummary['labs'][string]]: GameSummary['labs'][string][K] extends number
    ? K
    : never;
}[keyof GameSummary['labs'][string]];

/** Per-lab shares compared arm against baseline: outcome id, what it counts, count, out of. */
const LAB_SHARES: readonly (readonly [string, string, LabCount, LabCount])[] = [
  ['ownPolicyPause', 'quarters paused by its own policy', 'ownPolicyPause', 'quarters'],
  ['brokenCommitment', 'quarters breaking a commitment', 'brokenQuarters', 'quarters'],
  ['crossingsMissed', 'crossings missed by its own evals', 'missedCrossings', 'crossings'],
  [
    'crossingsUnseen',
    'quarters past a threshold its evals did not show',
    'unseenQuarters',
    'crossedQuarters',
  ],
];

function pairedOutcomes(baseline: Scenario): PairedOutcome[] {
  const flag = (f: (g: GameSummary) => boolean) => (g: GameSummary) => (f(g) ? 1 : 0);
  const pooled = (num: (g: GameSummary) => number, den: (g: GameSummary) => number) => ({
    num,
    den,
  });
  const list: PairedOutcome[] = [
    {
      outcome: 'catastrophe',
      label: 'Catastrophe',
      kind: 'share',
      value: flag((g) => g.catastrophe),
    },
    {
      outcome: 'anyIncident',
      label: 'Any incident',
      kind: 'share',
      value: flag((g) => g.anyIncident),
    },
    {
      outcome: 'regulatorHalt',
      label: 'Regulator halt',
      kind: 'share',
      value: flag((g) => g.endReason === 'regulatorHalt'),
    },
    {
      outcome: 'brokenCommitment',
      label: 'Lab-quarters breaking a commitment',
      kind: 'share',
      pooled: pooled(
        (g) => g.brokenQuarters,
        (g) => g.labQuarters,
      ),
    },
    ...PAUSE_CAUSES.map((cause): PairedOutcome => ({
      outcome: `pauseByCause.${cause}`,
      label: `Lab-quarters paused by ${PAUSE_CAUSE_LABELS[cause]}`,
      kind: 'share',
      pooled: pooled(
        (g) => g.pausedBy[cause],
        (g) => g.labQuarters,
      ),
    })),
    {
      outcome: 'crossingsMissed',
      label: 'Crossings missed (at the first eval after each)',
      kind: 'share',
      pooled: pooled(
        (g) => g.missedCrossings,
        (g) => g.crossings,
      ),
    },
    {
      outcome: 'crossingsUnseen',
      label: 'Quarters past a threshold the evals did not show',
      kind: 'share',
      pooled: pooled(
        (g) => g.unseenQuarters,
        (g) => g.crossedQuarters,
      ),
    },
  ];
  for (const lab of baseline.labs) {
    const get = (g: GameSummary) => g.labs[lab.id] as GameSummary['labs'][string];
    list.push(
      {
        outcome: `lab.${lab.id}.leads`,
        label: `${lab.name}: ends with the largest share`,
        kind: 'share',
        lab: lab.id,
        value: flag((g) => get(g).leads),
      },
      {
        outcome: `lab.${lab.id}.finalShare`,
        label: `${lab.name}: final market share`,
        kind: 'mean',
        lab: lab.id,
        value: (g) => get(g).finalShare,
      },
      {
        outcome: `lab.${lab.id}.catastrophesCaused`,
        label: `${lab.name}: caused the catastrophe`,
        kind: 'share',
        lab: lab.id,
        value: flag((g) => get(g).causedCatastrophe),
      },
      // Shares of the lab's own quarters or crossings: [outcome, label, count, out of].
      ...LAB_SHARES.map(([outcome, what, num, den]): PairedOutcome => ({
        outcome: `lab.${lab.id}.${outcome}`,
        label: `${lab.name}: ${what}`,
        kind: 'share',
        lab: lab.id,
        pooled: pooled(
          (g) => get(g)[num],
          (g) => get(g)[den],
        ),
      })),
    );
  }
  for (const level of baseline.levels) {
    list.push({
      outcome: `firstDeployment.${level.id}`,
      label: `First full deployment at ${level.name}+: mean quarter`,
      kind: 'mean',
      value: (g, rounds) => g.firstDeploymentRoundByLevel[level.id] ?? rounds + 1,
    });
  }
  return list;
}

/**
 * One arm against the baseline as state that can be added, seed pair by seed pair: moments per
 * outcome (paired.ts), the games whose summaries differ at all, and the labs some game lacked.
 */
export interface PairTally {
  n: number;
  /** Seed pairs whose game summaries differ in any recorded fact (0: the arm changed nothing). */
  differing: number;
  /** Per outcome id. */
  means: Record<string, MeanMoments>;
  pooled: Record<string, PooledMoments>;
  /** Labs missing from some game of either arm (their rows are left out). */
  absentLabs: string[];
}

export function emptyPairTally(): PairTally {
  return { n: 0, differing: 0, means: {}, pooled: {}, absentLabs: [] };
}

/**
 * Add game i of the baseline and of the arm (played with the same seed) to `tally`, in place.
 * `same`: the two summaries are identical (the caller may know it without comparing).
 */
export function tallyPair(
  tally: PairTally,
  base: GameSummary,
  arm: GameSummary,
  ctx: CompareContext,
  same = JSON.stringify(base) === JSON.stringify(arm),
): void {
  if (base.seed !== arm.seed) throw new Error(`game ${tally.n} was played with different seeds`);
  tally.n++;
  if (!same) tally.differing++;
  for (const o of outcomesFor(ctx.baseline)) {
    if (o.lab !== undefined && (!base.labs[o.lab] || !arm.labs[o.lab])) {
      if (!tally.absentLabs.includes(o.lab)) tally.absentLabs.push(o.lab);
      continue;
    }
    if (o.value) {
      addMeanPair(
        (tally.means[o.outcome] ??= emptyMeanMoments()),
        o.value(base, ctx.roundsA),
        o.value(arm, ctx.roundsB),
      );
    } else if (o.pooled) {
      const { num, den } = o.pooled;
      addPooledGame(
        (tally.pooled[o.outcome] ??= emptyPooledMoments()),
        num(base),
        den(base),
        num(arm),
        den(arm),
      );
    }
  }
}

export function mergePairTally(into: PairTally, other: PairTally): void {
  into.n += other.n;
  into.differing += other.differing;
  for (const [id, m] of Object.entries(other.means)) {
    mergeMeanMoments((into.means[id] ??= emptyMeanMoments()), m);
  }
  for (const [id, m] of Object.entries(other.pooled)) {
    mergePooledMoments((into.pooled[id] ??= emptyPooledMoments()), m);
  }
  for (const lab of other.absentLabs) if (!into.absentLabs.includes(lab)) into.absentLabs.push(lab);
}

// The outcome list is rebuilt only when the baseline changes (it is read for every game).
let cachedFor: Scenario | null = null;
let cachedOutcomes: PairedOutcome[] = [];
function outcomesFor(baseline: Scenario): PairedOutcome[] {
  if (cachedFor !== baseline) {
    cachedOutcomes = pairedOutcomes(baseline);
    cachedFor = baseline;
  }
  return cachedOutcomes;
}

function meanValues(m: MeanMoments | undefined): Values {
  if (!m || m.n === 0) return { a: 0, b: 0, diff: 0, lo: null, hi: null, n: 0 };
  const { n } = m;
  if (m.discordant === 0) {
    const mean = exactValue(m.sumA) / n;
    return { a: mean, b: mean, diff: 0, lo: 0, hi: 0, n };
  }
  if (n < 2) {
    const a = exactValue(m.sumA);
    const b = exactValue(m.sumB);
    return { a, b, diff: b - a, lo: null, hi: null, n };
  }
  const d = meanDifference(m, Z95);
  return { a: d.a, b: d.b, diff: d.diff, lo: d.lo, hi: d.hi, n };
}

function pooledValues(m: PooledMoments | undefined): Values {
  if (!m) return { a: 0, b: 0, diff: 0, lo: null, hi: null, n: 0 };
  const { n } = m;
  const { a, b } = pooledShares(m);
  if (m.differing === 0) return { a, b, diff: 0, lo: 0, hi: 0, n };
  const [, denA, , denB] = m.sums.map(exactValue) as [number, number, number, number];
  if (n < 2 || denA <= 0 || denB <= 0) return { a, b, diff: b - a, lo: null, hi: null, n };
  const d = pooledDifference(m, Z95);
  return { a: d.a, b: d.b, diff: d.diff, lo: d.lo, hi: d.hi, n };
}

/** The rows of one arm against the baseline, read from its pair tally. */
export function pairRows(armName: string, tally: PairTally, baseline: Scenario): ComparisonRow[] {
  return outcomesFor(baseline)
    .filter((o) => o.lab === undefined || !tally.absentLabs.includes(o.lab))
    .map((o) => ({
      arm: armName,
      outcome: o.outcome,
      label: o.label,
      kind: o.kind,
      ...(o.value ? meanValues(tally.means[o.outcome]) : pooledValues(tally.pooled[o.outcome])),
    }));
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
  const tally = emptyPairTally();
  base.forEach((g, i) => tallyPair(tally, g, arm[i] as GameSummary, ctx));
  return pairRows(armName, tally, ctx.baseline);
}

/** True when two arms' games are the same in every recorded fact (byte-identical summaries). */
export function identicalGames(a: readonly GameSummary[], b: readonly GameSummary[]): boolean {
  return a.length === b.length && a.every((g, i) => JSON.stringify(g) === JSON.stringify(b[i]));
}
