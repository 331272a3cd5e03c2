import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nextLabStatus,
  walkLabStatus,
  type LabSituation,
} from '../../../src/engine/machines/labStatusTable';
import { LAB_STATUSES, POSTURES, type LabStatus } from '../../../src/engine/types';

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
const live = fc.constantFrom(...statuses.filter((s) => s !== 'halted'));

describe('lab status table', () => {
  it('answers, for every status and situation, what walking its branches in order gives', () => {
    let checked = 0;
    for (const status of statuses)
      for (const halted of [false, true])
        for (const inIncidentResponse of [false, true])
          for (const training of ['scaling', 'paused'] as const)
            for (const deployment of ['none', 'restricted', 'full'] as const)
              for (const allowedPosture of POSTURES) {
                const s = { halted, inIncidentResponse, training, deployment, allowedPosture };
                expect(nextLabStatus(status, s)).toBe(walkLabStatus(status, s));
                checked++;
              }
    expect(checked).toBe(statuses.length * 72);
    // A value outside the lists it was worked out for is walked at the time.
    const odd = { ...normal, deployment: 'everywhere' } as unknown as LabSituation;
    expect(nextLabStatus('deployed', odd)).toBe(walkLabStatus('deployed', odd));
    expect(nextLabStatus('deployed', { ...normal, training: 'paused' })).toBe('paused');
  });

  it('names a pause forced by missing safeguards apart from a chosen one', () => {
    expect(
      nextLabStatus('scaling', { ...normal, training: 'paused', allowedPosture: 'pause' }),
    ).toBe('pausedAwaitingSafeguards');
    expect(nextLabStatus('scaling', { ...normal, training: 'paused' })).toBe('paused');
  });
  it('reports deployment breadth when scaling normally', () => {
    expect(nextLabStatus('scaling', { ...normal, deployment: 'full' })).toBe('deployed');
    expect(nextLabStatus('scaling', { ...normal, deployment: 'restricted' })).toBe('restricted');
    expect(nextLabStatus('deployed', normal)).toBe('scaling');
  });
  // The order of precedence, stated as properties over every status and situation.
  it('a halt is final, and a regulator’s halt beats everything', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), situation, (status, s) => {
        if (status === 'halted' || s.halted) expect(nextLabStatus(status, s)).toBe('halted');
      }),
    );
  });
  it('an incident beats a pause and any deployment', () => {
    fc.assert(
      fc.property(live, situation, (status, s) => {
        if (!s.halted && s.inIncidentResponse) expect(nextLabStatus(status, s)).toBe('incident');
      }),
    );
  });
  it('a paused lab is paused whatever it deploys; otherwise its deployment names it', () => {
    fc.assert(
      fc.property(live, situation, (status, s) => {
        if (s.halted || s.inIncidentResponse) return;
        const next = nextLabStatus(status, s);
        if (s.training === 'paused') {
          expect(next).toBe(s.allowedPosture === 'pause' ? 'pausedAwaitingSafeguards' : 'paused');
        } else {
          const byDeployment = { full: 'deployed', restricted: 'restricted', none: 'scaling' };
          expect(next).toBe(byDeployment[s.deployment]);
        }
      }),
    );
  });
  it('depends on the situation only, not on the status it leaves (halted aside)', () => {
    fc.assert(
      fc.property(live, live, situation, (a, b, s) => {
        expect(nextLabStatus(a, s)).toBe(nextLabStatus(b, s));
      }),
    );
  });
});
