import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOTS, STRATEGIES } from '../../../src/engine/bots';
import { BOT_DESCRIPTIONS } from '../../../src/presentation/botWords';
import { decide } from '../../../src/engine/bots/decide';
import { BOT_TUNING_DOCS } from '../../../src/engine/bots/tuningDocs';
import {
  BOT_STRATEGY_IDS,
  BUDGET_LINES,
  DOMAIN_IDS,
  PAUSE_CAUSES,
  POSTURES,
} from '../../../src/engine/types';
import type { LabDecision, LabView } from '../../../src/engine/types';
import { arbitraryTuning, arbitraryView, makeView } from './lab-view-factory';

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

  // A bot says why it pauses, and only when it does.
  if (decision.posture === 'pause') expect(PAUSE_CAUSES).toContain(decision.pauseFor);
  else expect(decision.pauseFor).toBeUndefined();
}

describe('every bot', () => {
  it('is registered for every strategy id, with its rules, a name and a one-sentence summary', () => {
    expect(Object.keys(BOTS).sort()).toEqual([...BOT_STRATEGY_IDS].sort());
    expect(Object.keys(STRATEGIES).sort()).toEqual([...BOT_STRATEGY_IDS].sort());
    expect(Object.keys(BOT_DESCRIPTIONS).sort()).toEqual([...BOT_STRATEGY_IDS].sort());
    for (const id of BOT_STRATEGY_IDS) {
      const { name, summary } = BOT_DESCRIPTIONS[id];
      expect(name.length).toBeGreaterThan(0);
      // One sentence: a full stop ends it; a stop inside (as in "v3.0") is not followed by a space.
      expect(summary).toMatch(/^[A-Z](?:[^.]|\.(?=\S))*\.$/);
    }
    expect('Two sentences. Here.').not.toMatch(/^[A-Z](?:[^.]|\.(?=\S))*\.$/);
  });

  it('names seven distinct strategies', () => {
    const names = BOT_STRATEGY_IDS.map((id) => BOT_DESCRIPTIONS[id].name);
    expect(new Set(names).size).toBe(BOT_STRATEGY_IDS.length);
    const rules = BOT_STRATEGY_IDS.map((id) => JSON.stringify(STRATEGIES[id]));
    expect(new Set(rules).size).toBe(BOT_STRATEGY_IDS.length);
  });

  it('keeps every default number within the range a scenario may set', () => {
    for (const id of BOT_STRATEGY_IDS) {
      const { tuning } = STRATEGIES[id];
      expect(Object.keys(tuning).sort(), id).toEqual(Object.keys(BOT_TUNING_DOCS).sort());
      for (const [key, doc] of Object.entries(BOT_TUNING_DOCS)) {
        const value = tuning[key as keyof typeof tuning];
        expect(value, `${id}.${key}`).toBeGreaterThanOrEqual(doc.min);
        expect(value, `${id}.${key}`).toBeLessThanOrEqual(doc.max);
      }
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

      it('plays its strategy’s rules and numbers through the one decision procedure', () => {
        fc.assert(
          fc.property(arbitraryView, (view) => {
            expect(BOTS[id](view)).toEqual(decide(view, STRATEGIES[id]));
          }),
          { numRuns: 100 },
        );
      });

      it('returns a valid decision for any tuning a scenario may give, and uses it', () => {
        fc.assert(
          fc.property(arbitraryView, arbitraryTuning, (view, tuning) => {
            const decision = BOTS[id](view, tuning);
            expectValidDecision(decision, view);
            expect(decision).toEqual(decide(view, STRATEGIES[id], tuning));
          }),
          { numRuns: 200 },
        );
        // A partial tuning moves only what it names.
        const view = makeView();
        expect(BOTS[id](view, {})).toEqual(BOTS[id](view));
        expect(BOTS[id](view, { capabilityShare: 0 }).budget.capabilities).toBe(0);
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
