// A human lab's decision while it is being drafted: the sensible defaults a decision form starts
// from, and the budget arithmetic that keeps the split at 100%. Pure, no DOM.

import type {
  BudgetLine,
  BudgetSplit,
  DomainId,
  LabDecision,
  LabView,
  PolicyAction,
} from './types';
import { BUDGET_LINES } from './types';

/** Whole percentages per budget line; they always sum to 100. */
export type BudgetPercents = Record<BudgetLine, number>;

/**
 * The split a new player starts from: a capabilities programme that keeps pace, with the rest
 * spread over the three safeguard tracks and evals (which sharpen what the evals can see).
 * Invented for play: a middle road, neither a racer's nor a safety-first lab's split.
 */
export const DEFAULT_BUDGET_PERCENTS: BudgetPercents = {
  capabilities: 40,
  security: 15,
  deployment: 15,
  alignment: 15,
  evals: 15,
};

/** Whole percentages that sum to exactly 100 (largest remainder), from any non-negative split. */
export function toPercents(split: BudgetSplit): BudgetPercents {
  const raw = BUDGET_LINES.map((line) => Math.max(0, split[line] ?? 0));
  const total = raw.reduce((s, x) => s + x, 0);
  if (total <= 0) return { ...DEFAULT_BUDGET_PERCENTS };
  return largestRemainder(
    BUDGET_LINES,
    raw.map((x) => (x / total) * 100),
  );
}

export function toSplit(percents: BudgetPercents): BudgetSplit {
  const total = BUDGET_LINES.reduce((s, line) => s + percents[line], 0) || 1;
  return Object.fromEntries(
    BUDGET_LINES.map((line) => [line, percents[line] / total]),
  ) as BudgetSplit;
}

/**
 * Set one line to `value`% and rescale the others in proportion so the total stays 100. When the
 * others are all zero, the remainder is shared equally between them.
 */
export function rebalance(
  percents: BudgetPercents,
  line: BudgetLine,
  value: number,
): BudgetPercents {
  const target = Math.round(Math.min(100, Math.max(0, Number.isFinite(value) ? value : 0)));
  const others = BUDGET_LINES.filter((l) => l !== line);
  const rest = 100 - target;
  const otherTotal = others.reduce((s, l) => s + Math.max(0, percents[l]), 0);
  const shares = others.map((l) =>
    otherTotal > 0 ? (Math.max(0, percents[l]) / otherTotal) * rest : rest / others.length,
  );
  const rounded = largestRemainder(others, shares);
  return { ...rounded, [line]: target } as BudgetPercents;
}

function largestRemainder<K extends string>(
  keys: readonly K[],
  values: number[],
): Record<K, number> {
  const total = Math.round(values.reduce((s, x) => s + x, 0));
  const floors = values.map((x) => Math.floor(x + 1e-9));
  let missing = total - floors.reduce((s, x) => s + x, 0);
  const order = values
    .map((x, i) => ({ i, frac: x - Math.floor(x + 1e-9) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    missing -= 1;
  }
  return Object.fromEntries(keys.map((k, i) => [k, floors[i] ?? 0])) as Record<K, number>;
}

/**
 * Where a decision form starts: the posture the lab's own commitment allows, last quarter's
 * budget split (or the default), and no policy actions.
 */
export function draftDecision(view: LabView, previous: LabDecision | null = null): LabDecision {
  return {
    posture: view.self.allowedPosture,
    budget: previous ? toSplit(toPercents(previous.budget)) : toSplit(DEFAULT_BUDGET_PERCENTS),
    actions: [],
  };
}

/** The policy-action part of a decision form, as the form holds it. */
export interface PolicyDraft {
  revise: boolean;
  levelId: string;
  domain: DomainId | '';
  /** New threshold in whole percent. */
  to: number;
  publicly: boolean;
  audit: boolean;
  inPauseAgreement: boolean;
  publishEvals: boolean;
}

/** A form with no actions: the lab's current memberships, the first threshold of its ladder. */
export function policyDraft(view: LabView): PolicyDraft {
  const level = view.levels[0];
  const domain =
    (level ? (Object.keys(level.thresholds)[0] as DomainId | undefined) : undefined) ?? '';
  const value = level && domain ? (level.thresholds[domain] ?? 0) : 0;
  return {
    revise: false,
    levelId: level?.id ?? '',
    domain,
    to: Math.round(value * 100),
    publicly: true,
    audit: false,
    inPauseAgreement: view.self.policy.inPauseAgreement,
    publishEvals: view.self.policy.publishesEvals,
  };
}

/** The actions a filled-in form stands for (unchanged settings produce none). */
export function policyActionsFrom(view: LabView, draft: PolicyDraft): PolicyAction[] {
  const actions: PolicyAction[] = [];
  if (draft.revise && draft.domain) {
    const level = view.levels.find((l) => l.id === draft.levelId);
    const from = level?.thresholds[draft.domain];
    const to = Math.min(1, Math.max(0, Math.round(draft.to) / 100));
    if (level && from !== undefined && Math.abs(to - from) > 1e-9) {
      actions.push({
        kind: 'reviseThreshold',
        levelId: level.id,
        domain: draft.domain,
        to,
        publicly: draft.publicly,
      });
    }
  }
  if (draft.audit) actions.push({ kind: 'inviteAudit' });
  if (draft.inPauseAgreement !== view.self.policy.inPauseAgreement) {
    actions.push({ kind: draft.inPauseAgreement ? 'joinPauseAgreement' : 'leavePauseAgreement' });
  }
  if (draft.publishEvals !== view.self.policy.publishesEvals) {
    actions.push({ kind: 'publishEvals', publish: draft.publishEvals });
  }
  return actions;
}
