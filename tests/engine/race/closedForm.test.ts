import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closedFormDisaster, integratedDisaster } from '../../../src/engine/race/closedForm';
import { simulateRace, wilsonInterval } from '../../../src/engine/race/simulate';
import { PUBLIC_RULES } from '../../../src/engine/race/types';
import type { InfoRegime, PublicRule, RaceScenario } from '../../../src/engine/race/types';

const cf = (
  info: InfoRegime,
  teams: number,
  enmity: number,
  skill: number,
  publicRule?: PublicRule,
): number | null => closedFormDisaster({ info, teams, enmity, skill, publicRule });

describe('closed-form P(disaster): hand-computed values', () => {
  it('no information', () => {
    expect(cf('none', 2, 1, 1)).toBeCloseTo(0.5, 12);
    expect(cf('none', 5, 0.5, 1)).toBeCloseTo(0.6, 12);
    expect(cf('none', 2, 0.5, 1)).toBe(0);
  });

  it('private information, below and above the full-safety cap', () => {
    // n = 2, e = 1: s(c) = c/2, E[max of two] = 2μ/3.
    expect(cf('private', 2, 1, 1)).toBeCloseTo(2 / 3, 12);
    // μ = 3 > divisor 2: P = (2/3)^2 / 3.
    expect(cf('private', 2, 1, 3)).toBeCloseTo(4 / 27, 12);
    // n = 5, e = 1, μ = 1: 1 − 5/(6·5).
    expect(cf('private', 5, 1, 1)).toBeCloseTo(5 / 6, 12);
  });

  it('public information, subgame-perfect leader (the default)', () => {
    // n = 2, e = 1/2, μ = 1: Δ* = 1/5; P = ∫₀^⅕ Δ·2(1 − Δ) dΔ + ∫_⅕^½ (1 − 2Δ)·2(1 − Δ) dΔ
    // = 13/375 + 63/500 = 241/1500.
    expect(cf('public', 2, 0.5, 1)).toBeCloseTo(241 / 1500, 12);
    expect(cf('public', 2, 0.5, 1, 'subgame-perfect')).toBeCloseTo(241 / 1500, 12);
    // μ ≤ Δ*: every lead is below the threshold, the runner-up wins at 1 − Δ: P = E[Δ] = μ/(n + 1).
    expect(cf('public', 2, 0.5, 0.1)).toBeCloseTo(0.1 / 3, 12);
    expect(cf('public', 4, 0.5, 0.2)).toBeCloseTo(0.2 / 5, 12);
    // At e = 1 nobody yields (Δ* = 0): equal to all-in and deterrence.
    expect(cf('public', 3, 1, 2)).toBeCloseTo(cf('public', 3, 1, 2, 'all-in') ?? NaN, 12);
    // μ large: leads below Δ* are rare, the deterrence value is approached from below.
    const sp = cf('public', 2, 0.5, 50) ?? NaN;
    const de = cf('public', 2, 0.5, 50, 'deterrence') ?? NaN;
    expect(sp).toBeLessThan(de);
    expect(de - sp).toBeLessThan(0.01);
  });

  it('public information, the simultaneous-game rules', () => {
    expect(cf('public', 2, 0.5, 1, 'all-in')).toBeCloseTo(2 / 3, 12); // E[Δ] = μ/3
    expect(cf('public', 2, 0.5, 2, 'all-in')).toBeCloseTo(5 / 12, 12); // 1 − 2(1 − 1/8)/3
    expect(cf('public', 2, 0.5, 1, 'deterrence')).toBeCloseTo(5 / 12, 12); // r = μ/e = 2
    expect(cf('public', 2, 0.25, 1, 'deterrence')).toBeCloseTo(11 / 48, 12); // r = 4
    // At e = 1 the rules coincide.
    expect(cf('public', 4, 1, 3, 'deterrence')).toBeCloseTo(
      cf('public', 4, 1, 3, 'all-in') ?? NaN,
      12,
    );
  });

  it('no enmity means no racing in every regime', () => {
    for (const info of ['none', 'private', 'public'] as const) {
      expect(cf(info, 3, 0, 0.2)).toBe(0);
      for (const rule of PUBLIC_RULES) expect(cf(info, 3, 0, 0.2, rule)).toBe(0);
    }
  });

  it('is null for invalid parameters', () => {
    expect(cf('none', 1, 0.5, 1)).toBeNull();
    expect(cf('private', 2, 1.5, 1)).toBeNull();
    expect(cf('public', 2, 0.5, 0)).toBeNull();
    expect(closedFormDisaster({ info: 'x' as InfoRegime, teams: 2, enmity: 0.5, skill: 1 })).toBe(
      null,
    );
  });
});

