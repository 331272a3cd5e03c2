// Small arithmetic and number formatting every layer shares.

/** x held to the range 0..1. */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** A share as a percentage: `percent(0.123)` is "12%", `percent(0.123, 1)` is "12.3%". */
export function percent(x: number, digits = 0): string {
  return digits === 0 ? `${Math.round(x * 100)}%` : `${(x * 100).toFixed(digits)}%`;
}

/**
 * A change, signed, to `digits` decimals: "+0.31", "−2.00" (a true minus sign), and "0.00" with
 * no sign when it rounds to nothing.
 */
export function signedNumber(x: number, digits: number): string {
  const text = Math.abs(x).toFixed(digits);
  return `${Number(text) === 0 ? '' : x < 0 ? '−' : '+'}${text}`;
}

/** A difference of two shares in percentage points, signed, without the unit: "+1.7", "−0.4". */
export function signedPoints(x: number, digits = 1): string {
  return signedNumber(x * 100, digits);
}

/** A comparison's difference: in points for a share ("+1.7"), to two decimals for a mean. */
export function signedDifference(x: number, share: boolean): string {
  return share ? signedPoints(x) : signedNumber(x, 2);
}
