import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOTS, BOT_DESCRIPTIONS } from '../../../src/engine/bots';
import { BOT_STRATEGY_IDS, BUDGET_LINES, DOMAIN_IDS, POSTURES } from '../../../src/engine/types';
import type { LabDecision, LabView } from '../../../src/engine/types';
import { arbitraryView } from './lab-view-factory';

/** Fails the test with a readable message if the decision is not one the engine can apply. */
function expectValidDecision(decision: LabDecision, view: LabView): void {
  expect(POSTURES).toContain(decision.posture);

  expect(Object.keys(decision.budget).sort()).toEqual([...BUDGET_LINES].sort());
  for (const line of BUDGET_LINES) {
    const share = decision.budget[line];
    expect(Number.isFinite(share), `${line} share ${share}`).toBe(true);
    expect(share, line).toBeGreaterThanOrEqual(0);
  }
  const total = BUDGET_LINES.reduce((sum, line) => sum + decision.budget[line], 0);
  expect(Math.abs(total - 1)).toBeLessThanOrEqual(1e-9);

  for (const action of decision.actions) {
    switch (action.kind) {
      case 'reviseThreshold': {
        const level = view.self.policy.levels.find((l) => l.id === action.levelId);
        expect(level, `level ${action.levelId}`).toBeDefined();
        expect(DOMAIN_IDS).toContain(action.domain);
        expect(level?.thresholds[action.domain], 'revises an existing threshold').toBeDefined();
        expect(Number.isFinite(action.to)).toBe(true);
        expect(action.to).toBeGreaterThanOrEqual(0);
        expect(action.to).toBeLessThanOrEqual(1);
        expect(typeof action.publicly).toBe('boolean');
        break;
      }
      case 'publishEvals':
        expect(typeof action.publish).toBe('boolean');
        break;
      case 'inviteAudit':
      case 'joinPauseAgreement':
      case 'leavePauseAgreement':
        expect(Object.keys(action)).toEqual(['kind']);
        break;
      default:
        throw new Error(`unknown action ${JSON.stringify(action)}`);
    }
  }
  const kinds = decision.actions.map((action) => action.kind);
  expect(
    kinds.includes('joinPauseAgreement') && kinds.includes('leavePauseAgreement'),
    'joins and leaves at once',
  ).toBe(false);
}

describe('every bot', () => {
  it('is registered for every strategy id, with a name and a one-sentence summary', () => {
    expect(Object.keys(BOTS).sort()).toEqual([...BOT_STRATEGY_IDS].sort());
    expect(Object.keys(BOT_DESCRIPTIONS).sort()).toEqual([...BOT_STRATEGY_IDS].sort());
    for (const id of BOT_STRATEGY_IDS) {
      const { name, summary } = BOT_DESCRIPTIONS[id];
      expect(name.length).toBeGreaterThan(0);
      expect(summary).toMatch(/^[A-Z][^.]*\.$/);
    }
  });

  for (const id of BOT_STRATEGY_IDS) {
    describe(id, () => {
      it('returns a valid decision for any valid view', () => {
        fc.assert(
          fc.property(arbitraryView, (view) => {
            expectValidDecision(BOTS[id](view), view);
          }),
          { numRuns: 300 },
        );
      });

      it('is deterministic and leaves the view untouched', () => {
        fc.assert(
          fc.property(arbitraryView, (view) => {
            const before = structuredClone(view);
            const first = BOTS[id](view);
            const second = BOTS[id](structuredClone(view));
            expect(second).toEqual(first);
            expect(view).toEqual(before);
          }),
          { numRuns: 200 },
        );
      });

      it('never repeats a policy action within one decision', () => {
        fc.assert(
          fc.property(arbitraryView, (view) => {
            const keys = BOTS[id](view).actions.map((action) => JSON.stringify(action));
            expect(new Set(keys).size).toBe(keys.length);
          }),
          { numRuns: 200 },
        );
      });
    });
  }
});
