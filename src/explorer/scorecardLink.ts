// Links that reproduce a policy scorecard: `#scorecard=` + base64url(JSON). A shipped policy is
// named by where it ships (`{"scenario": "anthropic-rsp", "id": "rsp-v3"}`); a policy someone
// wrote travels whole in the link (`{"policy": {…}}`), bounded in size and checked like a policy
// file, so a tampered link names what is wrong. The policy editor opens the tab with
// `scorecardLinkWith`. Pure: no DOM.

import { SCORECARD_AXES, type ScorecardGrid } from '../engine/batch/scorecard';
import { SWEEP_LIMITS } from '../engine/batch/sweepPlan';
import { checkValue, sweepParameter } from '../engine/batch/sweepParameters';
import { describeValue } from '../engine/scenario/words';
import type { PolicySpec, Scenario } from '../engine/types';
import { SCORECARD_PREFIX } from './explorePrefix';
import {
  decodeLink,
  encodeLink,
  isObject,
  readRunsAndSeed,
  readScenarioOf,
  type Checked,
  type LinkResult,
} from './linkCodec';
import { checkPolicy, policyProblems, shippedName, type PolicyChoice } from './scorecardPolicy';

export { SCORECARD_PREFIX };

/** A policy in a scorecard: a shipped one, by scenario and id, or one written by the user. */
export type PolicyRef = { scenario: string; id: string } | { policy: PolicySpec };

/** What a scorecard link carries (version 1). */
export interface ScorecardSpec {
  v: 1;
  scenario: string;
  /** The lab whose policy is varied. */
  lab: string;
  /** Two or more; the first is the one every other is compared with. */
  policies: PolicyRef[];
  grid: ScorecardGrid;
  /** Games per policy in each cell of the grid. */
  runs: number;
  seed: number;
}

export const SCORECARD_LIMITS = {
  policies: { min: 2, max: 6 },
  valuesPerAxis: 4,
  runs: { min: 2, max: 5_000 },
  /** Every game summary is kept until the scorecard is read. */
  totalGames: 100_000,
  seed: SWEEP_LIMITS.seed,
  /** A link longer than this is refused before it is decoded (two written policies fit easily). */
  linkChars: 100_000,
} as const;

/** The grid a new scorecard starts from: eval quality low and as written, pressure as written and doubled. */
export function defaultGrid(scenario: Scenario): ScorecardGrid {
  const e = scenario.evaluation.baseSensitivity;
  const p = scenario.dynamics.competitivePressure ?? 1;
  return {
    evalSensitivity: [...new Set([Number((e / 2).toFixed(3)), e])],
    competitivePressure: [...new Set([p, Math.min(3, p * 2)])],
  };
}

/** The lab a scorecard starts with: the seat a solo player takes (else the first lab). */
export function defaultLab(scenario: Scenario): string {
  return (scenario.labs.find((l) => l.role === 'player') ?? scenario.labs[0])?.id ?? '';
}

/** The policy a lab holds in the scenario as written. */
export function ownPolicy(scenario: Scenario, labId: string): PolicySpec | undefined {
  const use = scenario.labs.find((l) => l.id === labId)?.policy.use ?? scenario.defaultPolicy;
  return scenario.policies.find((p) => p.id === use);
}

/** `#scorecard=…` (key order fixed: the same scorecard always gives the same link). */
export function makeScorecardLink(spec: ScorecardSpec): string {
  const { scenario, lab, policies, grid, runs, seed } = spec;
  return encodeLink(SCORECARD_PREFIX, {
    v: 1,
    scenario,
    lab,
    policies: policies.map((p) =>
      'policy' in p ? { policy: p.policy } : { scenario: p.scenario, id: p.id },
    ),
    grid: { evalSensitivity: grid.evalSensitivity, competitivePressure: grid.competitivePressure },
    runs,
    seed,
  });
}

