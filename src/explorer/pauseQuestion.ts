// The unilateral-pause question as a comparison: "if this lab pauses alone, does risk fall, or
// does the lead pass to a less careful rival?" Four arms on the same seeds, built from the
// existing per-lab levers (no new engine setting is needed):
//
// - baseline: the scenario as written;
// - alone: the chosen lab pauses from quarter q (`pauseFrom.<lab>=q`);
// - coordinated: every lab starts in the pause agreement and every lab pauses from quarter q
//   (`inPauseAgreement.<lab>=true` and `pauseFrom.<lab>=q` for each lab). The engine forces these
//   pauses (bots that would defect cannot), so this arm is a pause everyone keeps, not one the
//   bots would agree to; before quarter q the agreement works as the model's conditional one;
// - racer: the scenario's most aggressive other lab pauses from quarter q (see `racerOf`).
//
// Links: `#pause=` + base64url(JSON), through the shared link codec. Pure: no DOM.

import type { Setting } from '../engine/batch/compare';
import { SWEEP_LIMITS } from '../engine/batch/sweepPlan';
import { STRATEGIES } from '../engine/bots';
import { describeValue } from '../engine/scenario/words';
import type { LabSpec, Scenario } from '../engine/types';
import type { CompareSpec } from './compareLink';
import { PAUSE_PREFIX } from './explorePrefix';
import {
  decodeLink,
  encodeLink,
  readRunsAndSeed,
  readScenarioOf,
  type Checked,
  type LinkResult,
} from './linkCodec';

export { PAUSE_PREFIX };

/** What a pause-question link carries (version 1). */
export interface PauseSpec {
  v: 1;
  scenario: string;
  /** The lab that pauses alone. */
  lab: string;
  /** The quarter every pausing arm pauses from. */
  from: number;
  /** Games per arm. */
  runs: number;
  seed: number;
}

export const PAUSE_LIMITS = {
  runs: { min: 2, max: 20_000 },
  seed: SWEEP_LIMITS.seed,
} as const;

export type PauseArmKey = 'alone' | 'coordinated' | 'racer';

export interface PauseArm {
  key: PauseArmKey;
  /** Plain words, e.g. "Aster Labs pauses alone from quarter 5". */
  name: string;
  settings: Setting[];
}

/** A lab's risk appetite: its bot's capabilities share (the scenario may move it with `bot`). */
export function appetite(lab: LabSpec): number {
  return lab.bot?.capabilityShare ?? STRATEGIES[lab.strategy].tuning.capabilityShare;
}

/** How much it will spend on safeguards at most (lower: less careful). */
function safeguardCap(lab: LabSpec): number {
  return lab.bot?.safeguardCap ?? STRATEGIES[lab.strategy].tuning.safeguardCap;
}

/** The rule for "the racer", in words (the view states it). */
export const RACER_RULE =
  'the racer is the other lab whose bot puts the most of its budget into capabilities (its risk appetite); a tie goes to the one that spends least on safeguards, then to the first in the scenario';

/** The scenario's most aggressive lab other than `labId` (null: there is no other lab). */
export function racerOf(scenario: Scenario, labId: string): LabSpec | null {
  let best: LabSpec | null = null;
  for (const lab of scenario.labs) {
    if (lab.id === labId) continue;
    if (
      !best ||
      appetite(lab) > appetite(best) ||
      (appetite(lab) === appetite(best) && safeguardCap(lab) < safeguardCap(best))
    ) {
      best = lab;
    }
  }
  return best;
}

/** The lab the view starts with: the most careful one (least appetite; first on a tie). */
export function carefulLab(scenario: Scenario): LabSpec | undefined {
  return [...scenario.labs].sort((a, b) => appetite(a) - appetite(b))[0];
}

/** The three arms against the baseline (two when the scenario has no other lab). */
export function pauseArms(scenario: Scenario, labId: string, from: number): PauseArm[] {
  const lab = scenario.labs.find((l) => l.id === labId);
  const name = lab?.name ?? labId;
  const arms: PauseArm[] = [
    {
      key: 'alone',
      name: `${name} pauses alone from quarter ${from}`,
      settings: [{ id: `pauseFrom.${labId}`, value: from }],
    },
    {
      key: 'coordinated',
      name: `Every lab, all in the pause agreement, pauses from quarter ${from}`,
      settings: scenario.labs.flatMap((l) => [
        { id: `inPauseAgreement.${l.id}`, value: 1 },
        { id: `pauseFrom.${l.id}`, value: from },
      ]),
    },
  ];
  const racer = racerOf(scenario, labId);
  if (racer) {
    arms.push({
      key: 'racer',
      name: `${racer.name} (the racer) pauses from quarter ${from}`,
      settings: [{ id: `pauseFrom.${racer.id}`, value: from }],
    });
  }
  return arms;
}

/** The comparison the view runs: the baseline as written and the arms. */
export function pauseCompareSpec(spec: PauseSpec, scenario: Scenario): CompareSpec {
  return {
    v: 1,
    scenario: spec.scenario,
    baseline: [],
    arms: pauseArms(scenario, spec.lab, spec.from).map((a) => a.settings),
    runs: spec.runs,
    seed: spec.seed,
  };
}

/** Check a pause question (from a link or the form) against the shipped scenarios. Never throws. */
export function checkPauseSpec(input: unknown, scenarios: readonly Scenario[]): Checked<PauseSpec> {
  const fail = (problem: string) => ({ ok: false as const, problem });
  const head = readScenarioOf(input, scenarios, 'a pause question');
  if (typeof head === 'string') return fail(head);
  const { raw, scenario } = head;
  const lab = scenario.labs.find((l) => l.id === raw.lab);
  if (!lab) {
    return fail(
      `${scenario.id} has no lab ${describeValue(raw.lab)}; its labs: ${scenario.labs.map((l) => l.id).join(', ')}`,
    );
  }
  const from = raw.from;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1 || from > scenario.rounds) {
    return fail(
      `the quarter to pause from must be a whole number from 1 to ${scenario.rounds} (the game's last quarter)`,
    );
  }
  const counts = readRunsAndSeed(raw, PAUSE_LIMITS.runs, PAUSE_LIMITS.seed);
  if (typeof counts === 'string') return fail(counts);
  return { ok: true, spec: { v: 1, scenario: scenario.id, lab: lab.id, from, ...counts } };
}

/** `#pause=…` for a question (key order fixed: the same question always gives the same link). */
export function makePauseLink(spec: PauseSpec): string {
  const { scenario, lab, from, runs, seed } = spec;
  return encodeLink(PAUSE_PREFIX, { v: 1, scenario, lab, from, runs, seed });
}

/** Read a location hash (`#pause=…`). Never throws. */
export function parsePauseLink(
  hash: string,
  scenarios: readonly Scenario[],
): LinkResult<PauseSpec> {
  return decodeLink(hash, PAUSE_PREFIX, 'pause question', (raw) => checkPauseSpec(raw, scenarios));
}
