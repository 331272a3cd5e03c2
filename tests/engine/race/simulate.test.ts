import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulateRace, wilsonInterval } from '../../../src/engine/race/simulate';
import { PUBLIC_RULES } from '../../../src/engine/race/types';
import type { SimulateOptions } from '../../../src/engine/race/types';

const base: SimulateOptions = {
  teams: 3,
  enmity: 0.7,
  skill: 0.8,
  info: 'private',
  runs: 5000,
  seed: 42,
};

describe('simulateRace', () => {
  it('is deterministic: same options, same result', () => {
    for (const info of ['none', 'private', 'public'] as const) {
      expect(simulateRace({ ...base, info })).toEqual(simulateRace({ ...base, info }));
    }
  });

  it('depends on the seed', () => {
    const a = simulateRace({ ...base, seed: 1 });
    const b = simulateRace({ ...base, seed: 2 });
    if (!a.ok || !b.ok) throw new Error('unexpected error');
    expect(a.disasters).not.toBe(b.disasters);
  });

  it('reports runs, disasters and a consistent frequency', () => {
    const r = simulateRace(base);
    if (!r.ok) throw new Error(r.errors.join('; '));
    expect(r.runs).toBe(5000);
    expect(r.pDisaster).toBe(r.disasters / r.runs);
    expect(r.ci95[0]).toBeLessThanOrEqual(r.pDisaster);
    expect(r.ci95[1]).toBeGreaterThanOrEqual(r.pDisaster);
  });

  it('never has a disaster without enmity, and always has one at zero safety', () => {
    const calm = simulateRace({ ...base, enmity: 0, info: 'public' });
    if (!calm.ok) throw new Error('unexpected error');
    expect(calm.disasters).toBe(0);
    // Tiny μ, full enmity: safety μ/n ≈ 0 in the no-information regime.
    const reckless = simulateRace({ ...base, enmity: 1, skill: 1e-9, info: 'none' });
    if (!reckless.ok) throw new Error('unexpected error');
    expect(reckless.disasters).toBe(base.runs);
  });

  it('pDisaster and its interval stay in [0, 1] for random valid options', () => {
    fc.assert(
      fc.property(
        fc.record({
          teams: fc.integer({ min: 2, max: 20 }),
          enmity: fc.double({ min: 0, max: 1, noNaN: true }),
          skill: fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
          info: fc.constantFrom('none' as const, 'private' as const, 'public' as const),
          publicRule: fc.constantFrom(...PUBLIC_RULES),
          runs: fc.integer({ min: 1, max: 300 }),
          seed: fc.integer(),
        }),
        (o) => {
          const r = simulateRace(o);
          if (!r.ok) return false;
          const inUnit = (x: number): boolean => x >= 0 && x <= 1;
          return (
            inUnit(r.pDisaster) &&
            inUnit(r.ci95[0]) &&
            inUnit(r.ci95[1]) &&
            r.ci95[0] <= r.pDisaster &&
            r.pDisaster <= r.ci95[1] &&
            r.closedForm !== null &&
            inUnit(r.closedForm)
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('returns clear messages for invalid options instead of throwing', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ teams: 1 }, /^teams must be an integer from 2 to 1000 \(got 1\)$/],
      [{ teams: 2.5 }, /teams .*got 2\.5/],
      [{ teams: 5000 }, /teams .*got 5000/],
      [{ enmity: -0.1 }, /^enmity must be a number in \[0, 1\] \(got -0\.1\)$/],
      [{ enmity: 1.01 }, /enmity/],
      [{ enmity: Number.NaN }, /enmity .*got NaN/],
      [{ skill: 0 }, /^skill \(mu\) must be a finite number > 0 \(got 0\)$/],
      [{ skill: Number.POSITIVE_INFINITY }, /skill/],
      [{ runs: 0 }, /^runs must be an integer/],
      [{ runs: 10.5 }, /runs/],
      [{ seed: 0.5 }, /^seed must be an integer \(got 0\.5\)$/],
      [{ info: 'secret' }, /^info must be one of none, private, public \(got "secret"\)$/],
      [{ publicRule: 'nice' }, /^publicRule must be one of subgame-perfect, deterrence, all-in/],
      [{ teams: '3' }, /teams .*got "3"/],
    ];
    for (const [patch, message] of cases) {
      const r = simulateRace({ ...base, ...patch } as SimulateOptions);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatch(message);
    }
    const huge = simulateRace({ ...base, teams: 1000, runs: 200_000 });
    expect(huge.ok).toBe(false);
    if (!huge.ok)
      expect(huge.errors).toEqual(['teams × runs must be at most 100000000 (got 1000 × 200000)']);
    const many = simulateRace({ ...base, teams: 0, enmity: 2, runs: -1 });
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.errors).toHaveLength(3);
  });
});

describe('wilsonInterval', () => {
  it('matches a textbook value and stays inside [0, 1]', () => {
    // 50 of 100: 95% Wilson interval ≈ [0.4038, 0.5962].
    const [lo, hi] = wilsonInterval(50, 100);
    expect(lo).toBeCloseTo(0.4038, 4);
    expect(hi).toBeCloseTo(0.5962, 4);
    expect(wilsonInterval(0, 10)[0]).toBeCloseTo(0, 12);
    expect(wilsonInterval(10, 10)[1]).toBeCloseTo(1, 12);
    expect(wilsonInterval(0, 10)[1]).toBeGreaterThan(0.2);
  });
});
