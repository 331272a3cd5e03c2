// Links that reproduce a paired comparison: `#compare=` + base64url(JSON of the comparison). The
// Explorer's Compare view pre-fills its form from `parseCompareLink`. Pure: no DOM.

import type { Setting } from '../engine/batch/compare';
import { SWEEP_LIMITS } from '../engine/batch/sweepPlan';
import { settingProblem, sweepParameter } from '../engine/batch/sweepParameters';
import { describeValue } from '../engine/scenario/words';
import type { Scenario } from '../engine/types';
import { COMPARE_PREFIX } from './explorePrefix';
import { settingsLabel } from './settingNames';
import {
  decodeLink,
  encodeLink,
  isObject,
  readRunsAndSeed,
  readScenarioOf,
  readValue,
  writeValue,
  type Checked,
  type LinkResult,
} from './linkCodec';

export { COMPARE_PREFIX };

/** What a comparison link carries (version 1). */
export interface CompareSpec {
  v: 1;
  scenario: string;
  /** Settings applied to the scenario for the baseline (may be empty: the scenario as written). */
  baseline: Setting[];
  /** Each arm: settings applied on top of the baseline. */
  arms: Setting[][];
  /** Games per arm. */
  runs: number;
  seed: number;
}

export const COMPARE_LIMITS = {
  arms: { min: 1, max: 6 },
  settingsPerArm: 8,
  /** Every game summary of every arm is kept to pair them. */
  runs: { min: 2, max: 20_000 },
  seed: SWEEP_LIMITS.seed,
} as const;

export type CompareLinkResult = LinkResult<CompareSpec>;

/** Settings as a link writes them: `{id, value}` in that order, named values by name. */
export function writeSettings(xs: readonly Setting[]): { id: string; value: string | number }[] {
  return xs.map(({ id, value }) => ({ id, value: writeValue(sweepParameter(id), value) }));
}

/** `#compare=…` for a spec (key order fixed, so the same comparison always gives the same link). */
export function makeCompareLink(spec: CompareSpec): string {
  return encodeLink(COMPARE_PREFIX, {
    v: 1,
    scenario: spec.scenario,
    baseline: writeSettings(spec.baseline),
    arms: spec.arms.map(writeSettings),
    runs: spec.runs,
    seed: spec.seed,
  });
}

/**
 * A list of settings read from a link (names or numbers), checked against the scenario's labs;
 * or why it cannot be used. `where`: "the baseline", "arm 2".
 */
export function readSettings(
  raw: unknown,
  where: string,
  scenario: Scenario | undefined,
): string | Setting[] {
  if (!Array.isArray(raw)) return `${where} is not a list of settings`;
  if (raw.length > COMPARE_LIMITS.settingsPerArm) {
    return `${where} has ${raw.length} settings; at most ${COMPARE_LIMITS.settingsPerArm}`;
  }
  const out: Setting[] = [];
  for (const [i, item] of raw.entries()) {
    const at = `${where}, setting ${i + 1}`;
    if (!isObject(item) || typeof item.id !== 'string') return `${at} has no id`;
    const param = sweepParameter(item.id, scenario);
    if (!param) return `${at}: ${describeValue(item.id)} is not a setting the explorer knows`;
    const read = readValue(param, item.value);
    if (!read.ok) {
      return read.problem
        ? `${at}: ${read.problem}`
        : `${at} (${item.id}): the value must be a number`;
    }
    const value = read.value;
    const lab = scenario ? settingProblem(scenario, item.id) : null;
    if (lab) return `${at} (${item.id}): ${lab}`;
    if (out.some((s) => s.id === item.id)) return `${where} sets ${item.id} twice`;
    out.push({ id: item.id, value });
  }
  return out;
}

/**
 * Check a comparison (from a link or the form). The scenario must be one of `scenarios`, and
 * every per-lab setting must name one of its labs. Never throws.
 */
export function checkCompareSpec(
  input: unknown,
  scenarios: readonly Scenario[],
): Checked<CompareSpec> {
  const fail = (problem: string) => ({ ok: false as const, problem });
  const head = readScenarioOf(input, scenarios, 'a comparison');
  if (typeof head === 'string') return fail(head);
  const { raw, scenario } = head;
  const baseline = readSettings(raw.baseline, 'the baseline', scenario);
  if (typeof baseline === 'string') return fail(baseline);
  if (
    !Array.isArray(raw.arms) ||
    raw.arms.length < COMPARE_LIMITS.arms.min ||
    raw.arms.length > COMPARE_LIMITS.arms.max
  ) {
    return fail(`it must have from ${COMPARE_LIMITS.arms.min} to ${COMPARE_LIMITS.arms.max} arms`);
  }
  const arms: Setting[][] = [];
  for (const [i, a] of raw.arms.entries()) {
    const arm = readSettings(a, `arm ${i + 1}`, scenario);
    if (typeof arm === 'string') return fail(arm);
    if (arm.length === 0) return fail(`arm ${i + 1} changes nothing: give it at least one setting`);
    arms.push(arm);
  }
  const counts = readRunsAndSeed(raw, COMPARE_LIMITS.runs, COMPARE_LIMITS.seed);
  if (typeof counts === 'string') return fail(counts);
  const { runs, seed } = counts;
  return { ok: true, spec: { v: 1, scenario: scenario.id, baseline, arms, runs, seed } };
}

/** Read a location hash (`#compare=…`). Never throws. */
export function parseCompareLink(hash: string, scenarios: readonly Scenario[]): CompareLinkResult {
  return decodeLink(hash, COMPARE_PREFIX, 'comparison', (raw) => checkCompareSpec(raw, scenarios));
}

/** The names of the baseline and arms, as the tables and exports show them (labs by name). */
export function compareNames(
  spec: CompareSpec,
  scenario: Scenario,
): { baseline: string; arms: string[] } {
  return {
    baseline: spec.baseline.length ? settingsLabel(spec.baseline, scenario) : 'as written',
    arms: spec.arms.map((a) => settingsLabel(a, scenario)),
  };
}
