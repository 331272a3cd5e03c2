// Safety first
//
// A lab that treats its responsible scaling policy as a promise it always keeps, the way the
// frameworks say a policy should work: if evaluations show a threshold has been crossed and the
// required safeguards are not ready, it pauses or restricts until they are.
//
// Each quarter it:
// 1. Takes exactly the posture its own commitment allows, never anything more permissive: it
//    pauses when its policy says pause, restricts when it says restrict, deploys only when
//    nothing stands in the way.
// 2. Builds safeguards ahead of need: half the budget goes to security, deployment mitigations
//    and alignment, most of it to whichever track is furthest from what the current and next
//    level of its ladder require. A fifth goes to evaluations, because a policy is only as good
//    as the evals that trigger it. While paused, it moves most capability spending to safeguards
//    so the pause ends sooner.
// 3. Is open about it: publishes its eval results, joins the conditional pause agreement, and
//    invites an external audit every fourth quarter.

import type { LabView, LabDecision, PolicyAction } from '../types';
import { splitBudget } from './building-blocks';

/** Quarters between the audits it invites (every fourth round: rounds 4, 8, 12 …). */
const AUDIT_EVERY = 4;

export function safetyFirst(view: LabView): LabDecision {
  const posture = view.self.allowedPosture;

  const budget = splitBudget(view, {
    capabilities: posture === 'pause' ? 0.1 : 0.3,
    evals: 0.2,
  });

  const actions: PolicyAction[] = [];
  if (!view.self.policy.publishesEvals) actions.push({ kind: 'publishEvals', publish: true });
  if (!view.self.policy.inPauseAgreement) actions.push({ kind: 'joinPauseAgreement' });
  if (view.round % AUDIT_EVERY === 0) actions.push({ kind: 'inviteAudit' });

  return { posture, budget, actions };
}
