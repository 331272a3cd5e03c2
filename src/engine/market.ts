import { RELEASE_RULES } from './postures';
import type { DeploymentStatus, DomainValues, DynamicsParams } from './types';

export interface MarketEntrant {
  deployment: DeploymentStatus;
  deployedCapability: DomainValues;
  reputation: number;
  marketShare: number;
}

/** What customers get from a lab: deployed capability, discounted when restricted, and trust in the lab. */
export function productValue(lab: MarketEntrant, p: DynamicsParams): number {
  const values = Object.values(lab.deployedCapability) as number[];
  const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
  const access = RELEASE_RULES[lab.deployment].access(p);
  return access * mean * (0.5 + 0.5 * lab.reputation);
}

/**
 * Market share follows product value relative to rivals, more sharply under stronger competitive
 * pressure; customers move slowly, so share moves 40% of the way each quarter.
 */
export function nextMarketShares(labs: readonly MarketEntrant[], p: DynamicsParams): number[] {
  const sharpness = 1 + p.competitivePressure;
  const weights = labs.map((lab) => Math.pow(productValue(lab, p), sharpness));
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return labs.map((lab) => lab.marketShare);
  return labs.map((lab, i) => 0.6 * lab.marketShare + (0.4 * (weights[i] ?? 0)) / total);
}

export function nextBudget(marketShare: number, spentOnAudits: number, p: DynamicsParams): number {
  return Math.max(0, p.baseFunding + p.marketSize * marketShare - spentOnAudits);
}

/**
 * Board and investor pressure: builds when rivals hold more of the market, fades by pressureDecay.
 */
export function nextBoardPressure(
  pressure: number,
  ownShare: number,
  leaderShare: number,
  p: DynamicsParams,
): number {
  const push = p.competitivePressure * Math.max(0, leaderShare - ownShare);
  return Math.min(1, Math.max(0, pressure * (1 - p.pressureDecay) + push));
}
