// The pause question's exports: the paired rows as CSV (the comparison's columns) and a JSON file
// with everything needed to read and reproduce it — the question, its arms as settings, the rule
// that picked the racer, the reading and every paired difference. Pure.

import type { ComparisonRow } from '../engine/batch/compare';
import type { Scenario } from '../engine/types';
import { rowsJson, type ComparisonResult } from './compareResults';
import { RACER_RULE, type PauseArm, type PauseSpec } from './pauseQuestion';
import type { PauseReading } from './pauseReading';
import { exportHeader, PAIRED_INTERVAL } from './exportHeader';

/** The outcomes the pause view reports (the question's own: risk, the lead, shares, pauses, evals). */
export function isPauseOutcome(row: ComparisonRow): boolean {
  return (
    row.outcome === 'catastrophe' ||
    row.outcome.startsWith('pauseByCause.') ||
    row.outcome === 'crossingsMissed' ||
    /^lab\.[^.]+\.(leads|finalShare|catastrophesCaused)$/.test(row.outcome)
  );
}

export function pauseJson(
  spec: PauseSpec,
  scenario: Scenario,
  link: string,
  arms: readonly PauseArm[],
  result: ComparisonResult,
  reading: PauseReading,
): Record<string, unknown> {
  return {
    ...exportHeader(scenario),
    pause: spec,
    link,
    racerRule: RACER_RULE,
    arms: arms.map((a) => ({ key: a.key, name: a.name, settings: a.settings })),
    notes: result.arms,
    interval: PAIRED_INTERVAL,
    reading,
    comparisons: rowsJson(result.rows),
  };
}
