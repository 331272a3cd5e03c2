// The one decision procedure every bot uses (decide.ts): policy actions, then posture, then
// budget, for any strategy (rules) and tuning (numbers).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../../src/engine/bots';
import { postureRank } from '../../../src/engine/bots/building-blocks';
import {
  DEFECTION_MEMORY,
  caution,
  competitorClauseApplies,
  decide,
} from '../../../src/engine/bots/decide';
import type { Strategy } from '../../../src/engine/bots/strategy';
import { BUDGET_LINES } from '../../../src/engine/types';
import type { BudgetSplit, LabDecision, LabView } from '../../../src/engine/types';
import {
  arbitraryTuning,
  arbitraryView,
  makeEval,
  makeIncident,
  makeRival,
  makeView,
  triggeredMember,
} from './lab-view-factory';

const SAFETY_FIRST = STRATEGIES['safety-first'];

/** Any strategy: every combination of rules, any tuning in range. */
const arbitraryStrategy: fc.Arbitrary<Strategy> = fc.record({
  commitment: fc.constantFrom(
    'keep',
    'keepUnlessPressed',
    'keepWhenAheadOrAgreed',
    'delayIfAheadAndSignificant',
    'ignore',
  ),
  release: fc.constantFrom('always', 'afterRival'),
  joins: fc.constantFrom('joinIfOthers', 'never'),
  membership: fc.constantFrom('stays', 'leavesAfterDefection', 'leaves'),
  honoursAgreement: fc.constantFrom('always', 'unlessPressed', 'never'),
  loosening: fc.constantFrom('none', 'quietUnderPressure', 'competitorClause'),
  publishesEvals: fc.boolean(),
  auditEvery: fc.integer({ min: 0, max: 6 }),
  securityCap: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  tuning: arbitraryTuning,
});

const safeguardTotal = (budget: BudgetSplit) =>
  budget.security + budget.deployment + budget.alignment;

const kinds = (decision: LabDecision) => decision.actions.map((action) => action.kind);

/** A member of the agreement whose other member defected `ago` quarters before this one. */
function afterDefection(ago: number): LabView {
  const view = makeView({
    round: 10,
    rivals: [makeRival({ id: 'a', inPauseAgreement: true, lastDefection: 10 - ago })],
  });
  return {
    ...view,
    pauseAgreementActive: true,
    self: { ...view.self, policy: { ...view.self.policy, inPauseAgreement: true } },
  };
}

