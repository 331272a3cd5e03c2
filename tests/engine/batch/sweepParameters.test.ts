import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SWEEP_PARAMETERS,
  applySettings,
  checkValue,
  labsForShare,
  sweepParameter,
  sweepValues,
  withLabCount,
} from '../../../src/engine/batch/sweepParameters';
import { PARAMETER_DOCS, resolveDynamics } from '../../../src/engine/parameters';
import { validateScenarioValue } from '../../../src/engine/scenario/validate';
import type { Scenario } from '../../../src/engine/types';
import { loadScenarioFile } from '../../../src/cli/commands/scenarioFile';
import { testScenario } from '../fixtures';

/** The test ladder, made complete enough to pass the validator. */
const base = testScenario();
const fixture: Scenario = testScenario({
  sources: [{ element: 'Test', title: 'Test', url: 'https://example.org', version: '1' }],
  simplifications: ['Invented for tests.'],
  domains: base.domains.map((d) => ({ ...d, description: `${d.name} capability.` })),
  levels: base.levels.map((l) => ({ ...l, id: l.id.toLowerCase() })),
  events: [
    {
      round: 3,
      headline: 'Leak',
      body: 'Weights stolen.',
      effect: { kind: 'weightsStolen', lab: 'open' },
    },
    {
      round: 5,
      headline: 'Funding',
      body: 'Everyone gets money.',
      effect: { kind: 'budget', lab: 'all', delta: 10 },
    },
    { round: 18, headline: 'Audit', body: 'An audit.', effect: { kind: 'audit', lab: 'player' } },
  ],
});

const shipped: Scenario[] = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .map((f) => loadScenarioFile(`scenarios/${f}`));

const scenarios = [fixture, ...shipped];

function expectValid(s: Scenario): void {
  const r = validateScenarioValue(s);
  expect(r.ok ? [] : r.errors).toEqual([]);
}

