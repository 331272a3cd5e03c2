// The policies a scorecard can set side by side, and how a policy someone wrote is checked: a
// policy file (`{"format":"threshold-policy","version":1,"policy":{…}}`), or a policy carried in
// a `#scorecard=` link. A policy is checked by the scenario validator itself: it is placed in the
// chosen scenario's policies, given to the lab, and the scenario is validated, so every problem
// names the field (`policy.levels[1].thresholds.cyber: …`) and a policy that plays in the
// scenario is exactly one that validates there. Pure: no DOM.

import { withLabPolicy } from '../engine/batch/scorecard';
import { valueDepthProblem } from '../engine/scenario/input';
import { describeValue } from '../engine/scenario/words';
import { formatIssue, validateScenarioValue } from '../engine/scenario/checkValue';
import type { PolicySpec, Scenario } from '../engine/types';
import { isObject } from './linkCodec';

/** What a policy file says it is. */
export const POLICY_FILE_FORMAT = 'threshold-policy';
export const POLICY_FILE_VERSION = 1;
/** A policy file or a policy in a link is refused above this many bytes of JSON (a ladder is ~2 kB). */
export const MAX_POLICY_BYTES = 16_000;

/** A policy a scorecard can use, named as the scorecard shows it. */
export interface PolicyChoice {
  /** Stable key for the form: `<scenario>/<policy id>`, or `own:<k>` for one the user wrote. */
  key: string;
  /** "RSP v3.0 (Anthropic RSP v3.0, 2026-02-24)" or "My policy (yours)". */
  name: string;
  policy: PolicySpec;
  /** The shipped scenario it comes from, or null for one the user wrote. */
  from: string | null;
}

const PATH = /^policies\[(\d+)\]/;

export type PolicyCheck = { ok: true; policy: PolicySpec } | { ok: false; problems: string[] };

/**
 * Check that `policy` can be played by lab `labId` of `scenario`. On success, the policy as the
 * validator reads it (every optional field filled in, as in a loaded scenario); otherwise every
 * problem, as the validator words them, with `policy.…` paths.
 */
export function checkPolicy(policy: unknown, scenario: Scenario, labId: string): PolicyCheck {
  const fail = (problems: string[]): PolicyCheck => ({ ok: false, problems });
  if (!isObject(policy))
    return fail([`policy: expected a policy object, got ${describeValue(policy)}`]);
  const deep = valueDepthProblem(policy);
  if (deep) return fail([`policy: ${deep}`]);
  if (JSON.stringify(policy).length > MAX_POLICY_BYTES) {
    return fail([`policy: larger than ${MAX_POLICY_BYTES.toLocaleString('en')} bytes of JSON`]);
  }
  const id = typeof policy.id === 'string' ? policy.id : 'policy';
  let placed: Scenario;
  try {
    placed = withLabPolicy(scenario, labId, { ...(policy as unknown as PolicySpec), id });
  } catch (error) {
    return fail([error instanceof Error ? error.message : String(error)]);
  }
  // A policy the scenario already holds is chosen, not added; any other is added last.
  const use = placed.labs.find((l) => l.id === labId)?.policy.use;
  const index = placed.policies.findIndex((p) => p.id === use);
  const result = validateScenarioValue(placed);
  if (!result.ok) {
    return fail(
      result.errors.map((issue) => {
        const at = PATH.exec(issue.path);
        if (at && Number(at[1]) === index) {
          return formatIssue({ ...issue, path: `policy${issue.path.slice(at[0].length)}` });
        }
        return `in ${scenario.id} with this policy, ${formatIssue(issue)}`;
      }),
    );
  }
  const read = result.scenario.policies[index];
  return read ? { ok: true, policy: { ...read, id } } : fail(['policy: it could not be placed']);
}

/** Every problem `checkPolicy` finds (empty: the policy plays in the scenario). */
export function policyProblems(policy: unknown, scenario: Scenario, labId: string): string[] {
  const checked = checkPolicy(policy, scenario, labId);
  return checked.ok ? [] : checked.problems;
}

export type PolicyFileResult = { ok: true; policy: PolicySpec } | { ok: false; message: string };

/**
 * Read a policy file's text and check its policy in `scenario` for lab `labId`. `file` names it in
 * messages. Never throws.
 */
export function readPolicyFile(
  text: string,
  file: string,
  scenario: Scenario,
  labId: string,
): PolicyFileResult {
  const fail = (problem: string): PolicyFileResult => ({
    ok: false,
    message: `${file} cannot be used: ${problem}`,
  });
  if (text.length > MAX_POLICY_BYTES * 2) {
    return fail(`it is larger than ${(MAX_POLICY_BYTES * 2).toLocaleString('en')} bytes`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return fail(`it is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(raw)) return fail('it is not a policy file (expected a JSON object)');
  if (raw.format !== POLICY_FILE_FORMAT) {
    return fail(
      `"format" must be "${POLICY_FILE_FORMAT}", got ${describeValue(raw.format)} (is this a scenario file?)`,
    );
  }
  if (raw.version !== POLICY_FILE_VERSION) {
    return fail(
      `"version" must be ${POLICY_FILE_VERSION}, got ${describeValue(raw.version)} (this explorer reads version 1)`,
    );
  }
  const checked = checkPolicy(raw.policy, scenario, labId);
  if (!checked.ok) {
    const { problems } = checked;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    return fail(`${problems[0]}${more}`);
  }
  return { ok: true, policy: checked.policy };
}

/** A policy as a file the scorecard (and the policy editor) reads back. */
export function policyFileText(policy: PolicySpec): string {
  return `${JSON.stringify({ format: POLICY_FILE_FORMAT, version: POLICY_FILE_VERSION, policy }, null, 2)}\n`;
}

/** The name a shipped policy shows: its name and, from another scenario, where it comes from. */
export function shippedName(policy: PolicySpec, from: Scenario, chosen: Scenario): string {
  return from.id === chosen.id ? policy.name : `${policy.name} (from ${from.title})`;
}

/**
 * The shipped policies lab `labId` of `scenario` can play: the scenario's own, then every other
 * scenario's that validates in this one (a policy that names a domain this scenario lacks does
 * not). The same policy shipped by two scenarios is offered once.
 */
export function shippedChoices(
  scenario: Scenario,
  scenarios: readonly Scenario[],
  labId: string,
): PolicyChoice[] {
  const out: PolicyChoice[] = scenario.policies.map((policy) => ({
    key: `${scenario.id}/${policy.id}`,
    name: policy.name,
    policy,
    from: scenario.id,
  }));
  const seen = new Set(out.map((c) => JSON.stringify(c.policy)));
  for (const other of scenarios) {
    if (other.id === scenario.id) continue;
    for (const policy of other.policies) {
      const text = JSON.stringify(policy);
      if (seen.has(text)) continue;
      if (policyProblems(policy, scenario, labId).length > 0) continue;
      seen.add(text);
      out.push({
        key: `${other.id}/${policy.id}`,
        name: shippedName(policy, other, scenario),
        policy,
        from: other.id,
      });
    }
  }
  return out;
}
