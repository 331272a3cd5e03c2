// The validation suite's decision rule, checked on its own: hand-computed values, and simulated
// comparisons with a known answer (no effect, a real effect) to show how often it claims a
// direction. Deterministic: the simulations use the engine's seeded generator.

import { describe, expect, it } from 'vitest';
import { createRng, seedToState } from '../../../src/engine/rng';
import {
  MIN_DISCORDANT,
  Z,
  formatDifference,
  pairedDifference,
  pooledShareDifference,
  shows,
} from './decision';

describe('pairedDifference', () => {
  it('is the mean of the per-seed differences ± Z standard errors', () => {
    // Differences 1, 0, 1, −1: mean ¼, sample variance 2.75 / 3, standard error √(2.75/3/4).
    const d = pairedDifference([0, 1, 0, 1], [1, 1, 1, 0]);
    const se = Math.sqrt(2.75 / 3 / 4);
    expect(d).toMatchObject({ a: 0.5, b: 0.75, diff: 0.25, n: 4, discordant: 3 });
    expect(d.lo).toBeCloseTo(Math.max(-1, 0.25 - Z * se), 12);
    expect(d.hi).toBeCloseTo(Math.min(1, 0.25 + Z * se), 12);
  });

  it('keeps a difference of shares inside [−1, 1], and counts every seed for other numbers', () => {
    const all = pairedDifference(new Array(40).fill(1), [...new Array(39).fill(0), 1]);
    expect(all.lo).toBeGreaterThanOrEqual(-1);
    expect(pairedDifference([0.5, 2, 3], [1, 2, 4]).discordant).toBe(3);
  });

  it('uses Z, the one-sided 0.1% point of the normal (99.8% two-sided)', () => {
    // Φ(3.0902) = 0.999: the standard normal's upper tail beyond Z is 0.001.
    expect(Z).toBeCloseTo(3.0902, 4);
  });
});

describe('pooledShareDifference', () => {
  it('compares pooled shares, with no uncertainty when every game is the same', () => {
    const d = pooledShareDifference([1, 1, 1], [4, 4, 4], [2, 2, 2], [4, 4, 4]);
    expect(d).toMatchObject({ a: 0.25, b: 0.5, diff: 0.25, lo: 0.25, hi: 0.25 });
  });

  it('weights games by their denominators (a ratio of sums, not a mean of ratios)', () => {
    const d = pooledShareDifference([0, 0], [1, 9], [1, 0], [1, 9]);
    expect(d.diff).toBeCloseTo(0.1, 12);
  });
});

describe('shows', () => {
  const strong = pairedDifference(new Array(100).fill(0), new Array(100).fill(1));
  it('needs the whole interval on the expected side', () => {
    expect(shows(strong, 'up')).toBe(true);
    expect(shows(strong, 'down')).toBe(false);
    expect(shows(pairedDifference(new Array(100).fill(1), new Array(100).fill(0)), 'up')).toBe(
      false,
    );
  });
  it(`refuses a 0/1 comparison with fewer than ${MIN_DISCORDANT} discordant seeds`, () => {
    const few = pairedDifference(new Array(1000).fill(0), [
      ...new Array(MIN_DISCORDANT - 1).fill(1),
      ...new Array(1000 - MIN_DISCORDANT + 1).fill(0),
    ]);
    expect(few.lo).toBeGreaterThan(0);
    expect(shows(few, 'up')).toBe(false);
  });
  it('says what it measured in words', () => {
    expect(formatDifference(strong)).toMatch(
      /^0\.0% → 100\.0%, \+100\.0 points \(99\.8% paired interval 100\.0 to 100\.0, n = 100\)$/,
    );
  });
});

describe('the rule on simulated comparisons with a known answer', () => {
  const rng = createRng(seedToState(2024));
  /** n seeds, each with an independent 0/1 outcome per arm: P(1) is p in arm A, p + effect in B. */
  function simulate(n: number, p: number, effect: number): { a: number[]; b: number[] } {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < n; i++) {
      // Two independent draws per seed (no pairing benefit), the harder case for the rule.
      a.push(rng.next() < p ? 1 : 0);
      b.push(rng.next() < p + effect ? 1 : 0);
    }
    return { a, b };
  }

  it('claims a direction in about 0.1% of comparisons when there is none', () => {
    let up = 0;
    let down = 0;
    const trials = 2000;
    for (let t = 0; t < trials; t++) {
      const { a, b } = simulate(400, 0.15, 0);
      const d = pairedDifference(a, b);
      if (shows(d, 'up')) up++;
      if (shows(d, 'down')) down++;
    }
    // Expected 2 each; 9 or more has probability below 0.1% if the rate is 0.1%.
    expect(up).toBeLessThan(9);
    expect(down).toBeLessThan(9);
  });

  it('finds a real 6-point rise in most comparisons of 1000 games, and never the reverse', () => {
    let found = 0;
    let reversed = 0;
    for (let t = 0; t < 200; t++) {
      const { a, b } = simulate(1000, 0.13, 0.06);
      const d = pairedDifference(a, b);
      if (shows(d, 'up')) found++;
      if (shows(d, 'down')) reversed++;
    }
    expect(found).toBeGreaterThan(100);
    expect(reversed).toBe(0);
  });
});
