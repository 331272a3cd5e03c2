// Paired differences between two arms that played the same seeds (common random numbers): game i
// of arm A and game i of arm B start from the same seed and stay identical until the changed
// setting first makes a difference. Seeds are independent of one another, so the per-seed
// differences are independent and identically distributed, and their mean is approximately
// normal for the hundreds of games a comparison uses (central limit theorem; every metric here is
// bounded). The interval is mean ± z · sd / √n of the per-seed differences.
//
// For a 0/1 outcome the paired mean difference is McNemar's comparison of the discordant pairs.
// For shares pooled over games (missed crossings out of crossings) the games are the clusters:
// the ratio's difference gets a paired, cluster-robust (delta-method) standard error.
//
// Both are read from moments that can be added: sums of the values, of the per-seed differences
// and of their squares (for pooled shares, the sums and cross products of the four per-game
// counts), kept as exact sums (exactSum.ts). So a comparison can be streamed, cut into chunks or
// shards and merged, with the same bytes at the end and no list of games kept.
//
// Shared by the validation suite (tests/engine/validation), `sim batch --compare` and the
// Explorer. Pure arithmetic.

import { addExact, emptySum, exactValue, mergeExact, type ExactSum } from './exactSum';
import { Z95 } from './stats';

export interface Difference {
  /** Mean of arm A and of arm B (for a pooled share: the pooled shares). */
  a: number;
  b: number;
  /** b − a and its interval (mean ± z · standard error). */
  diff: number;
  lo: number;
  hi: number;
  n: number;
  /** For 0/1 outcomes: seeds where the arms differ (otherwise n). */
  discordant: number;
}

/** What a paired difference of means needs, added up seed by seed. */
export interface MeanMoments {
  n: number;
  /** Seeds where the two values differ. */
  discordant: number;
  /** Some value was not 0 or 1. */
  nonBinary: boolean;
  sumA: ExactSum;
  sumB: ExactSum;
  /** Σ (b − a) and Σ (b − a)². */
  sumD: ExactSum;
  sumD2: ExactSum;
}

export function emptyMeanMoments(): MeanMoments {
  return {
    n: 0,
    discordant: 0,
    nonBinary: false,
    sumA: emptySum(),
    sumB: emptySum(),
    sumD: emptySum(),
    sumD2: emptySum(),
  };
}

/** Add one seed's pair of values (in place). */
export function addMeanPair(m: MeanMoments, a: number, b: number): void {
  const d = b - a;
  m.n++;
  if (d !== 0) m.discordant++;
  if ((a !== 0 && a !== 1) || (b !== 0 && b !== 1)) m.nonBinary = true;
  addExact(m.sumA, a);
  addExact(m.sumB, b);
  addExact(m.sumD, d);
  addExact(m.sumD2, d * d);
}

export function mergeMeanMoments(into: MeanMoments, other: MeanMoments): void {
  into.n += other.n;
  into.discordant += other.discordant;
  into.nonBinary ||= other.nonBinary;
  mergeExact(into.sumA, other.sumA);
  mergeExact(into.sumB, other.sumB);
  mergeExact(into.sumD, other.sumD);
  mergeExact(into.sumD2, other.sumD2);
}

/** Sample variance from n, Σx and Σx² (never below 0: rounding cannot make it negative). */
function varianceFrom(n: number, sum: number, sumSquares: number): number {
  return Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1));
}

/** The paired difference of means, arm B minus arm A, from its moments (n ≥ 2). */
export function meanDifference(m: MeanMoments, z = Z95): Difference {
  const { n } = m;
  if (n < 2) throw new Error('need two paired arms of n ≥ 2');
  const diff = exactValue(m.sumD) / n;
  const se = Math.sqrt(varianceFrom(n, exactValue(m.sumD), exactValue(m.sumD2)) / n);
  const binary = !m.nonBinary;
  // A difference of two shares lies in [−1, 1]; the normal interval may not.
  const lo = diff - z * se;
  const hi = diff + z * se;
  return {
    a: exactValue(m.sumA) / n,
    b: exactValue(m.sumB) / n,
    diff,
    lo: binary ? Math.max(-1, lo) : lo,
    hi: binary ? Math.min(1, hi) : hi,
    n,
    discordant: binary ? m.discordant : n,
  };
}

/** Paired difference of means, arm B minus arm A, over the same seeds. */
export function pairedDifference(a: readonly number[], b: readonly number[], z = Z95): Difference {
  if (a.length !== b.length || a.length < 2) throw new Error('need two paired arms of n ≥ 2');
  const m = emptyMeanMoments();
  a.forEach((x, i) => addMeanPair(m, x, b[i] as number));
  return meanDifference(m, z);
}

