// The one codec behind the Explorer's links (`#explore=`, `#compare=`, `#pause=`): a prefix and
// base64url(JSON). Every link kind checks its own content; this module does the parts they share —
// the prefix, base64url, JSON, the wording of a refusal — and writes a lever's value by name where
// it has one (a strategy, true/false, an information regime), so a link says
// `"strategy.aster": "race-to-deploy"` rather than an index into a list that may grow. Links written
// before values had names (numbers) still read. Pure: no DOM.

import {
  INFORMATION_LEVELS,
  checkValue,
  parseValue,
  type SweepParameter,
} from '../engine/batch/sweepParameters';
import { describeValue } from '../engine/scenario/words';
import type { Scenario } from '../engine/types';
import { fromBase64Url, toBase64Url } from '../lib/base64Url';

/** base64url of the text's UTF-8 bytes (the share links' codec). */
export function textToBase64Url(text: string): string {
  return toBase64Url(new TextEncoder().encode(text));
}

/** The text back (null: not base64url, or not UTF-8). */
export function textFromBase64Url(text: string): string | null {
  const bytes = fromBase64Url(text);
  if (!bytes) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** `prefix` + base64url(JSON of `payload`); the caller fixes the key order. */
export function encodeLink(prefix: string, payload: unknown): string {
  return prefix + textToBase64Url(JSON.stringify(payload));
}

export type LinkResult<T> = { ok: true; spec: T } | { ok: false; message: string };
export type Checked<T> = { ok: true; spec: T } | { ok: false; problem: string };

/**
 * Read a location hash (with or without its `#`) that should start with `prefix`, and check its
 * content with `check`. `what` names the link in a refusal ("sweep", "comparison"). Never throws.
 */
export function decodeLink<T>(
  hash: string,
  prefix: string,
  what: string,
  check: (raw: unknown) => Checked<T>,
): LinkResult<T> {
  const fail = (problem: string): LinkResult<T> => ({
    ok: false,
    message: `This ${what} link cannot be used: ${problem}.`,
  });
  const text = hash.startsWith('#') ? hash : `#${hash}`;
  if (!text.startsWith(prefix)) return fail(`it does not start with ${prefix}`);
  const json = textFromBase64Url(text.slice(prefix.length));
  if (json === null) return fail('it is not valid base64url text (was it cut short?)');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fail('its content is not valid JSON (was it cut short?)');
  }
  const checked = check(raw);
  return checked.ok ? checked : fail(checked.problem);
}

/** "it has no version number …" / "it is version 2 …", or null for version 1. */
export function versionProblem(v: unknown): string | null {
  if (v === 1) return null;
  return v === undefined
    ? 'it has no version number (this explorer reads version 1)'
    : `it is version ${describeValue(v)}, this explorer reads version 1`;
}

const namesOf = (param: SweepParameter): readonly string[] | undefined =>
  param.choices ?? (param.id === 'information' ? INFORMATION_LEVELS : undefined);

/** A value as a link writes it: its name when the lever's values have names, else the number. */
export function writeValue(param: SweepParameter | undefined, value: number): string | number {
  const names = param ? namesOf(param) : undefined;
  return (Number.isInteger(value) && names?.[value]) || value;
}

export type ReadValue = { ok: true; value: number } | { ok: false; problem: string | null };

/**
 * A value read from a link: a name the lever knows, or a number (older links wrote every value as
 * a number). `problem` says why it cannot be used, or is null when it is neither a number nor a
 * name (the caller says where).
 */
export function readValue(param: SweepParameter, raw: unknown): ReadValue {
  const names = namesOf(param);
  if (typeof raw === 'string' && names) {
    const value = parseValue(param, raw);
    return value === null
      ? {
          ok: false,
          problem: `${param.id} must be one of ${names.join(', ')}, got ${describeValue(raw)}`,
        }
      : { ok: true, value };
  }
  if (typeof raw !== 'number') return { ok: false, problem: null };
  const problem = checkValue(param, raw);
  return problem ? { ok: false, problem } : { ok: true, value: raw };
}

/**
 * The part every comparison-like link shares: version 1 and a shipped scenario. Returns the
 * scenario, or why the content cannot be used (`what`: "a comparison", "a pause question").
 */
export function readScenarioOf(
  raw: unknown,
  scenarios: readonly Scenario[],
  what: string,
): { raw: Record<string, unknown>; scenario: Scenario } | string {
  if (!isObject(raw)) return `its content is not ${what}`;
  const version = versionProblem(raw.v);
  if (version) return version;
  if (typeof raw.scenario !== 'string' || raw.scenario === '') return 'it names no scenario';
  const scenario = scenarios.find((s) => s.id === raw.scenario);
  if (!scenario)
    return `scenario ${describeValue(raw.scenario)} is not one of the shipped scenarios`;
  return { raw, scenario };
}

const whole = (x: unknown, min: number, max: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;

/** Games per arm and the seed, checked; or why not. */
export function readRunsAndSeed(
  raw: Record<string, unknown>,
  runs: { min: number; max: number },
  seed: { min: number; max: number },
): { runs: number; seed: number } | string {
  if (!whole(raw.runs, runs.min, runs.max)) {
    return `games per arm must be a whole number from ${runs.min} to ${runs.max}`;
  }
  if (!whole(raw.seed, seed.min, seed.max)) {
    return `seed must be a whole number from ${seed.min} to ${seed.max}`;
  }
  return { runs: raw.runs, seed: raw.seed };
}