/**
 * Whether `policy` is, as written, the policy the scorecard would set it beside (the own policy of
 * the lab a solo player takes): then there is nothing to compare, and a link would be refused.
 */
export function sameAsOwnPolicy(scenario: Scenario, policy: PolicySpec): boolean {
  const own = ownPolicy(scenario, defaultLab(scenario));
  return own !== undefined && JSON.stringify(own) === JSON.stringify(policy);
}

/**
 * The policy editor's way in: a `#scorecard=…` hash that opens the scorecard with `policy` beside
 * the lab's own policy (the lab a solo player takes), with the default grid, games and seed.
 */
export function scorecardLinkWith(scenarioId: string, policy: PolicySpec): string {
  return encodeLink(SCORECARD_PREFIX, {
    v: 1,
    scenario: scenarioId,
    policies: ['own', { policy }],
  });
}

type Resolved = { ref: PolicyRef; choice: PolicyChoice };

function readPolicy(
  raw: unknown,
  where: string,
  scenario: Scenario,
  lab: string,
  scenarios: readonly Scenario[],
  written: number,
): Resolved | string {
  if (raw === 'own') {
    const policy = ownPolicy(scenario, lab);
    if (!policy) return `${where}: ${lab} holds no policy in ${scenario.id}`;
    return {
      ref: { scenario: scenario.id, id: policy.id },
      choice: { key: `${scenario.id}/${policy.id}`, name: policy.name, policy, from: scenario.id },
    };
  }
  if (!isObject(raw)) return `${where} is not a policy`;
  if ('policy' in raw) {
    const checked = checkPolicy(raw.policy, scenario, lab);
    if (!checked.ok) return `${where}, ${checked.problems[0]}`;
    const { policy } = checked;
    return {
      ref: { policy },
      choice: { key: `own:${written}`, name: `${policy.name} (yours)`, policy, from: null },
    };
  }
  const from = scenarios.find((s) => s.id === raw.scenario);
  if (!from) return `${where}: scenario ${describeValue(raw.scenario)} is not a shipped scenario`;
  const policy = from.policies.find((p) => p.id === raw.id);
  if (!policy) {
    return `${where}: ${from.id} has no policy ${describeValue(raw.id)}; its policies: ${from.policies.map((p) => p.id).join(', ')}`;
  }
  const problems = from.id === scenario.id ? [] : policyProblems(policy, scenario, lab);
  if (problems.length > 0)
    return `${where} (${policy.id} of ${from.id}) does not fit ${scenario.id}: ${problems[0]}`;
  return {
    ref: { scenario: from.id, id: policy.id },
    choice: {
      key: `${from.id}/${policy.id}`,
      name: shippedName(policy, from, scenario),
      policy,
      from: from.id,
    },
  };
}

function readGrid(raw: unknown, scenario: Scenario): ScorecardGrid | string {
  if (raw === undefined) return defaultGrid(scenario);
  if (!isObject(raw)) return 'its grid is not an object';
  const grid = {} as ScorecardGrid;
  for (const axis of SCORECARD_AXES) {
    const values = raw[axis];
    const param = sweepParameter(axis);
    if (!Array.isArray(values) || values.length < 1)
      return `grid.${axis} must list at least one value`;
    if (values.length > SCORECARD_LIMITS.valuesPerAxis) {
      return `grid.${axis} has ${values.length} values; at most ${SCORECARD_LIMITS.valuesPerAxis}`;
    }
    for (const v of values) {
      if (typeof v !== 'number' || !param)
        return `grid.${axis}: ${describeValue(v)} is not a number`;
      const problem = checkValue(param, v);
      if (problem) return `grid.${axis}: ${problem}`;
    }
    if (new Set(values).size !== values.length) return `grid.${axis} repeats a value`;
    grid[axis] = values as number[];
  }
  return grid;
}

/**
 * Check a scorecard (from a link or the form) against the shipped scenarios: the lab is one of
 * the scenario's, every policy exists and validates in it, the grid and counts are in range.
 * `lab`, `grid`, `runs` and `seed` may be left out (a link from the policy editor): they take the
 * defaults. Never throws. `choices`: the policies as the scorecard names them.
 */
