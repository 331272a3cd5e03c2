// The paper's qualitative findings, checked on the exact equilibrium disaster probabilities over a
// parameter grid and spot-checked by Monte Carlo. Where a finding holds only in part of the
// parameter space, the exceptions are pinned down too (see MODEL.md for the ranges). The public
// regime is checked under each selection: the simultaneous-game rules (all-in, deterrence) in the
// first four blocks, the subgame-perfect leader (the default) in the last.
import { describe, expect, it } from 'vitest';
import { closedFormDisaster } from '../../../src/engine/race/closedForm';
import { simulateRace } from '../../../src/engine/race/simulate';
import type { InfoRegime, PublicRule, SimulateOptions } from '../../../src/engine/race/types';

type Regime = { info: InfoRegime; publicRule?: PublicRule; label: string };
const REGIMES: Regime[] = [
  { info: 'none', label: 'none' },
  { info: 'private', label: 'private' },
  { info: 'public', publicRule: 'all-in', label: 'public/all-in' },
  { info: 'public', publicRule: 'deterrence', label: 'public/deterrence' },
];

const TEAMS = [2, 3, 4, 5, 6, 8, 10];
const ENMITY = Array.from({ length: 20 }, (_, i) => (i + 1) / 20); // 0.05 … 1
const SKILL = [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 8, 12];
const EPS = 1e-12;

function P(r: Regime, teams: number, enmity: number, skill: number): number {
  const p = closedFormDisaster({ info: r.info, publicRule: r.publicRule, teams, enmity, skill });
  if (p === null) throw new Error('no closed form');
  return p;
}

function mc(o: Omit<SimulateOptions, 'runs' | 'seed'>): readonly [number, number] {
  const r = simulateRace({ ...o, runs: 10_000, seed: 7 });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.ci95;
}

/** True when interval a lies entirely below interval b. */
const below = (a: readonly [number, number], b: readonly [number, number]): boolean => a[1] < b[0];

describe('(a) more teams raise the probability of disaster', () => {
  it('no information and public information: everywhere on the grid', () => {
    for (const r of REGIMES.filter((x) => x.info !== 'private')) {
      for (const e of ENMITY) {
        for (const mu of SKILL) {
          for (let i = 0; i + 1 < TEAMS.length; i++) {
            const few = P(r, TEAMS[i], e, mu);
            const many = P(r, TEAMS[i + 1], e, mu);
            expect(many, `${r.label} n=${TEAMS[i]} e=${e} μ=${mu}`).toBeGreaterThanOrEqual(
              few - EPS,
            );
            // Strict wherever the larger field still has any risk.
            if (many > 0) expect(many).toBeGreaterThan(few);
          }
        }
      }
    }
  });

  it('private information with μ ≤ 1: exactly when e > 1/(n² + n + 1)', () => {
    const r = REGIMES[1];
    for (const e of ENMITY) {
      for (const mu of SKILL.filter((m) => m <= 1)) {
        for (let n = 2; n < 10; n++) {
          const rises = P(r, n + 1, e, mu) > P(r, n, e, mu);
          expect(rises, `n=${n} e=${e} μ=${mu}`).toBe(e > 1 / (n * n + n + 1));
        }
      }
    }
  });

  it('private information: documented exceptions (tiny enmity; skill far above the cap)', () => {
    const r = REGIMES[1];
    // e = 0.1 < 1/7: a third team lowers the risk (the winner is stronger, hence safer).
    expect(P(r, 3, 0.1, 0.5)).toBeLessThan(P(r, 2, 0.1, 0.5));
    // μ = 8 ≫ 1 + e(n − 1): more top teams reach full safety.
    expect(P(r, 3, 1, 8)).toBeLessThan(P(r, 2, 1, 8));
  });

  it('Monte Carlo: 2 vs 5 teams, no information, e = 1, μ = 1 (0.5 vs 0.8)', () => {
    expect(
      below(
        mc({ info: 'none', teams: 2, enmity: 1, skill: 1 }),
        mc({ info: 'none', teams: 5, enmity: 1, skill: 1 }),
      ),
    ).toBe(true);
  });
});