describe('the sweep parameter registry', () => {
  it('has every issue knob and every DynamicsParams key, with unique ids', () => {
    const ids = SWEEP_PARAMETERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'labs',
      'competitivePressure',
      'evalSensitivity',
      'evalCadence',
      'elicitationGap',
      'safeguardCost',
      'bindingShare',
      'pauseMembership',
      'information',
      'regulationLag',
    ]) {
      expect(ids).toContain(id);
    }
    for (const key of Object.keys(PARAMETER_DOCS)) expect(ids).toContain(key);
  });

  it('the fixture and the shipped scenarios are valid to begin with', () => {
    expect(shipped.length).toBeGreaterThan(0);
    for (const s of scenarios) expectValid(s);
  });

  it.each(SWEEP_PARAMETERS.map((p) => [p.id, p] as const))(
    '%s: apply at min, default and max keeps every scenario valid and reads back',
    (_id, param) => {
      for (const s of scenarios) {
        const def = param.default(s);
        const mid = param.integer
          ? Math.round((param.min + param.max) / 2)
          : (param.min + param.max) / 2;
        for (const value of [param.min, mid, param.max]) {
          const changed = param.apply(s, value);
          expectValid(changed);
          expect(param.default(changed)).toBeCloseTo(
            param.id === 'bindingShare' || param.id === 'pauseMembership'
              ? labsForShare(value, s.labs.length) / s.labs.length
              : value,
            9,
          );
        }
        // apply returns a copy: the original is untouched.
        expect(param.default(s)).toBe(def);
      }
    },
  );

  it('number of labs sets labs.length, keeps the player and drops events about removed labs', () => {
    for (let n = 1; n <= 8; n++) {
      const s = withLabCount(fixture, n);
      expect(s.labs).toHaveLength(n);
      expect(s.labs.filter((l) => l.role === 'player')).toHaveLength(1);
      expect(new Set(s.labs.map((l) => l.id)).size).toBe(n);
    }
    const two = withLabCount(fixture, 2);
    expect(two.labs.map((l) => l.id)).toEqual(['player', 'fast']);
    expect(two.events.map((e) => e.headline)).toEqual(['Funding', 'Audit']);
    const six = withLabCount(fixture, 6);
    expect(six.labs.slice(4).map((l) => [l.id, l.strategy, l.role])).toEqual([
      ['open-2', 'open-weights', 'rival'],
      ['open-3', 'open-weights', 'rival'],
    ]);
    expect(six.labs[4]?.name).toBe('Open Lab 2');
    expect(fixture.labs).toHaveLength(4);
  });

  it('shares of binding / pause-agreement labs mark the first k labs', () => {
    const s = sweepParameter('bindingShare')!.apply(fixture, 0.5);
    expect(s.labs.map((l) => l.policy.binding)).toEqual([true, true, false, false]);
    const p = sweepParameter('pauseMembership')!.apply(fixture, 0.75);
    expect(p.labs.map((l) => l.policy.inPauseAgreement)).toEqual([true, true, true, false]);
    expect(labsForShare(0.5, 3)).toBe(2);
    expect(labsForShare(0.1, 10)).toBe(1);
    expect(labsForShare(1 / 3, 3)).toBe(1);
  });

  it('eval, information, safeguard-cost and regulation knobs change what they say', () => {
    const get = (id: string) => sweepParameter(id)!;
    expect(get('evalSensitivity').apply(fixture, 0.9).evaluation.baseSensitivity).toBe(0.9);
    expect(get('evalCadence').apply(fixture, 3).evaluation.cadence).toBe(3);
    expect(get('elicitationGap').apply(fixture, 0.2).evaluation.elicitationGap).toBe(0.2);
    expect(get('information').apply(fixture, 0).information).toBe('none');
    expect(get('information').apply(fixture, 2).information).toBe('published');
    expect(get('information').format(1)).toBe('announcements');
    expect(resolveDynamics(get('safeguardCost').apply(fixture, 2).dynamics).safeguardRate).toBe(
      0.5,
    );
    expect(get('safeguardCost').default(fixture)).toBe(1);
    expect(resolveDynamics(get('regulationLag').apply(fixture, 6).dynamics).regulationLag).toBe(6);
    expect(get('competitivePressure').apply(fixture, 3).dynamics.competitivePressure).toBe(3);
    expect(
      get('rounds')
        .apply(fixture, 12)
        .events.map((e) => e.round),
    ).toEqual([3, 5]);
  });

  it('applySettings sets the number of labs before the shares, whatever the order given', () => {
    const s = applySettings(fixture, [
      { id: 'bindingShare', value: 1 },
      { id: 'labs', value: 6 },
    ]);
    expect(s.labs).toHaveLength(6);
    expect(s.labs.every((l) => l.policy.binding)).toBe(true);
    expect(() => applySettings(fixture, [{ id: 'nope', value: 1 }])).toThrow(/Unknown/);
  });

  it('checkValue rejects values out of range and fractions of whole-number knobs', () => {
    const labs = sweepParameter('labs')!;
    expect(checkValue(labs, 4)).toBeNull();
    expect(checkValue(labs, 2.5)).toMatch(/whole number/);
    expect(checkValue(labs, 9)).toMatch(/from 1 to 8/);
    expect(checkValue(sweepParameter('evalSensitivity')!, 1.2)).toMatch(/from 0 to 1/);
    expect(checkValue(labs, Number.NaN)).toMatch(/number/);
  });

  it('sweepValues spaces values evenly, rounding whole-number knobs and dropping repeats', () => {
    expect(sweepValues(sweepParameter('evalSensitivity')!, 0.2, 1, 5)).toEqual([
      0.2, 0.4, 0.6, 0.8, 1,
    ]);
    expect(sweepValues(sweepParameter('labs')!, 2, 4, 5)).toEqual([2, 3, 4]);
    expect(sweepValues(sweepParameter('labs')!, 2, 6, 1)).toEqual([2]);
    expect(sweepValues(sweepParameter('evalSensitivity')!, 0, 1, 3)).toEqual([0, 0.5, 1]);
  });
});
