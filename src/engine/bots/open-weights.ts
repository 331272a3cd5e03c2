// Open weights
//
// A lab that releases its models' weights for anyone to download and run, arguing that openness
// lets the whole world study, check and build on them. Once weights are out they cannot be
// recalled, so in this game an open release counts as a full deployment. Guarding the weights
// against theft buys little when they are published anyway, but it still measures what its
// models can do and says so in public.
//
// Each quarter it:
// 1. Deploys fully (an open release), whatever its own policy allows.
// 2. Puts about 60% of the budget into capabilities (more in a close race and near the end), at
//    least 15% into evaluations and at most 3%
//    into weight security; deployment mitigations and alignment get what its evals say they need,
//    up to 30% in all.
// 3. Publishes its eval results, so a breach of its own policy is public at once (counted once per
//    breach, not every quarter it lasts).
// 4. Never revises its policy and takes no part in pause agreements (it neither joins nor
//    leaves one, and does not pause for one).

import type { BotTuning, LabDecision, LabView } from '../types';
import { decide, tuningFor, type DecideOptions } from './decide';
import type { Strategy } from './strategy';

export const OPEN_WEIGHTS: Strategy = {
  commitment: 'ignore',
  release: 'always',
  joins: 'never',
  membership: 'stays',
  honoursAgreement: 'never',
  loosening: 'none',
  publishesEvals: true,
  auditEvery: 0,
  securityCap: 0.03,
  tuning: {
    capabilityShare: 0.6,
    evalShare: 0.15,
    pausedCapabilityShare: 0.3,
    upkeep: 0.03,
    needWeight: 1,
    safeguardCap: 0.3,
    foresight: 0.02,
    pressureLimit: 1,
    rivalReaction: 0.3,
    incidentReaction: 0.3,
    trustReaction: 0.1,
    endgameReaction: 0.2,
    theftReaction: 0,
  },
};

export function openWeights(
  view: LabView,
  tuning?: Partial<BotTuning>,
  options?: DecideOptions,
): LabDecision {
  return decide(view, OPEN_WEIGHTS, tuningFor(OPEN_WEIGHTS, tuning), options);
}
