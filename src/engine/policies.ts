// Which policy each lab plays under, and what it says: its ladder and its evaluation rules. A
// lab on the scenario's default policy reads them from the scenario itself (`scenario.levels`,
// `scenario.evaluation`), so that sweeps that change those (the Explorer's cadence lever, say)
// change that lab's game; a lab on another policy reads its own.

import type { EvaluationSettings, LevelSpec, PolicySpec, Scenario } from './types';

export interface LabPolicy {
  policy: PolicySpec;
  levels: LevelSpec[];
  evaluation: EvaluationSettings;
}

// Looked up several times per lab per quarter; scenarios are not changed once built.
const CACHE = new WeakMap<Scenario, Map<string, LabPolicy>>();

function resolveFor(scenario: Scenario, labId: string): LabPolicy {
  const spec = scenario.labs.find((l) => l.id === labId);
  const id = spec?.policy.use ?? scenario.defaultPolicy;
  // Scenarios built in code (tests) may have no policies: they play as old-format files do.
  const policies = scenario.policies ?? [];
  const policy =
    policies.find((p) => p.id === id) ?? policies.find((p) => p.id === scenario.defaultPolicy);
  if (!policy || policy.id === scenario.defaultPolicy) {
    return {
      policy:
        policy ??
        ladderPolicy(
          scenario.levels,
          scenario.evaluation,
          scenario.framework,
          scenario.defaultPolicy,
        ),
      levels: scenario.levels,
      evaluation: scenario.evaluation,
    };
  }
  return {
    policy,
    levels: policy.levels,
    evaluation: {
      ...scenario.evaluation,
      cadence: policy.evaluation.cadence,
      safetyBuffer: policy.evaluation.safetyBuffer,
    },
  };
}

/**
 * A policy that says only what its ladder says: pause short of training safeguards, no clause,
 * public, voluntary. What an old-format file's ladder becomes, and what a scenario built in code
 * without policies plays under.
 */
export function ladderPolicy(
  levels: LevelSpec[],
  evaluation: Pick<EvaluationSettings, 'cadence' | 'safetyBuffer'> = {
    cadence: 1,
    safetyBuffer: 0,
  },
  framework: PolicySpec['framework'] = { name: 'If-then ladder', version: '1', date: '2026' },
  id = 'scenario-policy',
): PolicySpec {
  return {
    id,
    name: framework.name,
    description: 'An if-then ladder: pause when training safeguards fall short.',
    framework,
    levels,
    evaluation: {
      cadence: evaluation.cadence,
      safetyBuffer: evaluation.safetyBuffer,
      alertMargin: 0,
    },
    whenShort: 'pause',
    significantShortfall: 0.1,
    competitorClause: false,
    binding: false,
    public: true,
  };
}

// The scenario asked about last and its labs' policies: a game asks about one scenario thousands
// of times a quarter-second, and a WeakMap lookup each time was the engine's costliest line.
let lastScenario: Scenario | null = null;
let lastByLab: Map<string, LabPolicy> = new Map();

/** The policy a lab plays under, with the ladder and evaluation rules it is held to. */
export function labPolicy(scenario: Scenario, labId: string): LabPolicy {
  let byLab = scenario === lastScenario ? lastByLab : CACHE.get(scenario);
  if (!byLab) {
    byLab = new Map();
    CACHE.set(scenario, byLab);
  }
  lastScenario = scenario;
  lastByLab = byLab;
  let found = byLab.get(labId);
  if (!found) {
    found = resolveFor(scenario, labId);
    byLab.set(labId, found);
  }
  return found;
}

// Each scenario's labs' policies in the scenario's order, for lookups by a lab's place.
const IN_ORDER = new WeakMap<Scenario, LabPolicy[]>();
let lastOrdered: Scenario | null = null;
let lastInOrder: LabPolicy[] = [];

/**
 * The policy of the lab at `index` in the scenario's order (a game's labs keep that order): an
 * array read rather than a lookup by id, for the engine's hot paths. A lab not at that place in
 * the scenario is looked up by its id.
 */
export function labPolicyAt(scenario: Scenario, index: number, labId: string): LabPolicy {
  let inOrder = scenario === lastOrdered ? lastInOrder : IN_ORDER.get(scenario);
  if (!inOrder) {
    inOrder = scenario.labs.map((l) => labPolicy(scenario, l.id));
    IN_ORDER.set(scenario, inOrder);
  }
  lastOrdered = scenario;
  lastInOrder = inOrder;
  const found = inOrder[index];
  return found !== undefined && scenario.labs[index]?.id === labId
    ? found
    : labPolicy(scenario, labId);
}

/** Every distinct policy some lab plays under, in the order of `scenario.policies`. */
export function policiesInPlay(scenario: Scenario): PolicySpec[] {
  const used = new Set(scenario.labs.map((l) => labPolicy(scenario, l.id).policy.id));
  return (scenario.policies ?? []).filter((p) => used.has(p.id));
}
