// Numerical equilibrium checks: the most one team can gain by deviating unilaterally from a
// candidate strategy profile, computed from exact payoff formulas over a fine grid of deviations.
// A (near) zero gain means the profile is a Nash equilibrium; tests also feed in wrong profiles
// and expect a clearly positive gain, so these checks can fail.

import { noInfoSafety, privateDivisor, publicLeaderSafety } from './equilibrium';
import type { PublicRule, PublicWinner, RaceParams } from './types';

/**
 * No information: probability that a team wins when it takes δ more safety than the common level
 * of the other n − 1 teams (it wins iff c − δ > max of the others' capabilities).
 */
export function noInfoWinProbability(delta: number, teams: number, skill: number): number {
  const d = delta / skill;
  if (d >= 1) return 0;
  if (d >= 0) return Math.pow(1 - d, teams) / teams;
  if (d <= -1) return 1;
  return (1 - Math.pow(-d, teams)) / teams - d;
}

/** Expected payoff of taking safety `own` when every other team takes `others` (no information). */
export function noInfoPayoff(p: RaceParams, own: number, others: number): number {
  const win = noInfoWinProbability(own - others, p.teams, p.skill);
  return win * own + (1 - win) * (1 - p.enmity) * others;
}

/**
 * No information: best gain from deviating to any safety on a grid of `grid` + 1 points in [0, 1]
 * when all other teams take `others` (default: the equilibrium level).
 */
export function noInfoDeviationGain(
  p: RaceParams,
  others: number = noInfoSafety(p),
  grid = 2000,
): number {
  const base = noInfoPayoff(p, others, others);
  let best = base;
  for (let i = 0; i <= grid; i++) best = Math.max(best, noInfoPayoff(p, i / grid, others));
  return best - base;
}

/**
 * Private information: expected payoff of a team with capability c taking safety t, when the
 * other teams use s(m) = min(1, m / divisor) (divisor ≥ 1), or s ≡ 1 when divisor is null.
 */
export function privatePayoff(p: RaceParams, c: number, t: number, divisor: number | null): number {
  const { teams: n, enmity: e, skill: mu } = p;
  const G = (z: number): number => Math.pow(z / mu, n - 1);
  // ∫_0^z s(m) g(m) dm, where g = G' is the density of the best rival's capability.
  const I = (z: number): number => {
    if (divisor === null) return G(z);
    const zb = Math.min(z, divisor);
    const interior = ((n - 1) * Math.pow(zb, n)) / (n * divisor * Math.pow(mu, n - 1));
    return z > divisor ? interior + G(z) - G(divisor) : interior;
  };
  // The rival capability z whose equilibrium score equals this team's score y = c − t.
  const y = c - t;
  let z: number;
  if (divisor === null) {
    z = y + 1;
  } else {
    const k = divisor - 1;
    if (k > 0) {
      z = y <= 0 ? 0 : y <= k ? (y * divisor) / k : y + 1;
    } else {
      // divisor rounded to 1 (e below ~1e-16): rivals up to capability 1 all score exactly 0,
      // and a tied score goes to the more capable team.
      z = y < 0 ? 0 : y === 0 ? c : y + 1;
    }
  }
  z = Math.min(mu, Math.max(0, z));
  return G(z) * t + (1 - e) * (I(mu) - I(z));
}

/**
 * Private information: the largest gain any type (on a grid of capabilities) can get by deviating
 * to any safety on a grid, when everyone uses s(c) = min(1, c / divisor). Default divisor: the
 * equilibrium 1 + e(n − 1) (or s ≡ 1 when e = 0).
 */
export function privateDeviationGain(
  p: RaceParams,
  divisor: number | null = p.enmity === 0 ? null : privateDivisor(p),
  typeGrid = 40,
  safetyGrid = 2000,
): number {
  const own = (c: number): number => (divisor === null ? 1 : Math.min(1, c / divisor));
  let worst = 0;
  for (let j = 0; j <= typeGrid; j++) {
    const c = (p.skill * j) / typeGrid;
    const base = privatePayoff(p, c, own(c), divisor);
    let best = base;
    for (let i = 0; i <= safetyGrid; i++) {
      best = Math.max(best, privatePayoff(p, c, i / safetyGrid, divisor));
    }
    worst = Math.max(worst, best - base);
  }
  return worst;
}

