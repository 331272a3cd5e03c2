// An unfinished decision, kept with the save so a reload does not lose it: the posture chosen,
// the budget split and the policy-action form, for the quarter being decided. It lives in the
// save's `extra.draft`; a draft that is malformed, or for another quarter, is simply dropped
// (the form then starts afresh, as it always did). Never throws.

import * as v from 'valibot';
import type { BudgetPercents, PolicyDraft } from '../engine/decisionDraft';
import { BUDGET_LINES, DOMAIN_IDS, POSTURES, type Posture } from '../engine/types';

export interface DecisionDraft {
  /** The quarter the draft is for. */
  round: number;
  posture: Posture;
  percents: BudgetPercents;
  policy: PolicyDraft;
}

const Percent = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100));

/** An unfinished decision's shape (also what a team's device sends the server: roomProtocol.ts). */
export const DecisionDraftSchema = v.strictObject({
  round: v.pipe(v.number(), v.integer(), v.minValue(1)),
  posture: v.picklist(POSTURES),
  percents: v.pipe(
    v.strictObject({
      capabilities: Percent,
      security: Percent,
      deployment: Percent,
      alignment: Percent,
      evals: Percent,
    }),
    v.check((p) => BUDGET_LINES.reduce((sum, line) => sum + p[line], 0) === 100),
  ),
  policy: v.strictObject({
    revise: v.boolean(),
    levelId: v.pipe(v.string(), v.maxLength(200)),
    domain: v.picklist([...DOMAIN_IDS, ''] as const),
    to: Percent,
    publicly: v.boolean(),
    audit: v.boolean(),
    inPauseAgreement: v.boolean(),
    publishEvals: v.boolean(),
  }),
});

/** The draft in a save's `extra`, if it is well formed and for `round`; otherwise null. */
export function readDecisionDraft(
  extra: Record<string, unknown> | undefined,
  round: number,
): DecisionDraft | null {
  const parsed = v.safeParse(DecisionDraftSchema, extra?.draft);
  if (!parsed.success || parsed.output.round !== round) return null;
  return parsed.output;
}
