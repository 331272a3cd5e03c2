import type { Rng } from './rng';
import type { DomainId, DomainValues, DynamicsParams } from './types';

/** Effective compute: the capabilities share of a budget, with diminishing returns to money. */
export function computeFactor(capabilitiesShare: number, budget: number): number {
  return (0.3 + 1.4 * capabilitiesShare) * Math.sqrt(Math.max(0, budget) / 100);
}

export interface Growth {
  capability: DomainValues;
  breakthrough: boolean;
}

/**
 * One quarter of training. Growth slows as capability nears 1 (headroom), varies by domain, and
 * occasionally jumps (a breakthrough). A paused lab does not call this: its training does not advance.
 */
export function growCapability(
  capability: DomainValues,
  domains: readonly DomainId[],
  compute: number,
  params: Pick<DynamicsParams, 'growthRate' | 'breakthroughChance' | 'breakthroughMultiplier'>,
  rng: Rng,
): Growth {
  const breakthrough = rng.next() < params.breakthroughChance;
  const boost = breakthrough ? params.breakthroughMultiplier : 1;
  // A new object (states and records share the old one), built in the domains' order.
  const next: DomainValues = {};
  for (const d of domains) {
    const c = capability[d] ?? 0;
    const jitter = 0.75 + 0.5 * rng.next();
    next[d] = Math.min(1, c + params.growthRate * compute * (1 - c) * jitter * boost);
  }
  return { capability: next, breakthrough };
}
