// The opening every Explorer JSON export shares (sweep, comparison, pause question): which engine
// made the figures and which scenario they come from, so a file names what reproduces it.
import { ENGINE_VERSION } from '../engine/record';
import type { Scenario } from '../engine/types';

export function exportHeader(scenario: Scenario) {
  return {
    engine: ENGINE_VERSION,
    scenario: { id: scenario.id, title: scenario.title, framework: scenario.framework },
  };
}

/** How a paired interval between arms is computed, as the comparison's exports say it. */
export const PAIRED_INTERVAL =
  'paired 95% (mean ± 1.96 standard errors of the per-seed differences)';
