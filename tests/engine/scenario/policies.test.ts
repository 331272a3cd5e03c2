// The policies list: checked with messages that name the field, resolved so every lab knows its
// policy, and written back as a file that validates again.

import { describe, expect, it } from 'vitest';
import { ladderPolicy } from '../../../src/engine/policies';
import { validateScenarioValue } from '../../../src/engine/scenario/validate';
import type { PolicySpec } from '../../../src/engine/types';
import { testScenario } from '../fixtures';
import { issueAt } from './helpers';

/** A format-2 file: two policies, the second a stricter ladder the "fast" lab plays under. */
function file(change: (value: Record<string, unknown>) => void = () => {}): unknown {
  const test = testScenario();
  // The engine's test scenario, made a valid file (ids in lowercase, every text filled in).
  const base = {
    ...test,
    domains: test.domains.map((d) => ({ ...d, description: d.name })),
    levels: test.levels.map((l) => ({ ...l, id: l.id.toLowerCase() })),
  };
  const strict: PolicySpec = {
    ...ladderPolicy(base.levels.map((l) => ({ ...l, thresholds: { cbrn: 0.3 } })).slice(0, 1)),
    id: 'strict',
    name: 'Strict policy',
    whenShort: 'delayIfAhead',
  };
  const { levels: _levels, policies: _p, defaultPolicy: _d, ...rest } = base;
  const value: Record<string, unknown> = {
    ...rest,
    sources: [{ element: 'x', title: 'x', url: 'https://example.org', version: '2026' }],
    simplifications: ['Invented.'],
    evaluation: {
      baseSensitivity: 0.6,
      noise: 0.03,
      elicitationGap: 0.08,
      sandbagging: 0.05,
    },
    policies: [ladderPolicy(base.levels, { cadence: 1, safetyBuffer: 0.02 }), strict],
    labs: base.labs.map((lab) => ({
      ...lab,
      policy: {
        inPauseAgreement: false,
        publishesEvals: false,
        ...(lab.id === 'fast' ? { use: 'strict' } : {}),
      },
    })),
  };
  change(value);
  return value;
}

describe('policies in a scenario file', () => {
  it('resolve: each lab names its policy, the rest use the default; no note', () => {
    const result = validateScenarioValue(file());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.notes).toEqual([]);
    const uses = Object.fromEntries(result.scenario.labs.map((l) => [l.id, l.policy.use]));
    expect(uses).toEqual({
      player: 'scenario-policy',
      fast: 'strict',
      racer: 'scenario-policy',
      open: 'scenario-policy',
    });
    // The default policy's ladder and rules are repeated at the top for older readers.
    expect(result.scenario.defaultPolicy).toBe('scenario-policy');
    expect(result.scenario.levels).toEqual(result.scenario.policies[0]?.levels);
    expect(result.scenario.evaluation.safetyBuffer).toBe(0.02);
    // binding comes from the policy unless the lab says otherwise.
    expect(result.scenario.labs.every((l) => l.policy.binding === false)).toBe(true);
  });

  it('a lab may override its policy being voluntary', () => {
    const result = validateScenarioValue(
      file((v) => {
        (v.labs as { policy: Record<string, unknown> }[])[0]!.policy.binding = true;
      }),
    );
    expect(result.ok && result.scenario.labs.map((l) => l.policy.binding)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('defaultPolicy chooses the policy of labs that name none', () => {
    const result = validateScenarioValue(file((v) => (v.defaultPolicy = 'strict')));
    expect(result.ok && result.scenario.labs.map((l) => l.policy.use)).toEqual([
      'strict',
      'strict',
      'strict',
      'strict',
    ]);
    expect(result.ok && result.scenario.levels[0]?.thresholds).toEqual({ cbrn: 0.3 });
  });

  it('names an unknown policy where it is used, with the choices', () => {
    const result = validateScenarioValue(
      file((v) => {
        (v.labs as { policy: Record<string, unknown> }[])[2]!.policy.use = 'rsp-v9';
        v.defaultPolicy = 'nope';
      }),
    );
    expect(issueAt(result, 'labs[2].policy.use').message).toBe(
      'there is no policy "rsp-v9" in this scenario — expected one of "scenario-policy", "strict"',
    );
    expect(issueAt(result, 'defaultPolicy').message).toMatch(/no policy "nope"/);
  });

  it('checks each ladder where it is, and policy ids are unique', () => {
    const result = validateScenarioValue(
      file((v) => {
        const policies = v.policies as PolicySpec[];
        const levels = policies[0]!.levels;
        levels[1] = { ...levels[1]!, thresholds: { cbrn: 0.5, autonomy: 0.8 } };
        policies[1] = { ...policies[1]!, id: 'scenario-policy' };
      }),
    );
    expect(issueAt(result, 'policies[0].levels[1].thresholds.cbrn').message).toMatch(
      /out of order/,
    );
    expect(issueAt(result, 'policies[1].id').message).toMatch(/duplicate policy id/);
  });

  it("reads a top-level ladder beside policies as the default policy's, with a note", () => {
    const result = validateScenarioValue(
      file((v) => {
        v.levels = [{ ...testScenario().levels[0], id: 'l3' }];
        (v.evaluation as Record<string, unknown>).cadence = 3;
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.notes).toEqual([expect.stringMatching(/replace those of the default policy/)]);
    expect(result.scenario.policies[0]?.levels.map((l) => l.id)).toEqual(['l3']);
    expect(result.scenario.policies[0]?.evaluation.cadence).toBe(3);
    expect(result.scenario.levels).toBe(result.scenario.policies[0]?.levels);
    // and such a ladder is checked where it is
    const bad = validateScenarioValue(
      file((v) => (v.levels = [{ ...testScenario().levels[0], id: 'l3', thresholds: {} }])),
    );
    expect(issueAt(bad, 'levels[0].thresholds').message).toMatch(/no thresholds/);
  });

  it('says what is missing when a file has neither policies nor levels', () => {
    const result = validateScenarioValue(file((v) => delete v.policies));
    expect(issueAt(result, 'policies').message).toMatch(
      /^missing — expected a list of 1 to 14 policies/,
    );
  });

  it('names a bad rule value and its choices', () => {
    const result = validateScenarioValue(
      file((v) => ((v.policies as Record<string, unknown>[])[1]!.whenShort = 'stop')),
    );
    expect(issueAt(result, 'policies[1].whenShort').message).toBe(
      'expected one of: "pause", "restrict", "delayIfAhead", got "stop"',
    );
  });
});

export { file as policyFile };
