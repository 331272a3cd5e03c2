// The public-information default: a leader that commits to its safety, and a runner-up that sees it
// and best-responds. The rule in equilibrium.ts is checked against a brute-force search over both
// teams' safeties (verify.ts, which uses no formula from the rule), per lead and integrated over
// the distribution of the lead; deliberately wrong leader rules are caught by the same checks.
import { describe, expect, it } from 'vitest';
import { closedFormDisaster } from '../../../src/engine/race/closedForm';
import { publicOutcome, yieldThreshold } from '../../../src/engine/race/equilibrium';
import { publicStackelbergSearch } from '../../../src/engine/race/verify';
import type { PublicOutcome, PublicRule } from '../../../src/engine/race/types';

const GRID = 400;
const ENMITY = [0, 0.05, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 1];
// Leads off the safety grid (no exact score ties), from tiny to beyond full safety.
const LEADS = [
  0.0037, 0.0313, 0.0813, 0.1213, 0.1613, 0.1987, 0.2513, 0.3587, 0.5013, 0.7513, 0.9587, 1.2013,
];

type LeaderRule = (e: number, lead: number) => PublicOutcome;
const ruleOf =
  (rule: PublicRule): LeaderRule =>
  (e, lead) =>
    publicOutcome({ teams: 2, enmity: e, skill: 2, publicRule: rule }, lead, 0);

/** The leader's payoff in an outcome: its own safety if it wins, else (1 − e)·(winner's safety). */
const leaderPayoff = (o: PublicOutcome, e: number): number =>
  o.winner === 'leader' ? o.winnerSafety : (1 - e) * o.winnerSafety;

/** Cases (e, Δ) where the rule disagrees with the brute-force search (away from the threshold). */
function disagreements(rule: LeaderRule): string[] {
  const bad: string[] = [];
  for (const e of ENMITY) {
    for (const lead of LEADS) {
      const found = publicStackelbergSearch(e, lead, GRID);
      const o = rule(e, lead);
      // The runner-up's overtaking safety is off by up to one grid step, which the leader's
      // deterring safety s₁ = Δ/e magnifies by 1/e.
      const tol = (1 + 1 / Math.max(e, 0.05)) / GRID;
      const nearThreshold = Math.abs(lead - yieldThreshold(e)) < 0.01;
      const payoffOk = Math.abs(leaderPayoff(o, e) - found.leaderPayoff) <= tol;
      const outcomeOk =
        nearThreshold ||
        (o.winner === found.winner &&
          Math.abs(o.winnerSafety - found.winnerSafety) <= tol &&
          Math.abs(o.leaderSafety - found.leaderSafety) <= tol);
      if (!payoffOk || !outcomeOk) bad.push(`e=${e} Δ=${lead}`);
    }
  }
  return bad;
}

describe('public information: the subgame-perfect leader against a brute-force search', () => {
  it('matches the search for every (e, Δ) on the grid (winner, safeties, leader payoff)', () => {
    expect(disagreements(ruleOf('subgame-perfect'))).toEqual([]);
  });

  it('catches deliberately wrong leader rules', () => {
    // Never yield (the old deterrence reading), the gap alone (all-in), a wrong threshold.
    expect(disagreements(ruleOf('deterrence')).length).toBeGreaterThan(5);
    expect(disagreements(ruleOf('all-in')).length).toBeGreaterThan(5);
    const wrongThreshold: LeaderRule = (e, lead) =>
      lead < e / 2 && e < 1
        ? { leaderSafety: 1, runnerUpSafety: 1 - lead, winner: 'runner-up', winnerSafety: 1 - lead }
        : ruleOf('deterrence')(e, lead);
    expect(disagreements(wrongThreshold).length).toBeGreaterThan(0);
  });

  it('the leader prefers being overtaken when its lead is small (e = 1/2, Δ = 0.1)', () => {
    // Deterring needs s₁ = Δ/e = 0.2 (payoff 0.2); full safety and losing pays (1 − e)(1 − Δ) = 0.45.
    const found = publicStackelbergSearch(0.5, 0.1013, GRID);
    expect(found.winner).toBe('runner-up');
    expect(found.leaderSafety).toBe(1);
    expect(found.winnerSafety).toBeCloseTo(1 - 0.1013, 2);
    const o = ruleOf('subgame-perfect')(0.5, 0.1);
    expect(o).toEqual({
      leaderSafety: 1,
      runnerUpSafety: 0.9,
      winner: 'runner-up',
      winnerSafety: 0.9,
    });
  });

  it('corners: e = 0, e = 1, Δ ≥ 1, Δ ≥ e, and the indifference point Δ*', () => {
    const sp = ruleOf('subgame-perfect');
    for (const lead of [0, 0.3, 2]) expect(sp(0, lead).winnerSafety).toBe(1); // no enmity
    for (const lead of [0.01, 0.3, 0.99]) {
      expect(sp(1, lead)).toEqual(ruleOf('all-in')(1, lead)); // e = 1: Δ* = 0, s₁ = Δ
    }
    for (const e of [0.2, 0.5, 0.9]) {
      expect(sp(e, 1.5)).toMatchObject({ winner: 'leader', leaderSafety: 1 }); // Δ ≥ 1
      expect(sp(e, e)).toMatchObject({ winner: 'leader', leaderSafety: 1 }); // Δ ≥ e
      // At Δ* the two options pay the leader the same; the rule keeps the lead (ties to winning).
      const a = yieldThreshold(e);
      expect((1 - e) * (1 - a)).toBeCloseTo(a / e, 12);
      expect(sp(e, a).winner).toBe('leader');
      expect(sp(e, a * (1 - 1e-9)).winner).toBe('runner-up');
    }
    expect(yieldThreshold(0)).toBe(0);
    expect(yieldThreshold(1)).toBe(0);
    expect(yieldThreshold(0.5)).toBeCloseTo(0.2, 12); // the largest threshold
  });
});

describe('public information: closed form against the brute-force search, integrated over Δ', () => {
  // Δ/μ ~ Beta(1, n): K equal-probability cells, each represented by its median.
  const K = 200;
  const SEARCH_GRID = 200;
  function searchedDisaster(teams: number, enmity: number, skill: number): number {
    let total = 0;
    for (let k = 0; k < K; k++) {
      const d = 1 - Math.pow(1 - (k + 0.5) / K, 1 / teams);
      total += 1 - publicStackelbergSearch(enmity, skill * d, SEARCH_GRID).winnerSafety;
    }
    return total / K;
  }

  const cases: [number, number, number][] = [
    [2, 0.5, 1],
    [3, 0.3, 0.4],
    [5, 0.5, 0.5],
    [2, 0.25, 2],
    [4, 0.75, 1],
    [10, 0.5, 3],
  ];

  it.each(cases)('n = %i, e = %f, μ = %f: within 0.01, and the wrong rules are not', (n, e, mu) => {
    const searched = searchedDisaster(n, e, mu);
    const cf = (publicRule: PublicRule): number =>
      closedFormDisaster({ info: 'public', teams: n, enmity: e, skill: mu, publicRule }) ?? NaN;
    expect(Math.abs(cf('subgame-perfect') - searched)).toBeLessThan(0.01);
    expect(Math.abs(cf('deterrence') - searched)).toBeGreaterThan(0.02);
    expect(Math.abs(cf('all-in') - searched)).toBeGreaterThan(0.02);
  });
});
