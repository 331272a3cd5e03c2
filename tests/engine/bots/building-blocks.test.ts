import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aRivalHasDeployed,
  currentLevel,
  evalsApproach,
  isAhead,
  measuredCapability,
  nextLevel,
  noMorePermissiveThan,
  normaliseBudget,
  postureRank,
  requiredReadiness,
  shortfall,
} from '../../../src/engine/bots/building-blocks';
import { BUDGET_LINES, SAFEGUARD_TRACKS } from '../../../src/engine/types';
import type { BudgetSplit } from '../../../src/engine/types';
import { LADDER, arbitraryView, makeEval, makeRival, makeView } from './lab-view-factory';

describe('postures', () => {
  it('ranks pause < restrict < deploy', () => {
    expect(postureRank('pause')).toBeLessThan(postureRank('restrict'));
    expect(postureRank('restrict')).toBeLessThan(postureRank('deploy'));
  });

  it('holds a wish back to the limit, never pushes it up', () => {
    expect(noMorePermissiveThan('deploy', 'restrict')).toBe('restrict');
    expect(noMorePermissiveThan('deploy', 'pause')).toBe('pause');
    expect(noMorePermissiveThan('pause', 'deploy')).toBe('pause');
    expect(noMorePermissiveThan('restrict', 'restrict')).toBe('restrict');
  });
});

describe('the ladder', () => {
  it('with nothing reached, looks ahead to the first level', () => {
    const view = makeView();
    expect(currentLevel(view)).toBeNull();
    expect(nextLevel(view)?.id).toBe('L2');
  });

  it('finds the known level and the one above it', () => {
    const view = makeView({ self: { knownLevel: 'L3' } });
    expect(currentLevel(view)?.id).toBe('L3');
    expect(nextLevel(view)?.id).toBe('L4');
  });

  it('has no next level at the top', () => {
    expect(nextLevel(makeView({ self: { knownLevel: 'L4' } }))).toBeNull();
  });

  it('reads the lab’s own (revised) ladder, not the scenario’s', () => {
    const view = makeView({ self: { knownLevel: 'L3' } });
    const revised = view.self.policy.levels.map((level) =>
      level.id === 'L4' ? { ...level, trainingRequires: { security: 0.95 } } : level,
    );
    const own = makeView({
      self: { knownLevel: 'L3', policy: { ...view.self.policy, levels: revised } },
    });
    expect(requiredReadiness(own, 'security')).toBe(0.95);
  });

  it('requires the highest readiness of the current and next level, training or deployment', () => {
    // L3 needs security 0.5, deployment 0.6, alignment 0.3; L4 needs 0.8 / 0.8 / 0.7.
    const atL3 = makeView({ self: { knownLevel: 'L3' } });
    expect(requiredReadiness(atL3, 'security')).toBe(0.8);
    expect(requiredReadiness(atL3, 'deployment')).toBe(0.8);
    expect(requiredReadiness(atL3, 'alignment')).toBe(0.7);
    // Nothing reached: only L2 ahead, which asks nothing of alignment.
    expect(requiredReadiness(makeView(), 'alignment')).toBe(0);
  });

  it('at the top of the ladder, still requires what the current level needs', () => {
    const atTop = makeView({ self: { knownLevel: 'L4' } });
    expect(requiredReadiness(atTop, 'security')).toBe(0.8);
    expect(requiredReadiness(atTop, 'alignment')).toBe(0.7);
  });

  it('measures shortfall from current readiness, never below zero', () => {
    const view = makeView({
      self: { knownLevel: 'L3', safeguards: { security: 0.5, deployment: 0.9, alignment: 0 } },
    });
    expect(shortfall(view, 'security')).toBeCloseTo(0.3);
    expect(shortfall(view, 'deployment')).toBe(0);
    expect(shortfall(view, 'alignment')).toBeCloseTo(0.7);
  });
});

