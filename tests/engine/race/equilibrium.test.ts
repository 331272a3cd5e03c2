import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { equilibriumSafety } from '../../../src/engine/race/equilibrium';
import type { RaceParams, Strategy } from '../../../src/engine/race/types';
import {
  noInfoDeviationGain,
  privateDeviationGain,
  publicDeviationGain,
} from '../../../src/engine/race/verify';

function strategy(p: RaceParams, regime: 'none' | 'private' | 'public'): Strategy {
  const s = equilibriumSafety(p, regime);
  if (!s.ok) throw new Error(s.errors.join('; '));
  return s;
}

// Enmity 0 or ≥ 1e-6: below that the private regime's score gaps (≈ e·c) are lost to rounding
// inside the numerical best-response check (the strategy and the closed forms are unaffected).
const arbParams = fc.record({
  teams: fc.integer({ min: 2, max: 12 }),
  enmity: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true })),
  skill: fc.double({ min: 0.01, max: 20, noNaN: true }),
  publicRule: fc.constantFrom('all-in' as const, 'deterrence' as const),
});

describe('equilibrium strategies: closed forms', () => {
  it('no information: s = min(1, μ / (n e))', () => {
    const s = (teams: number, enmity: number, skill: number): number => {
      const st = strategy({ teams, enmity, skill }, 'none');
      return st.regime === 'none' ? st.safety : NaN;
    };
    expect(s(2, 1, 1)).toBeCloseTo(0.5, 12);
    expect(s(5, 0.5, 1)).toBeCloseTo(0.4, 12);
    expect(s(2, 0.5, 1)).toBe(1); // μ ≥ n e: full safety
    expect(s(3, 0, 0.1)).toBe(1); // no enmity: full safety
  });

  it('private information: s(c) = min(1, c / (1 + e(n − 1)))', () => {
    const st = strategy({ teams: 3, enmity: 0.5, skill: 4 }, 'private');
    if (st.regime !== 'private') throw new Error('wrong regime');
    expect(st.divisor).toBeCloseTo(2, 12);
    expect(st.safetyOf(0)).toBe(0);
    expect(st.safetyOf(1)).toBeCloseTo(0.5, 12);
    expect(st.safetyOf(2)).toBe(1);
    expect(st.safetyOf(3.5)).toBe(1);
    const none = strategy({ teams: 3, enmity: 0, skill: 4 }, 'private');
    if (none.regime !== 'private') throw new Error('wrong regime');
    expect(none.fullSafety).toBe(true);
    expect(none.safetyOf(0.1)).toBe(1);
  });

  it('public information: all-in s = min(1, Δ); deterrence s = min(1, Δ / e)', () => {
    const allIn = strategy({ teams: 2, enmity: 0.5, skill: 2, publicRule: 'all-in' }, 'public');
    const deter = strategy({ teams: 2, enmity: 0.5, skill: 2, publicRule: 'deterrence' }, 'public');
    if (allIn.regime !== 'public' || deter.regime !== 'public') throw new Error('wrong regime');
    expect(allIn.rule).toBe('all-in');
    expect(allIn.leaderSafety(1.5, 1.2)).toBeCloseTo(0.3, 12);
    expect(allIn.leaderSafety(1.9, 0.2)).toBe(1);
    expect(allIn.runnerUpSafety(1.5, 1.2)).toBe(0);
    expect(deter.leaderSafety(1.5, 1.2)).toBeCloseTo(0.6, 12);
    expect(deter.runnerUpSafety(1.5, 1.2)).toBeCloseTo(0.3, 12);
    expect(deter.leaderSafety(1.5, 0.9)).toBe(1);
    // At e = 1 the deterrence runner-up overtakes with s = 0: the two rules coincide.
    const a1 = strategy({ teams: 4, enmity: 1, skill: 1, publicRule: 'all-in' }, 'public');
    const d1 = strategy({ teams: 4, enmity: 1, skill: 1, publicRule: 'deterrence' }, 'public');
    if (a1.regime !== 'public' || d1.regime !== 'public') throw new Error('wrong regime');
    expect(d1.leaderSafety(0.8, 0.55)).toBeCloseTo(a1.leaderSafety(0.8, 0.55), 12);
    expect(d1.runnerUpSafety(0.8, 0.55)).toBeCloseTo(0, 12);
  });

  it('rejects invalid parameters with messages instead of throwing', () => {
    const bad = equilibriumSafety({ teams: 1, enmity: 2, skill: -1 }, 'none');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors).toHaveLength(3);
    expect(bad.errors.join('\n')).toMatch(/teams.*got 1/);
    const badRegime = equilibriumSafety({ teams: 2, enmity: 0.5, skill: 1 }, 'secret' as 'none');
    expect(badRegime.ok).toBe(false);
  });
});

