import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postureRank } from '../../../src/engine/bots/building-blocks';
import { fastFollower } from '../../../src/engine/bots/fast-follower';
import { arbitraryView, makeRival, makeView } from './lab-view-factory';

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

  it('spends moderately: less on capabilities than a racer, more on safeguards than on evals', () => {
    const { budget } = fastFollower(makeView());
    expect(budget.capabilities).toBeCloseTo(0.4);
    expect(budget.evals).toBeCloseTo(0.1);
    expect(budget.security + budget.deployment + budget.alignment).toBeCloseTo(0.5);
  });

  it('takes no policy actions', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        expect(fastFollower(view).actions).toEqual([]);
      }),
    );
  });
});
