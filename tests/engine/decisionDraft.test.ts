import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BUDGET_PERCENTS,
  draftDecision,
  policyActionsFrom,
  policyDraft,
  rebalance,
  toPercents,
  toSplit,
  type BudgetPercents,
} from '../../src/engine/decisionDraft';
import { createGame } from '../../src/engine/game';
import { BUDGET_LINES } from '../../src/engine/types';
import { labView } from '../../src/engine/view';
import { decision, testScenario } from './fixtures';

const sum = (p: BudgetPercents) => BUDGET_LINES.reduce((s, l) => s + p[l], 0);

describe('budget split', () => {
  it('the default split sums to 100', () => {
    expect(sum(DEFAULT_BUDGET_PERCENTS)).toBe(100);
  });

  it('rebalances the other lines in proportion', () => {
    const next = rebalance(DEFAULT_BUDGET_PERCENTS, 'capabilities', 70);
    expect(next.capabilities).toBe(70);
    expect(sum(next)).toBe(100);
    // The four 15% lines were equal, so they stay (nearly) equal.
    const rest = [next.security, next.deployment, next.alignment, next.evals];
    expect(Math.max(...rest) - Math.min(...rest)).toBeLessThanOrEqual(1);
  });

  it('shares the remainder equally when every other line is zero', () => {
    const allIn = rebalance(DEFAULT_BUDGET_PERCENTS, 'capabilities', 100);
    expect(allIn).toEqual({
      capabilities: 100,
      security: 0,
      deployment: 0,
      alignment: 0,
      evals: 0,
    });
    const back = rebalance(allIn, 'capabilities', 60);
    expect(back).toEqual({
      capabilities: 60,
      security: 10,
      deployment: 10,
      alignment: 10,
      evals: 10,
    });
  });

  it('always keeps whole percentages summing to 100', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }),
        fc.constantFrom(...BUDGET_LINES),
        fc.double({ min: -50, max: 150, noNaN: true }),
        (raw, line, value) => {
          const start = toPercents(
            Object.fromEntries(BUDGET_LINES.map((l, i) => [l, raw[i] ?? 0])) as never,
          );
          const next = rebalance(start, line, value);
          expect(sum(next)).toBe(100);
          for (const l of BUDGET_LINES) {
            expect(Number.isInteger(next[l])).toBe(true);
            expect(next[l]).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });

  it('converts to shares that sum to 1', () => {
    const split = toSplit(DEFAULT_BUDGET_PERCENTS);
    expect(BUDGET_LINES.reduce((s, l) => s + split[l], 0)).toBeCloseTo(1, 12);
  });
});

describe('draftDecision', () => {
  it('starts from the posture the commitment allows and the previous split', () => {
    const scenario = testScenario();
    const game = createGame(scenario, { seed: 1, humans: ['player'] });
    const view = labView(game, scenario, 'player');
    const fresh = draftDecision(view);
    expect(fresh.posture).toBe(view.self.allowedPosture);
    expect(fresh.actions).toEqual([]);
    const previous = decision('deploy');
    previous.budget = {
      capabilities: 0.5,
      security: 0.2,
      deployment: 0.1,
      alignment: 0.1,
      evals: 0.1,
    };
    expect(draftDecision(view, previous).budget.capabilities).toBeCloseTo(0.5, 9);
  });
});

describe('policy actions from the form', () => {
  const scenario = testScenario();
  const game = createGame(scenario, { seed: 1, humans: ['player'] });
  const view = labView(game, scenario, 'player');

  it('an untouched form takes no actions', () => {
    expect(policyActionsFrom(view, policyDraft(view))).toEqual([]);
  });

  it('maps each control to its action', () => {
    const draft = {
      ...policyDraft(view),
      revise: true,
      levelId: 'L3',
      domain: 'cbrn' as const,
      to: 70,
      publicly: false,
      audit: true,
      inPauseAgreement: true,
      publishEvals: true,
    };
    expect(policyActionsFrom(view, draft)).toEqual([
      { kind: 'reviseThreshold', levelId: 'L3', domain: 'cbrn', to: 0.7, publicly: false },
      { kind: 'inviteAudit' },
      { kind: 'joinPauseAgreement' },
      { kind: 'publishEvals', publish: true },
    ]);
  });

  it('a revision to the same value is no action', () => {
    const draft = {
      ...policyDraft(view),
      revise: true,
      levelId: 'L3',
      domain: 'cbrn' as const,
      to: 55,
    };
    expect(policyActionsFrom(view, draft)).toEqual([]);
  });
});
