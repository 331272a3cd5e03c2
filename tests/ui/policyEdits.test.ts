// The editor's pure parts: edits, templates, the game under an own policy, and the kept draft.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labPolicy } from '../../src/engine/policies';
import { checkPolicy } from '../../src/engine/scenario/policyFile';
import { validateScenarioValue } from '../../src/engine/scenario/validate';
import {
  POLICY_DRAFT_KEY,
  UNREADABLE_DRAFT_KEY,
  readPolicyDraft,
  writePolicyDraft,
} from '../../src/lib/policyDraft';
import { fieldName } from '../../src/ui/policy/fieldNames';
import {
  addLevel,
  blankPolicy,
  fieldValue,
  moveLevel,
  removeLevel,
  setThreshold,
} from '../../src/ui/policy/policyEdits';
import { policyTemplates, soloSetupUnder } from '../../src/ui/policy/policyTemplates';
import { shippedScenarios } from '../support/shippedScenarios';
import { MemoryStorage } from './helpers';

const pairs = shippedScenarios.flatMap((scenario) =>
  scenario.policies.map((policy) => ({ scenario, policy })),
);

describe('policy edits', () => {
  it('reads typed numbers, empty fields and text that is no number', () => {
    expect(fieldValue(' 0.5 ')).toBe(0.5);
    expect(fieldValue('')).toBeUndefined();
    expect(fieldValue('high')).toBe('high');
    expect(fieldValue('Infinity')).toBe('Infinity');
  });

  it('adds a level that keeps any shipped ladder valid; removing it gives the ladder back', () => {
    for (const { scenario, policy } of pairs) {
      const added = addLevel(policy, scenario);
      expect(added.levels).toHaveLength(policy.levels.length + 1);
      const top = policy.levels.at(-1)?.thresholds ?? {};
      // Only ladders whose top thresholds have room above them stay in order.
      if (Object.values(top).every((v) => (v as number) < 0.99)) {
        expect(checkPolicy(added, scenario).ok, `${scenario.id}/${policy.id}`).toBe(true);
      }
      expect(removeLevel(added, policy.levels.length)).toEqual(policy);
    }
  });

  it('moving a level and moving it back is no change; moves past an end do nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.nat(9), ({ policy }, index) => {
        const by = index + 1 < policy.levels.length ? 1 : -1;
        const moved = moveLevel(policy, index % policy.levels.length, by);
        const at = (index % policy.levels.length) + by;
        expect(moveLevel(moved, at, by === 1 ? -1 : 1)).toEqual(policy);
        expect(moveLevel(policy, 0, -1)).toBe(policy);
        expect(moveLevel(policy, policy.levels.length - 1, 1)).toBe(policy);
      }),
    );
  });

  it('an empty threshold means no threshold in that domain', () => {
    const { scenario, policy } = pairs[0] as (typeof pairs)[number];
    const domain = Object.keys(policy.levels[0]?.thresholds ?? {})[0] as 'cbrn';
    const cleared = setThreshold(policy, 0, domain, undefined);
    expect(domain in (cleared.levels[0]?.thresholds ?? {})).toBe(false);
    expect(policy.levels[0]?.thresholds[domain]).toBeDefined();
    void scenario;
  });

  it('a blank policy is valid in every shipped scenario', () => {
    for (const scenario of shippedScenarios) {
      expect(checkPolicy(blankPolicy(scenario, '2026-12-07'), scenario).ok).toBe(true);
    }
  });

  it('names a problem in the form’s words', () => {
    const { scenario, policy } = pairs[0] as (typeof pairs)[number];
    const domain = scenario.domains[0];
    expect(fieldName(`levels[0].thresholds.${domain?.id}`, policy, scenario)).toBe(
      `Level 1 “${policy.levels[0]?.name}” · Thresholds · ${domain?.name}`,
    );
    expect(fieldName('evaluation.cadence', policy, scenario)).toBe(
      'Evaluations · Quarters between evaluations',
    );
  });
});

describe('templates and play', () => {
  it('lists each shipped policy once unless its text differs', () => {
    const templates = policyTemplates(shippedScenarios);
    const keys = templates.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const { policy } of pairs) {
      expect(templates.some((t) => t.policy.id === policy.id)).toBe(true);
    }
    for (const t of templates) {
      const scenario = shippedScenarios.find((s) => s.id === t.scenarioId);
      expect(scenario && checkPolicy(t.policy, scenario).ok).toBe(true);
    }
  });

  it('puts the player, and only the player, under the own policy, in a valid scenario', () => {
    for (const { scenario, policy } of pairs) {
      const own = { ...policy, name: 'Own' };
      const setup = soloSetupUnder(scenario, own, 7);
      expect(validateScenarioValue(setup.scenario).ok, scenario.id).toBe(true);
      for (const lab of setup.scenario.labs) {
        const played = labPolicy(setup.scenario, lab.id).policy;
        if (lab.id === setup.humans[0]) expect(played.name).toBe('Own');
        else expect(played).toEqual(labPolicy(scenario, lab.id).policy);
      }
    }
  });
});

describe('the kept draft', () => {
  it('reads back what was written, with at most 20 undo steps', () => {
    const storage = new MemoryStorage();
    const { scenario, policy } = pairs[0] as (typeof pairs)[number];
    const step = { scenarioId: scenario.id, policy };
    expect(writePolicyDraft(storage, { ...step, undo: Array(30).fill(step) })).toBe(true);
    const read = readPolicyDraft(storage);
    expect(read.status).toBe('ok');
    expect(read.status === 'ok' && read.draft.undo).toHaveLength(20);
  });

  it('sets an unreadable draft aside instead of losing it', () => {
    const storage = new MemoryStorage();
    storage.setItem(POLICY_DRAFT_KEY, '{"policy": 3');
    const read = readPolicyDraft(storage);
    expect(read.status).toBe('unreadable');
    expect(storage.getItem(UNREADABLE_DRAFT_KEY)).toBe('{"policy": 3');
    expect(readPolicyDraft(null)).toEqual({ status: 'none' });
  });
});
