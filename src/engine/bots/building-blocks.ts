// Building blocks the bot strategies share.
//
// Each strategy file reads as a short list of plain rules ("deploy once a rival has", "put most of
// the safeguard money where we are furthest behind"). The small pieces of arithmetic those rules
// need live here, so every strategy uses them the same way:
//
// - comparing postures (pause is more cautious than restrict, restrict than deploy);
// - reading the lab's own if-then ladder: the level its evals say it has reached, the next one up,
//   and how far each safeguard track is from what those levels require;
// - reading rivals' public signals (is anyone deployed? are we ahead?);
// - turning "how much we want to spend where" into a valid budget split (shares ≥ 0, sum 1).
//
// Everything here is a pure function of the lab's view: no randomness, no hidden state.

import { BUDGET_LINES, POSTURES, SAFEGUARD_TRACKS } from '../types';
import type {
  BudgetLine,
  BudgetSplit,
  DeploymentStatus,
  LabView,
  LevelSpec,
  Posture,
  SafeguardTrack,
} from '../types';

/**
 * Board pressure (0..1) above which a lab's board is pushing hard to catch up. Strategies that
 * bend under pressure compare against this. Invented for play.
 */
export const HIGH_BOARD_PRESSURE = 0.6;

/**
 * Weight every safeguard track keeps in a budget even when it already meets what the ladder
 * requires, so its readiness does not decay for lack of upkeep. Invented for play.
 */
export const UPKEEP_WEIGHT = 0.1;

// ---------------------------------------------------------------- postures

/** How permissive a posture is: pause 0 < restrict 1 < deploy 2. */
export function postureRank(posture: Posture): number {
  return POSTURES.indexOf(posture);
}

/**
 * The wanted posture, held back to the limit if it is more permissive than the limit.
 * `noMorePermissiveThan('deploy', 'restrict')` is 'restrict': this is how a lab keeps its
 * commitment, with the limit being `view.self.allowedPosture`.
 */
export function noMorePermissiveThan(wanted: Posture, limit: Posture): Posture {
  return postureRank(wanted) <= postureRank(limit) ? wanted : limit;
}

// ---------------------------------------------------------------- the lab's own ladder

/** The level the lab's evals say it has reached, on its own (possibly revised) ladder. */
export function currentLevel(view: LabView): LevelSpec | null {
  const { knownLevel, policy } = view.self;
  return policy.levels.find((level) => level.id === knownLevel) ?? null;
}

/** The first level above the one the lab knows it has reached (null at the top of the ladder). */
export function nextLevel(view: LabView): LevelSpec | null {
  const { levels } = view.self.policy;
  const current = currentLevel(view);
  const nextIndex = current === null ? 0 : levels.indexOf(current) + 1;
  return levels[nextIndex] ?? null;
}

/**
 * Readiness a safeguard track needs for where the lab is and where it is heading: the highest
 * requirement, to keep training or to deploy, of the current level and the next one.
 */
export function requiredReadiness(view: LabView, track: SafeguardTrack): number {
  let required = 0;
  for (const level of [currentLevel(view), nextLevel(view)]) {
    if (level === null) continue;
    required = Math.max(
      required,
      level.trainingRequires[track] ?? 0,
      level.deploymentRequires[track] ?? 0,
    );
  }
  return required;
}

/** How far a safeguard track is short of `requiredReadiness` (0 when it is ready). */
export function shortfall(view: LabView, track: SafeguardTrack): number {
  return Math.max(0, requiredReadiness(view, track) - view.self.safeguards[track]);
}

// ---------------------------------------------------------------- rivals

/** Whether any rival's public deployment status is one of the given ones. */
export function aRivalHasDeployed(
  view: LabView,
  statuses: readonly DeploymentStatus[] = ['restricted', 'full'],
): boolean {
  return view.rivals.some((rival) => statuses.includes(rival.deployment));
}

/** Whether the lab's market share is at least every rival's (ties count as ahead). */
export function isAhead(view: LabView): boolean {
  return view.rivals.every((rival) => view.self.marketShare >= rival.marketShare);
}

// ---------------------------------------------------------------- budgets

/**
 * Scales budget shares so they are ≥ 0 and sum to 1. Missing, negative or non-numeric shares
 * count as 0; if nothing is left, the budget is split evenly.
 */
export function normaliseBudget(shares: Partial<BudgetSplit>): BudgetSplit {
  const clean = (value: number | undefined): number =>
    value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
  // One object literal with every line, in one order: bots run millions of times in batches, and
  // objects grown key by key in varying orders are slow in V8.
  const raw: BudgetSplit = {
    capabilities: clean(shares.capabilities),
    security: clean(shares.security),
    deployment: clean(shares.deployment),
    alignment: clean(shares.alignment),
    evals: clean(shares.evals),
  };
  const total = raw.capabilities + raw.security + raw.deployment + raw.alignment + raw.evals;
  if (total <= 0) {
    const even = 1 / BUDGET_LINES.length;
    return { capabilities: even, security: even, deployment: even, alignment: even, evals: even };
  }
  return {
    capabilities: raw.capabilities / total,
    security: raw.security / total,
    deployment: raw.deployment / total,
    alignment: raw.alignment / total,
    evals: raw.evals / total,
  };
}

/**
 * A budget split from a plan: the lines named in `fixed` get those shares; what is left goes to
 * the safeguard tracks not named, most to the ones furthest short of what the ladder requires
 * (each also keeps a little upkeep).
 *
 * `splitBudget(view, { capabilities: 0.5, evals: 0.1 })` spends half on capabilities, a tenth on
 * evals and shares the remaining 40% among security, deployment and alignment by need.
 */
export function splitBudget(
  view: LabView,
  fixed: Partial<Record<BudgetLine, number>>,
): BudgetSplit {
  const shares: Partial<BudgetSplit> = {
    capabilities: fixed.capabilities,
    security: fixed.security,
    deployment: fixed.deployment,
    alignment: fixed.alignment,
    evals: fixed.evals,
  };
  const fixedTotal = BUDGET_LINES.reduce((sum, line) => sum + (fixed[line] ?? 0), 0);
  const left = Math.max(0, 1 - fixedTotal);
  const open = SAFEGUARD_TRACKS.filter((track) => fixed[track] === undefined);
  const needs = open.map((track) => UPKEEP_WEIGHT + shortfall(view, track));
  const totalNeed = needs.reduce((sum, need) => sum + need, 0);
  open.forEach((track, i) => (shares[track] = (left * (needs[i] ?? 0)) / totalNeed));
  return normaliseBudget(shares);
}
