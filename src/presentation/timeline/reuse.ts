// Equal parts keep their identity from one quarter's chart data to the next, so a renderer that
// compares by identity redraws only what changed.

/**
 * `next`, with every part (object, array, at any depth) that equals the same part of `previous`
 * replaced by `previous`'s object: equal values, shared identity. Arrays are matched index by
 * index, so an array that grew at its end keeps its old elements. Plain data only (objects,
 * arrays, primitives), as timelineData returns.
 */
export function reuseUnchanged<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return previous as T;
  if (typeof next !== 'object' || next === null) return next;
  if (typeof previous !== 'object' || previous === null) return next;
  if (Array.isArray(next) !== Array.isArray(previous)) return next;
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keys = Object.keys(after);
  const out: Record<string, unknown> = Array.isArray(next) ? ([] as unknown as typeof out) : {};
  let same = keys.length === Object.keys(before).length;
  let kept = false;
  for (const key of keys) {
    const value = Object.hasOwn(before, key) ? reuseUnchanged(before[key], after[key]) : after[key];
    if (value !== before[key] || !Object.hasOwn(before, key)) same = false;
    if (value !== after[key]) kept = true;
    out[key] = value;
  }
  if (same) return previous as T;
  return (kept ? out : next) as T;
}
