import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postureRank } from '../../../src/engine/bots/building-blocks';
import { conditionalDelayer } from '../../../src/engine/bots/conditional-delayer';
import { judgesAhead } from '../../../src/engine/bots/signals';
import type { LabView, Posture, RivalSignal } from '../../../src/engine/types';
import { arbitraryView, makeEval, makeRival, makeView, triggeredMember } from './lab-view-factory';

/**
 * At L3 (training needs security 0.5, alignment 0.3) with its policy saying `allowed`. By default
 * it leads the market (0.4 against 0.3) and no rival has announced anything.
 */
function atL3(
  options: {
    allowed?: Posture;
    security?: number;
    marketShare?: number;
    rival?: Partial<RivalSignal>;
  } = {},
): LabView {
  return makeView({
    rivals: [makeRival({ id: 'a', marketShare: 0.3, ...options.rival })],
    self: {
      knownLevel: 'L3',
      allowedPosture: options.allowed ?? 'pause',
      marketShare: options.marketShare ?? 0.4,
      safeguards: { security: options.security ?? 0.35, deployment: 0.6, alignment: 0.3 },
      lastEval: makeEval({ cbrn: 0.6 }),
    },
  });
}

describe('conditional-delayer', () => {
  it('delays (pauses) when ahead and the risk is significant', () => {
    expect(conditionalDelayer(atL3())).toMatchObject({ posture: 'pause', pauseFor: 'ownPolicy' });
  });

  it('trains on, restricted, when it is not ahead in the market', () => {
    expect(conditionalDelayer(atL3({ marketShare: 0.2 })).posture).toBe('restrict');
  });

  it('counts a tie for the market lead as ahead', () => {
    expect(conditionalDelayer(atL3({ marketShare: 0.3 })).posture).toBe('pause');
  });

  it('trains on, restricted, when a rival is seen at the next level', () => {
    expect(conditionalDelayer(atL3({ rival: { announcedLevel: 'L4' } })).posture).toBe('restrict');
    const published = atL3({ rival: { publishedEval: makeEval({ autonomy: 0.85 }) } });
    expect(conditionalDelayer(published).posture).toBe('restrict');
    // A rival at its own level does not take its lead away.
    expect(conditionalDelayer(atL3({ rival: { announcedLevel: 'L3' } })).posture).toBe('pause');
  });

  it('trains on, restricted, when the risk is not significant (less than 0.1 short)', () => {
    expect(conditionalDelayer(atL3({ security: 0.45 })).posture).toBe('restrict');
    expect(conditionalDelayer(atL3({ security: 0.41 })).posture).toBe('restrict');
    expect(conditionalDelayer(atL3({ security: 0.39 })).posture).toBe('pause');
  });

  it('keeps its deployment commitment: restricts when its policy says restrict', () => {
    expect(conditionalDelayer(atL3({ allowed: 'restrict', marketShare: 0.1 })).posture).toBe(
      'restrict',
    );
    expect(conditionalDelayer(atL3({ allowed: 'deploy' })).posture).toBe('deploy');
  });

  it('breaks a commitment only by training on where its policy says pause', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const { posture } = conditionalDelayer(view);
        const allowed = view.self.allowedPosture;
        if (allowed !== 'pause') {
          expect(posture).toBe(allowed);
          return;
        }
        expect(['pause', 'restrict']).toContain(posture);
        if (posture === 'pause') expect(judgesAhead(view)).toBe(true);
      }),
    );
  });

  it('never pauses for a pause agreement, and leaves one it is placed in', () => {
    const decision = conditionalDelayer(triggeredMember());
    expect(decision.posture).toBe('deploy');
    expect(decision.actions).toContainEqual({ kind: 'leavePauseAgreement' });
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const own = conditionalDelayer(view);
        expect(own.pauseFor).not.toBe('agreement');
        expect(own.actions.map((action) => action.kind)).not.toContain('joinPauseAgreement');
      }),
    );
  });

  it('does not join an agreement others belong to', () => {
    const others = makeView({ rivals: [makeRival({ inPauseAgreement: true })] });
    expect(conditionalDelayer(others).actions).toEqual([{ kind: 'publishEvals', publish: true }]);
  });

  it('publishes its eval results (Risk Reports) and never revises its thresholds', () => {
    const publishing = makeView({
      self: { policy: { ...makeView().self.policy, publishesEvals: true } },
    });
    expect(conditionalDelayer(publishing).actions).toEqual([]);
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const kinds = conditionalDelayer(view).actions.map((action) => action.kind);
        expect(kinds).not.toContain('reviseThreshold');
        expect(kinds).not.toContain('inviteAudit');
      }),
    );
  });

  it('spends up to 55% on capabilities with no rival in sight, at least 15% on evals', () => {
    expect(conditionalDelayer(makeView()).budget.capabilities).toBeCloseTo(0.55);
    fc.assert(
      fc.property(arbitraryView, (view) => {
        expect(conditionalDelayer(view).budget.evals).toBeGreaterThanOrEqual(0.15 - 1e-9);
      }),
    );
  });

  it('while delaying, puts the capabilities money into safeguards', () => {
    const delaying = conditionalDelayer(atL3()).budget;
    const trainingOn = conditionalDelayer(atL3({ marketShare: 0.2 })).budget;
    expect(delaying.capabilities).toBeCloseTo(0.15);
    expect(delaying.capabilities).toBeLessThan(trainingOn.capabilities);
    expect(delaying.security).toBeGreaterThan(trainingOn.security);
  });

  it('a delay is never more permissive than its policy', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const { posture } = conditionalDelayer(view);
        if (posture !== 'pause') return;
        expect(postureRank(posture)).toBeLessThanOrEqual(postureRank(view.self.allowedPosture));
      }),
    );
  });
});
