// Conditional pauser
//
// A lab that will pause, but only on conditions. This is the shape of Anthropic's Responsible
// Scaling Policy v3.0 (February 2026), which dropped the binding pause commitment: delay only
// when the lab judges itself ahead. Its stated rationale is the competitive-pressure critique made
// policy: unilateral pauses do not help if others race on. A pause agreement among labs changes
// that, because then the others pause too.
//
// Each quarter it:
// 1. Joins the conditional pause agreement if it is not already a member.
// 2. Keeps its commitment in full (including pausing) while it is ahead, meaning its market
//    share is at least every rival's, or while the pause agreement is in force.
// 3. Otherwise (behind, no agreement in force) it still restricts when its policy says restrict,
//    but it will not pause: where its policy says pause, it restricts instead and keeps
//    scaling, breaking that commitment.
// 4. Spends 40% of the budget on capabilities (15% while paused), 15% on evaluations and the
//    rest on safeguards, most where it is furthest from what its ladder requires.

import type { LabView, LabDecision, PolicyAction, Posture } from '../types';
import { isAhead, splitBudget } from './building-blocks';

export function conditionalPauser(view: LabView): LabDecision {
  const allowed = view.self.allowedPosture;
  const keepsFullCommitment = isAhead(view) || view.pauseAgreementActive;

  const posture: Posture = keepsFullCommitment || allowed !== 'pause' ? allowed : 'restrict';

  const budget = splitBudget(view, {
    capabilities: posture === 'pause' ? 0.15 : 0.4,
    evals: 0.15,
  });

  const actions: PolicyAction[] = [];
  if (!view.self.policy.inPauseAgreement) actions.push({ kind: 'joinPauseAgreement' });

  return { posture, budget, actions };
}
