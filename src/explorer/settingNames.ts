// How a setting reads to a person: "Aster Labs: pauses from quarter = 5", "Eval sensitivity = 0.9".
// Per-lab levers are named after the lab (never its id); the sweep table, the comparison tables,
// the pause question and their exports all use these words. Pure.

import type { Setting } from '../engine/batch/compare';
import { parseLabLeverId, sweepParameter } from '../engine/batch/sweepParameters';
import type { Scenario } from '../engine/types';

/** "Aster Labs: pauses from quarter" (lab levers) or the parameter's label; the id if unknown. */
export function settingName(id: string, scenario: Scenario | undefined): string {
  const param = sweepParameter(id, scenario);
  if (!param) return id;
  const lever = parseLabLeverId(id);
  const lab = lever && scenario?.labs.find((l) => l.id === lever.labId);
  if (!lab) return param.label;
  return `${lab.name}: ${param.label.slice(param.label.indexOf(': ') + 2)}`;
}

/** "Aster Labs: pauses from quarter = 5" */
export function settingLabel(setting: Setting, scenario: Scenario | undefined): string {
  const param = sweepParameter(setting.id, scenario);
  const value = param ? param.format(setting.value) : String(setting.value);
  return `${settingName(setting.id, scenario)} = ${value}`;
}

/** Several settings, joined: "Aster Labs: pauses from quarter = 5; Eval sensitivity = 0.9". */
export function settingsLabel(
  settings: readonly Setting[],
  scenario: Scenario | undefined,
): string {
  return settings.map((s) => settingLabel(s, scenario)).join('; ');
}
