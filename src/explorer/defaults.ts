// Starting ranges for a newly picked sweep parameter: the whole range for most, something
// readable for the rest. Pure.

import { parseLabLeverId, sweepParameter } from '../engine/batch/sweepParameters';
import type { Scenario } from '../engine/types';
import type { ExploreAxis, ExploreSpec } from './exploreLink';

export const DEFAULT_RUNS = 200;
export const DEFAULT_SEED = 1;

export function defaultAxis(id: string, scenario: Scenario | undefined): ExploreAxis {
  const labs = scenario?.labs.length ?? 4;
  const lever = parseLabLeverId(id);
  if (lever?.kind === 'pauseFrom') {
    const rounds = scenario?.rounds ?? 20;
    return { id, from: 0, to: Math.min(rounds, 8), steps: Math.min(rounds, 8) + 1 };
  }
  if (lever) {
    const p = sweepParameter(id);
    return { id, from: 0, to: p?.max ?? 1, steps: (p?.max ?? 1) + 1 };
  }
  switch (id) {
    case 'labs':
      return { id, from: 2, to: 6, steps: 5 };
    case 'bindingShare':
    case 'pauseMembership':
      return { id, from: 0, to: 1, steps: labs + 1 };
    case 'pauseAgreementMinimum':
      return { id, from: 1, to: Math.max(2, labs), steps: Math.max(2, labs) };
    case 'information':
      return { id, from: 0, to: 2, steps: 3 };
    case 'evalCadence':
      return { id, from: 1, to: 4, steps: 4 };
    case 'regulationLag':
      return { id, from: 0, to: 8, steps: 5 };
    case 'rounds':
      return { id, from: 8, to: 24, steps: 5 };
    case 'safeguardCost':
      return { id, from: 0.5, to: 3, steps: 6 };
    case 'competitivePressure':
      return { id, from: 0, to: 3, steps: 7 };
    default: {
      const p = sweepParameter(id);
      return { id, from: p?.min ?? 0, to: p?.max ?? 1, steps: 5 };
    }
  }
}

/** The sweep the explorer opens with: pause-agreement membership on the first scenario given. */
export function defaultSpec(scenario: Scenario | undefined): ExploreSpec {
  return {
    v: 1,
    scenario: scenario?.id ?? '',
    params: [defaultAxis('pauseMembership', scenario)],
    runs: DEFAULT_RUNS,
    seed: DEFAULT_SEED,
  };
}