export function checkScorecardSpec(
  input: unknown,
  scenarios: readonly Scenario[],
): Checked<ScorecardSpec> & { choices?: PolicyChoice[] } {
  const fail = (problem: string) => ({ ok: false as const, problem });
  const head = readScenarioOf(input, scenarios, 'a scorecard');
  if (typeof head === 'string') return fail(head);
  const { raw, scenario } = head;
  const labId = raw.lab === undefined ? defaultLab(scenario) : raw.lab;
  const lab = scenario.labs.find((l) => l.id === labId);
  if (!lab) {
    return fail(
      `${scenario.id} has no lab ${describeValue(labId)}; its labs: ${scenario.labs.map((l) => l.id).join(', ')}`,
    );
  }
  const { min, max } = SCORECARD_LIMITS.policies;
  if (!Array.isArray(raw.policies) || raw.policies.length < min || raw.policies.length > max) {
    return fail(`it must set ${min} to ${max} policies side by side`);
  }
  const resolved: Resolved[] = [];
  let written = 0;
  for (const [i, p] of raw.policies.entries()) {
    const r = readPolicy(p, `policy ${i + 1}`, scenario, lab.id, scenarios, written);
    if (typeof r === 'string') return fail(r);
    if (r.choice.from === null) written++;
    if (resolved.some((x) => JSON.stringify(x.choice.policy) === JSON.stringify(r.choice.policy))) {
      return fail(`policy ${i + 1} is the same policy as an earlier one`);
    }
    resolved.push(r);
  }
  const grid = readGrid(raw.grid, scenario);
  if (typeof grid === 'string') return fail(grid);
  const counts =
    raw.runs === undefined && raw.seed === undefined
      ? { runs: 100, seed: 1 }
      : readRunsAndSeed(raw, SCORECARD_LIMITS.runs, SCORECARD_LIMITS.seed);
  if (typeof counts === 'string') return fail(counts);
  const games =
    counts.runs * resolved.length * grid.evalSensitivity.length * grid.competitivePressure.length;
  if (games > SCORECARD_LIMITS.totalGames) {
    return fail(
      `it asks for ${games.toLocaleString('en')} games; at most ${SCORECARD_LIMITS.totalGames.toLocaleString('en')} (fewer games, policies or grid values)`,
    );
  }
  return {
    ok: true,
    spec: {
      v: 1,
      scenario: scenario.id,
      lab: lab.id,
      policies: resolved.map((r) => r.ref),
      grid,
      ...counts,
    },
    choices: resolved.map((r) => r.choice),
  };
}

/** Read a location hash (`#scorecard=…`). Never throws. */
export function parseScorecardLink(
  hash: string,
  scenarios: readonly Scenario[],
): LinkResult<ScorecardSpec> {
  if (hash.length > SCORECARD_LIMITS.linkChars) {
    return {
      ok: false,
      message: `This scorecard link cannot be used: it is longer than ${SCORECARD_LIMITS.linkChars.toLocaleString('en')} characters.`,
    };
  }
  return decodeLink(hash, SCORECARD_PREFIX, 'scorecard', (raw) => {
    const checked = checkScorecardSpec(raw, scenarios);
    return checked.ok ? { ok: true, spec: checked.spec } : checked;
  });
}

/** The policies of a checked spec, as the scorecard names them (names made unique). */
export function scorecardChoices(
  spec: ScorecardSpec,
  scenarios: readonly Scenario[],
): PolicyChoice[] {
  const checked = checkScorecardSpec(spec, scenarios);
  const choices = checked.ok ? (checked.choices ?? []) : [];
  const seen = new Map<string, number>();
  return choices.map((c) => {
    const k = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, k);
    return k === 1 ? c : { ...c, name: `${c.name} #${k}` };
  });
}
