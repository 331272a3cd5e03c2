// A policy on its own, as a file: `{"format": "threshold-policy", "version": 1, "policy": {…}}`.
// The policy editor saves and loads these; a workshop team's written policy travels as one.
//
// A policy names the domains of the scenario it is played in, so it is always checked in the
// context of a scenario: the same schema (PolicySchema) and ladder rules (ladderIssues) a policy
// inside a scenario file meets, with the same plain-words, located messages. Pure and never
// throws, so the browser and the command line share it.

import * as v from 'valibot';
import type { PolicySpec, Scenario } from '../types';
import { MAX_SCENARIO_BYTES } from './input';
import { PolicySchema } from './schema';
import { describeValue } from './words';
import { ladderIssues, type PathSegment, type RawIssue } from './semantics';
import {
  failure,
  finish,
  locate,
  readJsonText,
  readPickedFile,
  toRawIssue,
  unexpected,
  type Locator,
  type PickedFile,
  type ScenarioIssue,
} from './validate';

export const POLICY_FILE_FORMAT = 'threshold-policy';
export const POLICY_FILE_VERSION = 1;
/** A policy is a few kB; anything near a scenario's limit is not one. */
export const MAX_POLICY_BYTES = MAX_SCENARIO_BYTES / 5;

export type PolicyResult =
  { ok: true; policy: PolicySpec } | { ok: false; errors: ScenarioIssue[] };

const POLICY_NOUN = 'a policy {id, name, description, framework, levels, evaluation, …}';
const ENVELOPE_KEYS = ['format', 'version', 'policy'] as const;

/** The text of a policy file (what "Save as a file" writes). */
export function policyFileText(policy: PolicySpec): string {
  const file = { format: POLICY_FILE_FORMAT, version: POLICY_FILE_VERSION, policy };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Schema and ladder issues of a policy value, paths from the policy (`at` is put in front). */
function policyIssues(
  value: unknown,
  scenario: Scenario,
  at: PathSegment[],
): { issues: RawIssue[]; policy?: PolicySpec } {
  const parsed = v.safeParse(PolicySchema, value);
  if (!parsed.success) {
    const issues = parsed.issues.map((issue) => {
      const raw = toRawIssue(issue, POLICY_NOUN);
      return { ...raw, path: [...at, ...raw.path] };
    });
    return { issues: unique(issues) };
  }
  const declared = new Set(scenario.domains.map((d) => d.id));
  const issues = ladderIssues(parsed.output.levels, [...at, 'levels'], declared);
  return issues.length > 0 ? { issues } : { issues, policy: parsed.output };
}

function unique(issues: RawIssue[]): RawIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${JSON.stringify(issue.path)}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Check a policy value (not a file: the policy itself) against the scenario it will be played
 * in. Paths start at the policy: `levels[1].thresholds.cyber`. Never throws. The editor's live
 * validation.
 */
export function checkPolicy(value: unknown, scenario: Scenario): PolicyResult {
  try {
    const { issues, policy } = policyIssues(value, scenario, []);
    if (policy) return { ok: true, policy };
    return { ok: false, errors: finish(issues.map((issue) => locate(issue, null))) };
  } catch (error) {
    return unexpected(error);
  }
}

function envelopeIssues(value: unknown, locator: Locator): ScenarioIssue[] | null {
  const at = (path: PathSegment[], message: string) => [locate({ path, message }, locator)];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return at(
      [],
      `expected a policy file {"format": "${POLICY_FILE_FORMAT}", "version": ${POLICY_FILE_VERSION}, "policy": {…}}, got ${describeValue(value)}`,
    );
  }
  const file = value as Record<string, unknown>;
  if (file.format !== POLICY_FILE_FORMAT) {
    const looksLikeScenario = 'labs' in file && 'policies' in file;
    return at(
      ['format'],
      looksLikeScenario
        ? `this is a scenario file, not a policy file — load it as a scenario on the start screen (a policy file says "format": "${POLICY_FILE_FORMAT}")`
        : `expected "${POLICY_FILE_FORMAT}", got ${describeValue(file.format)} — is this a policy file saved by Threshold?`,
    );
  }
  if (typeof file.version === 'number' && file.version > POLICY_FILE_VERSION) {
    return at(
      ['version'],
      `this policy was saved by a newer version of Threshold (policy file version ${file.version}); this version reads version ${POLICY_FILE_VERSION} — update Threshold`,
    );
  }
  if (file.version !== POLICY_FILE_VERSION) {
    return at(['version'], `expected ${POLICY_FILE_VERSION}, got ${describeValue(file.version)}`);
  }
  if (!('policy' in file)) {
    return at(['policy'], `missing — expected ${POLICY_NOUN}`);
  }
  const extra = Object.keys(file).filter(
    (key) => !(ENVELOPE_KEYS as readonly string[]).includes(key),
  );
  if (extra.length > 0) {
    return extra.map((key) =>
      locate(
        {
          path: [key],
          message: `unknown field ${JSON.stringify(key)} — a policy file holds only ${ENVELOPE_KEYS.join(', ')}`,
        },
        locator,
      ),
    );
  }
  return null;
}

/** Parse and check the text of a policy file against the scenario it will be played in. Never throws. */
export function parsePolicyFile(text: string, scenario: Scenario): PolicyResult {
  try {
    const read = readJsonText(text, 'policy');
    if (!read.ok) return read;
    const envelope = envelopeIssues(read.value, read.locator);
    const found = envelope
      ? { issues: [] as RawIssue[] }
      : policyIssues((read.value as { policy?: unknown }).policy, scenario, ['policy']);
    const errors = [
      ...read.duplicateKeys,
      ...(envelope ?? []),
      ...found.issues.map((issue) => locate(issue, read.locator)),
    ];
    if (errors.length === 0 && found.policy) return { ok: true, policy: found.policy };
    return { ok: false, errors: finish(errors) };
  } catch (error) {
    return unexpected(error);
  }
}

/** Check a policy file the user picked in the browser. Never rejects; too large is an issue. */
export async function parsePickedPolicyFile(
  file: PickedFile,
  scenario: Scenario,
): Promise<PolicyResult> {
  const read = await readPickedFile(file, MAX_POLICY_BYTES, 'a policy');
  return read.ok ? parsePolicyFile(read.text, scenario) : failure(read.message);
}
