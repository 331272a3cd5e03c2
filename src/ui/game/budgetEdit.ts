// Editing the budget split one share at a time. A slider moved with the arrow keys (or dragged)
// sends one change per step; rescaling the other shares at every step would round them each time
// and drift away from their proportions. So a run of changes to one share always rescales the
// others from where they stood before that run began: ten steps of one point end exactly where
// typing the final value would have. Pure; the arithmetic is decisionDraft's rebalance.
import { rebalance, type BudgetPercents } from '../../engine/decisionDraft';
import type { BudgetLine } from '../../engine/types';

export interface BudgetEdit {
  percents: BudgetPercents;
  /** The share being changed, and the split before its first change. */
  anchor: { line: BudgetLine; from: BudgetPercents } | null;
}

export function startBudgetEdit(percents: BudgetPercents): BudgetEdit {
  return { percents, anchor: null };
}

/** Set `line` to `value`%: the others share the rest in the proportions they had before. */
export function editBudget(edit: BudgetEdit, line: BudgetLine, value: number): BudgetEdit {
  const from = edit.anchor?.line === line ? edit.anchor.from : edit.percents;
  return { percents: rebalance(from, line, value), anchor: { line, from } };
}
