// Conditional pauser
//
// A lab that will pause, but only on conditions: while it is ahead, or while enough labs have
// signed a pause agreement that its pause is not a gift to rivals. This is the coordination logic
// of DeepMind's Frontier Safety Framework v2 ("some mitigations work only if adopted widely") and
// of the pause agreements the seeds discuss.
//
// Each quarter it:
// 1. Keeps its commitment in full (including pausing) while its market share is at least every
//    rival's, or while the pause agreement is in force.
// 2. Otherwise it still restricts when its policy says restrict, but it will not pause: where its
//    policy says pause, it restricts instead and keeps scaling, breaking that commitment.
// 3. Joins a pause agreement others already belong to, always honours it while a member, and
//    leaves it if another member defects (a broken pact is no pact).
// 4. Builds safeguards as its evals tell it (the next level within 0.05), up to 50% on
//    capabilities and at least 15% on evaluations; incidents and distrust raise its safeguard
//    spending, a close race lowers it a little.

import type { BotTuning, LabDecision, LabView } from '../types';
import { decide, tuningFor, type DecideOptions } from './decide';
import type { Strategy } from './strategy';

export const CONDITIONAL_PAUSER: Strategy = {
  commitment: 'keepWhenAheadOrAgreed',
  release: 'always',
  joins: 'joinIfOthers',
  membership: 'leavesAfterDefection',
  honoursAgreement: 'always',
  loosening: 'none',
  publishesEvals: false,
  auditEvery: 0,
  securityCap: null,
  tuning: {
    capabilityShare: 0.5,
    evalShare: 0.15,
    pausedCapabilityShare: 0.15,
    upkeep: 0.03,
    needWeight: 2,
    safeguardCap: 0.6,
    foresight: 0.05,
    pressureLimit: 1,
    rivalReaction: 0.2,
    incidentReaction: 0.4,
    trustReaction: 0.3,
    endgameReaction: 0.1,
    theftReaction: 0.1,
  },
};

export function conditionalPauser(
  view: LabView,
  tuning?: Partial<BotTuning>,
  options?: DecideOptions,
): LabDecision {
  return decide(view, CONDITIONAL_PAUSER, tuningFor(CONDITIONAL_PAUSER, tuning), options);
}
