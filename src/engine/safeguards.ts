import type { BudgetSplit, DynamicsParams, SafeguardTrack } from './types';

/**
 * One quarter of safeguard work. Readiness rises with the budget spent on a track and slows as it
 * nears 1, and every track loses `safeguardDecay` of its readiness each quarter (staff leave,
 * attacks and jailbreaks improve, controls go stale): safeguards need upkeep, and readiness settles
 * where the spending on a track balances its decay.
 */
export function growSafeguards(
  readiness: Record<SafeguardTrack, number>,
  split: BudgetSplit,
  budget: number,
  params: Pick<DynamicsParams, 'safeguardRate' | 'safeguardDecay'>,
): Record<SafeguardTrack, number> {
  const money = Math.sqrt(Math.max(0, budget) / 100);
  // One literal in the tracks' order (SAFEGUARD_TRACKS), not a copy changed key by key: this runs
  // for every lab every quarter of every batch game.
  return {
    security: nextReadiness(readiness.security, split.security, money, params),
    deployment: nextReadiness(readiness.deployment, split.deployment, money, params),
    alignment: nextReadiness(readiness.alignment, split.alignment, money, params),
  };
}

/** One track's readiness after a quarter: what its money gains, less its decay. */
function nextReadiness(
  r: number,
  share: number,
  money: number,
  params: Pick<DynamicsParams, 'safeguardRate' | 'safeguardDecay'>,
): number {
  const gained = params.safeguardRate * share * money * (1 - r);
  const lost = params.safeguardDecay * r;
  return Math.min(1, Math.max(0, r + gained - lost));
}
