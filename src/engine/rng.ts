// Seeded generator (mulberry32). Its whole state is one uint32 kept in GameState.rng, so a
// snapshot carries its own future. Only +, *, Math.imul and shifts are used: results are
// bit-identical in Node, Chromium and Workers.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Approximately standard normal (Irwin–Hall of four uniforms; avoids engine-specific Math.cos/log). */
  normal(): number;
  /** The state to store back into the game. */
  readonly state: number;
}

export function seedToState(seed: number): number {
  // Spread small seeds (1, 2, 3 …) across the state space.
  let h = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function createRng(state: number): Rng {
  let s = state >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    normal: () => (next() + next() + next() + next() - 2) * Math.sqrt(3),
    get state() {
      return s;
    },
  };
}
