// Competitor clause
//
// A lab under a policy like OpenAI's Preparedness Framework v2 (April 2025). It keeps its
// commitments, but the framework lets it adjust its requirements if another frontier developer
// releases a high-risk system without comparable safeguards — after confirming the risk landscape
// has changed, acknowledging the adjustment publicly, and judging that it does not meaningfully
// raise overall risk.
//
// Each quarter it:
// 1. Keeps its commitment: never more permissive than its own policy allows …
// 2. … except under the competitor clause: when its training safeguards are ready and only its
//    deployment safeguards hold it back (within 0.15 of the bar), and it can confirm — from a
//    rival's announcement or published evals — that a rival at its level or above has fully
//    released, it publicly raises the thresholds of the level it has reached to just above its
//    measured results, and deploys. It uses the clause once per level (an adjustment, not a
//    ratchet). With no information about rivals it can never confirm, so it never uses the clause.
// 3. Builds safeguards as its evals tell it (the next level within 0.05), up to 55% on
//    capabilities, at least 12% on evaluations.
// 4. Publishes nothing; joins a pause agreement others belong to, honours it unless its board
//    presses hard, and leaves it after another member defects.

import type { BotTuning, LabDecision, LabView } from '../types';
import { decide, tuningFor, type DecideOptions } from './decide';
import type { Strategy } from './strategy';

export const COMPETITOR_CLAUSE: Strategy = {
  commitment: 'keep',
  release: 'always',
  joins: 'joinIfOthers',
  membership: 'leavesAfterDefection',
  honoursAgreement: 'unlessPressed',
  loosening: 'competitorClause',
  publishesEvals: false,
  auditEvery: 0,
  securityCap: null,
  tuning: {
    capabilityShare: 0.55,
    evalShare: 0.12,
    pausedCapabilityShare: 0.15,
    upkeep: 0.03,
    needWeight: 1.8,
    safeguardCap: 0.55,
    foresight: 0.05,
    pressureLimit: 0.6,
    rivalReaction: 0.2,
    incidentReaction: 0.4,
    trustReaction: 0.2,
    endgameReaction: 0.2,
    theftReaction: 0.1,
  },
};

export function competitorClause(
  view: LabView,
  tuning?: Partial<BotTuning>,
  options?: DecideOptions,
): LabDecision {
  return decide(view, COMPETITOR_CLAUSE, tuningFor(COMPETITOR_CLAUSE, tuning), options);
}
