import { releaseRules, type ReleaseParams } from './postures';
import type {
  DeploymentStatus,
  DomainId,
  DomainValues,
  DynamicsParams,
  RiskBreakdown,
  SafeguardTrack,
  TrainingStatus,
} from './types';

export const MISUSE_DOMAINS: readonly DomainId[] = ['cbrn', 'cyber', 'manipulation'];
export const CONTROL_DOMAINS: readonly DomainId[] = ['autonomy', 'oversight'];

/** How dangerous a capability is: 0 at or below the danger floor, 1 at full capability. */
export function danger(capability: number, floor: number): number {
  if (capability <= floor) return 0;
  return Math.min(1, (capability - floor) / (1 - floor));
}

export function maxDanger(
  values: DomainValues,
  domains: readonly DomainId[],
  floor: number,
): number {
  let worst = 0;
  for (const d of domains) worst = Math.max(worst, danger(values[d] ?? 0, floor));
  return worst;
}

/** Share of a full release's exposure to misuse (the posture table's release rules). */
export function deploymentBreadth(status: DeploymentStatus, p: ReleaseParams): number {
  return releaseRules(status).breadth(p);
}

export interface RiskInputs {
  capability: DomainValues;
  deployedCapability: DomainValues;
  deployment: DeploymentStatus;
  training: TrainingStatus;
  safeguards: Record<SafeguardTrack, number>;
}

/** How dangerous a lab's models are: the deployed one for misuse, the frontier one for the rest. */
export interface Dangers {
  /** Deployed capability in the misuse domains. */
  misuse: number;
  /** Frontier capability in any domain (what a thief gets). */
  any: number;
  /** Frontier capability in the loss-of-control domains. */
  control: number;
}

export function labDangers(
  input: Pick<RiskInputs, 'capability' | 'deployedCapability'>,
  floor: number,
): Dangers {
  const { capability, deployedCapability } = input;
  // Below a floor of 0 a domain the model lacks would count (danger(0) > 0): read the lists.
  if (floor < 0) {
    let any = 0;
    for (const d in capability) any = Math.max(any, danger(capability[d as DomainId] ?? 0, floor));
    return {
      misuse: maxDanger(deployedCapability, MISUSE_DOMAINS, floor),
      any,
      control: maxDanger(capability, CONTROL_DOMAINS, floor),
    };
  }
  // Otherwise a domain the model lacks adds nothing (danger 0), so one pass over the domains it
  // has gives all three (for-in over the object read is V8's fast path; looking up each listed
  // domain by name, missing ones included, was a measurable share of a batch). The largest
  // danger is the same whatever the order it is found in.
  let any = 0;
  let control = 0;
  for (const d in capability) {
    const x = danger(capability[d as DomainId] ?? 0, floor);
    any = Math.max(any, x);
    if (CONTROL_DOMAINS.includes(d as DomainId)) control = Math.max(control, x);
  }
  let misuse = 0;
  for (const d in deployedCapability) {
    if (MISUSE_DOMAINS.includes(d as DomainId))
      misuse = Math.max(misuse, danger(deployedCapability[d as DomainId] ?? 0, floor));
  }
  return { misuse, any, control };
}

/**
 * Per-quarter hazards from the gaps between capability and safeguards:
 * misuse — deployed misuse capability beyond deployment mitigations, scaled by breadth;
 * theft — the frontier model's danger beyond weight security;
 * loss of control — autonomy/oversight capability beyond alignment evidence (internal use counts).
 */
export function labRisk(
  input: RiskInputs,
  p: DynamicsParams,
  dangers: Dangers = labDangers(input, p.dangerFloor),
): RiskBreakdown {
  const breadth = deploymentBreadth(input.deployment, p);
  const misuse = p.misuseHazard * breadth * dangers.misuse * (1 - input.safeguards.deployment);
  const theft = p.theftHazard * dangers.any * (1 - input.safeguards.security);
  const lossOfControl =
    p.lossOfControlHazard *
    dangers.control *
    (1 - input.safeguards.alignment) *
    (input.training === 'scaling' ? 1 : 0.5) *
    (0.5 + 0.5 * breadth);
  return {
    misuse,
    theft,
    lossOfControl,
    total: 1 - (1 - misuse) * (1 - theft) * (1 - lossOfControl),
  };
}

/** Hazard from a stolen model: deployed by someone with no safeguards at all. */
export function stolenModelRisk(capability: DomainValues, p: DynamicsParams): number {
  return p.misuseHazard * maxDanger(capability, MISUSE_DOMAINS, p.dangerFloor);
}
