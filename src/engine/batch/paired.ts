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
// Shared by the validation suite (tests/engine/validation), `sim batch --compare` and the
// Explorer. Pure arithmetic: sums run in game order, so the same games give the same bytes.

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

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

function sampleVariance(xs: readonly number[]): number {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

/** Paired difference of means, arm B minus arm A, over the same seeds. */
export function pairedDifference(a: readonly number[], b: readonly number[], z = Z95): Difference {
  if (a.length !== b.length || a.length < 2) throw new Error('need two paired arms of n ≥ 2');
  const d = a.map((x, i) => (b[i] as number) - x);
  const diff = mean(d);
  const se = Math.sqrt(sampleVariance(d) / d.length);
  const binary = [...a, ...b].every((x) => x === 0 || x === 1);
  // A difference of two shares lies in [−1, 1]; the normal interval may not.
  const lo = diff - z * se;
  const hi = diff + z * se;
  return {
    a: mean(a),
    b: mean(b),
    diff,
    lo: binary ? Math.max(-1, lo) : lo,
    hi: binary ? Math.min(1, hi) : hi,
    n: d.length,
    discordant: binary ? d.filter((x) => x !== 0).length : d.length,
  };
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
  const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
  const meanDenA = sum(denA) / n;
  const meanDenB = sum(denB) / n;
  if (meanDenA <= 0 || meanDenB <= 0) throw new Error('no crossings in an arm');
  const ra = sum(numA) / sum(denA);
  const rb = sum(numB) / sum(denB);
  // Linearised contribution of each game to rb − ra.
  const e = numA.map(
    (_, i) =>
      ((numB[i] as number) - rb * (denB[i] as number)) / meanDenB -
      ((numA[i] as number) - ra * (denA[i] as number)) / meanDenA,
  );
  const se = Math.sqrt(sampleVariance(e) / n);
  const diff = rb - ra;
  return { a: ra, b: rb, diff, lo: diff - z * se, hi: diff + z * se, n, discordant: n };
}
