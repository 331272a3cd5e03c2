// Links that reproduce a sweep: `#explore=` + base64url(JSON of the sweep spec). The app shell
// routes such a hash to the explorer, which pre-fills its form from `parseExploreLink`. Pure:
// no DOM, so the shell, the explorer and the tests share it.

import { SWEEP_LIMITS, sweepSpecErrors, type SweepSpec } from '../engine/batch/sweepPlan';
import { settingProblem, sweepParameter, sweepValues } from '../engine/batch/sweepParameters';
import { describeValue } from '../engine/scenario/words';
import type { Scenario } from '../engine/types';
import { EXPLORE_PREFIX } from './explorePrefix';
import {
  decodeLink,
  encodeLink,
  isObject,
  readValue,
  versionProblem,
  writeValue,
  type Checked,
  type LinkResult,
} from './linkCodec';

export { EXPLORE_PREFIX };

/** One swept parameter as the form holds it: a range and a number of steps. */
export interface ExploreAxis {
  id: string;
  from: number;
  to: number;
  steps: number;
}

/** What a link carries (version 1). */
export interface ExploreSpec {
  v: 1;
  scenario: string;
  params: ExploreAxis[];
  runs: number;
  seed: number;
}

export type ExploreLinkResult = LinkResult<ExploreSpec>;

/** The values each axis sweeps, and the spec the batch engine runs. */
export function toSweepSpec(spec: ExploreSpec): SweepSpec {
  return {
    scenarioId: spec.scenario,
    params: spec.params.map((axis) => {
      const param = sweepParameter(axis.id);
      return {
        id: axis.id,
        values: param ? sweepValues(param, axis.from, axis.to, axis.steps) : [],
      };
    }),
    runs: spec.runs,
    seed: spec.seed,
  };
}

/**
 * `#explore=…` for a spec (key order fixed, so the same sweep always gives the same link; named
 * values, such as strategies, by name).
 */
export function makeExploreLink(spec: ExploreSpec): string {
  return encodeLink(EXPLORE_PREFIX, {
    v: 1,
    scenario: spec.scenario,
    params: spec.params.map(({ id, from, to, steps }) => {
      const param = sweepParameter(id);
      return { id, from: writeValue(param, from), to: writeValue(param, to), steps };
    }),
    runs: spec.runs,
    seed: spec.seed,
  });
}

function axisProblem(raw: unknown, index: number): string | ExploreAxis {
  const where = `parameter ${index + 1}`;
  if (!isObject(raw)) return `${where} is not a {id, from, to, steps} object`;
  const { id, from, to, steps } = raw;
  if (typeof id !== 'string') return `${where} has no id`;
  const param = sweepParameter(id);
  if (!param) return `${describeValue(id)} is not a parameter the explorer can sweep`;
  // A range may end between whole numbers (steps round them); named values must be names or indices.
  const ends: number[] = [];
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    const read = readValue(param.choices ? param : { ...param, integer: false }, value);
    if (!read.ok) return read.problem ?? `${id}: "${name}" must be a number`;
    ends.push(read.value);
  }
  if (
    typeof steps !== 'number' ||
    !Number.isInteger(steps) ||
    steps < 1 ||
    steps > SWEEP_LIMITS.valuesPerAxis
  ) {
    return `${id}: steps must be a whole number from 1 to ${SWEEP_LIMITS.valuesPerAxis}`;
  }
  return { id, from: ends[0] as number, to: ends[1] as number, steps };
}

/** The scenario ids allowed, from ids or from the scenarios themselves (which also check labs). */
export type ScenarioList = readonly string[] | readonly Scenario[];

function idsOf(list: ScenarioList | undefined): readonly string[] | undefined {
  return list?.map((x: string | Scenario) => (typeof x === 'string' ? x : x.id));
}

function scenarioOf(list: ScenarioList | undefined, id: string): Scenario | undefined {
  return list
    ?.map((x: string | Scenario) => x)
    .find((x): x is Scenario => typeof x !== 'string' && x.id === id);
}

/**
 * Check a sweep description (parsed from a link, or taken from the explorer's form). With
 * `scenarios` (ids or scenarios), the scenario must be one of them; given as scenarios, a per-lab
 * lever must name one of its labs. Never throws.
 */
export function checkExploreSpec(raw: unknown, scenarios?: ScenarioList): Checked<ExploreSpec> {
  const scenarioIds = idsOf(scenarios);
  const fail = (problem: string) => ({ ok: false as const, problem });
  if (!isObject(raw)) return fail('its content is not a sweep description');
  const version = versionProblem(raw.v);
  if (version) return fail(version);
  if (typeof raw.scenario !== 'string' || raw.scenario === '') return fail('it names no scenario');
  if (scenarioIds && !scenarioIds.includes(raw.scenario)) {
    return fail(`scenario ${describeValue(raw.scenario)} is not one of the shipped scenarios`);
  }
  if (!Array.isArray(raw.params) || raw.params.length < 1 || raw.params.length > 2) {
    return fail('it must sweep one or two parameters');
  }
  const params: ExploreAxis[] = [];
  for (const [i, a] of raw.params.entries()) {
    const axis = axisProblem(a, i);
    if (typeof axis === 'string') return fail(axis);
    params.push(axis);
  }
  if (typeof raw.runs !== 'number' || typeof raw.seed !== 'number') {
    return fail('runs per setting and seed must be numbers');
  }
  const spec: ExploreSpec = {
    v: 1,
    scenario: raw.scenario,
    params,
    runs: raw.runs,
    seed: raw.seed,
  };
  const errors = sweepSpecErrors(toSweepSpec(spec));
  if (errors.length > 0) return fail(errors[0] as string);
  const scenario = scenarioOf(scenarios, spec.scenario);
  for (const axis of params) {
    const problem = scenario ? settingProblem(scenario, axis.id) : null;
    if (problem) return fail(`${axis.id}: ${problem}`);
  }
  return { ok: true, spec };
}

/**
 * Read a location hash (`#explore=…`, with or without the `#`). Checks everything a sweep needs
 * and, if `scenarioIds` is given, that the scenario is one of them. Never throws.
 */
export function parseExploreLink(hash: string, scenarioIds?: ScenarioList): ExploreLinkResult {
  return decodeLink(hash, EXPLORE_PREFIX, 'sweep', (raw) => checkExploreSpec(raw, scenarioIds));
}
