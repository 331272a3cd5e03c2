// Exact equilibrium probability of an AI disaster, P = E[1 − s_w], in each information regime,
// and an independent numerical integration of the same quantity used to cross-check the algebra.
//
// In every regime the most capable team wins in equilibrium, so only the distribution of the top
// capability M (CDF (m/μ)^n) or of the top-two gap Δ (Δ/μ ~ Beta(1, n), CDF 1 − (1 − d/μ)^n) enters.

import { noInfoSafety, privateDivisor, strategyFor } from './equilibrium';
import { infoErrors, paramErrors } from './params';
import type { RaceScenario } from './types';

/** 1 − (1 − x)^k for x in [0, 1], accurate when x is tiny. */
function oneMinusPow(x: number, k: number): number {
  return x >= 1 ? 1 : -Math.expm1(k * Math.log1p(-x));
}

/**
 * Closed-form P(disaster) for a valid scenario (null for invalid input).
 * - none: 1 − min(1, μ / (n e)).
 * - private, b = 1 + e(n − 1): 1 − n μ / ((n + 1) b) if μ ≤ b, else (b / μ)^n / (n + 1).
 * - public, r = μ / θ with θ = 1 (`all-in`) or θ = e (`deterrence`):
 *   1 − r / (n + 1) if r ≤ 1, else 1 − r (1 − (1 − 1/r)^(n+1)) / (n + 1).
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
      const theta = (scenario.publicRule ?? 'all-in') === 'deterrence' ? e : 1;
      const r = mu / theta;
      if (r <= 1) return 1 - r / (n + 1);
      if (!Number.isFinite(r)) return 0; // e so small that μ/e overflows: the limit is 0

      return Math.max(0, 1 - (r * oneMinusPow(1 / r, n + 1)) / (n + 1));
    }
  }
}

/** Composite Simpson's rule on [a, b] with an even number of intervals. */
function simpson(f: (x: number) => number, a: number, b: number, intervals: number): number {
  if (b <= a) return 0;
  const m = intervals % 2 === 0 ? intervals : intervals + 1;
  const h = (b - a) / m;
  let sum = f(a) + f(b);
  for (let i = 1; i < m; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

/** ∫_0^1 f, split at a kink (where the equilibrium safety reaches 1) so Simpson stays accurate. */
function integrate01(f: (x: number) => number, kink: number, intervals: number): number {
  const k = Math.min(1, Math.max(0, kink));
  return simpson(f, 0, k, intervals) + simpson(f, k, 1, intervals);
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
      return integrate01(f, strategy.fullSafety ? 0 : strategy.divisor / mu, intervals);
    }
    case 'public': {
      const f = (d: number): number =>
        (1 - strategy.leaderSafety(mu * d, 0)) * n * Math.pow(1 - d, n - 1);
      const theta =
        scenario.enmity === 0 ? 0 : strategy.rule === 'deterrence' ? scenario.enmity : 1;
      return integrate01(f, theta / mu, intervals);
    }
  }
}
