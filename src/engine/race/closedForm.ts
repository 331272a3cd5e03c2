// Exact equilibrium probability of an AI disaster, P = E[1 − s_w], in each information regime,
// and an independent numerical integration of the same quantity used to cross-check the algebra.
//
// Without public information the most capable team wins, so only the distribution of the top
// capability M (CDF (m/μ)^n) enters; with it, only the top-two gap Δ (Δ/μ ~ Beta(1, n), CDF
// 1 − (1 − d/μ)^n) does (the subgame-perfect winner is the runner-up when Δ is small).

import { noInfoSafety, privateDivisor, strategyFor, yieldThreshold } from './equilibrium';
import { infoErrors, paramErrors } from './params';
import { DEFAULT_PUBLIC_RULE } from './types';
import type { RaceScenario } from './types';

/** 1 − (1 − x)^k for x in [0, 1], accurate when x is tiny. */
function oneMinusPow(x: number, k: number): number {
  return x >= 1 ? 1 : -Math.expm1(k * Math.log1p(-x));
}

/**
 * Closed-form P(disaster) for a valid scenario (null for invalid input).
 * - none: 1 − min(1, μ / (n e)).
 * - private, b = 1 + e(n − 1): 1 − n μ / ((n + 1) b) if μ ≤ b, else (b / μ)^n / (n + 1).
 * - public, with F(x) = 1 − (1 − min(1, x/μ))^n the CDF of the lead Δ and
 *   G(x) = μ [(1 − (1 − q)^(n+1)) / (n + 1) − q (1 − q)^n], q = min(1, x/μ), its partial mean:
 *   P = G(a) + F(θ) − F(a) − (G(θ) − G(a)) / θ, where θ = e (`subgame-perfect`, `deterrence`) or
 *   1 (`all-in`), and a = Δ* = e(1 − e)/(1 + e(1 − e)) (`subgame-perfect`) or 0. With a = 0 and
 *   r = μ/θ this is 1 − r/(n + 1) if r ≤ 1, else 1 − r (1 − (1 − 1/r)^(n+1)) / (n + 1).
 * - e = 0: 0 in every regime (every team takes full safety).
 */
export function closedFormDisaster(scenario: RaceScenario): number | null {
  if (paramErrors(scenario).length > 0 || infoErrors(scenario.info).length > 0) return null;
  const { teams: n, enmity: e, skill: mu } = scenario;
  if (e === 0) return 0;
  switch (scenario.info) {
    case 'none':
      return 1 - noInfoSafety(scenario);
    case 'private': {
      const b = privateDivisor(scenario);
      return mu <= b ? 1 - (n * mu) / ((n + 1) * b) : Math.pow(b / mu, n) / (n + 1);
    }
    case 'public': {
      const rule = scenario.publicRule ?? DEFAULT_PUBLIC_RULE;
      const theta = rule === 'all-in' ? 1 : e;
      const a = rule === 'subgame-perfect' ? yieldThreshold(e) : 0;
      // Lead Δ: F(x) = P(Δ ≤ x), G(x) = E[Δ; Δ ≤ x]. Risk is Δ below a (the runner-up overtakes
      // with safety 1 − Δ), 1 − Δ/θ from a to θ (the leader wins at safety Δ/θ), 0 above θ.
      const F = (x: number): number => oneMinusPow(Math.min(1, x / mu), n);
      const G = (x: number): number => {
        const q = Math.min(1, x / mu);
        return mu * (oneMinusPow(q, n + 1) / (n + 1) - q * Math.pow(1 - q, n));
      };
      const p = G(a) + F(theta) - F(a) - (G(theta) - G(a)) / theta;
      return Math.min(1, Math.max(0, p));
    }
  }
}

/** Composite Simpson's rule on [a, b] with an even number of intervals. */
function simpson(f: (x: number) => number, a: number, b: number, intervals: number): number {
  if (b <= a) return 0;
  const m = intervals % 2 === 0 ? intervals : intervals + 1;
  const h = (b - a) / m;
  // The ends are nudged inwards by a negligible amount so that a jump at a piece's end is
  // evaluated from inside the piece.
  const nudge = (b - a) * 1e-12;
  let sum = f(a + nudge) + f(b - nudge);
  for (let i = 1; i < m; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

/** ∫_0^1 f, split at kinks and jumps of the equilibrium (points in (0, 1)) so Simpson stays accurate. */
function integrate01(
  f: (x: number) => number,
  breaks: readonly number[],
  intervals: number,
): number {
  const cuts = [0, ...breaks.filter((b) => b > 0 && b < 1).sort((x, y) => x - y), 1];
  let total = 0;
  for (let i = 0; i + 1 < cuts.length; i++) total += simpson(f, cuts[i], cuts[i + 1], intervals);
  return total;
}

/**
 * P(disaster) by numerical integration of the equilibrium strategy against the density of the
 * winner's capability M = μx, x ~ n x^(n−1) (private), or of the leader's margin Δ = μd,
 * d ~ n (1 − d)^(n−1) (public). Independent of the algebra in `closedFormDisaster` (it only reuses
 * the strategy functions); null for invalid input.
 */
export function integratedDisaster(scenario: RaceScenario, intervals = 2000): number | null {
  if (paramErrors(scenario).length > 0 || infoErrors(scenario.info).length > 0) return null;
  const { teams: n, skill: mu } = scenario;
  const strategy = strategyFor(scenario, scenario.info);
  switch (strategy.regime) {
    case 'none':
      return 1 - strategy.safety;
    case 'private': {
      const f = (x: number): number => (1 - strategy.safetyOf(mu * x)) * n * Math.pow(x, n - 1);
      return integrate01(f, strategy.fullSafety ? [] : [strategy.divisor / mu], intervals);
    }
    case 'public': {
      // At the yield threshold the winner changes and the risk jumps; integrate01 splits there.
      const below = strategy.yieldBelow / mu;
      const f = (d: number): number =>
        (1 - strategy.outcome(mu * d, 0).winnerSafety) * n * Math.pow(1 - d, n - 1);
      const theta = scenario.enmity === 0 ? 0 : strategy.rule === 'all-in' ? 1 : scenario.enmity;
      return integrate01(f, [below, theta / mu], intervals);
    }
  }
}
