import { ladderPolicy } from '../../src/engine/policies';
import type { LabDecision, Scenario } from '../../src/engine/types';

/** A small, hand-checked scenario for engine tests (independent of the shipped files). */
export function testScenario(overrides: Partial<Scenario> = {}): Scenario {
  const scenario: Scenario = {
    id: 'test-ladder',
    title: 'Test ladder',
    pitch: 'A two-level ladder for tests.',
    briefing: 'Four labs, two domains, two levels.',
    difficulty: 'introductory',
    framework: { name: 'Test', version: '1', date: '2026-01-01' },
    rounds: 20,
    domains: [
      { id: 'cbrn', name: 'CBRN', description: '' },
      { id: 'autonomy', name: 'Autonomy', description: '' },
    ],
    levels: [
      {
        id: 'L3',
        name: 'Level 3',
        description: 'First threshold.',
        thresholds: { cbrn: 0.55, autonomy: 0.6 },
        trainingRequires: { security: 0.6 },
        deploymentRequires: { security: 0.6, deployment: 0.65 },
      },
      {
        id: 'L4',
        name: 'Level 4',
        description: 'Second threshold.',
        thresholds: { cbrn: 0.8, autonomy: 0.8 },
        trainingRequires: { security: 0.8, alignment: 0.7 },
        deploymentRequires: { security: 0.8, deployment: 0.85, alignment: 0.7 },
      },
    ],
    evaluation: {
      cadence: 1,
      baseSensitivity: 0.6,
      noise: 0.03,
      elicitationGap: 0.08,
      sandbagging: 0.05,
      safetyBuffer: 0.02,
    },
    information: 'announcements',
    dynamics: {},
    labs: [
      lab('player', 'Player Lab', 'safety-first', 'player'),
      lab('fast', 'Fast Lab', 'fast-follower', 'rival'),
      lab('racer', 'Racer Lab', 'race-to-deploy', 'rival'),
      lab('open', 'Open Lab', 'open-weights', 'rival'),
    ],
    events: [],
    sources: [],
    simplifications: [],
    policies: [],
    defaultPolicy: 'scenario-policy',
    ...overrides,
  };
  // One policy from the ladder, as an old-format file gets, unless the test gives its own.
  return overrides.policies
    ? scenario
    : {
        ...scenario,
        policies: [ladderPolicy(scenario.levels, scenario.evaluation, scenario.framework)],
      };
}

/**
 * The scenario with its default policy rebuilt from its top-level ladder and evaluation rules, as
 * a resolved scenario has them (for tests that change `levels` and then validate the scenario).
 */
export function withLadderPolicy(s: Scenario): Scenario {
  const own = ladderPolicy(s.levels, s.evaluation, s.framework, s.defaultPolicy);
  return { ...s, policies: [own, ...s.policies.filter((p) => p.id !== s.defaultPolicy)] };
}

function lab(
  id: string,
  name: string,
  strategy: Scenario['labs'][number]['strategy'],
  role: 'player' | 'rival',
): Scenario['labs'][number] {
  return {
    id,
    name,
    strategy,
    role,
    policy: {
      use: 'scenario-policy',
      binding: false,
      inPauseAgreement: false,
      publishesEvals: false,
    },
    start: {
      capability: { cbrn: 0.4, autonomy: 0.35 },
      safeguards: { security: 0.4, deployment: 0.35, alignment: 0.3 },
      budget: 100,
      reputation: 0.6,
    },
  };
}

export function decision(
  posture: LabDecision['posture'],
  actions: LabDecision['actions'] = [],
): LabDecision {
  return {
    posture,
    budget: { capabilities: 0.4, security: 0.15, deployment: 0.15, alignment: 0.15, evals: 0.15 },
    actions,
  };
}