describe('equilibrium strategies: safeties stay in [0, 1]', () => {
  it('for every regime and random parameters', () => {
    fc.assert(
      fc.property(
        arbParams,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, u, v) => {
          const none = strategy(p, 'none');
          const priv = strategy(p, 'private');
          const pub = strategy(p, 'public');
          const inUnit = (x: number): boolean => x >= 0 && x <= 1;
          if (none.regime !== 'none' || priv.regime !== 'private' || pub.regime !== 'public') {
            return false;
          }
          const top = p.skill * Math.max(u, v);
          const second = p.skill * Math.min(u, v);
          return (
            inUnit(none.safety) &&
            inUnit(priv.safetyOf(p.skill * u)) &&
            inUnit(pub.leaderSafety(top, second)) &&
            inUnit(pub.runnerUpSafety(top, second))
          );
        },
      ),
    );
  });
});

describe('equilibrium strategies are Nash equilibria (numerical best responses)', () => {
  it('no information: no team gains by deviating to any safety', () => {
    fc.assert(
      fc.property(arbParams, (p) => noInfoDeviationGain(p) <= 1e-12),
      { numRuns: 200 },
    );
  });

  it('no information: a wrong common level is not an equilibrium', () => {
    const p = { teams: 3, enmity: 0.8, skill: 1 }; // s* = 1/2.4 ≈ 0.4167
    expect(noInfoDeviationGain(p)).toBeLessThan(1e-12);
    expect(noInfoDeviationGain(p, 0.3)).toBeGreaterThan(1e-3);
    expect(noInfoDeviationGain(p, 0.55)).toBeGreaterThan(1e-3);
  });

  it('private information: no type gains by deviating to any safety', () => {
    fc.assert(
      fc.property(arbParams, (p) => privateDeviationGain(p, undefined, 12, 500) <= 1e-12),
      { numRuns: 60 },
    );
  });

  it('private information: other slopes are not equilibria', () => {
    const p = { teams: 2, enmity: 1, skill: 1 }; // divisor 2
    expect(privateDeviationGain(p)).toBeLessThan(1e-12);
    expect(privateDeviationGain(p, 1.5)).toBeGreaterThan(1e-3);
    expect(privateDeviationGain(p, 3)).toBeGreaterThan(1e-3);
  });

  it('public information: neither the leader nor the runner-up gains by deviating', () => {
    fc.assert(
      fc.property(
        arbParams,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, u, v) => {
          fc.pre(u !== v);
          const top = p.skill * Math.max(u, v);
          const second = p.skill * Math.min(u, v);
          return publicDeviationGain(p, top, second) <= 1e-12;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('public information: too much or too little leader safety is not an equilibrium', () => {
    const p = { teams: 2, enmity: 0.5, skill: 1 };
    const deter = { ...p, publicRule: 'deterrence' as const };
    // Δ = 0.2: all-in s = 0.2, deterrence s = 0.4.
    expect(publicDeviationGain(p, 0.7, 0.5)).toBeLessThan(1e-12);
    expect(publicDeviationGain(p, 0.7, 0.5, 0.3)).toBeGreaterThan(0.05); // overtaken at s = 0
    expect(publicDeviationGain(p, 0.7, 0.5, 0.1)).toBeGreaterThan(0.05); // could be safer
    expect(publicDeviationGain(deter, 0.7, 0.5)).toBeLessThan(1e-12);
    expect(publicDeviationGain(deter, 0.7, 0.5, 0.6)).toBeGreaterThan(0.05); // runner-up overtakes
  });
});
