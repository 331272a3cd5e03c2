import type { BudgetSplit, DynamicsParams, SafeguardTrack } from './types';
import { SAFEGUARD_TRACKS } from './types';

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
  const next = { ...readiness };
  for (const track of SAFEGUARD_TRACKS) {
    const r = readiness[track];
    const share = split[track];
    const gained = params.safeguardRate * share * money * (1 - r);
    const lost = params.safeguardDecay * r;
    next[track] = Math.min(1, Math.max(0, r + gained - lost));
  }
  return next;
}
