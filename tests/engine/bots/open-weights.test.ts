import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openWeights } from '../../../src/engine/bots/open-weights';
import { arbitraryView, makeView } from './lab-view-factory';

describe('open-weights', () => {
  it('always releases in full', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        expect(openWeights(view).posture).toBe('deploy');
      }),
    );
  });

  it('spends little on security, even when security is the track furthest behind', () => {
    const view = makeView({
      self: { knownLevel: 'L3', safeguards: { security: 0, deployment: 0.8, alignment: 0.7 } },
    });
    const { budget } = openWeights(view);
    expect(budget.security).toBeCloseTo(0.03);
    expect(budget.security).toBeLessThan(budget.deployment);
    expect(budget.security).toBeLessThan(budget.alignment);
  });

  it('still spends on evals and on deployment mitigations and alignment', () => {
    const { budget } = openWeights(makeView());
    expect(budget.evals).toBeCloseTo(0.15);
    expect(budget.deployment + budget.alignment).toBeCloseTo(0.27);
    expect(budget.alignment).toBeGreaterThan(0);
  });

  it('publishes its evals if it does not already', () => {
    expect(openWeights(makeView()).actions).toEqual([{ kind: 'publishEvals', publish: true }]);
    const publishing = makeView({
      self: { policy: { ...makeView().self.policy, publishesEvals: true } },
    });
    expect(openWeights(publishing).actions).toEqual([]);
  });

  it('never revises its policy or touches pause agreements', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        for (const action of openWeights(view).actions) {
          expect(action).toEqual({ kind: 'publishEvals', publish: true });
        }
      }),
    );
  });
});
