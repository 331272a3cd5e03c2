// A study as the command line describes it — `sim batch` (one setting, or a baseline and arms to
// compare) or `sim sweep` (a grid of settings) — and the games it plays. A part file records the
// spec and the scenario it was played on, so `sim merge` rebuilds the same study from the parts.

import { armLabel, armScenario, type Setting } from '../../engine/batch/compare';
import { planSweep, type SweepAxis } from '../../engine/batch/sweep';
import { applySettings } from '../../engine/batch/sweepParameters';
import type { StudyGames } from '../../engine/batch/study';
import type { Scenario } from '../../engine/types';

export interface StudySpec {
  command: 'batch' | 'sweep';
  /** The scenario argument as given (a path or a shipped id). */
  file: string;
  /** `--set`: applied to the scenario before anything else. */
  settings: Setting[];
  /** `sim sweep --grid`: the axes, first axis major (empty for a batch). */
  grid: SweepAxis[];
  /** `sim batch --compare`: the arms (empty: no comparison). */
  arms: { text: string; settings: Setting[] }[];
  runs: number;
  seed: number;
}

export interface StudyCell {
  /** "evalSensitivity=0.3, labs=3", "baseline", or the arm's settings. */
  name: string;
  settings: Setting[];
  scenario: Scenario;
}

export interface Study {
  spec: StudySpec;
  /** The scenario as written (before --set). */
  written: Scenario;
  /** With the --set settings: the baseline of a comparison, the base of a sweep. */
  scenario: Scenario;
  cells: StudyCell[];
  games: StudyGames;
}

/** The cells of a study and what they play. `written` must have every lab the settings name. */
export function buildStudy(spec: StudySpec, written: Scenario): Study {
  const scenario = applySettings(written, spec.settings);
  let cells: StudyCell[];
  if (spec.command === 'sweep') {
    cells = planSweep({ params: spec.grid }).map((cell) => ({
      name: armLabel(cell.settings, scenario),
      settings: cell.settings,
      scenario: applySettings(scenario, cell.settings),
    }));
  } else {
    cells = [
      { name: 'baseline', settings: [], scenario },
      ...spec.arms.map((arm) => ({
        name: armLabel(arm.settings, scenario),
        settings: arm.settings,
        scenario: armScenario(scenario, arm.settings),
      })),
    ];
  }
  return {
    spec,
    written,
    scenario,
    cells,
    games: {
      scenarios: cells.map((c) => c.scenario),
      paired: spec.command === 'batch' && spec.arms.length > 0,
      seed: spec.seed,
      levelIds: scenario.levels.map((l) => l.id),
    },
  };
}
