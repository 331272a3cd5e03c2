// Sweep results as rows, CSV and JSON: what the table shows and the exports download. Pure.

import { HEADLINE_OUTCOMES, type LabStats, type OutcomeStats } from '../engine/batch/summary';
import type { Proportion } from '../engine/batch/stats';
import type { SweepCell, SweepSpec } from '../engine/batch/sweepPlan';
import { percent } from '../engine/numbers';
import { ENGINE_VERSION } from '../engine/record';
import type { Scenario } from '../engine/types';
import type { ExploreSpec } from './exploreLink';
import { csvLines } from './csvLines';
import { settingsLabel } from './settingNames';
import { exportHeader } from './exportHeader';

/** One setting of the sweep and its statistics so far (null: no games back yet). */
export interface CellResult {
  cell: SweepCell;
  stats: OutcomeStats | null;
}

interface ReportedOutcomeSpec<K extends string> {
  key: K;
  label: string;
  value: (stats: OutcomeStats) => Proportion;
}

const top = <K extends keyof OutcomeStats & string>(key: K, label: string) => ({
  key,
  label,
  value: (stats: OutcomeStats) => stats[key] as Proportion,
});

/**
 * The outcomes a table or export lists, in order: the headline four, the regulator, crossings, and
 * paused lab-quarters by cause (shares of all lab-quarters).
 */
export const REPORTED_OUTCOMES = [
  ...HEADLINE_OUTCOMES.map(({ key, label }) => top(key, label)),
  top('regulatorHalt', 'Regulator halt'),
  top('crossingsMissed', 'Crossings missed'),
  top('crossingsUnseen', 'Crossings unseen'),
  {
    key: 'pausedOwnPolicy',
    label: 'Lab-quarters paused by own policy',
    value: (s: OutcomeStats) => s.pauseByCause.ownPolicy,
  },
  {
    key: 'pausedAgreement',
    label: 'Lab-quarters paused by the agreement',
    value: (s: OutcomeStats) => s.pauseByCause.agreement,
  },
  {
    key: 'pausedRegulator',
    label: 'Lab-quarters paused by the regulator',
    value: (s: OutcomeStats) => s.pauseByCause.regulator,
  },
] as const satisfies readonly ReportedOutcomeSpec<string>[];

export type ReportedOutcome = (typeof REPORTED_OUTCOMES)[number]['key'];

export function outcomeOf(stats: OutcomeStats, key: ReportedOutcome): Proportion {
  const spec = REPORTED_OUTCOMES.find((o) => o.key === key);
  return spec ? spec.value(stats) : stats.catastrophe;
}

/** What the Explorer and the exports say about each lab, in order. */
export const LAB_OUTCOMES = [
  { key: 'ownPolicyPause', label: 'Paused by own policy', unit: 'of its quarters' },
  { key: 'brokenCommitment', label: 'Breaking its commitment', unit: 'of its quarters' },
  { key: 'catastrophesCaused', label: 'Caused the catastrophe', unit: 'of games' },
  { key: 'leads', label: 'Ends with the largest share', unit: 'of games' },
] as const satisfies readonly { key: keyof LabStats; label: string; unit: string }[];

/** "Number of labs = 4; Aster Labs: pauses from quarter = 5" (labs by name, given the scenario). */
export function cellLabel(cell: SweepCell, scenario?: Scenario): string {
  return settingsLabel(cell.settings, scenario);
}

/** A share as a percentage with one decimal: the Explorer's tables read to a tenth of a point. */
export const pct = (x: number, digits = 1): string => percent(x, digits);

/** "12.5% (10.1–15.3%)" */
export function describeProportion(p: Proportion): string {
  return `${pct(p.p)} (95% CI ${pct(p.lo)}–${pct(p.hi)})`;
}

/** One row per setting: parameter values, games, each outcome with its interval, deployment timing per level. */
export function resultsCsv(
  spec: SweepSpec,
  levelIds: readonly string[],
  cells: readonly CellResult[],
  labIds: readonly string[] = [],
): string {
  const header = [
    ...spec.params.map((p) => p.id),
    'games',
    ...REPORTED_OUTCOMES.flatMap(({ key }) => [key, `${key}_lo95`, `${key}_hi95`]),
    'crossings',
    'meanMissedCrossings',
    ...levelIds.flatMap((id) => [`deployed_${id}`, `medianQuarterDeployed_${id}`]),
    ...labIds.flatMap((id) => [
      ...LAB_OUTCOMES.map(({ key }) => `${id}_${key}`),
      `${id}_meanFinalShare`,
    ]),
  ];
  const rows = cells.map(({ cell, stats }) => {
    const values = cell.settings.map((s) => s.value);
    if (!stats) return [...values, 0];
    const byLevel = new Map(stats.firstDeployment.map((d) => [d.levelId, d]));
    return [
      ...values,
      stats.games,
      ...REPORTED_OUTCOMES.flatMap(({ value }) => {
        const p = value(stats);
        return [p.p, p.lo, p.hi];
      }),
      stats.crossingsMissed.n,
      stats.meanMissedCrossings,
      ...levelIds.flatMap((id) => {
        const d = byLevel.get(id);
        return [d ? d.deployed.p : null, d ? d.median : null];
      }),
      ...labIds.flatMap((id) => {
        const lab = stats.perLab[id];
        return [
          ...LAB_OUTCOMES.map(({ key }) => (lab ? lab[key].p : null)),
          lab ? lab.meanFinalShare : null,
        ];
      }),
    ];
  });
  return csvLines([header, ...rows]);
}

/** Everything needed to read and reproduce the sweep. */
export function resultsJson(
  explore: ExploreSpec,
  sweep: SweepSpec,
  scenario: Scenario,
  link: string,
  cells: readonly CellResult[],
): Record<string, unknown> {
  return {
    ...exportHeader(scenario),
    explore,
    link,
    sweep,
    cells: cellsJson(cells),
  };
}

/** Each setting's values and statistics, as the Explorer's and `sim sweep --json` list them. */
export function cellsJson(
  cells: readonly CellResult[],
): { settings: Record<string, number>; stats: OutcomeStats | null }[] {
  return cells.map(({ cell, stats }) => ({
    settings: Object.fromEntries(cell.settings.map((s) => [s.id, s.value])),
    stats,
  }));
}

/** "How to cite a run" in one line. */
export function citation(
  scenario: Pick<Scenario, 'id' | 'title'>,
  explore: ExploreSpec,
  link: string,
): string {
  const swept = explore.params
    .map((p) => `${p.id} ${p.from}–${p.to} in ${p.steps} steps`)
    .join(' × ');
  return `Threshold engine v${ENGINE_VERSION}, scenario "${scenario.id}" (${scenario.title}), sweep of ${swept}, ${explore.runs} runs per setting, seed ${explore.seed} (game i uses seed ${explore.seed} + i). Reproduce: ${link}`;
}
