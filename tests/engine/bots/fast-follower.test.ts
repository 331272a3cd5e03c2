import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postureRank } from '../../../src/engine/bots/building-blocks';
import { fastFollower } from '../../../src/engine/bots/fast-follower';
import {
  arbitraryView,
  makeEval,
  makeIncident,
  makeRival,
  makeView,
  triggeredMember,
} from './lab-view-factory';

const noneDeployed = [makeRival({ id: 'a' }), makeRival({ id: 'b' })];
const oneRestricted = [makeRival({ id: 'a', deployment: 'restricted' }), makeRival({ id: 'b' })];
const oneFull = [makeRival({ id: 'a', deployment: 'full' }), makeRival({ id: 'b' })];

describe('fast-follower', () => {
  it('restricts while no rival has deployed, even when its policy allows full deployment', () => {
    const view = makeView({ rivals: noneDeployed, self: { allowedPosture: 'deploy' } });
    expect(fastFollower(view).posture).toBe('restrict');
  });

  it('restricts with no rivals at all', () => {
    expect(fastFollower(makeView({ rivals: [] })).posture).toBe('restrict');
  });

  it('deploys once a rival has deployed, restricted or fully', () => {
    for (const rivals of [oneRestricted, oneFull]) {
      expect(fastFollower(makeView({ rivals, self: { allowedPosture: 'deploy' } })).posture).toBe(
        'deploy',
      );
    }
  });

  it('keeps its commitment when board pressure is moderate', () => {
    const paused = makeView({
      rivals: oneFull,
      self: { allowedPosture: 'pause', boardPressure: 0.6 },
    });
    expect(fastFollower(paused).posture).toBe('pause');
    const restricted = makeView({
      rivals: oneFull,
      self: { allowedPosture: 'restrict', boardPressure: 0.5 },
    });
    expect(fastFollower(restricted).posture).toBe('restrict');
  });

  it('deploys anyway under high board pressure once a rival is fully deployed', () => {
    const view = makeView({
      rivals: oneFull,
      self: { allowedPosture: 'pause', boardPressure: 0.61 },
    });
    expect(fastFollower(view).posture).toBe('deploy');
  });

  it('keeps its commitment under high pressure if rivals have only restricted', () => {
    const view = makeView({
      rivals: oneRestricted,
      self: { allowedPosture: 'pause', boardPressure: 0.9 },
    });
    expect(fastFollower(view).posture).toBe('pause');
  });

  it('never exceeds its commitment unless the board forces a catch-up', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const forced =
          view.self.boardPressure > 0.6 && view.rivals.some((rival) => rival.deployment === 'full');
        if (forced) return;
        expect(postureRank(fastFollower(view).posture)).toBeLessThanOrEqual(
          postureRank(view.self.allowedPosture),
        );
      }),
    );
  });

  it('spends up to 55% on capabilities with no rival in sight, and at least 10% on evals', () => {
    const { budget } = fastFollower(makeView());
    expect(budget.capabilities).toBeCloseTo(0.55);
    expect(budget.security + budget.deployment + budget.alignment).toBeCloseTo(0.09);
    fc.assert(
      fc.property(arbitraryView, (view) => {
        expect(fastFollower(view).budget.evals).toBeGreaterThanOrEqual(0.1 - 1e-9);
      }),
    );
  });

  it('wants more capabilities when it sees a rival level or ahead, and near the end', () => {
    const base = fastFollower(makeView()).budget.capabilities;
    const seen = makeView({ rivals: [makeRival({ announcedLevel: 'L3' })] });
    expect(fastFollower(seen).budget.capabilities).toBeGreaterThan(base);
    const late = makeView({ round: 20, totalRounds: 20 });
    expect(fastFollower(late).budget.capabilities).toBeGreaterThan(base);
  });

  it('builds for the next level once its evals come within 0.04, not before', () => {
    const atL2 = (cbrn: number) =>
      makeView({
        self: {
          knownLevel: 'L2',
          safeguards: { security: 0.45, deployment: 0.55, alignment: 0.3 },
          lastEval: makeEval({ cbrn }),
        },
      });
    // L3 (cbrn 0.55) needs security 0.5 and deployment 0.6: 0.05 short on each.
    const far = fastFollower(atL2(0.5)).budget;
    const near = fastFollower(atL2(0.52)).budget;
    expect(far.deployment).toBeCloseTo(0.03);
    expect(near.deployment).toBeGreaterThan(far.deployment);
    expect(near.security).toBeGreaterThan(far.security);
  });

  it('spends more on safeguards after an incident, and less in a close race', () => {
    const view = makeView({
      self: { knownLevel: 'L3', safeguards: { security: 0.75, deployment: 0.75, alignment: 0.65 } },
    });
    const total = (v: typeof view) => {
      const { budget } = fastFollower(v);
      return budget.security + budget.deployment + budget.alignment;
    };
    expect(total({ ...view, recentIncidents: [makeIncident({ lab: 'r1' })] })).toBeGreaterThan(
      total(view),
    );
    expect(total({ ...view, rivals: [makeRival({ announcedLevel: 'L4' })] })).toBeLessThan(
      total(view),
    );
  });

  it('publishes nothing, invites no audits and never revises its thresholds', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        for (const action of fastFollower(view).actions) {
          expect(['joinPauseAgreement', 'leavePauseAgreement']).toContain(action.kind);
        }
      }),
    );
  });

  it('joins a pause agreement others belong to, and leaves it after a member defects', () => {
    expect(fastFollower(makeView()).actions).toEqual([]);
    const others = makeView({ rivals: [makeRival({ inPauseAgreement: true })] });
    expect(fastFollower(others).actions).toEqual([{ kind: 'joinPauseAgreement' }]);
    const member = makeView({
      round: 6,
      rivals: [makeRival({ inPauseAgreement: true, lastDefection: 5 })],
      self: { policy: { ...makeView().self.policy, inPauseAgreement: true } },
    });
    expect(fastFollower(member).actions).toEqual([{ kind: 'leavePauseAgreement' }]);
  });

  it('honours a triggered agreement unless its board presses hard', () => {
    const calm = fastFollower(triggeredMember({ rivals: oneFull, self: { boardPressure: 0.6 } }));
    expect(calm).toMatchObject({ posture: 'pause', pauseFor: 'agreement' });
    const pressed = fastFollower(
      triggeredMember({ rivals: oneFull, self: { boardPressure: 0.61 } }),
    );
    expect(pressed.posture).toBe('deploy');
    expect(pressed.pauseFor).toBeUndefined();
  });
});
