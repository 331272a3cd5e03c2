// Proportions with Wilson score intervals: the batch runner's and the explorer's one way of
// saying "how often, give or take". Pure arithmetic, no randomness.

/** z for a two-sided 95% interval (the 0.975 quantile of the standard normal). */
export const Z95 = 1.959963984540054;

/** A share of games (or of crossings) with its Wilson 95% interval. */
export interface Proportion {
  /** How many had the property. */
  count: number;
  /** Out of how many. */
  n: number;
  /** count / n (0 when n = 0). */
  p: number;
  /** Lower end of the 95% interval. */
  lo: number;
  /** Upper end of the 95% interval. */
  hi: number;
}

/**
 * Wilson score interval for `count` successes in `n` trials. Unlike p ± z·√(p(1−p)/n) it stays
 * inside [0, 1] and is not degenerate at 0 or n successes, which matters for rare catastrophes.
 * With no trials at all the interval is the whole of [0, 1].
 */
export function wilson(count: number, n: number, z = Z95): [number, number] {
  if (n <= 0) return [0, 1];
  const p = count / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0 or n successes the interval touches 0 or 1 exactly (floating point may miss by 1e-16).
  const lo = count <= 0 ? 0 : Math.max(0, centre - half);
  const hi = count >= n ? 1 : Math.min(1, centre + half);
  return [lo, hi];
}

export function proportion(count: number, n: number): Proportion {
  const [lo, hi] = wilson(count, n);
  return { count, n, p: n > 0 ? count / n : 0, lo, hi };
}

/** Median of a sorted list of numbers (null when empty). */
export function medianOfSorted(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
