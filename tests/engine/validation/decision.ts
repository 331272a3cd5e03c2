// The decision rule of the validation suite: when does a sweep of the model show a direction?
//
// Both arms of a comparison play the same seeds (common random numbers), so the comparison is
// paired: game i of arm A and game i of arm B start from the same seed and stay identical until
// the changed setting first makes a difference. Seeds are independent of one another, so the
// per-seed differences are independent and identically distributed, and their mean is
// approximately normal for the several hundred games every comparison uses (central limit
// theorem; every metric is bounded).
//
// A direction counts as shown when the interval mean ± Z · sd / √n of the per-seed differences
// lies wholly on the expected side of 0. Z = 3.09 is the one-sided 0.1% point of the normal: with
// the suite's 34 directional checks, the chance that any of them passes by luck when the model
// has no such direction is below 4% (Bonferroni), and the seeds are fixed, so a check that
// passes today passes every day.
//
// For a 0/1 outcome the paired mean difference is McNemar's comparison of the discordant pairs;
// the rule also asks for at least MIN_DISCORDANT of them, so that the normal approximation holds.
// For shares pooled over games (missed crossings out of crossings) the games are the clusters:
// the ratio's difference gets a paired, cluster-robust (delta-method) standard error.

import {
  pairedDifference as paired,
  pooledShareDifference as pooled,
} from '../../../src/engine/batch/paired';
import type { Difference } from '../../../src/engine/batch/paired';

export type { Difference };

/** One-sided 0.1% point of the standard normal. */
export const Z = 3.090232306167813;

/** Fewest discordant pairs a 0/1 comparison needs before its normal approximation is trusted. */
export const MIN_DISCORDANT = 30;

/** Paired difference of means, arm B minus arm A (the suite's z by default). */
export function pairedDifference(a: readonly number[], b: readonly number[], z = Z): Difference {
  return paired(a, b, z);
}

/** Paired difference of two pooled shares (the suite's z by default). */
export function pooledShareDifference(
  numA: readonly number[],
  denA: readonly number[],
  numB: readonly number[],
  denB: readonly number[],
  z = Z,
): Difference {
  return pooled(numA, denA, numB, denB, z);
}

export type Direction = 'up' | 'down';

/** Whether the comparison shows the expected direction under the suite's rule. */
export function shows(d: Difference, direction: Direction): boolean {
  if (d.discordant < MIN_DISCORDANT) return false;
  return direction === 'up' ? d.lo > 0 : d.hi < 0;
}

/** A number with a real minus sign, as percentage points or plain. */
function signed(x: number, percent: boolean): string {
  const text = percent ? (100 * Math.abs(x)).toFixed(1) : Math.abs(x).toFixed(3);
  return x < 0 && Number(text) !== 0 ? `−${text}` : text;
}

/** "12.9% → 5.4%, −7.5 points (99.8% paired interval −11.0 to −4.0, n = 1000)" */
export function formatDifference(d: Difference, percent = true): string {
  const level = percent
    ? (x: number): string => `${(100 * x).toFixed(1)}%`
    : (x: number) => x.toFixed(3);
  const change = `${d.diff >= 0 ? '+' : ''}${signed(d.diff, percent)}${percent ? ' points' : ''}`;
  return (
    `${level(d.a)} → ${level(d.b)}, ${change} ` +
    `(99.8% paired interval ${signed(d.lo, percent)} to ${signed(d.hi, percent)}, n = ${d.n})`
  );
}

/** z for the two-sided 95% intervals the model card's table reports. */
export { Z95 } from '../../../src/engine/batch/stats';

/** Fewest discordant seeds a 0/1 comparison needs before the table calls a direction at all. */
export const MIN_DISCORDANT_95 = 10;

export type Verdict = 'holds' | 'flat' | 'reversed';

/**
 * The model card's reading of a 95% paired interval: the expected direction holds when the
 * interval lies wholly on its side of 0, is reversed when it lies wholly on the other side, and is
 * flat otherwise (including 0/1 outcomes where too few seeds differ between the arms to tell).
 */
export function verdict(d: Difference, direction: Direction): Verdict {
  if (d.discordant < MIN_DISCORDANT_95) return 'flat';
  if (direction === 'up' ? d.lo > 0 : d.hi < 0) return 'holds';
  if (direction === 'up' ? d.hi < 0 : d.lo > 0) return 'reversed';
  return 'flat';
}
