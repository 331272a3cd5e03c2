import { RELEASE_RULES, type ReleaseParams } from './postures';
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
  return RELEASE_RULES[status].breadth(p);
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
  let any = 0;
  for (const d in input.capability)
    any = Math.max(any, danger(input.capability[d as DomainId] ?? 0, floor));
  return {
    misuse: maxDanger(input.deployedCapability, MISUSE_DOMAINS, floor),
    any,
    control: maxDanger(input.capability, CONTROL_DOMAINS, floor),
  };
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
