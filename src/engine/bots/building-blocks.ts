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

import { leastPermissive, postureRules } from '../postures';
import { ladderTable, levelIndexOf, type LadderTable, type TrackNeeds } from '../ladderTable';
import { BUDGET_LINES } from '../types';
import type {
  BudgetSplit,
  DeploymentStatus,
  DomainId,
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

// ---------------------------------------------------------------- postures

/** How permissive a posture is: pause 0 < restrict 1 < deploy 2 (the posture table's rank). */
export function postureRank(posture: Posture): number {
  return postureRules(posture).rank;
}

/**
 * The wanted posture, held back to the limit if it is more permissive than the limit.
 * `noMorePermissiveThan('deploy', 'restrict')` is 'restrict': this is how a lab keeps its
 * commitment, with the limit being `view.self.allowedPosture`.
 */
export function noMorePermissiveThan(wanted: Posture, limit: Posture): Posture {
  return leastPermissive(wanted, limit);
}

// ---------------------------------------------------------------- the lab's own ladder

/** The level the lab's evals say it has reached, on its own (possibly revised) ladder. */
export function currentLevel(view: LabView): LevelSpec | null {
  const { knownLevel, policy } = view.self;
  if (knownLevel === null) return null;
  for (const level of policy.levels) if (level.id === knownLevel) return level;
  return null;
}

/** A level's lowest threshold: where a lab that announces the level is placed in the race. */
export function lowestThreshold(level: LevelSpec): number {
  let lowest = Infinity;
  for (const d in level.thresholds)
    lowest = Math.min(lowest, level.thresholds[d as DomainId] as number);
  return lowest;
}

/** The first level above the one the lab knows it has reached (null at the top of the ladder). */
export function nextLevel(view: LabView): LevelSpec | null {
  const { levels } = view.self.policy;
  const current = currentLevel(view);
  const nextIndex = current === null ? 0 : levels.indexOf(current) + 1;
  return levels[nextIndex] ?? null;
}

/** What the lab has measured per domain: its latest evals, or an audit's result where higher. */
export function measuredCapability(view: LabView, domain: DomainId): number {
  const own = view.self.lastEval?.measured[domain] ?? 0;
  const audit = view.self.lastAudit?.measured[domain] ?? 0;
  return own > audit ? own : audit;
}

/**
 * Whether its evals say the lab is heading for a level: some measured domain within `foresight`
 * (capability units) of one of the level's thresholds, less the policy's safety buffer.
 */
export function evalsApproach(view: LabView, level: LevelSpec, foresight: number): boolean {
  return approaches(view, ladderTable([level]), 0, foresight);
}

/** `evalsApproach` for level `index` of a ladder's table. */
function approaches(view: LabView, table: LadderTable, index: number, foresight: number): boolean {
  const { start, domains, thresholds } = table;
  const end = start[index + 1] as number;
  for (let i = start[index] as number; i < end; i++) {
    const threshold = thresholds[i] as number;
    if (
      measuredCapability(view, domains[i] as DomainId) >=
      threshold - view.safetyBuffer - foresight
    )
      return true;
  }
  return false;
}

/**
 * Readiness a safeguard track needs, as the lab's evals tell it: the level its evals say it has
 * reached, and the next one once its evals come within `foresight` of it (foresight 1: it always
 * builds for the next level, whatever its evals show). The highest requirement, to keep training
 * or to deploy, of those levels.
 */
export function requiredReadiness(
  view: LabView,
  track: SafeguardTrack,
  foresight = 1,
  levels: BuildsFor = buildsFor(view, foresight),
): number {
  return levels.required[track];
}

/** The levels a lab builds safeguards for: the one its evals show, and the next if heading there. */
export interface BuildsFor {
  current: LevelSpec | null;
  next: LevelSpec | null;
  /** What each track needs for them (`requiredReadiness`). */
  required: TrackNeeds;
}

/** No level: nothing required. */
const NO_NEEDS: TrackNeeds = { security: 0, deployment: 0, alignment: 0 };

/** Read once per decision and given to `shortfall` for each track (it reads the evals). */
export function buildsFor(view: LabView, foresight = 1): BuildsFor {
  const { levels } = view.self.policy;
  const table = ladderTable(levels);
  const index = levelIndexOf(table, view.self.knownLevel);
  const next = levels[index + 1] ?? null;
  // A policy with alert thresholds (FSF) asks for a response plan inside its alert margin:
  // prepare the next level's safeguards, so the lab looks at least that far ahead.
  const ahead = Math.max(foresight, view.rules.evaluation.alertMargin);
  const heading = next !== null && (ahead >= 1 || approaches(view, table, index + 1, ahead));
  const now = index >= 0 ? (table.needs[index] as TrackNeeds) : NO_NEEDS;
  const then = heading ? (table.needs[index + 1] as TrackNeeds) : NO_NEEDS;
  return {
    current: index >= 0 ? (levels[index] as LevelSpec) : null,
    next: heading ? next : null,
    required: {
      security: Math.max(0, now.security, then.security),
      deployment: Math.max(0, now.deployment, then.deployment),
      alignment: Math.max(0, now.alignment, then.alignment),
    },
  };
}

/** How far a safeguard track is short of `requiredReadiness` (0 when it is ready). */
export function shortfall(
  view: LabView,
  track: SafeguardTrack,
  foresight = 1,
  levels: BuildsFor = buildsFor(view, foresight),
): number {
  return Math.max(0, levels.required[track] - view.self.safeguards[track]);
}

// ---------------------------------------------------------------- rivals

/** Any release: restricted or full. */
const RELEASED: readonly DeploymentStatus[] = ['restricted', 'full'];

/** Whether any rival's public deployment status is one of the given ones. */
export function aRivalHasDeployed(
  view: LabView,
  statuses: readonly DeploymentStatus[] = RELEASED,
): boolean {
  for (const rival of view.rivals) if (statuses.includes(rival.deployment)) return true;
  return false;
}

/** Whether the lab's market share is at least every rival's (ties count as ahead). */
export function isAhead(view: LabView): boolean {
  return view.rivals.every((rival) => view.self.marketShare >= rival.marketShare);
}

// ---------------------------------------------------------------- budgets

/** A share as a budget line takes it: missing, negative or non-numeric counts as 0. */
function clean(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * Scales budget shares so they are ≥ 0 and sum to 1. Missing, negative or non-numeric shares
 * count as 0; if nothing is left, the budget is split evenly.
 */
export function normaliseBudget(shares: Partial<BudgetSplit>): BudgetSplit {
  return normalisedSplit(
    shares.capabilities,
    shares.security,
    shares.deployment,
    shares.alignment,
    shares.evals,
  );
}

/** `normaliseBudget` of the five lines given one by one (the bots' budget rule: no object to read). */
export function normalisedSplit(
  capabilities: number | undefined,
  security: number | undefined,
  deployment: number | undefined,
  alignment: number | undefined,
  evals: number | undefined,
): BudgetSplit {
  // Locals, then one object literal with every line in one order: bots run millions of times in
  // batches, and objects grown key by key in varying orders are slow in V8.
  const c = clean(capabilities);
  const s = clean(security);
  const d = clean(deployment);
  const a = clean(alignment);
  const e = clean(evals);
  const total = c + s + d + a + e;
  if (total <= 0) {
    const even = 1 / BUDGET_LINES.length;
    return { capabilities: even, security: even, deployment: even, alignment: even, evals: even };
  }
  return {
    capabilities: c / total,
    security: s / total,
    deployment: d / total,
    alignment: a / total,
    evals: e / total,
  };
}
