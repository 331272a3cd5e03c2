import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nextLabStatus,
  nextLabStatusByInterpreter,
  type LabSituation,
} from '../../../src/engine/machines/labMachine';
import { LAB_STATUSES, type LabStatus } from '../../../src/engine/types';

const statuses: LabStatus[] = [...LAB_STATUSES];
const situation = fc.record<LabSituation>({
  halted: fc.boolean(),
  inIncidentResponse: fc.boolean(),
  training: fc.constantFrom('scaling', 'paused'),
  deployment: fc.constantFrom('none', 'restricted', 'full'),
  allowedPosture: fc.constantFrom('pause', 'restrict', 'deploy'),
});
const normal: LabSituation = {
  halted: false,
  inIncidentResponse: false,
  training: 'scaling',
  deployment: 'none',
  allowedPosture: 'deploy',
};

describe('lab machine', () => {
  it('names a pause forced by missing safeguards apart from a chosen one', () => {
    expect(
      nextLabStatus('scaling', { ...normal, training: 'paused', allowedPosture: 'pause' }),
    ).toBe('pausedAwaitingSafeguards');
    expect(nextLabStatus('scaling', { ...normal, training: 'paused' })).toBe('paused');
  });
  it('puts a regulator halt above everything, and never leaves it', () => {
    expect(nextLabStatus('deployed', { ...normal, halted: true, inIncidentResponse: true })).toBe(
      'halted',
    );
    expect(nextLabStatus('halted', normal)).toBe('halted');
  });
  it('reports deployment breadth when scaling normally', () => {
    expect(nextLabStatus('scaling', { ...normal, deployment: 'full' })).toBe('deployed');
    expect(nextLabStatus('scaling', { ...normal, deployment: 'restricted' })).toBe('restricted');
    expect(nextLabStatus('deployed', normal)).toBe('scaling');
  });
  it('fast path agrees with the XState interpreter for every status and situation', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), situation, (status, s) => {
        expect(nextLabStatus(status, s)).toBe(nextLabStatusByInterpreter(status, s));
      }),
      { numRuns: 500 },
    );
  });
});
