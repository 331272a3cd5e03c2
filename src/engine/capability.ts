import type { Rng } from './rng';
import type { DomainId, DomainValues, DynamicsParams } from './types';

/** Effective compute: the capabilities share of a budget, with diminishing returns to money. */
export function computeFactor(capabilitiesShare: number, budget: number): number {
  return (0.3 + 1.4 * capabilitiesShare) * Math.sqrt(Math.max(0, budget) / 100);
}

/** Per domain list: an object with every domain as a key, in order (the shape to copy). */
const SHAPES = new WeakMap<readonly DomainId[], DomainValues>();
let lastDomains: readonly DomainId[] | null = null;
let lastShape: DomainValues = {};

/**
 * A new object with every domain as a key, in the domains' order, for the caller to fill in.
 * Copied from one made per domain list: filling an empty object key by key walked its shape
 * through a transition per domain for every capability and measurement of every quarter, a
 * visible share of a batch; a copy starts with its final shape. The order, and so the JSON, is
 * the same (domain ids are validated: no integer-like or special keys).
 */
export function domainValuesFor(domains: readonly DomainId[]): DomainValues {
  if (domains !== lastDomains) {
    let shape = SHAPES.get(domains);
    if (shape === undefined) {
      shape = {};
      // Doubles from the start, so the copies' fields need no change of representation.
      for (const d of domains) shape[d] = 0.5;
      SHAPES.set(domains, shape);
    }
    lastDomains = domains;
    lastShape = shape;
  }
  return { ...lastShape };
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
  // A new object (states and records share the old one), with the domains' keys in order.
  const next = domainValuesFor(domains);
  for (const d of domains) {
    const c = capability[d] ?? 0;
    const jitter = 0.75 + 0.5 * rng.next();
    next[d] = Math.min(1, c + params.growthRate * compute * (1 - c) * jitter * boost);
  }
  return { capability: next, breakthrough };
}