describe('decide, for any strategy and tuning', () => {
  it('returns a whole, non-negative budget and says why it pauses exactly when it does', () => {
    fc.assert(
      fc.property(arbitraryView, arbitraryStrategy, (view, strategy) => {
        const decision = decide(view, strategy);
        const total = BUDGET_LINES.reduce((sum, line) => sum + decision.budget[line], 0);
        expect(Math.abs(total - 1)).toBeLessThanOrEqual(1e-9);
        for (const line of BUDGET_LINES) {
          expect(Number.isFinite(decision.budget[line])).toBe(true);
          expect(decision.budget[line]).toBeGreaterThanOrEqual(0);
        }
        if (decision.posture === 'pause') {
          expect(['ownPolicy', 'agreement']).toContain(decision.pauseFor);
        } else {
          expect('pauseFor' in decision).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic and leaves the view and the strategy untouched', () => {
    fc.assert(
      fc.property(arbitraryView, arbitraryStrategy, (view, strategy) => {
        const viewBefore = structuredClone(view);
        const strategyBefore = structuredClone(strategy);
        const first = decide(view, strategy);
        expect(decide(structuredClone(view), structuredClone(strategy))).toEqual(first);
        expect(view).toEqual(viewBefore);
        expect(strategy).toEqual(strategyBefore);
      }),
    );
  });

  it('never joins and leaves at once, and leaves only an agreement it is in', () => {
    fc.assert(
      fc.property(arbitraryView, arbitraryStrategy, (view, strategy) => {
        const actions = kinds(decide(view, strategy));
        const member = view.self.policy.inPauseAgreement;
        if (actions.includes('leavePauseAgreement')) expect(member).toBe(true);
        if (actions.includes('joinPauseAgreement')) {
          expect(member).toBe(false);
          expect(view.rivals.some((rival) => rival.inPauseAgreement)).toBe(true);
        }
      }),
    );
  });

  it('keeps evaluations at their share or more outside a pause', () => {
    fc.assert(
      fc.property(arbitraryView, arbitraryStrategy, (view, strategy) => {
        const { posture, budget } = decide(view, strategy);
        if (posture === 'pause') return;
        expect(budget.evals).toBeGreaterThanOrEqual(strategy.tuning.evalShare - 1e-9);
        expect(safeguardTotal(budget)).toBeLessThanOrEqual(strategy.tuning.safeguardCap + 1e-9);
      }),
    );
  });

  it('spends no less on safeguards the more strongly spending follows the evals', () => {
    fc.assert(
      fc.property(
        arbitraryView,
        arbitraryStrategy,
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (view, strategy, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const weak = decide(view, strategy, { ...strategy.tuning, needWeight: low });
          const strong = decide(view, strategy, { ...strategy.tuning, needWeight: high });
          expect(strong.posture).toBe(weak.posture);
          expect(safeguardTotal(strong.budget)).toBeGreaterThanOrEqual(
            safeguardTotal(weak.budget) - 1e-9,
          );
        },
      ),
    );
  });

  it('keeps security within the strategy’s cap', () => {
    fc.assert(
      fc.property(arbitraryView, arbitraryStrategy, (view, strategy) => {
        const { posture, budget } = decide(view, strategy);
        if (strategy.securityCap === null || posture === 'pause') return;
        expect(budget.security).toBeLessThanOrEqual(strategy.securityCap + 1e-9);
      }),
    );
  });
});

describe('safeguard spending follows the eval signals', () => {
  // At L2 with L2's safeguards in place (security 0.2, deployment 0.2), L3 needs security 0.5,
  // deployment 0.6, alignment 0.3. Safety first builds for the next level within 0.06.
  const atL2 = (cbrn: number) =>
    makeView({
      self: {
        knownLevel: 'L2',
        safeguards: { security: 0.3, deployment: 0.3, alignment: 0.3 },
        lastEval: makeEval({ cbrn }),
      },
    });

  it('rises when the evals show the next level approaching', () => {
    const far = decide(atL2(0.35), SAFETY_FIRST);
    const near = decide(atL2(0.52), SAFETY_FIRST);
    expect(safeguardTotal(near.budget)).toBeGreaterThan(safeguardTotal(far.budget));
    // The money goes where the next level finds it short: deployment most (0.3 short).
    expect(near.budget.deployment).toBeGreaterThan(near.budget.security);
    expect(near.budget.deployment).toBeGreaterThan(far.budget.deployment);
    // Capabilities give way to it.
    expect(near.budget.capabilities).toBeLessThan(far.budget.capabilities);
  });

  it('counts the safety buffer: a buffer brings the warning earlier', () => {
    const view = atL2(0.47);
    const buffered = { ...view, safetyBuffer: 0.05 };
    expect(safeguardTotal(decide(buffered, SAFETY_FIRST).budget)).toBeGreaterThan(
      safeguardTotal(decide(view, SAFETY_FIRST).budget),
    );
  });

  it('with nothing short, spends only upkeep on safeguards and the rest on capabilities and evals', () => {
    const { budget } = decide(atL2(0.35), SAFETY_FIRST);
    const { upkeep, capabilityShare } = SAFETY_FIRST.tuning;
    expect(budget.security).toBeCloseTo(upkeep);
    expect(budget.deployment).toBeCloseTo(upkeep);
    expect(budget.alignment).toBeCloseTo(upkeep);
    expect(budget.capabilities).toBeCloseTo(capabilityShare);
    expect(budget.evals).toBeCloseTo(1 - capabilityShare - 3 * upkeep);
  });

  it('never puts more than the safeguard cap into safeguards outside a pause', () => {
    const desperate = makeView({
      self: {
        knownLevel: 'L4',
        safeguards: { security: 0, deployment: 0, alignment: 0 },
        lastEval: makeEval({ cbrn: 0.85 }),
      },
    });
    const { budget } = decide(desperate, SAFETY_FIRST);
    expect(safeguardTotal(budget)).toBeCloseTo(SAFETY_FIRST.tuning.safeguardCap);
  });

  it('adds security while a stolen model is loose', () => {
    const view = atL2(0.35);
    const theft = decide({ ...view, stolenModels: 1 }, SAFETY_FIRST).budget;
    const none = decide(view, SAFETY_FIRST).budget;
    expect(theft.security).toBeGreaterThan(none.security);
    expect(theft.deployment).toBeCloseTo(none.deployment);
  });

  it('while paused, gives capabilities only their paused share', () => {
    const paused = makeView({ self: { allowedPosture: 'pause', knownLevel: 'L3' } });
    const { posture, budget } = decide(paused, SAFETY_FIRST);
    expect(posture).toBe('pause');
    expect(budget.capabilities).toBeCloseTo(SAFETY_FIRST.tuning.pausedCapabilityShare);
    expect(budget.evals).toBeCloseTo(SAFETY_FIRST.tuning.evalShare);
  });
});

describe('caution', () => {
  const t = SAFETY_FIRST.tuning;

  it('is 1 in a quiet quarter with trust high and nothing known of rivals', () => {
    expect(caution(makeView(), t)).toBe(1);
  });

  it('rises after an incident, more after its own than after a rival’s', () => {
    const own = makeView({ recentIncidents: [makeIncident({ lab: 'me' })] });
    const rivals = makeView({ recentIncidents: [makeIncident({ lab: 'r1' })] });
    expect(caution(own, t)).toBeGreaterThan(caution(rivals, t));
    expect(caution(rivals, t)).toBeGreaterThan(caution(makeView(), t));
    expect(caution(own, { ...t, incidentReaction: 0 })).toBe(1);
  });

  it('after its own incident, its safeguard spending rises', () => {
    const view = makeView({
      self: { knownLevel: 'L3', safeguards: { security: 0.5, deployment: 0.5, alignment: 0.5 } },
    });
    const shaken = { ...view, recentIncidents: [makeIncident({ lab: 'me' })] };
    for (const strategy of Object.values(STRATEGIES)) {
      if (strategy.tuning.incidentReaction === 0) continue;
      const calm = decide(view, strategy).budget;
      const after = decide(shaken, strategy).budget;
      expect(safeguardTotal(after)).toBeGreaterThanOrEqual(safeguardTotal(calm));
    }
    expect(safeguardTotal(decide(shaken, SAFETY_FIRST).budget)).toBeGreaterThan(
      safeguardTotal(decide(view, SAFETY_FIRST).budget),
    );
  });

  it('rises with distrust and regulation, falls in a close race and near the end', () => {
    const base = caution(makeView(), t);
    expect(caution(makeView({ publicTrust: 0.2, regulation: 1 }), t)).toBeGreaterThan(base);
    const racer = STRATEGIES['race-to-deploy'].tuning;
    const close = makeView({ rivals: [makeRival({ announcedLevel: 'L3' })] });
    expect(caution(close, racer)).toBeLessThan(caution(makeView(), racer));
    const last = makeView({ round: 20, totalRounds: 20 });
    expect(caution(last, racer)).toBeLessThan(caution(makeView(), racer));
  });

  it('stays between a quarter and three times the usual', () => {
    fc.assert(
      fc.property(arbitraryView, arbitraryTuning, (view, tuning) => {
        const c = caution(view, tuning);
        expect(c).toBeGreaterThanOrEqual(0.25);
        expect(c).toBeLessThanOrEqual(3);
      }),
    );
  });
});

describe('the pause agreement', () => {
  it('a triggered agreement makes an honouring member pause, saying so', () => {
    const decision = decide(triggeredMember(), SAFETY_FIRST);
    expect(decision.posture).toBe('pause');
    expect(decision.pauseFor).toBe('agreement');
  });

  it('a pause its own policy calls for is put down to its own policy', () => {
    const view = triggeredMember({ self: { allowedPosture: 'pause' } });
    expect(decide(view, SAFETY_FIRST)).toMatchObject({ posture: 'pause', pauseFor: 'ownPolicy' });
  });

  it('an agreement in force but not triggered asks nothing', () => {
    const view = triggeredMember();
    const quiet = { ...view, pauseAgreementTriggered: false };
    expect(decide(quiet, SAFETY_FIRST).posture).toBe('deploy');
  });

  it('a non-member is not bound, unless it joins this quarter', () => {
    const outsider = { ...makeView({ rivals: [] }), pauseAgreementTriggered: true };
    expect(decide(outsider, SAFETY_FIRST).posture).toBe('deploy');
    const joining = {
      ...makeView({ rivals: [makeRival({ inPauseAgreement: true })] }),
      pauseAgreementActive: true,
      pauseAgreementTriggered: true,
    };
    const decision = decide(joining, SAFETY_FIRST);
    expect(kinds(decision)).toContain('joinPauseAgreement');
    expect(decision).toMatchObject({ posture: 'pause', pauseFor: 'agreement' });
  });

  it('"unless pressed" honours it up to the pressure limit, and not beyond', () => {
    const ff = STRATEGIES['fast-follower'];
    const limit = ff.tuning.pressureLimit;
    const at = (boardPressure: number) => decide(triggeredMember({ self: { boardPressure } }), ff);
    expect(at(limit).pauseFor).toBe('agreement');
    expect(at(limit + 0.01).posture).not.toBe('pause');
  });

  it('a member that leaves this quarter is not held to it', () => {
    const leaver: Strategy = { ...SAFETY_FIRST, membership: 'leaves' };
    const decision = decide(triggeredMember(), leaver);
    expect(kinds(decision)).toContain('leavePauseAgreement');
    expect(decision.posture).toBe('deploy');
  });

  it('joins only an agreement others belong to, and none broke lately', () => {
    expect(kinds(decide(makeView(), SAFETY_FIRST))).not.toContain('joinPauseAgreement');
    const others = makeView({ rivals: [makeRival({ inPauseAgreement: true })] });
    expect(kinds(decide(others, SAFETY_FIRST))).toContain('joinPauseAgreement');
    const broken = makeView({
      round: 10,
      rivals: [makeRival({ inPauseAgreement: true, lastDefection: 8 })],
    });
    expect(kinds(decide(broken, SAFETY_FIRST))).not.toContain('joinPauseAgreement');
    const longAgo = makeView({
      round: 10,
      rivals: [makeRival({ inPauseAgreement: true, lastDefection: 10 - DEFECTION_MEMORY - 1 })],
    });
    expect(kinds(decide(longAgo, SAFETY_FIRST))).toContain('joinPauseAgreement');
  });

  it('"leaves after defection" leaves within the memory of a member’s defection, not after', () => {
    const pauser = STRATEGIES['conditional-pauser'];
    for (let ago = 0; ago <= DEFECTION_MEMORY; ago += 1) {
      expect(kinds(decide(afterDefection(ago), pauser)), `${ago} ago`).toContain(
        'leavePauseAgreement',
      );
    }
    expect(kinds(decide(afterDefection(DEFECTION_MEMORY + 1), pauser))).not.toContain(
      'leavePauseAgreement',
    );
    // A defection by a lab that has since left the agreement does not count.
    const gone = afterDefection(1);
    const left = { ...gone, rivals: gone.rivals.map((r) => ({ ...r, inPauseAgreement: false })) };
    expect(kinds(decide(left, pauser))).not.toContain('leavePauseAgreement');
  });
});

describe('the competitor clause (OpenAI Preparedness Framework v2)', () => {
  // At L3 (cbrn 0.55, autonomy 0.6): training needs security 0.5 and alignment 0.3 (in place),
  // deployment needs security 0.5 and deployment 0.6 (deployment 0.5: 0.1 short, within 0.15).
  function clauseView(
    overrides: { rival?: Partial<Parameters<typeof makeRival>[0]>; deployment?: number } = {},
  ): LabView {
    return makeView({
      rivals: [
        makeRival({ id: 'a', deployment: 'full', announcedLevel: 'L3', ...overrides.rival }),
        makeRival({ id: 'b' }),
      ],
      self: {
        knownLevel: 'L3',
        allowedPosture: 'restrict',
        safeguards: { security: 0.5, deployment: overrides.deployment ?? 0.5, alignment: 0.3 },
        lastEval: makeEval({ cbrn: 0.58, autonomy: 0.5 }),
      },
    });
  }

  it('applies when a confirmed rival at its level has fully released', () => {
    expect(competitorClauseApplies(clauseView())).toBe(true);
    const published = clauseView({
      rival: { announcedLevel: null, publishedEval: makeEval({ cbrn: 0.56 }) },
    });
    expect(competitorClauseApplies(published)).toBe(true);
  });

  it('is used once per level: an adjustment, not a ratchet', () => {
    const view = clauseView();
    const revised: LabView = {
      ...view,
      self: {
        ...view.self,
        policy: {
          ...view.self.policy,
          revisions: [
            {
              round: 3,
              levelId: 'L3',
              domain: 'cbrn',
              from: 0.55,
              to: 0.68,
              publicly: true,
              exposed: true,
            },
          ],
        },
      },
    };
    expect(competitorClauseApplies(revised)).toBe(false);
  });

  it('does not apply when the rival released with limits, or not at all', () => {
    expect(competitorClauseApplies(clauseView({ rival: { deployment: 'restricted' } }))).toBe(
      false,
    );
    expect(competitorClauseApplies(clauseView({ rival: { deployment: 'none' } }))).toBe(false);
  });

  it('does not apply when the rival is below its level', () => {
    expect(competitorClauseApplies(clauseView({ rival: { announcedLevel: 'L2' } }))).toBe(false);
    const below = clauseView({
      rival: { announcedLevel: null, publishedEval: makeEval({ cbrn: 0.5 }) },
    });
    expect(competitorClauseApplies(below)).toBe(false);
  });

  it('never applies with no information about rivals', () => {
    expect(competitorClauseApplies(clauseView({ rival: { announcedLevel: null } }))).toBe(false);
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const blind = {
          ...view,
          rivals: view.rivals.map((r) => ({ ...r, publishedEval: null, announcedLevel: null })),
        };
        expect(competitorClauseApplies(blind)).toBe(false);
      }),
    );
  });

  it('does not apply when its deployment safeguards are far from the bar', () => {
    expect(competitorClauseApplies(clauseView({ deployment: 0.44 }))).toBe(false);
    expect(competitorClauseApplies(clauseView({ deployment: 0.46 }))).toBe(true);
  });

  it('only lifts a restriction: not when its policy says pause or already allows deployment', () => {
    const base = clauseView();
    for (const allowedPosture of ['pause', 'deploy'] as const) {
      const view = { ...base, self: { ...base.self, allowedPosture } };
      expect(competitorClauseApplies(view), allowedPosture).toBe(false);
    }
  });

  it('applies only when a rival has fully released, whatever else the view holds', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        if (!competitorClauseApplies(view)) return;
        expect(view.self.allowedPosture).toBe('restrict');
        expect(view.rivals.some((r) => r.deployment === 'full')).toBe(true);
        expect(view.rivals.some((r) => r.publishedEval || r.announcedLevel)).toBe(true);
      }),
    );
  });

  // Two different rivals — one confirmed at its level, another fully released — are not one
  // rival that released a high-risk system.
  it('needs the rival at its level to be the one that fully released', () => {
    const view = clauseView({ rival: { deployment: 'none' } });
    const split = { ...view, rivals: [...view.rivals, makeRival({ id: 'c', deployment: 'full' })] };
    expect(competitorClauseApplies(split)).toBe(false);
  });
});

describe('commitment stances', () => {
  it('"keep" is never more permissive than its policy allows, unless it loosened in public', () => {
    fc.assert(
      fc.property(arbitraryView, arbitraryStrategy, (view, strategy) => {
        if (strategy.commitment !== 'keep') return;
        const decision = decide(view, strategy);
        const loosened = decision.actions.some((a) => a.kind === 'reviseThreshold' && a.publicly);
        if (loosened) return;
        expect(postureRank(decision.posture)).toBeLessThanOrEqual(
          postureRank(view.self.allowedPosture),
        );
      }),
    );
  });

  it('"ignore" deploys whatever its policy says, unless an agreement it honours is triggered', () => {
    fc.assert(
      fc.property(arbitraryView, arbitraryStrategy, (view, strategy) => {
        if (strategy.commitment !== 'ignore' || strategy.release !== 'always') return;
        const decision = decide(view, strategy);
        if (decision.pauseFor === 'agreement') return;
        expect(decision.posture).toBe('deploy');
      }),
    );
  });
});