describe('what the evals say', () => {
  const L3 = LADDER[1]!;

  it('reads the higher of its own evals and an audit, per domain, 0 when unmeasured', () => {
    const view = makeView({
      self: {
        lastEval: makeEval({ cbrn: 0.5, cyber: 0.2 }),
        lastAudit: makeEval({ cbrn: 0.45, cyber: 0.35 }),
      },
    });
    expect(measuredCapability(view, 'cbrn')).toBe(0.5);
    expect(measuredCapability(view, 'cyber')).toBe(0.35);
    expect(measuredCapability(view, 'autonomy')).toBe(0);
    expect(measuredCapability(makeView(), 'cbrn')).toBe(0);
  });

  it('sees a level approaching once a result comes within foresight plus the safety buffer', () => {
    // L3: cbrn 0.55, autonomy 0.6.
    const at = (cbrn: number, safetyBuffer = 0) =>
      makeView({ safetyBuffer, self: { lastEval: makeEval({ cbrn }) } });
    expect(evalsApproach(at(0.5), L3, 0.05)).toBe(true);
    expect(evalsApproach(at(0.49), L3, 0.05)).toBe(false);
    expect(evalsApproach(at(0.49, 0.02), L3, 0.05)).toBe(true);
    expect(evalsApproach(at(0.55), L3, 0)).toBe(true);
    expect(evalsApproach(at(0.54), L3, 0)).toBe(false);
    // Any domain with a threshold will do; a domain without one never does.
    const autonomy = makeView({ self: { lastEval: makeEval({ autonomy: 0.58, cyber: 0.99 }) } });
    expect(evalsApproach(autonomy, L3, 0.05)).toBe(true);
    const cyberOnly = makeView({ self: { lastEval: makeEval({ cyber: 0.99 }) } });
    expect(evalsApproach(cyberOnly, L3, 0.05)).toBe(false);
  });

  it('builds for the next level only once its evals approach it (foresight below 1)', () => {
    // At L2 (security 0.2, deployment 0.2), L3 ahead (security 0.5, deployment 0.6, alignment 0.3).
    const far = makeView({ self: { knownLevel: 'L2', lastEval: makeEval({ cbrn: 0.35 }) } });
    expect(requiredReadiness(far, 'security', 0.05)).toBe(0.2);
    expect(requiredReadiness(far, 'deployment', 0.05)).toBe(0.2);
    expect(requiredReadiness(far, 'alignment', 0.05)).toBe(0);

    const near = makeView({ self: { knownLevel: 'L2', lastEval: makeEval({ cbrn: 0.52 }) } });
    expect(requiredReadiness(near, 'security', 0.05)).toBe(0.5);
    expect(requiredReadiness(near, 'deployment', 0.05)).toBe(0.6);
    expect(requiredReadiness(near, 'alignment', 0.05)).toBe(0.3);

    // Foresight 1 (the default) always builds for the next level.
    expect(requiredReadiness(far, 'deployment')).toBe(0.6);
    // Nothing measured, nothing reached: not even the first level is needed yet.
    expect(requiredReadiness(makeView(), 'security', 0.05)).toBe(0);
  });

  it('the shortfall follows the evals: same safeguards, nearer threshold, bigger shortfall', () => {
    const safeguards = { security: 0.3, deployment: 0.3, alignment: 0.3 };
    const far = makeView({
      self: { knownLevel: 'L2', safeguards, lastEval: makeEval({ cbrn: 0.35 }) },
    });
    const near = makeView({
      self: { knownLevel: 'L2', safeguards, lastEval: makeEval({ cbrn: 0.52 }) },
    });
    expect(shortfall(far, 'deployment', 0.05)).toBe(0);
    expect(shortfall(near, 'deployment', 0.05)).toBeCloseTo(0.3);
  });

  it('requires more the further it looks ahead, and never more than with foresight 1', () => {
    const foresight = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(arbitraryView, foresight, foresight, (view, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        for (const track of SAFEGUARD_TRACKS) {
          const lowNeed = requiredReadiness(view, track, low);
          expect(lowNeed).toBeLessThanOrEqual(requiredReadiness(view, track, high));
          expect(requiredReadiness(view, track, high)).toBeLessThanOrEqual(
            requiredReadiness(view, track),
          );
          expect(shortfall(view, track, low)).toBeGreaterThanOrEqual(0);
          expect(shortfall(view, track, low)).toBeLessThanOrEqual(shortfall(view, track, high));
        }
      }),
    );
  });
});

describe('rivals', () => {
  it('sees a rival deployment, restricted or full', () => {
    expect(aRivalHasDeployed(makeView())).toBe(false);
    const restricted = makeView({ rivals: [makeRival({ deployment: 'restricted' })] });
    expect(aRivalHasDeployed(restricted)).toBe(true);
    expect(aRivalHasDeployed(restricted, ['full'])).toBe(false);
  });

  it('is ahead with at least every rival’s share, ties included', () => {
    const rivals = [makeRival({ marketShare: 0.3 }), makeRival({ marketShare: 0.2 })];
    expect(isAhead(makeView({ rivals, self: { marketShare: 0.3 } }))).toBe(true);
    expect(isAhead(makeView({ rivals, self: { marketShare: 0.29 } }))).toBe(false);
    expect(isAhead(makeView({ rivals: [], self: { marketShare: 0 } }))).toBe(true);
  });
});

describe('budgets', () => {
  it('normalises to shares ≥ 0 that sum to 1', () => {
    const split = normaliseBudget({ capabilities: 2, security: 1, evals: -3, alignment: NaN });
    expect(split).toEqual({
      capabilities: 2 / 3,
      security: 1 / 3,
      deployment: 0,
      alignment: 0,
      evals: 0,
    });
  });

  it('splits evenly when nothing is asked for', () => {
    for (const line of BUDGET_LINES) expect(normaliseBudget({})[line]).toBe(0.2);
  });

  it('always produces a valid split, keeping the proportions of what it is given', () => {
    const share = fc.oneof(
      fc.double({ min: -1, max: 5 }),
      fc.constant(undefined),
      fc.constant(Number.NaN),
      fc.constant(Number.POSITIVE_INFINITY),
    );
    fc.assert(
      fc.property(
        fc.record(
          Object.fromEntries(BUDGET_LINES.map((line) => [line, share])) as Record<
            keyof BudgetSplit,
            typeof share
          >,
        ),
        (shares) => {
          const split = normaliseBudget(shares as Partial<BudgetSplit>);
          const total = BUDGET_LINES.reduce((sum, line) => sum + split[line], 0);
          expect(Math.abs(total - 1)).toBeLessThanOrEqual(1e-9);
          for (const line of BUDGET_LINES) {
            expect(split[line]).toBeGreaterThanOrEqual(0);
            const given = shares[line];
            const counted = given !== undefined && Number.isFinite(given) && given > 0;
            if (!counted && split[line] > 0) expect(split[line]).toBe(0.2);
          }
          const [a, b] = ['capabilities', 'evals'] as const;
          const x = shares[a];
          const y = shares[b];
          if (x !== undefined && y !== undefined && x > 1e-6 && y > 1e-6 && x + y < 100) {
            expect(split[a] / split[b] / (x / y)).toBeCloseTo(1, 9);
          }
        },
      ),
    );
  });
});
