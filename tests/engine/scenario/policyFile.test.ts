// Policy files: what the editor saves loads back unchanged, and a bad file is refused with the
// field named (and its line), never a throw.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_POLICY_BYTES,
  checkPolicy,
  parsePickedPolicyFile,
  parsePolicyFile,
  policyFileText,
} from '../../../src/engine/scenario/policyFile';
import { ID_PATTERN, LIMITS } from '../../../src/engine/scenario/schema';
import { formatIssue } from '../../../src/engine/scenario/validate';
import {
  SAFEGUARD_TRACKS,
  SHORTFALL_RULES,
  type DomainId,
  type LevelSpec,
  type PolicySpec,
  type Scenario,
} from '../../../src/engine/types';
import { shippedScenarios } from '../../support/shippedScenarios';

const scenario = shippedScenarios.find((s) => s.id === 'rsp-v2-vs-v3') as Scenario;
const domains = scenario.domains.map((d) => d.id);
const v3 = scenario.policies.find((p) => p.id === 'rsp-v3-0') as PolicySpec;

const messages = (result: ReturnType<typeof parsePolicyFile>) =>
  result.ok ? [] : result.errors.map(formatIssue);

// ---------------------------------------------------------------- valid policies, generated

const text = (max: number) =>
  fc.string({ minLength: 1, maxLength: max }).filter((s) => /\S/.test(s));
const share = fc.double({ min: 0.01, max: 1, noNaN: true });
/** `n` rising values in (0, 1]: a threshold per level that rises up the ladder. */
const rising = (n: number) =>
  fc
    .uniqueArray(share, { minLength: n, maxLength: n, comparator: 'SameValueZero' })
    .map((values) => [...values].sort((a, b) => a - b));

function ladder(n: number): fc.Arbitrary<LevelSpec[]> {
  return fc
    .record({
      values: fc.tuple(...domains.map(() => rising(n))),
      present: fc.array(fc.subarray(domains, { minLength: 1 }), { minLength: n, maxLength: n }),
      // A track is required from some level up (or never), never less further up.
      training: fc.tuple(...SAFEGUARD_TRACKS.map(() => fc.nat({ max: n }))),
      trainingValues: fc.tuple(...SAFEGUARD_TRACKS.map(() => rising(n))),
      deployment: fc.tuple(...SAFEGUARD_TRACKS.map(() => fc.nat({ max: n }))),
      deploymentValues: fc.tuple(...SAFEGUARD_TRACKS.map(() => rising(n))),
      names: fc.array(text(LIMITS.shortText), { minLength: n, maxLength: n }),
      descriptions: fc.array(text(200), { minLength: n, maxLength: n }),
    })
    .map((g) =>
      Array.from({ length: n }, (_, i): LevelSpec => {
        const thresholds: Partial<Record<DomainId, number>> = {};
        domains.forEach((d, k) => {
          if (g.present[i]?.includes(d)) thresholds[d] = g.values[k]?.[i] as number;
        });
        const requires = (from: number[], values: number[][]) =>
          Object.fromEntries(
            SAFEGUARD_TRACKS.flatMap((t, k) =>
              i >= (from[k] as number) ? [[t, values[k]?.[i] as number]] : [],
            ),
          );
        return {
          id: `level-${i + 1}`,
          name: g.names[i] as string,
          description: g.descriptions[i] as string,
          thresholds,
          trainingRequires: requires(g.training, g.trainingValues),
          deploymentRequires: requires(g.deployment, g.deploymentValues),
        };
      }),
    );
}

const validPolicy: fc.Arbitrary<PolicySpec> = fc
  .integer({ min: 1, max: 4 })
  .chain((n) =>
    fc.record({
      id: fc.stringMatching(ID_PATTERN).filter((id) => id.length <= LIMITS.idLength),
      name: text(LIMITS.shortText),
      description: text(300),
      framework: fc.record({
        name: text(LIMITS.shortText),
        version: text(20),
        date: fc.constantFrom('2026', '2026-02', '2026-02-24'),
      }),
      levels: ladder(n),
      evaluation: fc.record({
        cadence: fc.integer({ min: 1, max: 8 }),
        safetyBuffer: fc.double({ min: 0, max: 0.5, noNaN: true, noDefaultInfinity: true }),
        alertMargin: fc.double({ min: 0, max: 0.5, noNaN: true, noDefaultInfinity: true }),
      }),
      whenShort: fc.constantFrom(...SHORTFALL_RULES),
      significantShortfall: fc.double({ min: 0, max: 1, noNaN: true }),
      competitorClause: fc.boolean(),
      binding: fc.boolean(),
      public: fc.boolean(),
    }),
  )
  // JSON has one zero.
  .map((policy) => JSON.parse(JSON.stringify(policy)) as PolicySpec);

