import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postureRank } from '../../../src/engine/bots/building-blocks';
import { SAFETY_FIRST, safetyFirst } from '../../../src/engine/bots/safety-first';
import { POSTURES } from '../../../src/engine/types';
import type { BudgetSplit } from '../../../src/engine/types';
import {
  arbitraryView,
  makeEval,
  makeIncident,
  makeRival,
  makeView,
  triggeredMember,
} from './lab-view-factory';

const safeguards = (budget: BudgetSplit) => budget.security + budget.deployment + budget.alignment;

/** At L3, L3's safeguards in place; L4 (cbrn 0.8) needs security 0.8, deployment 0.8, alignment 0.7. */
function atL3(cbrn: number) {
  return makeView({
    self: {
      knownLevel: 'L3',
      safeguards: { security: 0.8, deployment: 0.6, alignment: 0.4 },
      lastEval: makeEval({ cbrn }),
    },
  });
}

/** Near L4 and a little short of it (0.05 on deployment and alignment): needs below the cap. */
const nearlyReady = makeView({
  self: {
    knownLevel: 'L3',
    safeguards: { security: 0.8, deployment: 0.75, alignment: 0.65 },
    lastEval: makeEval({ cbrn: 0.76 }),
  },
});

describe('safety-first', () => {
  it('takes exactly the posture its commitment allows', () => {
    for (const allowedPosture of POSTURES) {
      const decision = safetyFirst(makeView({ self: { allowedPosture } }));
      expect(decision.posture).toBe(allowedPosture);
    }
    expect(safetyFirst(makeView({ self: { allowedPosture: 'pause' } })).pauseFor).toBe('ownPolicy');
  });

  it('never chooses a posture more permissive than allowed, whatever the pressure', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const { posture } = safetyFirst(view);
        expect(postureRank(posture)).toBeLessThanOrEqual(postureRank(view.self.allowedPosture));
      }),
    );
  });

  it('builds for the next level once its evals come within 0.06 of it', () => {
    const far = safetyFirst(atL3(0.7)).budget;
    const near = safetyFirst(atL3(0.75)).budget;
    expect(safeguards(near)).toBeGreaterThan(safeguards(far));
    // Where L4 finds it short: alignment (0.3) more than deployment (0.2); security is ready.
    expect(near.alignment).toBeGreaterThan(near.deployment);
    expect(near.deployment).toBeGreaterThan(near.security);
    // Far from L4, L3 asks nothing more: upkeep only.
    expect(far.alignment).toBeCloseTo(SAFETY_FIRST.tuning.upkeep);
  });

  it('is warned earlier by a safety buffer', () => {
    const view = atL3(0.72);
    expect(safeguards(safetyFirst(view).budget)).toBeLessThan(
      safeguards(safetyFirst({ ...view, safetyBuffer: 0.02 }).budget),
    );
  });

  it('spends at most 45% on capabilities when no rival is in sight and at least 20% on evals', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const { budget } = safetyFirst(view);
        expect(budget.evals).toBeGreaterThanOrEqual(0.2 - 1e-9);
        const blind = {
          ...view,
          rivals: view.rivals.map((r) => ({ ...r, publishedEval: null, announcedLevel: null })),
        };
        expect(safetyFirst(blind).budget.capabilities).toBeLessThanOrEqual(0.45 + 1e-9);
      }),
    );
  });

  it('gives evals what safeguards do not need', () => {
    const { budget } = safetyFirst(makeView());
    expect(budget.capabilities).toBeCloseTo(0.45);
    expect(safeguards(budget)).toBeCloseTo(3 * 0.03);
    expect(budget.evals).toBeCloseTo(1 - 0.45 - 0.09);
  });

  it('when caught short it pauses and moves the capabilities money into safeguards', () => {
    const short = makeView({
      self: {
        knownLevel: 'L3',
        allowedPosture: 'pause',
        safeguards: { security: 0.3, deployment: 0.3, alignment: 0.1 },
        lastEval: makeEval({ cbrn: 0.6 }),
      },
    });
    const scaling = { ...short, self: { ...short.self, allowedPosture: 'deploy' as const } };
    const paused = safetyFirst(short);
    expect(paused.posture).toBe('pause');
    expect(paused.budget.capabilities).toBeCloseTo(0.1);
    expect(paused.budget.capabilities).toBeLessThan(safetyFirst(scaling).budget.capabilities);
    expect(safeguards(paused.budget)).toBeGreaterThan(safeguards(safetyFirst(scaling).budget));
  });

  it('raises safeguard spending after incidents and with public distrust', () => {
    const view = nearlyReady;
    const base = safeguards(safetyFirst(view).budget);
    const incident = { ...view, recentIncidents: [makeIncident({ lab: 'me' })] };
    expect(safeguards(safetyFirst(incident).budget)).toBeGreaterThan(base);
    expect(safeguards(safetyFirst({ ...view, publicTrust: 0.2 }).budget)).toBeGreaterThan(base);
  });

  it('lets a close race lower its safeguard spending only a little', () => {
    const view = nearlyReady;
    const race = { ...view, rivals: [makeRival({ announcedLevel: 'L4' })] };
    const calm = safeguards(safetyFirst(view).budget);
    const racing = safeguards(safetyFirst(race).budget);
    expect(racing).toBeLessThan(calm);
    expect(racing).toBeGreaterThan(0.85 * calm);
  });

  it('publishes its evals once and invites an audit every fourth quarter', () => {
    expect(safetyFirst(makeView()).actions).toEqual([{ kind: 'publishEvals', publish: true }]);
    const publishing = makeView({
      self: { policy: { ...makeView().self.policy, publishesEvals: true } },
    });
    expect(safetyFirst(publishing).actions).toEqual([]);
    const audited = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12].filter((round) =>
      safetyFirst(makeView({ round })).actions.some((action) => action.kind === 'inviteAudit'),
    );
    expect(audited).toEqual([4, 8, 12]);
  });

  it('joins a pause agreement only once others belong to it', () => {
    expect(safetyFirst(makeView()).actions).not.toContainEqual({ kind: 'joinPauseAgreement' });
    const others = makeView({ rivals: [makeRival({ inPauseAgreement: true })] });
    expect(safetyFirst(others).actions).toContainEqual({ kind: 'joinPauseAgreement' });
  });

  it('always honours a triggered agreement, however hard its board presses', () => {
    for (const boardPressure of [0, 0.7, 1]) {
      const decision = safetyFirst(triggeredMember({ self: { boardPressure } }));
      expect(decision).toMatchObject({ posture: 'pause', pauseFor: 'agreement' });
    }
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

  it('takes a scenario’s tuning over its own numbers', () => {
    const view = atL3(0.76);
    const bolder = safetyFirst(view, { capabilityShare: 0.6, needWeight: 0 }).budget;
    expect(bolder.capabilities).toBeCloseTo(0.6);
    expect(safeguards(bolder)).toBeCloseTo(3 * 0.03);
  });
});