describe('(b) more enmity raises the probability of disaster', () => {
  it('never lowers it, in any regime', () => {
    for (const r of REGIMES) {
      for (const n of TEAMS) {
        for (const mu of SKILL) {
          let prev = P(r, n, 0, mu);
          expect(prev).toBe(0); // no enmity, no race
          for (const e of ENMITY) {
            const cur = P(r, n, e, mu);
            expect(cur, `${r.label} n=${n} e=${e} μ=${mu}`).toBeGreaterThanOrEqual(prev - EPS);
            prev = cur;
          }
        }
      }
    }
  });

  it('strictly raises it in the private and public/deterrence regimes', () => {
    for (const r of [REGIMES[1], REGIMES[3]]) {
      for (const n of TEAMS) {
        for (const mu of SKILL) {
          for (let i = 0; i + 1 < ENMITY.length; i++) {
            expect(P(r, n, ENMITY[i + 1], mu)).toBeGreaterThan(P(r, n, ENMITY[i], mu));
          }
        }
      }
    }
  });

  it('public/all-in: risk is the same for every e > 0 (the threat is s = 0 regardless)', () => {
    for (const n of TEAMS) {
      for (const mu of SKILL) {
        expect(P(REGIMES[2], n, 0.05, mu)).toBeCloseTo(P(REGIMES[2], n, 1, mu), 12);
      }
    }
  });

  it('Monte Carlo: private, n = 2, μ = 1, e = 0.25 vs 1 (0.467 vs 0.667)', () => {
    expect(
      below(
        mc({ info: 'private', teams: 2, enmity: 0.25, skill: 1 }),
        mc({ info: 'private', teams: 2, enmity: 1, skill: 1 }),
      ),
    ).toBe(true);
  });
});

describe('(c) information about capabilities raises the probability of disaster', () => {
  it('private and public information are riskier than none everywhere on the grid (e > 0)', () => {
    for (const n of TEAMS) {
      for (const e of ENMITY) {
        for (const mu of SKILL) {
          const none = P(REGIMES[0], n, e, mu);
          for (const r of REGIMES.slice(1)) {
            expect(P(r, n, e, mu), `${r.label} n=${n} e=${e} μ=${mu}`).toBeGreaterThan(none);
          }
        }
      }
    }
  });

  it('public (all-in) is at least as risky as private; equal only at e = 1 with μ ≤ 1', () => {
    for (const n of TEAMS) {
      for (const e of ENMITY) {
        for (const mu of SKILL) {
          const priv = P(REGIMES[1], n, e, mu);
          const pub = P(REGIMES[2], n, e, mu);
          if (e === 1 && mu <= 1) expect(pub).toBeCloseTo(priv, 12);
          else expect(pub, `n=${n} e=${e} μ=${mu}`).toBeGreaterThan(priv);
        }
      }
    }
  });

  it('public (deterrence) vs private: the ordering flips for e < 1 when μ is small', () => {
    // Documented limit of the "more information, more danger" ordering under this selection.
    expect(P(REGIMES[3], 2, 0.5, 0.5)).toBeLessThan(P(REGIMES[1], 2, 0.5, 0.5)); // 0.667 < 0.778
    expect(P(REGIMES[3], 2, 0.5, 3)).toBeGreaterThan(P(REGIMES[1], 2, 0.5, 3)); // 0.157 > 0.083
    for (const n of TEAMS) {
      for (const mu of SKILL) {
        expect(P(REGIMES[3], n, 1, mu)).toBeGreaterThanOrEqual(P(REGIMES[1], n, 1, mu) - EPS);
      }
    }
  });

  it('Monte Carlo: n = 2, e = 1, μ = 2: none (0) < private (1/3) < public (5/12)', () => {
    const base = { teams: 2, enmity: 1, skill: 2 };
    const none = mc({ ...base, info: 'none' });
    const priv = mc({ ...base, info: 'private' });
    const pub = mc({ ...base, info: 'public' });
    expect(below(none, priv)).toBe(true);
    expect(below(priv, pub)).toBe(true);
  });
});

describe('(d) skill mattering more (higher μ) lowers the probability of disaster', () => {
  it('in every regime, strictly while any risk remains', () => {
    for (const r of REGIMES) {
      for (const n of TEAMS) {
        for (const e of ENMITY) {
          for (let i = 0; i + 1 < SKILL.length; i++) {
            const lo = P(r, n, e, SKILL[i]);
            const hi = P(r, n, e, SKILL[i + 1]);
            expect(hi, `${r.label} n=${n} e=${e} μ=${SKILL[i]}`).toBeLessThanOrEqual(lo + EPS);
            if (lo > 0) expect(hi).toBeLessThan(lo);
          }
        }
      }
    }
  });

  it('risk tends to 1 as μ → 0 (pure risk-taking race) in every regime', () => {
    for (const r of REGIMES) expect(P(r, 3, 0.5, 1e-6)).toBeGreaterThan(0.999);
  });

  it('Monte Carlo: public/all-in, n = 3, e = 0.5, μ = 2 vs 0.5 (0.531 vs 0.875)', () => {
    expect(
      below(
        mc({ info: 'public', publicRule: 'all-in', teams: 3, enmity: 0.5, skill: 2 }),
        mc({ info: 'public', publicRule: 'all-in', teams: 3, enmity: 0.5, skill: 0.5 }),
      ),
    ).toBe(true);
  });
});

