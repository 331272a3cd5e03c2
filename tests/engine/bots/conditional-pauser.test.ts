import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postureRank } from '../../../src/engine/bots/building-blocks';
import { conditionalPauser } from '../../../src/engine/bots/conditional-pauser';
import type { Posture } from '../../../src/engine/types';
import {
  arbitraryView,
  makeEval,
  makeIncident,
  makeRival,
  makeView,
  triggeredMember,
} from './lab-view-factory';

const rivals = [
  makeRival({ id: 'a', marketShare: 0.3 }),
  makeRival({ id: 'b', marketShare: 0.25 }),
];

function situation(options: { share: number; agreement: boolean; allowed: Posture }) {
  return makeView({
    rivals,
    pauseAgreementActive: options.agreement,
    self: { marketShare: options.share, allowedPosture: options.allowed },
  });
}

describe('conditional-pauser', () => {
  it('pauses when ahead and its policy says pause', () => {
    expect(
      conditionalPauser(situation({ share: 0.45, agreement: false, allowed: 'pause' })).posture,
    ).toBe('pause');
  });

  it('counts a tie for the lead as ahead', () => {
    expect(
      conditionalPauser(situation({ share: 0.3, agreement: false, allowed: 'pause' })).posture,
    ).toBe('pause');
  });

  it('pauses when behind if the pause agreement is in force', () => {
    expect(
      conditionalPauser(situation({ share: 0.1, agreement: true, allowed: 'pause' })).posture,
    ).toBe('pause');
  });

  it('will not pause when behind and no agreement is in force: it restricts instead', () => {
    expect(
      conditionalPauser(situation({ share: 0.1, agreement: false, allowed: 'pause' })).posture,
    ).toBe('restrict');
  });

  it('still keeps a restrict commitment when behind', () => {
    expect(
      conditionalPauser(situation({ share: 0.1, agreement: false, allowed: 'restrict' })).posture,
    ).toBe('restrict');
  });

  it('deploys when its policy allows it', () => {
    expect(
      conditionalPauser(situation({ share: 0.1, agreement: false, allowed: 'deploy' })).posture,
    ).toBe('deploy');
  });

  it('breaks a commitment only by skipping a pause, and only when behind without an agreement', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const { posture } = conditionalPauser(view);
        const allowed = view.self.allowedPosture;
        if (postureRank(posture) <= postureRank(allowed)) return;
        expect(allowed).toBe('pause');
        expect(posture).toBe('restrict');
        expect(view.pauseAgreementActive).toBe(false);
        expect(view.rivals.some((rival) => rival.marketShare > view.self.marketShare)).toBe(true);
      }),
    );
  });

  it('joins a pause agreement only when others already belong to it', () => {
    expect(conditionalPauser(makeView()).actions).toEqual([]);
    const others = makeView({ rivals: [makeRival({ inPauseAgreement: true })] });
    expect(conditionalPauser(others).actions).toEqual([{ kind: 'joinPauseAgreement' }]);
    const member = makeView({
      rivals: [makeRival({ inPauseAgreement: true })],
      self: { policy: { ...makeView().self.policy, inPauseAgreement: true } },
    });
    expect(conditionalPauser(member).actions).toEqual([]);
  });

  it('leaves the agreement after another member defects, and will not join a broken one', () => {
    const defector = makeRival({ inPauseAgreement: true, lastDefection: 7 });
    const member = makeView({
      round: 8,
      rivals: [defector],
      self: { policy: { ...makeView().self.policy, inPauseAgreement: true } },
    });
    expect(conditionalPauser(member).actions).toEqual([{ kind: 'leavePauseAgreement' }]);
    const outsider = makeView({ round: 8, rivals: [defector] });
    expect(conditionalPauser(outsider).actions).toEqual([]);
  });

  it('having left, it no longer pauses for the agreement', () => {
    const view = triggeredMember({
      round: 8,
      rivals: [makeRival({ inPauseAgreement: true, lastDefection: 8, marketShare: 0.9 })],
    });
    const decision = conditionalPauser(view);
    expect(decision.actions).toContainEqual({ kind: 'leavePauseAgreement' });
    expect(decision.posture).toBe('deploy');
  });

  it('always honours a triggered agreement while a member, however hard its board presses', () => {
    for (const boardPressure of [0, 0.9, 1]) {
      expect(conditionalPauser(triggeredMember({ self: { boardPressure } }))).toMatchObject({
        posture: 'pause',
        pauseFor: 'agreement',
      });
    }
  });

  it('moves capability spending to safeguards while paused', () => {
    const paused = conditionalPauser(situation({ share: 0.5, agreement: false, allowed: 'pause' }));
    const deploying = conditionalPauser(
      situation({ share: 0.5, agreement: false, allowed: 'deploy' }),
    );
    expect(paused.budget.capabilities).toBeCloseTo(0.15);
    expect(paused.budget.capabilities).toBeLessThan(deploying.budget.capabilities);
  });

  it('spends up to 50% on capabilities with no rival in sight and at least 15% on evals', () => {
    expect(conditionalPauser(makeView()).budget.capabilities).toBeCloseTo(0.5);
    fc.assert(
      fc.property(arbitraryView, (view) => {
        expect(conditionalPauser(view).budget.evals).toBeGreaterThanOrEqual(0.15 - 1e-9);
      }),
    );
  });

  it('builds for the next level within 0.05, and more after an incident', () => {
    const atL2 = (cbrn: number) =>
      makeView({
        self: {
          knownLevel: 'L2',
          safeguards: { security: 0.45, deployment: 0.55, alignment: 0.3 },
          lastEval: makeEval({ cbrn }),
        },
      });
    const total = (view: ReturnType<typeof makeView>) => {
      const { budget } = conditionalPauser(view);
      return budget.security + budget.deployment + budget.alignment;
    };
    expect(total(atL2(0.49))).toBeCloseTo(0.09);
    expect(total(atL2(0.5))).toBeGreaterThan(0.09);
    const shaken = { ...atL2(0.5), recentIncidents: [makeIncident({ lab: 'me' })] };
    expect(total(shaken)).toBeGreaterThan(total(atL2(0.5)));
  });

  it('publishes nothing, invites no audits and never revises its thresholds', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        for (const action of conditionalPauser(view).actions) {
          expect(['joinPauseAgreement', 'leavePauseAgreement']).toContain(action.kind);
        }
      }),
    );
  });
});
