import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openWeights } from '../../../src/engine/bots/open-weights';
import { arbitraryView, makeEval, makeRival, makeView, triggeredMember } from './lab-view-factory';

describe('open-weights', () => {
  it('always releases in full, even in a triggered pause agreement', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        expect(openWeights(view).posture).toBe('deploy');
      }),
    );
    expect(openWeights(triggeredMember()).posture).toBe('deploy');
  });

  it('never spends more than 3% on weight security, even after a theft', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        expect(openWeights(view).budget.security).toBeLessThanOrEqual(0.03 + 1e-9);
      }),
    );
  });

  it('spends little on security even when security is the track furthest behind', () => {
    const view = makeView({
      self: {
        knownLevel: 'L3',
        safeguards: { security: 0, deployment: 0.55, alignment: 0.25 },
        lastEval: makeEval({ cbrn: 0.6 }),
      },
    });
    const { budget } = openWeights(view);
    expect(budget.security).toBeCloseTo(0.03);
    expect(budget.security).toBeLessThan(budget.deployment);
    expect(budget.security).toBeLessThan(budget.alignment);
  });

  it('gives deployment mitigations and alignment what its evals say they need, within 30% in all', () => {
    const ready = openWeights(makeView()).budget;
    expect(ready.deployment).toBeCloseTo(0.03);
    expect(ready.alignment).toBeCloseTo(0.03);
    const short = openWeights(
      makeView({
        self: {
          knownLevel: 'L3',
          safeguards: { security: 0.5, deployment: 0.5, alignment: 0.2 },
          lastEval: makeEval({ cbrn: 0.6 }),
        },
      }),
    ).budget;
    expect(short.deployment).toBeGreaterThan(ready.deployment);
    expect(short.alignment).toBeGreaterThan(ready.alignment);
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const { budget } = openWeights(view);
        expect(budget.security + budget.deployment + budget.alignment).toBeLessThanOrEqual(
          0.3 + 1e-9,
        );
      }),
    );
  });

  it('puts up to 60% into capabilities with no rival in sight and at least 15% into evals', () => {
    expect(openWeights(makeView()).budget.capabilities).toBeCloseTo(0.6);
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const { budget } = openWeights(view);
        expect(budget.evals).toBeGreaterThanOrEqual(0.15 - 1e-9);
        const blind = {
          ...view,
          totalRounds: view.round + 10,
          rivals: view.rivals.map((r) => ({ ...r, publishedEval: null, announcedLevel: null })),
        };
        expect(openWeights(blind).budget.capabilities).toBeLessThanOrEqual(0.6 + 1e-9);
      }),
    );
  });

  it('publishes its evals if it does not already', () => {
    expect(openWeights(makeView()).actions).toEqual([{ kind: 'publishEvals', publish: true }]);
    const publishing = makeView({
      self: { policy: { ...makeView().self.policy, publishesEvals: true } },
    });
    expect(openWeights(publishing).actions).toEqual([]);
  });

  it('never revises its policy or touches pause agreements', () => {
    const others = makeView({ rivals: [makeRival({ inPauseAgreement: true })] });
    expect(openWeights(others).actions).toEqual([{ kind: 'publishEvals', publish: true }]);
    fc.assert(
      fc.property(arbitraryView, (view) => {
        for (const action of openWeights(view).actions) {
          expect(action).toEqual({ kind: 'publishEvals', publish: true });
        }
      }),
    );
  });
});
