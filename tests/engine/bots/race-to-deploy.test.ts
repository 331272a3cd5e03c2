import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOTS } from '../../../src/engine/bots';
import { raceToDeploy } from '../../../src/engine/bots/race-to-deploy';
import { BOT_STRATEGY_IDS } from '../../../src/engine/types';
import type { PolicyAction } from '../../../src/engine/types';
import { arbitraryView, makeEval, makeView } from './lab-view-factory';

/** At L3 (cbrn threshold 0.55, autonomy 0.6), evals showing cbrn crossed, policy saying pause. */
function crossedAndPaused(boardPressure: number) {
  return makeView({
    self: {
      knownLevel: 'L3',
      allowedPosture: 'pause',
      boardPressure,
      lastEval: makeEval({ cbrn: 0.62, cyber: 0.4, autonomy: 0.3 }),
    },
  });
}

const revisions = (actions: PolicyAction[]) =>
  actions.filter((action) => action.kind === 'reviseThreshold');

describe('race-to-deploy', () => {
  it('always deploys', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        expect(raceToDeploy(view).posture).toBe('deploy');
      }),
    );
  });

  it('spends more on capabilities than any other strategy, and most of its budget', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const own = raceToDeploy(view).budget.capabilities;
        expect(own).toBeGreaterThanOrEqual(0.8 - 1e-9);
        for (const id of BOT_STRATEGY_IDS) {
          expect(own).toBeGreaterThanOrEqual(BOTS[id](view).budget.capabilities);
        }
      }),
    );
  });

  it('under high board pressure, quietly raises the crossed threshold above its eval result', () => {
    const actions = revisions(raceToDeploy(crossedAndPaused(0.8)).actions);
    expect(actions).toHaveLength(1);
    const [revision] = actions;
    expect(revision).toMatchObject({ levelId: 'L3', domain: 'cbrn', publicly: false });
    if (revision?.kind !== 'reviseThreshold') throw new Error('expected a revision');
    expect(revision.to).toBeGreaterThan(0.62);
    expect(revision.to).toBeLessThanOrEqual(1);
  });

  it('does not revise under ordinary board pressure', () => {
    expect(revisions(raceToDeploy(crossedAndPaused(0.5)).actions)).toEqual([]);
  });

  it('does not revise when its policy does not say pause', () => {
    const view = crossedAndPaused(0.9);
    const restricted = { ...view, self: { ...view.self, allowedPosture: 'restrict' as const } };
    expect(revisions(raceToDeploy(restricted).actions)).toEqual([]);
  });

  it('does not revise without eval results to point at', () => {
    const view = crossedAndPaused(0.9);
    expect(
      revisions(raceToDeploy({ ...view, self: { ...view.self, lastEval: null } }).actions),
    ).toEqual([]);
  });

  it('only ever loosens: a revised threshold is above the current one', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        for (const action of raceToDeploy(view).actions) {
          if (action.kind !== 'reviseThreshold') continue;
          const level = view.self.policy.levels.find((l) => l.id === action.levelId);
          expect(action.to).toBeGreaterThan(level?.thresholds[action.domain] ?? Infinity);
          expect(action.publicly).toBe(false);
        }
      }),
    );
  });

  it('never joins a pause agreement, and leaves one it is in', () => {
    const outside = raceToDeploy(makeView()).actions.map((action) => action.kind);
    expect(outside).not.toContain('joinPauseAgreement');
    const member = makeView({
      self: { policy: { ...makeView().self.policy, inPauseAgreement: true } },
    });
    expect(raceToDeploy(member).actions).toContainEqual({ kind: 'leavePauseAgreement' });
  });
});