/** The public rules that are Nash equilibria of the simultaneous-move game. */
export type NashPublicRule = Exclude<PublicRule, 'subgame-perfect'>;

/**
 * Public information as a simultaneous-move game, one capability profile (top > second): the
 * larger of the leader's and the runner-up's best unilateral gains, when the leader takes
 * `leaderSafety` (default: the rule's equilibrium) and the runner-up plays the rule's response
 * (0 for `all-in`, the overtaking boundary max(0, s₁ − Δ) for `deterrence`, 1 when e = 0). Score
 * ties go to the more capable team. Overtaking payoffs are suprema (the runner-up must take
 * strictly less than s₁ − Δ). The default rule is `deterrence` if `p.publicRule` says so, else
 * `all-in` (the subgame-perfect outcome is checked by `publicStackelbergSearch` instead).
 */
export function publicDeviationGain(
  p: RaceParams,
  top: number,
  second: number,
  leaderSafety?: number,
  rule: NashPublicRule = p.publicRule === 'deterrence' ? 'deterrence' : 'all-in',
): number {
  const e = p.enmity;
  const lead = top - second;
  const s1 = leaderSafety ?? publicLeaderSafety(p, top, second, rule);
  const s2 = e === 0 ? 1 : rule === 'all-in' ? 0 : Math.max(0, s1 - lead);
  // Ties (up to rounding) go to the more capable team.
  const leaderWins = top - s1 >= second - s2 - 1e-12;

  const runnerNow = leaderWins ? (1 - e) * s1 : s2;
  const runnerBest = Math.max(runnerNow, (1 - e) * s1, s1 - lead > 0 ? s1 - lead : -Infinity);

  const leaderNow = leaderWins ? s1 : (1 - e) * s2;
  const leaderBest = Math.max(leaderNow, Math.min(1, lead + s2), (1 - e) * s2);

  return Math.max(runnerBest - runnerNow, leaderBest - leaderNow);
}

/** What the brute-force search finds for one lead. */
export interface StackelbergSearch {
  readonly leaderSafety: number;
  readonly runnerUpSafety: number;
  readonly winner: PublicWinner;
  readonly winnerSafety: number;
  /** The leader's payoff at the best commitment found. */
  readonly leaderPayoff: number;
}

/**
 * Public information as a sequential game, solved by brute force on a grid of safeties
 * {0, 1/grid, …, 1} for both teams: for every commitment s₁ of the leader, the runner-up's payoff is
 * evaluated at every s₂ (winning iff its score is higher by more than 1e-12; a tie goes to the
 * leader) and it picks the best, breaking its own ties in the leader's favour; the leader then
 * picks the s₁ with the highest payoff (the first one found on ties). Uses no formula from
 * equilibrium.ts. With a lead that is not a multiple of 1/grid, the result approaches the
 * subgame-perfect outcome as the grid is refined (within about 1/grid).
 */
export function publicStackelbergSearch(
  enmity: number,
  lead: number,
  grid = 400,
): StackelbergSearch {
  const e = enmity;
  let best: StackelbergSearch | null = null;
  for (let i = 0; i <= grid; i++) {
    const s1 = i / grid;
    const leaderScore = lead - s1; // capabilities: leader `lead`, runner-up 0
    let runnerPay = -Infinity;
    let leaderPay = -Infinity;
    let s2Best = 0;
    let runnerWins = false;
    for (let j = 0; j <= grid; j++) {
      const s2 = j / grid;
      const wins = -s2 > leaderScore + 1e-12;
      const rPay = wins ? s2 : (1 - e) * s1;
      const lPay = wins ? (1 - e) * s2 : s1;
      if (rPay > runnerPay + 1e-15 || (rPay >= runnerPay - 1e-15 && lPay > leaderPay)) {
        runnerPay = rPay;
        leaderPay = lPay;
        s2Best = s2;
        runnerWins = wins;
      }
    }
    if (best === null || leaderPay > best.leaderPayoff + 1e-15) {
      best = {
        leaderSafety: s1,
        runnerUpSafety: s2Best,
        winner: runnerWins ? 'runner-up' : 'leader',
        winnerSafety: runnerWins ? s2Best : s1,
        leaderPayoff: leaderPay,
      };
    }
  }
  if (best === null) throw new Error('unreachable: the grid has at least one point');
  return best;
}
