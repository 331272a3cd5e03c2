import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../src/cli/commands/scenarioFile';
import {
  applySettings,
  checkValue,
  labLevers,
  parseValue,
  settingProblem,
  sweepParameter,
  sweepValues,
} from '../../../src/engine/batch/sweepParameters';
import { validateScenarioValue } from '../../../src/engine/scenario/validate';

const rsp = loadScenarioFile('scenarios/anthropic-rsp.json');

describe('per-lab levers', () => {
  it('set one lab and leave the others as written', () => {
    const s = applySettings(rsp, [
      {
        id: 'strategy.aster',
        value: parseValue(sweepParameter('strategy.aster')!, 'race-to-deploy')!,
      },
      { id: 'pauseFrom.meridian', value: 5 },
      { id: 'binding.vantage', value: 1 },
      { id: 'inPauseAgreement.commonweal', value: 1 },
    ]);
    const byId = Object.fromEntries(s.labs.map((l) => [l.id, l]));
    expect(byId.aster?.strategy).toBe('race-to-deploy');
    expect(byId.meridian?.pauseFrom).toBe(5);
    expect(byId.vantage?.policy.binding).toBe(true);
    expect(byId.commonweal?.policy.inPauseAgreement).toBe(true);
    expect(byId.meridian?.strategy).toBe(rsp.labs.find((l) => l.id === 'meridian')?.strategy);
    expect(rsp.labs.find((l) => l.id === 'aster')?.strategy).not.toBe('race-to-deploy');
    const r = validateScenarioValue(s);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('pauseFrom 0 means never: the lab has no forced pause', () => {
    const paused = applySettings(rsp, [{ id: 'pauseFrom.aster', value: 4 }]);
    const never = applySettings(paused, [{ id: 'pauseFrom.aster', value: 0 }]);
    expect(never.labs.find((l) => l.id === 'aster')).not.toHaveProperty('pauseFrom');
    expect(sweepParameter('pauseFrom.aster')!.format(0)).toBe('never');
  });

  it('per-lab levers override the share of binding labs, whatever the order given', () => {
    const s = applySettings(rsp, [
      { id: 'binding.aster', value: 0 },
      { id: 'bindingShare', value: 1 },
    ]);
    expect(s.labs.map((l) => l.policy.binding)).toEqual([false, true, true, true]);
  });

  it('name their values and refuse names or numbers outside the list', () => {
    const strategy = sweepParameter('strategy.aster', rsp)!;
    expect(strategy.label).toMatch(/^Aster Labs \(safety-first\)/);
    expect(parseValue(strategy, 'fast-follower')).toBe(1);
    expect(parseValue(strategy, 'reckless')).toBeNull();
    expect(parseValue(strategy, '2')).toBeNull();
    expect(strategy.format(2)).toBe('race-to-deploy');
    expect(checkValue(strategy, 9)).toMatch(/strategy\.aster must be one of safety-first, /);
    const binding = sweepParameter('binding.aster')!;
    expect(parseValue(binding, 'true')).toBe(1);
    expect(parseValue(binding, 'yes')).toBeNull();
    expect(sweepValues(binding, 0, 1, 2).map((v) => binding.format(v))).toEqual(['false', 'true']);
  });

  it('an unknown lab is named with the labs the scenario has', () => {
    expect(settingProblem(rsp, 'pauseFrom.x')).toBe(
      'no lab "x" in anthropic-rsp; labs: aster, meridian, vantage, commonweal',
    );
    expect(settingProblem(rsp, 'pauseFrom.aster')).toBeNull();
    expect(() => applySettings(rsp, [{ id: 'binding.x', value: 1 }])).toThrow(/no lab "x"/);
  });

  it('every lab of a scenario gets each lever, named after the lab', () => {
    const levers = labLevers(rsp);
    expect(levers).toHaveLength(rsp.labs.length * 4);
    expect(levers.map((l) => l.label)).toContain(
      'Meridian Labs (fast-follower): pauses from quarter',
    );
  });

  it('share levers explain which labs they bind in the chosen scenario', () => {
    const text = sweepParameter('bindingShare')!.explain!(rsp);
    expect(text).toContain('0.25 = Aster Labs;');
    expect(text).toContain('0.5 = Aster Labs, Meridian Labs;');
  });
});
