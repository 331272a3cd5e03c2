// Missed crossings in words, for the debrief, the reports and the projector's reveal.

import { percent } from '../../engine/numbers';
import { domainName, levelName } from '../../engine/scenarioNames';
import type { MissedCrossing, Scenario } from '../../engine/types';

/**
 * A missed crossing in words. It happened during its quarter: by the quarter's end the model was
 * truly past the threshold while the evals the lab decided on showed less. `evals` names whose
 * evals they were ("your evals", "its evals", "the evals").
 */
export function missedCrossingWords(scenario: Scenario, m: MissedCrossing, evals: string): string {
  return `${levelName(scenario, m.levelId)} ${domainName(scenario, m.domain)} threshold ${percent(m.threshold)}: true capability ${percent(m.trueCapability)} by the end of the quarter, while ${evals} showed ${percent(m.measured)}`;
}

/**
 * The missed-crossings count, with the quarters they lasted, so it cannot be mistaken for the
 * chart's count of quarters: "1 (over 2 quarters)".
 */
export function missedCrossingCount(crossings: number, quarters: number): string {
  if (crossings === 0) return '0';
  return `${crossings} (over ${quarters} quarter${quarters === 1 ? '' : 's'})`;
}
