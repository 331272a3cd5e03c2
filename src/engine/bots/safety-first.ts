// Safety first
//
// A lab that treats its responsible scaling policy as a promise it always keeps, the way the
// frameworks say a policy should work: if evaluations show a threshold has been crossed and the
// required safeguards are not ready, it pauses or restricts until they are.
//
// Each quarter it:
// 1. Takes exactly the posture its own commitment allows, never anything more permissive.
// 2. Builds safeguards as its evals tell it to: upkeep on every track, the level its evals show,
//    and the next level once its evals come within 0.06 of that level's threshold (safety buffer
//    included). Better evals warn it earlier; an eval that misses leaves it caught short, and then
//    it pauses and puts the capabilities money into the missing safeguards.
// 3. Spends about 45% on capabilities (a little more when it sees a rival level or ahead) and at
//    least 20% on evaluations, which also get whatever
//    safeguards do not need, because a policy is only as good as the evals that trigger it.
// 4. Reacts: incidents and public distrust raise its safeguard spending; a close race lowers it
//    only a little.
// 5. Is open: publishes its eval results and invites an external audit every fourth quarter. It
//    joins a pause agreement others already belong to, stays in it and always honours it.

import type { BotTuning, LabDecision, LabView } from '../types';
import { decide, tuningFor, type DecideOptions } from './decide';
import type { Strategy } from './strategy';

export const SAFETY_FIRST: Strategy = {
  commitment: 'keep',
  release: 'always',
  joins: 'joinIfOthers',
  membership: 'stays',
  honoursAgreement: 'always',
  loosening: 'none',
  publishesEvals: true,
  auditEvery: 4,
  securityCap: null,
  tuning: {
    capabilityShare: 0.45,
    evalShare: 0.2,
    pausedCapabilityShare: 0.1,
    upkeep: 0.03,
    needWeight: 2.5,
    safeguardCap: 0.7,
    foresight: 0.06,
    pressureLimit: 1,
    rivalReaction: 0.1,
    incidentReaction: 0.5,
    trustReaction: 0.3,
    endgameReaction: 0,
    theftReaction: 0.1,
  },
};

export function safetyFirst(
  view: LabView,
  tuning?: Partial<BotTuning>,
  options?: DecideOptions,
): LabDecision {
  return decide(view, SAFETY_FIRST, tuningFor(SAFETY_FIRST, tuning), options);
}
