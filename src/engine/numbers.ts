// Small arithmetic and number formatting every layer shares.

/** x held to the range 0..1. */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** A share as a percentage: `percent(0.123)` is "12%", `percent(0.123, 1)` is "12.3%". */
export function percent(x: number, digits = 0): string {
  return digits === 0 ? `${Math.round(x * 100)}%` : `${(x * 100).toFixed(digits)}%`;
}