describe('public information with the subgame-perfect leader (the default)', () => {
  // A small lead (Δ < Δ* = e(1 − e)/(1 + e(1 − e)) ≤ 0.2) makes the leader take full safety and
  // the runner-up win at 1 − Δ, so whatever narrows leads (more teams, smaller μ) can lower risk.
  const SP: Regime = { info: 'public', publicRule: 'subgame-perfect', label: 'public/sp' };
  const MID = ENMITY.filter((e) => e >= 0.1 && e < 1);

  it('(a) more teams: riskier for μ ≥ 3 and at e = 1; safer for μ ≤ 0.1 with 0.1 ≤ e < 1', () => {
    for (const e of ENMITY) {
      for (const mu of SKILL) {
        for (let i = 0; i + 1 < TEAMS.length; i++) {
          const few = P(SP, TEAMS[i], e, mu);
          const many = P(SP, TEAMS[i + 1], e, mu);
          const at = `n=${TEAMS[i]} e=${e} μ=${mu}`;
          if (mu >= 3 || e === 1) expect(many, at).toBeGreaterThan(few);
          if (mu <= 0.1 && e >= 0.1 && e < 1) expect(many, at).toBeLessThan(few);
        }
      }
    }
  });

  it('(b) more enmity: strictly riskier for μ ≥ 0.75; not monotone for μ ≤ 0.1', () => {
    for (const n of TEAMS) {
      for (const mu of SKILL) {
        const ps = ENMITY.map((e) => P(SP, n, e, mu));
        const rises = ps.slice(1).map((x, i) => x > ps[i]);
        if (mu >= 0.75) expect(rises.every(Boolean), `n=${n} μ=${mu}`).toBe(true);
        if (mu <= 0.1)
          expect(
            rises.some((r) => !r),
            `n=${n} μ=${mu}`,
          ).toBe(true);
      }
    }
  });

  it('(c) information: public is safer than none for μ ≤ 0.1 and safer than private for μ ≤ 1.5 (e < 1)', () => {
    for (const n of TEAMS) {
      for (const e of ENMITY) {
        for (const mu of SKILL) {
          const at = `n=${n} e=${e} μ=${mu}`;
          const pub = P(SP, n, e, mu);
          const none = P(REGIMES[0], n, e, mu);
          const priv = P(REGIMES[1], n, e, mu);
          if (e === 1) {
            expect(pub, at).toBeGreaterThan(none); // e = 1: the same as all-in
            expect(pub, at).toBeGreaterThanOrEqual(priv - EPS);
          }
          if (mu >= 8) expect(pub, at).toBeGreaterThan(none);
          if (mu <= 0.1 && e >= 0.1 && e < 1) expect(pub, at).toBeLessThan(none);
          if (mu <= 1.5 && e < 1) expect(pub, at).toBeLessThan(priv);
          if (mu >= 8 && e >= 0.3) expect(pub, at).toBeGreaterThanOrEqual(priv);
        }
      }
    }
  });

  it('(d) higher μ: safer from μ = 3 on; riskier from μ = 0.05 to 0.1 when 0.1 ≤ e < 1', () => {
    for (const n of TEAMS) {
      for (const e of ENMITY) {
        for (let i = 0; i + 1 < SKILL.length; i++) {
          const lo = P(SP, n, e, SKILL[i]);
          const hi = P(SP, n, e, SKILL[i + 1]);
          const at = `n=${n} e=${e} μ=${SKILL[i]}`;
          if (SKILL[i] >= 3) expect(hi, at).toBeLessThan(lo);
        }
      }
      for (const e of MID) expect(P(SP, n, e, 0.1)).toBeGreaterThan(P(SP, n, e, 0.05));
    }
  });

  it('as μ → 0 the risk tends to 0 for 0 < e < 1 (the runner-up wins at 1 − Δ), to 1 at e = 1', () => {
    expect(P(SP, 3, 0.5, 1e-6)).toBeCloseTo(1e-6 / 4, 12); // μ ≤ Δ*: P = E[Δ] = μ/(n + 1)
    expect(P(SP, 3, 1, 1e-6)).toBeGreaterThan(0.999);
  });

  it('Monte Carlo: n = 2, e = 0.5: μ = 0.05 is safer than μ = 1 (0.017 vs 0.161)', () => {
    expect(
      below(
        mc({ info: 'public', teams: 2, enmity: 0.5, skill: 0.05 }),
        mc({ info: 'public', teams: 2, enmity: 0.5, skill: 1 }),
      ),
    ).toBe(true);
  });
});
