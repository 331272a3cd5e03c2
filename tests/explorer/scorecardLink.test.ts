import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/types';
import { encodeLink } from '../../src/explorer/linkCodec';
import {
  SCORECARD_PREFIX,
  checkScorecardSpec,
  makeScorecardLink,
  parseScorecardLink,
  sameAsOwnPolicy,
  scorecardChoices,
  scorecardLinkWith,
  type ScorecardSpec,
} from '../../src/explorer/scorecardLink';
import { policyFileText, readPolicyFile, shippedChoices } from '../../src/explorer/scorecardPolicy';
import { shippedScenarios } from '../support/shippedScenarios';

const scenario = (id: string): Scenario => {
  const s = shippedScenarios.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};
const v2v3 = scenario('rsp-v2-vs-v3');
const v3 = v2v3.policies.find((p) => p.id === 'rsp-v3-0')!;
const mine = { ...v3, id: 'mine', name: 'My policy', significantShortfall: 0.2 };
const spec: ScorecardSpec = {
  v: 1,
  scenario: 'rsp-v2-vs-v3',
  lab: 'aster',
  policies: [{ scenario: 'rsp-v2-vs-v3', id: 'rsp-v2-2' }, { policy: mine }],
  grid: { evalSensitivity: [0.3, 0.6], competitivePressure: [1, 2] },
  runs: 50,
  seed: 7,
};

describe('scorecard links', () => {
  it('round-trip exactly, a written policy embedded whole', () => {
    const parsed = parseScorecardLink(makeScorecardLink(spec), shippedScenarios);
    expect(parsed).toEqual({ ok: true, spec });
    expect(scorecardChoices(spec, shippedScenarios).map((c) => c.name)).toEqual(
      ['RSP v2.2', 'My policy (yours)'].map((n, i) => (i === 0 ? v2v3.policies[0]!.name : n)),
    );
  });

  it("the editor's policy unchanged from the lab's own has nothing to compare (its link is refused)", () => {
    const own = v2v3.policies.find((p) => p.id === 'rsp-v2-2')!;
    expect(sameAsOwnPolicy(v2v3, own)).toBe(true);
    expect(sameAsOwnPolicy(v2v3, mine)).toBe(false);
    expect(sameAsOwnPolicy(v2v3, { ...own, significantShortfall: 0.3 })).toBe(false);
    const parsed = parseScorecardLink(scorecardLinkWith('rsp-v2-vs-v3', own), shippedScenarios);
    expect(parsed.ok).toBe(false);
  });

  it("from the policy editor: the user's policy beside the lab's own, with defaults", () => {
    const parsed = parseScorecardLink(scorecardLinkWith('rsp-v2-vs-v3', mine), shippedScenarios);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.spec.lab).toBe('aster');
    expect(parsed.spec.policies).toEqual([
      { scenario: 'rsp-v2-vs-v3', id: 'rsp-v2-2' },
      { policy: mine },
    ]);
    expect(parsed.spec.runs).toBeGreaterThan(1);
  });

  it('a tampered link says what is wrong, naming the field', () => {
    const bad = (payload: unknown) => {
      const r = parseScorecardLink(encodeLink(SCORECARD_PREFIX, payload), shippedScenarios);
      return r.ok ? 'ok' : r.message;
    };
    const base = JSON.parse(JSON.stringify(spec)) as Omit<ScorecardSpec, 'policies'> & {
      policies: unknown[];
    };
    const broken = { ...mine, levels: [{ ...mine.levels[0]!, thresholds: { cbrn: 'high' } }] };
    expect(bad({ ...base, policies: [base.policies[0], { policy: broken }] })).toMatch(
      /^This scorecard link cannot be used: policy 2, policy\.levels\[0\]\.thresholds\.cbrn: /,
    );
    expect(bad({ ...base, lab: 'nobody' })).toMatch(/has no lab "nobody"; its labs: aster/);
    expect(bad({ ...base, policies: [base.policies[0]] })).toMatch(/2 to 6 policies/);
    expect(bad({ ...base, policies: [base.policies[0], base.policies[0]] })).toMatch(
      /same policy as an earlier one/,
    );
    expect(bad({ ...base, grid: { evalSensitivity: [2], competitivePressure: [1] } })).toMatch(
      /grid\.evalSensitivity: evalSensitivity must be from 0 to 1/,
    );
    expect(
      bad({
        ...base,
        runs: 5000,
        grid: { evalSensitivity: [0.1, 0.2, 0.3, 0.4], competitivePressure: [1, 2, 3, 4] },
      }),
    ).toMatch(/asks for 160,000 games; at most 100,000/);
    expect(
      parseScorecardLink(`${SCORECARD_PREFIX}${'A'.repeat(100_001)}`, shippedScenarios),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/longer than 100,000 characters/),
    });
  });
});

describe('policy files and the shipped policies on offer', () => {
  it('reads a policy file back, and names the field of a bad one', () => {
    expect(readPolicyFile(policyFileText(mine), 'mine.json', v2v3, 'aster')).toEqual({
      ok: true,
      policy: mine,
    });
    const wrong = JSON.stringify({
      format: 'threshold-policy',
      version: 1,
      policy: { ...mine, whenShort: 'shrug' },
    });
    const read = readPolicyFile(wrong, 'bad.json', v2v3, 'aster');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/^bad\.json cannot be used: policy\.whenShort/);
    const scenarioFile = readPolicyFile(JSON.stringify(v2v3), 's.json', v2v3, 'aster');
    expect(!scenarioFile.ok && scenarioFile.message).toMatch(/"format" must be "threshold-policy"/);
  });

  it("offers the scenario's own policies, then others' that validate in it", () => {
    const choices = shippedChoices(v2v3, shippedScenarios, 'aster');
    expect(choices.slice(0, v2v3.policies.length).map((c) => c.from)).toEqual(
      v2v3.policies.map(() => 'rsp-v2-vs-v3'),
    );
    for (const c of choices.slice(v2v3.policies.length)) {
      expect(c.name).toMatch(/\(from /);
      const checked = checkScorecardSpec(
        { ...spec, policies: [spec.policies[0], { scenario: c.from, id: c.policy.id }] },
        shippedScenarios,
      );
      expect(checked.ok).toBe(true);
    }
  });
});