describe('policy files', () => {
  it('serialise → parse round-trips any valid policy', () => {
    fc.assert(
      fc.property(validPolicy, (policy) => {
        const result = parsePolicyFile(policyFileText(policy), scenario);
        expect(messages(result)).toEqual([]);
        expect(result.ok && result.policy).toEqual(policy);
        expect(checkPolicy(policy, scenario)).toEqual({ ok: true, policy });
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips every shipped policy in its own scenario', () => {
    for (const s of shippedScenarios) {
      for (const policy of s.policies) {
        const result = parsePolicyFile(policyFileText(policy), s);
        expect(result, `${s.id}/${policy.id}`).toEqual({ ok: true, policy });
      }
    }
  });

  it('names the field and its line when a value is wrong', () => {
    const file = policyFileText({ ...v3, evaluation: { ...v3.evaluation, cadence: 0 } });
    const errors = messages(parsePolicyFile(file, scenario));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^policy\.evaluation\.cadence \(line \d+\): expected a whole number from 1 to 8, got 0$/,
    );
  });

  it('checks the ladder against the scenario it is played in', () => {
    const narrow: Scenario = { ...scenario, domains: scenario.domains.slice(0, 1) };
    const missing = v3.levels
      .flatMap((l) => Object.keys(l.thresholds))
      .find((d) => d !== narrow.domains[0]?.id);
    const errors = messages(parsePolicyFile(policyFileText(v3), narrow));
    expect(errors.join('\n')).toContain(`"${missing}" is not one of this scenario's domains`);
  });

  it('refuses levels out of order, naming the level', () => {
    const [low, high] = v3.levels as [LevelSpec, LevelSpec];
    const swapped = { ...v3, levels: [high, low, ...v3.levels.slice(2)] };
    const result = checkPolicy(swapped, scenario);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message).toMatch(/levels are out of order/);
    expect(!result.ok && result.errors[0]?.path).toMatch(/^levels\[1\]\.thresholds\./);
  });

  it('says what is wrong with files that are not policy files', () => {
    expect(messages(parsePolicyFile('', scenario))).toEqual([
      '(file): this file is empty — a policy is a JSON object that starts with {',
    ]);
    expect(messages(parsePolicyFile('{"format": "threshold-policy",}', scenario))[0]).toMatch(
      /remove the last comma/,
    );
    expect(messages(parsePolicyFile(JSON.stringify(scenario), scenario))[0]).toMatch(
      /this is a scenario file, not a policy file/,
    );
    expect(
      messages(parsePolicyFile('{"format":"threshold-policy","version":2,"policy":{}}', scenario)),
    ).toEqual([expect.stringMatching(/^version \(line 1\): .*newer version of Threshold/)]);
    expect(
      messages(
        parsePolicyFile(
          '{"format":"threshold-policy","version":1,"policy":{},"notes":"x"}',
          scenario,
        ),
      ),
    ).toEqual([expect.stringMatching(/^notes \(line 1\): unknown field "notes"/)]);
    expect(
      messages(parsePolicyFile('{"format":"threshold-policy","version":1}', scenario)),
    ).toEqual([
      expect.stringMatching(/^policy \(line 1\): missing — expected a policy \{id, name, /),
    ]);
  });

  it('the guide’s example policy file loads', () => {
    const guide = readFileSync('scenarios/README.md', 'utf8');
    const at = guide.indexOf('A policy file is the policy');
    const block = /```json\n([\s\S]*?)```/.exec(guide.slice(at))?.[1] ?? '';
    expect(messages(parsePolicyFile(block, scenario))).toEqual([]);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (input) => {
        const result = parsePolicyFile(input, scenario);
        expect(result.ok || result.errors.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a picked file over the size limit before reading it', async () => {
    let read = false;
    const result = await parsePickedPolicyFile(
      {
        size: MAX_POLICY_BYTES + 1,
        text: async () => {
          read = true;
          return '';
        },
      },
      scenario,
    );
    expect(read).toBe(false);
    expect(messages(result)[0]).toMatch(/too large to be a policy/);
  });
});