/**
 * What a pooled-share difference needs: per game the counts x = (numA, denA, numB, denB), added
 * up as Σx_j and Σx_j·x_k (the linearised per-game contributions are a fixed combination of x
 * once the pooled shares are known, so their variance follows from these).
 */
export interface PooledMoments {
  n: number;
  /** Games where arm B's counts differ from arm A's. */
  differing: number;
  /** Σ x_j for j = numA, denA, numB, denB. */
  sums: ExactSum[];
  /** Σ x_j·x_k for j ≤ k, in the order (0,0), (0,1), …, (3,3). */
  products: ExactSum[];
}

const PAIRS: [number, number][] = [];
for (let j = 0; j < 4; j++) for (let k = j; k < 4; k++) PAIRS.push([j, k]);

export function emptyPooledMoments(): PooledMoments {
  return {
    n: 0,
    differing: 0,
    sums: [0, 1, 2, 3].map(emptySum),
    products: PAIRS.map(emptySum),
  };
}

/** Add one game's counts, arm A's numerator and denominator then arm B's (in place). */
export function addPooledGame(
  m: PooledMoments,
  numA: number,
  denA: number,
  numB: number,
  denB: number,
): void {
  const x = [numA, denA, numB, denB];
  m.n++;
  if (numA !== numB || denA !== denB) m.differing++;
  x.forEach((v, j) => addExact(m.sums[j] as ExactSum, v));
  PAIRS.forEach(([j, k], p) =>
    addExact(m.products[p] as ExactSum, (x[j] as number) * (x[k] as number)),
  );
}

export function mergePooledMoments(into: PooledMoments, other: PooledMoments): void {
  into.n += other.n;
  into.differing += other.differing;
  other.sums.forEach((s, j) => mergeExact(into.sums[j] as ExactSum, s));
  other.products.forEach((s, p) => mergeExact(into.products[p] as ExactSum, s));
}

/** Σ numA / Σ denA and Σ numB / Σ denB (0 where nothing was counted). */
export function pooledShares(m: PooledMoments): { a: number; b: number } {
  const [numA, denA, numB, denB] = m.sums.map(exactValue) as [number, number, number, number];
  return { a: denA > 0 ? numA / denA : 0, b: denB > 0 ? numB / denB : 0 };
}

/** The pooled-share difference from its moments (n ≥ 2, something counted in both arms). */
export function pooledDifference(m: PooledMoments, z = Z95): Difference {
  const { n } = m;
  if (n < 2) throw new Error('need four paired lists of n ≥ 2');
  const s = m.sums.map(exactValue) as [number, number, number, number];
  const meanDenA = s[1] / n;
  const meanDenB = s[3] / n;
  if (meanDenA <= 0 || meanDenB <= 0) throw new Error('no crossings in an arm');
  const ra = s[0] / s[1];
  const rb = s[2] / s[3];
  // Each game's linearised contribution to rb − ra is c · x:
  // (numB − rb·denB) / meanDenB − (numA − ra·denA) / meanDenA.
  const c = [-1 / meanDenA, ra / meanDenA, 1 / meanDenB, -rb / meanDenB];
  const sumE = emptySum();
  c.forEach((cj, j) => addExact(sumE, cj * s[j as 0]));
  const sumE2 = emptySum();
  PAIRS.forEach(([j, k], p) => {
    const weight = j === k ? 1 : 2;
    addExact(
      sumE2,
      weight * (c[j] as number) * (c[k] as number) * exactValue(m.products[p] as ExactSum),
    );
  });
  const se = Math.sqrt(varianceFrom(n, exactValue(sumE), exactValue(sumE2)) / n);
  const diff = rb - ra;
  return { a: ra, b: rb, diff, lo: diff - z * se, hi: diff + z * se, n, discordant: n };
}

/**
 * Paired difference of two shares pooled over games, Σ num_B / Σ den_B − Σ num_A / Σ den_A, with
 * a cluster-robust standard error (each game is a cluster; its numerator and denominator are
 * correlated, and the two arms' games are paired by seed).
 */
export function pooledShareDifference(
  numA: readonly number[],
  denA: readonly number[],
  numB: readonly number[],
  denB: readonly number[],
  z = Z95,
): Difference {
  const n = numA.length;
  if ([denA, numB, denB].some((xs) => xs.length !== n) || n < 2) {
    throw new Error('need four paired lists of n ≥ 2');
  }
  const m = emptyPooledMoments();
  for (let i = 0; i < n; i++) {
    addPooledGame(m, numA[i] as number, denA[i] as number, numB[i] as number, denB[i] as number);
  }
  return pooledDifference(m, z);
}
