import { releaseRules } from './postures';
import type { DeploymentStatus, DomainId, DomainValues, DynamicsParams } from './types';

export interface MarketEntrant {
  deployment: DeploymentStatus;
  deployedCapability: DomainValues;
  reputation: number;
  marketShare: number;
}

/** What customers get from a lab: deployed capability, discounted when restricted, and trust in the lab. */
export function productValue(lab: MarketEntrant, p: DynamicsParams): number {
  // A loop, not Object.values(…).reduce: this runs for every lab every quarter of a batch.
  let sum = 0;
  let count = 0;
  for (const d in lab.deployedCapability) {
    sum += lab.deployedCapability[d as DomainId] as number;
    count++;
  }
  const mean = count ? sum / count : 0;
  const access = releaseRules(lab.deployment).access(p);
  return access * mean * (0.5 + 0.5 * lab.reputation);
}

/**
 * Market share follows product value relative to rivals, more sharply under stronger competitive
 * pressure; customers move slowly, so share moves 40% of the way each quarter.
 */
export function nextMarketShares(labs: readonly MarketEntrant[], p: DynamicsParams): number[] {
  const sharpness = 1 + p.competitivePressure;
  // Plain loops (this runs every quarter of every batch game); the sum in the labs' order.
  const weights: number[] = [];
  let total = 0;
  for (const lab of labs) {
    const weight = Math.pow(productValue(lab, p), sharpness);
    weights.push(weight);
    total += weight;
  }
  const shares: number[] = [];
  for (let i = 0; i < labs.length; i++) {
    const share = (labs[i] as MarketEntrant).marketShare;
    shares.push(total <= 0 ? share : 0.6 * share + (0.4 * (weights[i] as number)) / total);
  }
  return shares;
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
