import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postureRank } from '../../../src/engine/bots/building-blocks';
import { safetyFirst } from '../../../src/engine/bots/safety-first';
import { POSTURES } from '../../../src/engine/types';
import { arbitraryView, makeView } from './lab-view-factory';

describe('safety-first', () => {
  it('takes exactly the posture its commitment allows', () => {
    for (const allowedPosture of POSTURES) {
      expect(safetyFirst(makeView({ self: { allowedPosture } })).posture).toBe(allowedPosture);
    }
  });

  it('never chooses a posture more permissive than allowed, whatever the pressure', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const { posture } = safetyFirst(view);
        expect(postureRank(posture)).toBeLessThanOrEqual(postureRank(view.self.allowedPosture));
      }),
    );
  });

  it('puts most safeguard money into the track furthest behind the next level', () => {
    // At L3, heading for L4 (security 0.8, deployment 0.8, alignment 0.7).
    const view = makeView({
      self: { knownLevel: 'L3', safeguards: { security: 0.8, deployment: 0.2, alignment: 0.6 } },
    });
    const { budget } = safetyFirst(view);
    expect(budget.deployment).toBeGreaterThan(budget.alignment);
    expect(budget.alignment).toBeGreaterThan(budget.security);
  });

  it('invests at least half in safeguards and a fifth in evals', () => {
    const { budget } = safetyFirst(makeView());
    expect(budget.security + budget.deployment + budget.alignment).toBeGreaterThanOrEqual(
      0.5 - 1e-9,
    );
    expect(budget.evals).toBeCloseTo(0.2);
  });

  it('moves capability spending to safeguards while paused', () => {
    const scaling = safetyFirst(makeView({ self: { allowedPosture: 'deploy' } })).budget;
    const paused = safetyFirst(makeView({ self: { allowedPosture: 'pause' } })).budget;
    expect(paused.capabilities).toBeLessThan(scaling.capabilities);
    expect(paused.security).toBeGreaterThan(scaling.security);
  });

  it('publishes its evals and joins the pause agreement, once', () => {
    const outsider = safetyFirst(makeView()).actions;
    expect(outsider).toContainEqual({ kind: 'publishEvals', publish: true });
    expect(outsider).toContainEqual({ kind: 'joinPauseAgreement' });

    const member = makeView({
      self: {
        policy: { ...makeView().self.policy, publishesEvals: true, inPauseAgreement: true },
      },
    });
    expect(safetyFirst(member).actions).toEqual([]);
  });

  it('invites an audit every fourth round', () => {
    const audited = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12].filter((round) =>
      safetyFirst(makeView({ round })).actions.some((action) => action.kind === 'inviteAudit'),
    );
    expect(audited).toEqual([4, 8, 12]);
  });

  it('never revises its thresholds or leaves the agreement', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const kinds = safetyFirst(view).actions.map((action) => action.kind);
        expect(kinds).not.toContain('reviseThreshold');
        expect(kinds).not.toContain('leavePauseAgreement');
      }),
    );
  });
});
