// Race to deploy
//
// A lab that believes the prize goes to whoever ships the most capable model first. It has a
// safety policy on paper, but the policy never stops it. This is the behaviour the critiques of
// voluntary frameworks worry about: self-written thresholds, self-judged compliance, and
// revisions that quietly loosen a commitment when it starts to bind.
//
// Each quarter it:
// 1. Deploys fully, whatever its own policy allows.
// 2. Puts 80% of the budget into capabilities, 5% into evaluations and only the remaining 15%
//    into safeguards (most to the track furthest behind).
// 3. When its board pressure is high (above 0.6) and its policy says pause, it quietly raises
//    each threshold of the level it has reached that its evals crossed (or came within 0.1 of)
//    to just above the measured result, so on paper the model no longer reaches the level.
//    Audits may expose the quiet revision.
// 4. Never joins a pause agreement, and leaves one if it starts in it.

import type { LabView, LabDecision, PolicyAction } from '../types';
import { HIGH_BOARD_PRESSURE, currentLevel, splitBudget } from './building-blocks';

/** How far above the measured result a loosened threshold is set (capability units). */
const LOOSENING_MARGIN = 0.1;

export function raceToDeploy(view: LabView): LabDecision {
  const budget = splitBudget(view, { capabilities: 0.8, evals: 0.05 });

  const actions: PolicyAction[] = [];
  if (view.self.allowedPosture === 'pause' && view.self.boardPressure > HIGH_BOARD_PRESSURE) {
    actions.push(...quietlyLoosenCrossedThresholds(view));
  }
  if (view.self.policy.inPauseAgreement) actions.push({ kind: 'leavePauseAgreement' });

  return { posture: 'deploy', budget, actions };
}

/**
 * For the level the lab's evals say it has reached: every domain whose measured capability is
 * at or near the threshold gets the threshold moved to just above the measurement, unannounced.
 */
function quietlyLoosenCrossedThresholds(view: LabView): PolicyAction[] {
  const level = currentLevel(view);
  const measured = view.self.lastEval?.measured;
  if (level === null || measured === undefined) return [];

  const actions: PolicyAction[] = [];
  for (const domain of view.domains) {
    const threshold = level.thresholds[domain];
    const result = measured[domain];
    if (threshold === undefined || result === undefined) continue;
    // "Near" allows for a policy's safety buffer, which counts results just below as crossings.
    if (result < threshold - LOOSENING_MARGIN) continue;
    const to = Math.min(1, Math.max(threshold, result) + LOOSENING_MARGIN);
    if (to <= threshold) continue;
    actions.push({ kind: 'reviseThreshold', levelId: level.id, domain, to, publicly: false });
  }
  return actions;
}
