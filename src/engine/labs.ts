import { labPolicy } from './policies';
import type { DomainId, DomainValues, LabSpec, LabState, SafeguardTrack, Scenario } from './types';

/** Each scenario's domain ids, listed once (scenarios are data, never changed in place). */
const DOMAIN_IDS = new WeakMap<Scenario['domains'], readonly DomainId[]>();

/** The scenario's domain ids, in its order (shared: read it, never change it). */
export function domainIds(scenario: Scenario): readonly DomainId[] {
  let ids = DOMAIN_IDS.get(scenario.domains);
  if (ids === undefined) {
    ids = scenario.domains.map((d) => d.id);
    DOMAIN_IDS.set(scenario.domains, ids);
  }
  return ids;
}

export function createLab(spec: LabSpec, scenario: Scenario): LabState {
  const capability: DomainValues = {};
  const deployedCapability: DomainValues = {};
  for (const d of domainIds(scenario)) {
    capability[d] = spec.start.capability[d] ?? 0;
    deployedCapability[d] = 0;
  }
  const safeguards: Record<SafeguardTrack, number> = {
    security: spec.start.safeguards.security ?? 0,
    deployment: spec.start.safeguards.deployment ?? 0,
    alignment: spec.start.safeguards.alignment ?? 0,
  };
  return {
    id: spec.id,
    name: spec.name,
    strategy: spec.strategy,
    role: spec.role,
    budget: spec.start.budget,
    capability,
    deployedCapability,
    lastEval: null,
    lastAudit: null,
    safeguards,
    evalInvestment: 0,
    training: 'scaling',
    deployment: 'none',
    status: 'scaling',
    reputation: spec.start.reputation,
    marketShare: 1 / scenario.labs.length,
    boardPressure: 0,
    policy: {
      binding: spec.policy.binding,
      inPauseAgreement: spec.policy.inPauseAgreement,
      publishesEvals: spec.policy.publishesEvals,
      levels: labPolicy(scenario, spec.id).levels,
      revisions: [],
    },
    incidentResponse: 0,
    halted: false,
    hiddenBreaches: 0,
    openBreach: null,
    lastDefection: null,
  };
}

/**
 * Copy what a round changes in place. The capability, deployed-capability and safeguard objects
 * are shared, not copied: the engine never writes into them, it replaces them (growth, evals,
 * injects), so the copy and the lab it came from cannot affect each other. The policy is copied
 * (policy actions change it in place); its ladder is shared until a revision replaces it.
 */
export function cloneLab(lab: LabState): LabState {
  // Spelled out rather than spread: this runs for every lab every quarter of every batch game.
  return {
    id: lab.id,
    name: lab.name,
    strategy: lab.strategy,
    role: lab.role,
    budget: lab.budget,
    capability: lab.capability,
    deployedCapability: lab.deployedCapability,
    lastEval: lab.lastEval,
    lastAudit: lab.lastAudit,
    safeguards: lab.safeguards,
    evalInvestment: lab.evalInvestment,
    training: lab.training,
    deployment: lab.deployment,
    status: lab.status,
    reputation: lab.reputation,
    marketShare: lab.marketShare,
    boardPressure: lab.boardPressure,
    policy: {
      binding: lab.policy.binding,
      inPauseAgreement: lab.policy.inPauseAgreement,
      publishesEvals: lab.policy.publishesEvals,
      levels: lab.policy.levels,
      revisions: lab.policy.revisions.slice(),
    },
    incidentResponse: lab.incidentResponse,
    halted: lab.halted,
    hiddenBreaches: lab.hiddenBreaches,
    openBreach: lab.openBreach,
    lastDefection: lab.lastDefection,
  };
}

export function findLab(labs: readonly LabState[], id: string): LabState | undefined {
  return labs.find((l) => l.id === id);
}
