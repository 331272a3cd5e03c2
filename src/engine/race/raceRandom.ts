// The race model's own seeded generator (mulberry32), kept local so the model has no
// dependency on the game engine. The state is one uint32 held in a plain number; only
// Math.imul, shifts and integer adds are used, so sequences are bit-identical everywhere.
// The lead may later swap this for src/engine/rng.ts: both are mulberry32.

/** Turns any safe integer seed into a well-mixed uint32 state (small seeds spread apart). */
export function seedState(seed: number): number {
  const mix = (x: number): number => {
    let h = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
  };
  const low = Math.trunc(seed) ^ 0x9e3779b9; // ToInt32: the low 32 bits
  const high = Math.trunc(seed / 4294967296); // the rest, so 1 and 2^32 + 1 differ
  return mix((mix(low >>> 0) ^ high) >>> 0);
}

/** One step: a uniform number in [0, 1) and the next state. Pure. */
export function nextUniform(state: number): [number, number] {
  const s = (state + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, s];
}

/** Convenience stream over `nextUniform` for hot loops: returns uniforms in [0, 1). */
export function uniformStream(seed: number): () => number {
  let state = seedState(seed);
  return () => {
    const [u, next] = nextUniform(state);
    state = next;
    return u;
  };
}
