import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postureRank } from '../../../src/engine/bots/building-blocks';
import { competitorClause } from '../../../src/engine/bots/competitor-clause';
import { competitorClauseApplies } from '../../../src/engine/bots/decide';
import type { LabView, PolicyAction, RivalSignal } from '../../../src/engine/types';
import { arbitraryView, makeEval, makeRival, makeView, triggeredMember } from './lab-view-factory';

const revisions = (actions: PolicyAction[]) =>
  actions.filter((action) => action.kind === 'reviseThreshold');

/**
 * At L3 (cbrn 0.55, autonomy 0.6), evals at cbrn 0.58: training safeguards in place (security 0.5,
 * alignment 0.3), deployment 0.5 of the 0.6 L3 needs to deploy, so its policy says restrict.
 * One rival has announced L3 and released, by default in full.
 */
function atL3(rival: Partial<RivalSignal> = {}, deployment = 0.5): LabView {
  return makeView({
    rivals: [
      makeRival({ id: 'a', announcedLevel: 'L3', deployment: 'full', ...rival }),
      makeRival({ id: 'b' }),
    ],
    self: {
      knownLevel: 'L3',
      allowedPosture: 'restrict',
      safeguards: { security: 0.5, deployment, alignment: 0.3 },
      lastEval: makeEval({ cbrn: 0.58, autonomy: 0.3 }),
    },
  });
}

describe('competitor-clause', () => {
  it('keeps its commitment in ordinary times', () => {
    for (const allowedPosture of ['pause', 'restrict', 'deploy'] as const) {
      const decision = competitorClause(makeView({ self: { allowedPosture } }));
      expect(decision.posture).toBe(allowedPosture);
    }
  });

  it('never goes beyond its commitment except by loosening its thresholds in public', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const decision = competitorClause(view);
        if (revisions(decision.actions).length > 0) return;
        expect(postureRank(decision.posture)).toBeLessThanOrEqual(
          postureRank(view.self.allowedPosture),
        );
      }),
    );
  });

  it('when a confirmed rival at its level has fully released, loosens in public and deploys', () => {
    const decision = competitorClause(atL3());
    expect(decision.posture).toBe('deploy');
    const [revision, ...more] = revisions(decision.actions);
    expect(more).toEqual([]);
    expect(revision).toMatchObject({ levelId: 'L3', domain: 'cbrn', publicly: true });
    if (revision?.kind !== 'reviseThreshold') throw new Error('expected a revision');
    expect(revision.to).toBeGreaterThan(0.58);
    expect(revision.to).toBeLessThanOrEqual(0.58 + 0.1 + 1e-9);
  });

  it('confirms the rival from published evals as well as from an announcement', () => {
    const published = atL3({ announcedLevel: null, publishedEval: makeEval({ autonomy: 0.61 }) });
    expect(competitorClause(published).posture).toBe('deploy');
  });

  it('does not use the clause when the rival released only with limits', () => {
    const decision = competitorClause(atL3({ deployment: 'restricted' }));
    expect(decision.posture).toBe('restrict');
    expect(revisions(decision.actions)).toEqual([]);
  });

  it('does not use the clause when the rival is below its level', () => {
    expect(competitorClause(atL3({ announcedLevel: 'L2' })).posture).toBe('restrict');
  });

  it('does not use the clause when its deployment safeguards are more than 0.15 short', () => {
    expect(competitorClause(atL3({}, 0.44)).posture).toBe('restrict');
    expect(competitorClause(atL3({}, 0.46)).posture).toBe('deploy');
  });

  it('does not use the clause when its training safeguards are not ready (policy says pause)', () => {
    const view = atL3();
    const paused = competitorClause({ ...view, self: { ...view.self, allowedPosture: 'pause' } });
    expect(paused.posture).toBe('pause');
    expect(revisions(paused.actions)).toEqual([]);
  });

  it('never uses the clause with no information about rivals', () => {
    const blind = atL3({ announcedLevel: null, publishedEval: null });
    expect(competitorClause(blind).posture).toBe('restrict');
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const noInformation = {
          ...view,
          rivals: view.rivals.map((r) => ({ ...r, publishedEval: null, announcedLevel: null })),
        };
        const decision = competitorClause(noInformation);
        expect(revisions(decision.actions)).toEqual([]);
        expect(postureRank(decision.posture)).toBeLessThanOrEqual(
          postureRank(view.self.allowedPosture),
        );
      }),
    );
  });

  it('only ever loosens, in public, the level it has reached, and only under the clause', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const found = revisions(competitorClause(view).actions);
        if (found.length === 0) return;
        expect(competitorClauseApplies(view)).toBe(true);
        for (const action of found) {
          if (action.kind !== 'reviseThreshold') continue;
          expect(action.levelId).toBe(view.self.knownLevel);
          expect(action.publicly).toBe(true);
          const level = view.self.policy.levels.find((l) => l.id === action.levelId);
          expect(action.to).toBeGreaterThan(level?.thresholds[action.domain] ?? Infinity);
        }
      }),
    );
  });

  it('builds safeguards as its evals say, up to 55% on capabilities, at least 12% on evals', () => {
    expect(competitorClause(makeView()).budget.capabilities).toBeCloseTo(0.55);
    fc.assert(
      fc.property(arbitraryView, (view) => {
        expect(competitorClause(view).budget.evals).toBeGreaterThanOrEqual(0.12 - 1e-9);
      }),
    );
  });

  it('publishes nothing and invites no audits', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const kinds = competitorClause(view).actions.map((action) => action.kind);
        expect(kinds).not.toContain('publishEvals');
        expect(kinds).not.toContain('inviteAudit');
      }),
    );
  });

  it('joins a pause agreement others belong to and honours it unless its board presses hard', () => {
    expect(competitorClause(makeView()).actions).toEqual([]);
    const others = makeView({ rivals: [makeRival({ inPauseAgreement: true })] });
    expect(competitorClause(others).actions).toEqual([{ kind: 'joinPauseAgreement' }]);
    expect(competitorClause(triggeredMember({ self: { boardPressure: 0.5 } }))).toMatchObject({
      posture: 'pause',
      pauseFor: 'agreement',
    });
    expect(competitorClause(triggeredMember({ self: { boardPressure: 0.7 } })).posture).toBe(
      'deploy',
    );
  });
});
