// Symmetric Nash equilibria of the Armstrong–Bostrom–Shulman race, one per information regime.
// Derivations: MODEL.md, "Validation model: Racing to the precipice". Numerical checks that no
// team can gain by deviating live in verify.ts.
//
// Game: n teams, capability c_i ~ Uniform[0, μ] independently; each picks safety s_i in [0, 1];
// the highest score c_i − s_i wins; the winner's AI is safe with probability s_w. Payoffs if safe:
// 1 to the winner, 1 − e to every other team; 0 to everyone on disaster.

import { infoErrors, paramErrors, raceError } from './params';
import type {
  InfoRegime,
  NoInfoStrategy,
  PrivateStrategy,
  PublicRule,
  PublicStrategy,
  RaceError,
  RaceParams,
  Strategy,
} from './types';

const clamp01 = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : x);

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
 * Public information (everyone knows every capability). Only the leader's safety matters; Δ is its
 * lead over the runner-up. `all-in`: s = min(1, Δ). `deterrence`: s = min(1, Δ / e). At e = 0
 * both give s = 1 (no team gains from any rival losing, so nobody races).
 */
export function publicLeaderSafety(
  p: RaceParams,
  top: number,
  second: number,
  rule: PublicRule = p.publicRule ?? 'all-in',
): number {
  if (p.enmity === 0) return 1;
  const lead = Math.max(0, top - second);
  return rule === 'deterrence' ? clamp01(lead / p.enmity) : clamp01(lead);
}

/** The runner-up's equilibrium safety in the public regime (it loses either way). */
export function publicRunnerUpSafety(
  p: RaceParams,
  top: number,
  second: number,
  rule: PublicRule = p.publicRule ?? 'all-in',
): number {
  if (p.enmity === 0) return 1;
  if (rule === 'all-in') return 0;
  // Deterrence: the runner-up sits exactly at the overtaking boundary (ties go to the leader).
  return clamp01(publicLeaderSafety(p, top, second, rule) - Math.max(0, top - second));
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
      const rule = p.publicRule ?? 'all-in';
      const s: PublicStrategy = {
        ok: true,
        regime: 'public',
        rule,
        leaderSafety: (top, second) => publicLeaderSafety(p, top, second, rule),
        runnerUpSafety: (top, second) => publicRunnerUpSafety(p, top, second, rule),
      };
      return s;
    }
  }
}

/**
 * The symmetric Nash equilibrium strategy of a regime:
 * - `none`: one safety level for every team;
 * - `private`: safety as a (piecewise linear) function of own capability;
 * - `public`: the leader's safety as a function of the top two capabilities.
 * Invalid input gives `{ ok: false, errors }` instead of throwing.
 */
export function equilibriumSafety(params: RaceParams, regime: InfoRegime): Strategy | RaceError {
  const errors = [...paramErrors(params), ...infoErrors(regime)];
  if (errors.length > 0) return raceError(errors);
  return strategyFor(params, regime);
}