const arbScenario = fc.record({
  info: fc.constantFrom<InfoRegime>('none', 'private', 'public'),
  teams: fc.integer({ min: 2, max: 30 }),
  enmity: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1, noNaN: true })),
  skill: fc.double({ min: 0.01, max: 50, noNaN: true }),
  publicRule: fc.constantFrom<PublicRule>(...PUBLIC_RULES),
});

describe('closed forms agree with numerical integration of the equilibrium strategy', () => {
  it('for random scenarios (|difference| < 1e-5)', () => {
    fc.assert(
      fc.property(arbScenario, (s: RaceScenario) => {
        const exact = closedFormDisaster(s);
        const numeric = integratedDisaster(s);
        return (
          exact !== null &&
          numeric !== null &&
          exact >= 0 &&
          exact <= 1 &&
          Math.abs(exact - numeric) < 1e-5
        );
      }),
      { numRuns: 300 },
    );
  });
});

// z for a two-sided 99.99% interval: with ~20 fixed cases a correct model essentially never
// lands outside, while an error of 0.02 in P is still caught at 20,000 runs (half-width ≤ 0.014).
const Z9999 = 3.890591886;

describe('closed forms match Monte Carlo', () => {
  const cases: RaceScenario[] = [
    { info: 'none', teams: 2, enmity: 1, skill: 1 },
    { info: 'none', teams: 5, enmity: 0.5, skill: 1 },
    { info: 'none', teams: 10, enmity: 0.8, skill: 0.3 },
    { info: 'private', teams: 2, enmity: 1, skill: 1 },
    { info: 'private', teams: 2, enmity: 1, skill: 3 },
    { info: 'private', teams: 3, enmity: 0.3, skill: 0.7 },
    { info: 'private', teams: 5, enmity: 0.6, skill: 4 },
    { info: 'private', teams: 10, enmity: 1, skill: 12 },
    { info: 'public', teams: 2, enmity: 0.5, skill: 1 },
    { info: 'public', teams: 2, enmity: 0.5, skill: 0.3 },
    { info: 'public', teams: 3, enmity: 0.3, skill: 0.8 },
    { info: 'public', teams: 4, enmity: 0.9, skill: 5 },
    { info: 'public', teams: 6, enmity: 0.6, skill: 2, publicRule: 'subgame-perfect' },
    { info: 'public', teams: 2, enmity: 0.5, skill: 2, publicRule: 'all-in' },
    { info: 'public', teams: 4, enmity: 0.9, skill: 5, publicRule: 'all-in' },
    { info: 'public', teams: 2, enmity: 0.25, skill: 1, publicRule: 'deterrence' },
    { info: 'public', teams: 3, enmity: 0.6, skill: 1.3, publicRule: 'deterrence' },
    { info: 'public', teams: 10, enmity: 0.4, skill: 3, publicRule: 'deterrence' },
  ];

  it.each(cases)('%o', (scenario) => {
    const r = simulateRace({ ...scenario, runs: 20_000, seed: 2016 });
    if (!r.ok) throw new Error(r.errors.join('; '));
    expect(r.closedForm).not.toBeNull();
    const [lo, hi] = wilsonInterval(r.disasters, r.runs, Z9999);
    expect(r.closedForm).toBeGreaterThanOrEqual(lo);
    expect(r.closedForm).toBeLessThanOrEqual(hi);
  });

  it('a deliberately wrong closed form is rejected by the same check', () => {
    // Guards against a check too loose to fail: shift the true value by 0.02.
    const r = simulateRace({
      info: 'private',
      teams: 3,
      enmity: 0.3,
      skill: 0.7,
      runs: 20_000,
      seed: 2016,
    });
    if (!r.ok || r.closedForm === null) throw new Error('unexpected');
    const [lo, hi] = wilsonInterval(r.disasters, r.runs, Z9999);
    const wrong = r.closedForm + 0.02;
    expect(wrong >= lo && wrong <= hi).toBe(false);
  });

  it('simulating the subgame-perfect leader rejects the deterrence closed form', () => {
    // A leader that never yields (s₁ = min(1, Δ/e) always) is the natural wrong rule.
    const scenario: RaceScenario = { info: 'public', teams: 3, enmity: 0.3, skill: 0.8 };
    const r = simulateRace({ ...scenario, runs: 20_000, seed: 2016 });
    const deter = closedFormDisaster({ ...scenario, publicRule: 'deterrence' });
    if (!r.ok || deter === null) throw new Error('unexpected');
    const [lo, hi] = wilsonInterval(r.disasters, r.runs, Z9999);
    expect(deter >= lo && deter <= hi).toBe(false);
  });
});
