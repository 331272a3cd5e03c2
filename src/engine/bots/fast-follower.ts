// Fast follower
//
// A lab that does not want to be first to release a frontier model, but will not be left behind
// either. It waits for someone else to move, then follows quickly. Its policy holds in ordinary
// times; it bends when the board is pushing hard and a rival has already shipped.
//
// Each quarter it:
// 1. Restricts (deploys with limits) until a rival has deployed, restricted or fully; after that
//    it deploys fully too.
// 2. Keeps its commitment: never more permissive than its own policy allows …
// 3. … unless its board pressure is high (above 0.6) and a rival is fully deployed. Then it
//    deploys anyway, breaking its commitment if the policy said pause or restrict.
// 4. Builds safeguards as its evals tell it, starting for the next level when its evals come within
//    0.04 of it; spends up to 55% on capabilities (more when it sees a rival level or ahead, and
//    near the end) and at least 10% on evaluations.
// 5. Reacts to incidents and distrust with more safeguards, and to a close race with fewer.
// 6. Publishes nothing and invites no audits. It joins a pause agreement others belong to, leaves
//    it if a member defects, and honours it unless its board presses hard.

import type { BotTuning, LabDecision, LabView } from '../types';
import { decide, tuningFor, type DecideOptions } from './decide';
import type { Strategy } from './strategy';

export const FAST_FOLLOWER: Strategy = {
  commitment: 'keepUnlessPressed',
  release: 'afterRival',
  joins: 'joinIfOthers',
  membership: 'leavesAfterDefection',
  honoursAgreement: 'unlessPressed',
  loosening: 'none',
  publishesEvals: false,
  auditEvery: 0,
  securityCap: null,
  tuning: {
    capabilityShare: 0.55,
    evalShare: 0.1,
    pausedCapabilityShare: 0.15,
    upkeep: 0.03,
    needWeight: 1.5,
    safeguardCap: 0.5,
    foresight: 0.04,
    pressureLimit: 0.6,
    rivalReaction: 0.3,
    incidentReaction: 0.4,
    trustReaction: 0.2,
    endgameReaction: 0.3,
    theftReaction: 0.1,
  },
};

export function fastFollower(
  view: LabView,
  tuning?: Partial<BotTuning>,
  options?: DecideOptions,
): LabDecision {
  return decide(view, FAST_FOLLOWER, tuningFor(FAST_FOLLOWER, tuning), options);
}
