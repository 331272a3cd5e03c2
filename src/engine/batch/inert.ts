// Honest emptiness: when a setting changed no game at all, say why if the reason is knowable from
// the scenario, otherwise say plainly that it changed nothing. Only called once the games have
// shown the setting to be inert: these are explanations of a measured fact, not predictions.

import { STRATEGIES } from '../bots';
import type { Scenario } from '../types';
import { parseLabLeverId } from './sweepParameters';

export const NO_CHANGE = 'this setting did not change any game in this scenario';

/** Why changing `id` changed no game of `scenario` (the baseline), in plain words. */
export function inertReason(
  scenario: Scenario,
  id: string,
  values: readonly number[] = [],
): string {
  if (id === 'pauseAgreementMinimum' && !scenario.labs.some((l) => l.policy.inPauseAgreement)) {
    return 'no lab starts in the pause agreement in this scenario, so the number of members it needs never comes into play';
  }
  const lever = parseLabLeverId(id);
  if (lever) {
    const lab = scenario.labs.find((l) => l.id === lever.labId);
    if (
      lab &&
      lever.kind === 'inPauseAgreement' &&
      STRATEGIES[lab.strategy].membership === 'leaves'
    ) {
      return `${lab.name} plays ${lab.strategy}, which leaves every pause agreement at once, so starting it inside one changes nothing`;
    }
    if (lab && lever.kind === 'pauseFrom' && values.every((v) => v === 0 || v > scenario.rounds)) {
      return `every quarter given is 0 (never) or after the last quarter (${scenario.rounds}), so ${lab.name} never pauses because of it`;
    }
  }
  return NO_CHANGE;
}

/** Why settings (one or more levers, each over some values) changed no game of `scenario`. */
export function inertNote(
  scenario: Scenario,
  levers: readonly { id: string; values: readonly number[] }[],
): string {
  const [only] = levers;
  if (levers.length === 1 && only) return inertReason(scenario, only.id, only.values);
  return 'these settings did not change any game in this scenario';
}
