import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextUniform, seedState, uniformStream } from '../../../src/engine/race/raceRandom';

describe('race PRNG (mulberry32)', () => {
  it('matches the published mulberry32 sequence for state 0', () => {
    // Reference value of mulberry32 with a zero state (first output, then the advanced state).
    expect(nextUniform(0)).toEqual([0.26642920868471265, 0x6d2b79f5]);
  });

  it('is pure: the same state always gives the same draw and next state', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (state) => {
        expect(nextUniform(state)).toEqual(nextUniform(state));
      }),
    );
  });

  it('draws lie in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (state) => {
        const [u, next] = nextUniform(state);
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThan(1);
        expect(Number.isInteger(next) && next >= 0 && next <= 0xffffffff).toBe(true);
      }),
    );
  });

  it('streams are reproducible from the seed and differ between seeds', () => {
    const take = (seed: number): number[] => {
      const r = uniformStream(seed);
      return Array.from({ length: 5 }, () => r());
    };
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
    expect(take(1)).toEqual([
      0.4999889514874667,
      0.5908527646679431,
      0.7017083945684135,
      expect.any(Number),
      expect.any(Number),
    ]);
  });

  it('spreads nearby and far-apart seeds to different states', () => {
    const states = new Set([0, 1, 2, 3, 4294967297, -1].map(seedState));
    expect(states.size).toBe(6);
  });

  it('has roughly uniform mean and variance over 100k draws', () => {
    const r = uniformStream(12345);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const u = r();
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    // Standard error of the mean is 0.0009; these bands are > 5 SE wide.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });
});
