// Links that reproduce a paired comparison: `#compare=` + base64url(JSON of the comparison). The
// Explorer's Compare view pre-fills its form from `parseCompareLink`. Pure: no DOM.

import { armLabel, type Setting } from '../engine/batch/compare';
import { SWEEP_LIMITS } from '../engine/batch/sweep';
import { checkValue, settingProblem, sweepParameter } from '../engine/batch/sweepParameters';
import { describeValue } from '../engine/scenario/schema';
import type { Scenario } from '../engine/types';
import { COMPARE_PREFIX } from './explorePrefix';
import { fromBase64Url, toBase64Url } from './exploreLink';

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

export type CompareLinkResult = { ok: true; spec: CompareSpec } | { ok: false; message: string };

const plainSettings = (xs: readonly Setting[]): Setting[] =>
  xs.map(({ id, value }) => ({ id, value }));

/** `#compare=…` for a spec (key order fixed, so the same comparison always gives the same link). */
export function makeCompareLink(spec: CompareSpec): string {
  const plain: CompareSpec = {
    v: 1,
    scenario: spec.scenario,
    baseline: plainSettings(spec.baseline),
    arms: spec.arms.map(plainSettings),
    runs: spec.runs,
    seed: spec.seed,
  };
  return COMPARE_PREFIX + toBase64Url(JSON.stringify(plain));
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function settingsProblem(
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
    if (typeof item.value !== 'number') return `${at} (${item.id}): the value must be a number`;
    const problem = checkValue(param, item.value);
    if (problem) return `${at}: ${problem}`;
    const lab = scenario ? settingProblem(scenario, item.id) : null;
    if (lab) return `${at} (${item.id}): ${lab}`;
    if (out.some((s) => s.id === item.id)) return `${where} sets ${item.id} twice`;
    out.push({ id: item.id, value: item.value });
  }
  return out;
}

/**
 * Check a comparison (from a link or the form). The scenario must be one of `scenarios`, and
 * every per-lab setting must name one of its labs. Never throws.
 */
export function checkCompareSpec(
  raw: unknown,
  scenarios: readonly Scenario[],
): { ok: true; spec: CompareSpec } | { ok: false; problem: string } {
  const fail = (problem: string) => ({ ok: false as const, problem });
  if (!isObject(raw)) return fail('its content is not a comparison');
  if (raw.v !== 1) {
    return fail(
      raw.v === undefined
        ? 'it has no version number (this explorer reads version 1)'
        : `it is version ${describeValue(raw.v)}, this explorer reads version 1`,
    );
  }
  if (typeof raw.scenario !== 'string' || raw.scenario === '') return fail('it names no scenario');
  const scenario = scenarios.find((s) => s.id === raw.scenario);
  if (!scenario) {
    return fail(`scenario ${describeValue(raw.scenario)} is not one of the shipped scenarios`);
  }
  const baseline = settingsProblem(raw.baseline, 'the baseline', scenario);
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
    const arm = settingsProblem(a, `arm ${i + 1}`, scenario);
    if (typeof arm === 'string') return fail(arm);
    if (arm.length === 0) return fail(`arm ${i + 1} changes nothing: give it at least one setting`);
    arms.push(arm);
  }
  const { runs, seed } = raw;
  if (
    typeof runs !== 'number' ||
    !Number.isInteger(runs) ||
    runs < COMPARE_LIMITS.runs.min ||
    runs > COMPARE_LIMITS.runs.max
  ) {
    return fail(
      `games per arm must be a whole number from ${COMPARE_LIMITS.runs.min} to ${COMPARE_LIMITS.runs.max}`,
    );
  }
  if (
    typeof seed !== 'number' ||
    !Number.isInteger(seed) ||
    seed < COMPARE_LIMITS.seed.min ||
    seed > COMPARE_LIMITS.seed.max
  ) {
    return fail(`seed must be a whole number from 0 to ${COMPARE_LIMITS.seed.max}`);
  }
  return { ok: true, spec: { v: 1, scenario: scenario.id, baseline, arms, runs, seed } };
}

/** Read a location hash (`#compare=…`). Never throws. */
export function parseCompareLink(hash: string, scenarios: readonly Scenario[]): CompareLinkResult {
  const fail = (message: string): CompareLinkResult => ({
    ok: false,
    message: `This comparison link cannot be used: ${message}.`,
  });
  const text = hash.startsWith('#') ? hash : `#${hash}`;
  if (!text.startsWith(COMPARE_PREFIX)) return fail('it does not start with #compare=');
  const json = fromBase64Url(text.slice(COMPARE_PREFIX.length));
  if (json === null) return fail('it is not valid base64url text (was it cut short?)');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fail('its content is not valid JSON (was it cut short?)');
  }
  const checked = checkCompareSpec(raw, scenarios);
  return checked.ok ? checked : fail(checked.problem);
}

/** The names of the baseline and arms, as the table and exports show them. */
export function compareNames(
  spec: CompareSpec,
  scenario: Scenario,
): { baseline: string; arms: string[] } {
  return {
    baseline: spec.baseline.length ? armLabel(spec.baseline, scenario) : 'as written',
    arms: spec.arms.map((a) => armLabel(a, scenario)),
  };
}
