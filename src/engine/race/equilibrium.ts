// Equilibria of the Armstrong–Bostrom–Shulman race, one per information regime (symmetric Nash
// equilibria without public information; a subgame-perfect leader by default with it).
// Derivations: MODEL.md, "Validation model: Racing to the precipice". Numerical checks that no
// team can gain by deviating live in verify.ts.
//
// Game: n teams, capability c_i ~ Uniform[0, μ] independently; each picks safety s_i in [0, 1];
// the highest score c_i − s_i wins; the winner's AI is safe with probability s_w. Payoffs if safe:
// 1 to the winner, 1 − e to every other team; 0 to everyone on disaster.

import { infoErrors, paramErrors, raceError } from './params';
import { DEFAULT_PUBLIC_RULE } from './types';
import { clamp01 } from '../numbers';
import type {
  InfoRegime,
  NoInfoStrategy,
  PrivateStrategy,
  PublicOutcome,
  PublicRule,
  PublicStrategy,
  RaceError,
  RaceParams,
  Strategy,
} from './types';

/**
 * No information (nobody knows any capability, own included): every team takes
 * s* = min(1, μ / (n e)); s* = 1 when e = 0.
 * First-order condition at the symmetric point: 1/n − e s / μ = 0, because deviating by δ changes
 * the win probability at rate −1/μ for every n (the density of the best rival's capability,
 * averaged over one's own capability, integrates to 1/μ).
 */
export function noInfoSafety(p: RaceParams): number {
  if (p.enmity === 0) return 1;
  return Math.min(1, p.skill / (p.teams * p.enmity));
}

/**
 * Private information (each team knows only its own capability c): s(c) = min(1, c / (1 + e(n − 1))).
 * The interior part solves s'(c) = 1 − e(n − 1) s(c) / c (indifference to mimicking a slightly
 * different type), with the solution bounded at c = 0. Scores c − s(c) increase with c, so the
 * most capable team wins. At e = 0 every team takes s = 1.
 */
export function privateDivisor(p: RaceParams): number {
  return 1 + p.enmity * (p.teams - 1);
}

/**
 * Public information, `subgame-perfect` rule: the lead below which the leader prefers to take full
 * safety and be overtaken, Δ* = e(1 − e) / (1 + e(1 − e)). Solves (1 − e)(1 − Δ) = Δ / e: the
 * leader's payoff from losing to a runner-up at safety 1 − Δ equals its payoff from winning at the
 * deterring safety Δ / e. Zero at e = 0 and e = 1; largest (0.2) at e = 1/2.
 */
export function yieldThreshold(enmity: number): number {
  const k = enmity * (1 - enmity);
  return k / (1 + k);
}

/**
 * Public information (everyone knows every capability): the outcome for the top two capabilities.
 * Δ = top − second is the leader's lead. Derivation: MODEL.md, "Public information".
 * - `subgame-perfect`: leader commits, runner-up best-responds. If Δ < Δ* the leader takes 1 and the
 *   runner-up overtakes with 1 − Δ; otherwise the leader takes min(1, Δ / e) and wins.
 * - `deterrence`: s₁ = min(1, Δ / e), runner-up at the overtaking boundary max(0, s₁ − Δ).
 * - `all-in`: s₁ = min(1, Δ), runner-up at 0.
 * At e = 0 every team takes s = 1 (no team gains from any rival losing, so nobody races).
 */
export function publicOutcome(
  p: RaceParams,
  top: number,
  second: number,
  rule: PublicRule = p.publicRule ?? DEFAULT_PUBLIC_RULE,
): PublicOutcome {
  const e = p.enmity;
  if (e === 0) return { leaderSafety: 1, runnerUpSafety: 1, winner: 'leader', winnerSafety: 1 };
  const lead = Math.max(0, top - second);
  if (rule === 'all-in') {
    const s1 = clamp01(lead);
    return { leaderSafety: s1, runnerUpSafety: 0, winner: 'leader', winnerSafety: s1 };
  }
  if (rule === 'subgame-perfect' && lead < yieldThreshold(e)) {
    const s2 = 1 - lead;
    return { leaderSafety: 1, runnerUpSafety: s2, winner: 'runner-up', winnerSafety: s2 };
  }
  const s1 = clamp01(lead / e);
  return {
    leaderSafety: s1,
    runnerUpSafety: clamp01(s1 - lead),
    winner: 'leader',
    winnerSafety: s1,
  };
}

/** The leader's safety in the public regime (see `publicOutcome`). */
export function publicLeaderSafety(
  p: RaceParams,
  top: number,
  second: number,
  rule: PublicRule = p.publicRule ?? DEFAULT_PUBLIC_RULE,
): number {
  return publicOutcome(p, top, second, rule).leaderSafety;
}

/** The runner-up's equilibrium safety in the public regime (see `publicOutcome`). */
export function publicRunnerUpSafety(
  p: RaceParams,
  top: number,
  second: number,
  rule: PublicRule = p.publicRule ?? DEFAULT_PUBLIC_RULE,
): number {
  return publicOutcome(p, top, second, rule).runnerUpSafety;
}

/** Equilibrium strategy for already-validated parameters. */
export function strategyFor(p: RaceParams, regime: InfoRegime): Strategy {
  switch (regime) {
    case 'none': {
      const s: NoInfoStrategy = { ok: true, regime: 'none', safety: noInfoSafety(p) };
      return s;
    }
    case 'private': {
      const divisor = privateDivisor(p);
      const fullSafety = p.enmity === 0;
      const s: PrivateStrategy = {
        ok: true,
        regime: 'private',
        divisor,
        fullSafety,
        safetyOf: fullSafety ? () => 1 : (c: number) => clamp01(c / divisor),
      };
      return s;
    }
    case 'public': {
      const rule = p.publicRule ?? DEFAULT_PUBLIC_RULE;
      const s: PublicStrategy = {
        ok: true,
        regime: 'public',
        rule,
        yieldBelow: rule === 'subgame-perfect' && p.enmity > 0 ? yieldThreshold(p.enmity) : 0,
        leaderSafety: (top, second) => publicLeaderSafety(p, top, second, rule),
        runnerUpSafety: (top, second) => publicRunnerUpSafety(p, top, second, rule),
        outcome: (top, second) => publicOutcome(p, top, second, rule),
      };
      return s;
    }
  }
}

/**
 * The symmetric Nash equilibrium strategy of a regime:
 * - `none`: one safety level for every team;
 * - `private`: safety as a (piecewise linear) function of own capability;
 * - `public`: the outcome (both safeties, the winner) as a function of the top two capabilities.
 * Invalid input gives `{ ok: false, errors }` instead of throwing.
 */
export function equilibriumSafety(params: RaceParams, regime: InfoRegime): Strategy | RaceError {
  const errors = [...paramErrors(params), ...infoErrors(regime)];
  if (errors.length > 0) return raceError(errors);
  return strategyFor(params, regime);
}
