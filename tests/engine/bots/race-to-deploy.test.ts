import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOTS } from '../../../src/engine/bots';
import { raceToDeploy } from '../../../src/engine/bots/race-to-deploy';
import { BOT_STRATEGY_IDS } from '../../../src/engine/types';
import type { PolicyAction } from '../../../src/engine/types';
import { arbitraryView, makeEval, makeRival, makeView, triggeredMember } from './lab-view-factory';

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
  it('deploys fully whatever its own policy allows', () => {
    for (const allowedPosture of ['pause', 'restrict', 'deploy'] as const) {
      expect(raceToDeploy(makeView({ self: { allowedPosture } })).posture).toBe('deploy');
    }
  });

  it('deploys unless it is in a triggered agreement and its board does not press hard', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const decision = raceToDeploy(view);
        const bound =
          view.self.policy.inPauseAgreement &&
          view.pauseAgreementTriggered &&
          view.self.boardPressure <= 0.6;
        if (bound) expect(decision).toMatchObject({ posture: 'pause', pauseFor: 'agreement' });
        else expect(decision.posture).toBe('deploy');
      }),
    );
  });

  it('puts at least 75% into capabilities, 5% or more into evals, at most 20% into safeguards', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const { posture, budget } = raceToDeploy(view);
        if (posture === 'pause') return;
        expect(budget.capabilities).toBeGreaterThanOrEqual(0.75 - 1e-9);
        expect(budget.evals).toBeGreaterThanOrEqual(0.05 - 1e-9);
        expect(budget.security + budget.deployment + budget.alignment).toBeLessThanOrEqual(
          0.2 + 1e-9,
        );
      }),
    );
  });

  it('spends more on capabilities than any other strategy, when it deploys', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const own = raceToDeploy(view);
        if (own.posture === 'pause') return;
        for (const id of BOT_STRATEGY_IDS) {
          expect(own.budget.capabilities).toBeGreaterThanOrEqual(
            BOTS[id](view).budget.capabilities - 1e-9,
          );
        }
      }),
    );
  });

  it('wants still more in a close race and near the end', () => {
    const base = raceToDeploy(makeView()).budget.capabilities;
    expect(base).toBeCloseTo(0.8);
    const close = makeView({ rivals: [makeRival({ announcedLevel: 'L2' })] });
    expect(raceToDeploy(close).budget.capabilities).toBeGreaterThan(base);
    expect(raceToDeploy(makeView({ round: 20 })).budget.capabilities).toBeGreaterThan(base);
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

  it('also revises a threshold its evals came within 0.1 of, but not one further off', () => {
    const view = crossedAndPaused(0.8);
    const near = {
      ...view,
      self: { ...view.self, lastEval: makeEval({ cbrn: 0.5, autonomy: 0.45 }) },
    };
    expect(revisions(raceToDeploy(near).actions)).toEqual([
      { kind: 'reviseThreshold', levelId: 'L3', domain: 'cbrn', to: 0.65, publicly: false },
    ]);
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

  it('never joins a pause agreement, and never leaves one it is placed in', () => {
    const others = makeView({ rivals: [makeRival({ inPauseAgreement: true })] });
    expect(raceToDeploy(others).actions).toEqual([]);
    expect(raceToDeploy(triggeredMember()).actions).toEqual([]);
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const kinds = raceToDeploy(view).actions.map((action) => action.kind);
        expect(kinds).not.toContain('joinPauseAgreement');
        expect(kinds).not.toContain('leavePauseAgreement');
      }),
    );
  });

  it('honours a triggered agreement it is in, unless its board presses hard', () => {
    expect(raceToDeploy(triggeredMember({ self: { boardPressure: 0.6 } }))).toMatchObject({
      posture: 'pause',
      pauseFor: 'agreement',
    });
    expect(raceToDeploy(triggeredMember({ self: { boardPressure: 0.61 } })).posture).toBe('deploy');
  });
});
