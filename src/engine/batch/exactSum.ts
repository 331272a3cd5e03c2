// A sum of floating-point numbers that can be split and merged without changing a bit: the terms
// are kept as a short list of non-overlapping partials (Shewchuk's algorithm, as in Python's
// math.fsum), so the value read at the end is the exactly rounded sum of every term added,
// whatever their order and however the games were cut into parts. Plain JSON (a number array).

/** The partials of an exact sum, smallest magnitude first. */
export type ExactSum = number[];

export function emptySum(): ExactSum {
  return [];
}

/** Add `value` to `sum` in place (exactly: no rounding is lost). */
export function addExact(sum: ExactSum, value: number): void {
  let x = value;
  let kept = 0;
  for (let j = 0; j < sum.length; j++) {
    let y = sum[j] as number;
    if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) sum[kept++] = lo;
    x = hi;
  }
  sum.length = kept;
  sum.push(x);
}

/** Add every term of `other` to `sum` in place. */
export function mergeExact(sum: ExactSum, other: readonly number[]): void {
  for (const x of other) addExact(sum, x);
}

/** The sum, rounded once to the nearest double (ties to even), as math.fsum reads it. */
export function exactValue(sum: readonly number[]): number {
  let n = sum.length;
  if (n === 0) return 0;
  let hi = sum[--n] as number;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = sum[--n] as number;
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // Half-way case: the next partial decides which way to round.
  if (n > 0 && ((lo < 0 && (sum[n - 1] as number) < 0) || (lo > 0 && (sum[n - 1] as number) > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}
