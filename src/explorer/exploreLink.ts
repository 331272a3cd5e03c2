// Links that reproduce a sweep: `#explore=` + base64url(JSON of the sweep spec). The app shell
// routes such a hash to the explorer, which pre-fills its form from `parseExploreLink`. Pure:
// no DOM, so the shell, the explorer and the tests share it.

import { SWEEP_LIMITS, sweepSpecErrors, type SweepSpec } from '../engine/batch/sweep';
import {
  checkValue,
  settingProblem,
  sweepParameter,
  sweepValues,
} from '../engine/batch/sweepParameters';
import { describeValue } from '../engine/scenario/schema';
import type { Scenario } from '../engine/types';

import { EXPLORE_PREFIX } from './explorePrefix';

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

export type ExploreLinkResult = { ok: true; spec: ExploreSpec } | { ok: false; message: string };

export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

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

/** `#explore=…` for a spec (key order fixed, so the same sweep always gives the same link). */
export function makeExploreLink(spec: ExploreSpec): string {
  const plain: ExploreSpec = {
    v: 1,
    scenario: spec.scenario,
    params: spec.params.map(({ id, from, to, steps }) => ({ id, from, to, steps })),
    runs: spec.runs,
    seed: spec.seed,
  };
  return EXPLORE_PREFIX + toBase64Url(JSON.stringify(plain));
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function axisProblem(raw: unknown, index: number): string | ExploreAxis {
  const where = `parameter ${index + 1}`;
  if (!isObject(raw)) return `${where} is not a {id, from, to, steps} object`;
  const { id, from, to, steps } = raw;
  if (typeof id !== 'string') return `${where} has no id`;
  const param = sweepParameter(id);
  if (!param) return `${describeValue(id)} is not a parameter the explorer can sweep`;
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (typeof value !== 'number') return `${id}: "${name}" must be a number`;
    const problem = checkValue({ ...param, integer: false }, value);
    if (problem) return problem;
  }
  if (
    typeof steps !== 'number' ||
    !Number.isInteger(steps) ||
    steps < 1 ||
    steps > SWEEP_LIMITS.valuesPerAxis
  ) {
    return `${id}: steps must be a whole number from 1 to ${SWEEP_LIMITS.valuesPerAxis}`;
  }
  return { id, from: from as number, to: to as number, steps };
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
export function checkExploreSpec(
  raw: unknown,
  scenarios?: ScenarioList,
): { ok: true; spec: ExploreSpec } | { ok: false; problem: string } {
  const scenarioIds = idsOf(scenarios);
  const fail = (problem: string) => ({ ok: false as const, problem });
  if (!isObject(raw)) return fail('its content is not a sweep description');
  if (raw.v === undefined) return fail('it has no version number (this explorer reads version 1)');
  if (raw.v !== 1) {
    return fail(`it is version ${describeValue(raw.v)}, this explorer reads version 1`);
  }
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
  const fail = (message: string): ExploreLinkResult => ({
    ok: false,
    message: `This sweep link cannot be used: ${message}.`,
  });
  const text = hash.startsWith('#') ? hash : `#${hash}`;
  if (!text.startsWith(EXPLORE_PREFIX)) return fail('it does not start with #explore=');
  const json = fromBase64Url(text.slice(EXPLORE_PREFIX.length));
  if (json === null) return fail('it is not valid base64url text (was it cut short?)');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fail('its content is not valid JSON (was it cut short?)');
  }
  const checked = checkExploreSpec(raw, scenarioIds);
  return checked.ok ? checked : fail(checked.problem);
}
