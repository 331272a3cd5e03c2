// Seeded generators (mulberry32). Only +, *, Math.imul and shifts are used: results are
// bit-identical in Node, Chromium and Workers.
//
// Common random numbers: a game does not draw from one sequence. Every lab and every mechanic has
// its own stream, keyed by (the game's key, mechanic, lab or item, quarter), so a draw depends only
// on where it is used, never on how many draws came before it. Changing one lab's decision (it
// pauses, so it skips its training draws) then leaves every other lab's dice — and its own dice in
// later quarters — exactly as they were, which makes paired comparisons of two settings tight.
// The game's key (`GameState.rng`) is derived from the seed and never changes.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Approximately standard normal (Irwin–Hall of four uniforms; avoids engine-specific Math.cos/log). */
  normal(): number;
  /** The state to store back into the game. */
  readonly state: number;
}

/** The mechanics that draw random numbers, each with its own streams. */
export const STREAM = {
  /** A lab's training: breakthrough and per-domain progress. Item: the lab's index. */
  growth: 1,
  /** A lab's own capability assessment. Item: the lab's index. */
  evals: 2,
  /** A lab's hazards becoming incidents. Item: the lab's index. */
  hazards: 3,
  /** Random and invited third-party audits of a lab. Item: the lab's index. */
  audits: 4,
  /** A scripted scenario event. Item: the event's index in the scenario. */
  events: 5,
  /** A facilitator's live inject. Item: how many injects were fired before it. */
  injects: 6,
  /** Misuse of a stolen model. Item: its index in the world's list of stolen models. */
  stolen: 7,
} as const;
export type StreamKind = (typeof STREAM)[keyof typeof STREAM];

/** Murmur3's finaliser: a fast, well-mixed 32-bit hash step. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function seedToState(seed: number): number {
  // Spread small seeds (1, 2, 3 …) across the state space.
  return mix((Math.trunc(seed) ^ 0x9e3779b9) >>> 0);
}

/**
 * The generator for one (mechanic, item, quarter) of a game. `key` is the game's key
 * (`GameState.rng`); the same four inputs always give the same sequence.
 */
export function streamRng(key: number, kind: StreamKind, item: number, round: number): Rng {
  let h = mix((key ^ Math.imul(kind, 0x9e3779b1)) >>> 0);
  h = mix((h ^ Math.imul(item + 1, 0x85ebca6b)) >>> 0);
  h = mix((h ^ Math.imul(round + 1, 0xc2b2ae35)) >>> 0);
  return createRng(h);
}

/**
 * mulberry32 as a class: its methods live on the prototype, so a stream costs one small object
 * (a game opens thousands of streams; closures per stream were a measurable share of batch time).
 *
 * The state is kept as a signed 32-bit integer (`| 0`), not an unsigned one (`>>> 0`): the same
 * 32 bits, so every draw is the same, but it fits V8's small integers, where an unsigned value of
 * 2^31 or more is a double (boxed in the object, converted for every bit operation). A draw is
 * scaled by 2^-32 rather than divided by 2^32: multiplying by a power of two is exact, so the
 * result is the same double.
 */
class Mulberry32 implements Rng {
  private s: number;

  constructor(state: number) {
    this.s = state | 0;
  }

  next(): number {
    const s = (this.s + 0x6d2b79f5) | 0;
    this.s = s;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) * TWO_TO_MINUS_32;
  }

  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * SQRT3;
  }

  get state(): number {
    return this.s >>> 0;
  }
}

/** 2^-32, exactly: a uint32 times this is in [0, 1). */
const TWO_TO_MINUS_32 = 1 / 4294967296;
const SQRT3 = Math.sqrt(3);

export function createRng(state: number): Rng {
  return new Mulberry32(state);
}
