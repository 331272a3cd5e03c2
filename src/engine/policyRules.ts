// What a lab's policy says to do beyond the bare if-then, read from what the lab can see (its
// view): RSP v3.0's conditional delay and OpenAI PF v2's competitor clause. Both make the policy
// itself more permissive in stated circumstances, so a lab that follows them keeps its policy;
// the engine holds binding labs, the regulator and the record of broken commitments to the
// posture these rules give.

import { currentLevel, lowestThreshold, measuredCapability } from './bots/building-blocks';
import { judgesAhead, rivalPosition } from './bots/signals';
import type { LabView, PolicySpec, Posture, SafeguardTrack } from './types';

/** Readiness differences smaller than this are rounding, not a shortfall. */
const EPSILON = 1e-9;
/** How close its deployment safeguards must be to the bar for the competitor clause (invented for play). */
export const CLAUSE_SAFEGUARD_MARGIN = 0.15;

/**
 * RSP v3.0's "the risk is significant", in the game's terms: a training safeguard at least
 * `significantShortfall` short of what the level the lab's evals show requires.
 */
export function significantRisk(view: LabView, significantShortfall: number): boolean {
  const level = currentLevel(view);
  if (level === null) return false;
  return Object.entries(level.trainingRequires).some(
    ([track, required]) =>
      (required ?? 0) - view.self.safeguards[track as SafeguardTrack] >=
      significantShortfall - EPSILON,
  );
}

/** RSP v3.0: delay (pause) only when the lab judges itself ahead and the risk significant. */
export function delayWarranted(view: LabView, significantShortfall: number): boolean {
  return judgesAhead(view) && significantRisk(view, significantShortfall);
}

/**
 * OpenAI PF v2's competitor clause: with training safeguards in place and only deployment held
 * back (the adjustment must not meaningfully raise overall risk), deployment safeguards within
 * the margin of the bar (it stays more protective than the rival), and a rival confirmed — by
 * announcement or published evals — at its level or above having released in full (the risk
 * landscape has changed). Rivals' safeguards cannot be seen from outside, so a full release at
 * that level is taken as "without comparable safeguards". `allowed`: what the ladder alone says.
 */
export function competitorClauseHolds(view: LabView, allowed: Posture): boolean {
  if (allowed !== 'restrict') return false;
  const level = currentLevel(view);
  if (level === null) return false;
  let gap = 0;
  for (const [track, required] of Object.entries(level.deploymentRequires)) {
    gap = Math.max(gap, (required ?? 0) - view.self.safeguards[track as SafeguardTrack]);
  }
  if (gap > CLAUSE_SAFEGUARD_MARGIN) return false;
  const bar = lowestThreshold(level);
  return view.rivals.some((rival) => {
    const position = rivalPosition(view, rival);
    return rival.deployment === 'full' && position !== null && position >= bar;
  });
}

/**
 * Whether the policy has rules of its own that can make it allow something other than its
 * ladder's verdict (a shortfall rule other than pause, a competitor clause). Most policies do not:
 * callers then skip building what the rules would read.
 */
export function bendsLadder(policy: PolicySpec): boolean {
  return policy.whenShort !== 'pause' || policy.competitorClause;
}

/**
 * The posture a policy allows, from what its ladder alone allows (`allowed`) and the rules of the
 * policy: short of training safeguards it says pause, restrict, or delay only if ahead and the
 * risk significant; with a competitor clause, a confirmed rival's full release at its level lets
 * it release in full. `view` is built only when a rule needs it (the hot path rarely does).
 */
export function policyPosture(allowed: Posture, policy: PolicySpec, view: () => LabView): Posture {
  if (!bendsLadder(policy)) return allowed;
  let posture = allowed;
  if (posture === 'pause' && policy.whenShort !== 'pause') {
    const delays =
      policy.whenShort === 'delayIfAhead' && delayWarranted(view(), policy.significantShortfall);
    posture = delays ? 'pause' : 'restrict';
  }
  if (posture === 'restrict' && policy.competitorClause && allowed === 'restrict') {
    if (competitorClauseHolds(view(), 'restrict')) posture = 'deploy';
  }
  return posture;
}

/** Whether the lab's evals are in the alert band of a level it has not reached (FSF's response plan). */
export function alertReached(view: LabView): boolean {
  const margin = view.rules.evaluation.alertMargin;
  if (margin <= 0) return false;
  const current = currentLevel(view);
  const next = view.levels[current === null ? 0 : view.levels.indexOf(current) + 1];
  if (!next) return false;
  for (const key in next.thresholds) {
    const domain = key as keyof typeof next.thresholds;
    const threshold = next.thresholds[domain] as number;
    if (measuredCapability(view, domain) >= threshold - view.safetyBuffer - margin) return true;
  }
  return false;
}
