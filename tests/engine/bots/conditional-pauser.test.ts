import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postureRank } from '../../../src/engine/bots/building-blocks';
import { conditionalPauser } from '../../../src/engine/bots/conditional-pauser';
import type { Posture } from '../../../src/engine/types';
import { arbitraryView, makeRival, makeView } from './lab-view-factory';

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

  it('joins the pause agreement if it is not a member', () => {
    expect(conditionalPauser(makeView()).actions).toEqual([{ kind: 'joinPauseAgreement' }]);
    const member = makeView({
      self: { policy: { ...makeView().self.policy, inPauseAgreement: true } },
    });
    expect(conditionalPauser(member).actions).toEqual([]);
  });

  it('moves capability spending to safeguards while paused', () => {
    const paused = conditionalPauser(situation({ share: 0.5, agreement: false, allowed: 'pause' }));
    const deploying = conditionalPauser(
      situation({ share: 0.5, agreement: false, allowed: 'deploy' }),
    );
    expect(paused.budget.capabilities).toBeLessThan(deploying.budget.capabilities);
  });
});
