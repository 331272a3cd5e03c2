import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aRivalHasDeployed,
  currentLevel,
  isAhead,
  nextLevel,
  noMorePermissiveThan,
  normaliseBudget,
  postureRank,
  requiredReadiness,
  shortfall,
  splitBudget,
} from '../../../src/engine/bots/building-blocks';
import { BUDGET_LINES } from '../../../src/engine/types';
import { arbitraryView, makeRival, makeView } from './lab-view-factory';

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

  it('keeps fixed shares and gives the rest to safeguards by need', () => {
    const view = makeView({
      self: { knownLevel: 'L3', safeguards: { security: 0.8, deployment: 0.8, alignment: 0.1 } },
    });
    const split = splitBudget(view, { capabilities: 0.5, evals: 0.1 });
    expect(split.capabilities).toBeCloseTo(0.5);
    expect(split.evals).toBeCloseTo(0.1);
    expect(split.security + split.deployment + split.alignment).toBeCloseTo(0.4);
    expect(split.alignment).toBeGreaterThan(split.security);
    // Tracks already ready still get upkeep.
    expect(split.security).toBeGreaterThan(0);
  });

  it('scales an over-committed plan down to a whole budget', () => {
    const split = splitBudget(makeView(), { capabilities: 0.9, evals: 0.6 });
    expect(split.capabilities).toBeCloseTo(0.6);
    expect(split.evals).toBeCloseTo(0.4);
    expect(split.security + split.deployment + split.alignment).toBe(0);
  });

  it('always produces a valid split', () => {
    fc.assert(
      fc.property(
        arbitraryView,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (view, capabilities, evals) => {
          const split = splitBudget(view, { capabilities, evals });
          const total = BUDGET_LINES.reduce((sum, line) => sum + split[line], 0);
          expect(Math.abs(total - 1)).toBeLessThanOrEqual(1e-9);
          for (const line of BUDGET_LINES) expect(split[line]).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
