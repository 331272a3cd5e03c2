// Conditional delayer
//
// A lab under a policy like Anthropic's Responsible Scaling Policy v3.0 (February 2026), which
// replaced the binding pause with a conditional delay: the lab would consider delaying when it has
// a significant lead and the risk is significant; if rivals advance with weaker protections, it
// "will not necessarily delay".
//
// Each quarter it:
// 1. Where its policy says pause, it delays (pauses) only when it judges itself ahead — market
//    share at least every rival's, and no rival seen at the next level — and the risk significant
//    (a training safeguard 0.1 or more short of the bar). Otherwise it restricts and keeps
//    training, breaking the registered pause commitment of the ladder it plays under.
// 2. Keeps its deployment commitment: restricts when its policy says restrict.
// 3. Builds safeguards as its evals tell it (the next level within 0.05), up to 55% on
//    capabilities, at least 15% on evaluations.
// 4. Publishes its eval results (v3.0's Risk Reports) and takes no part in pause agreements.

import type { BotTuning, LabDecision, LabView } from '../types';
import { decide, tuningFor, type DecideOptions } from './decide';
import type { Strategy } from './strategy';

export const CONDITIONAL_DELAYER: Strategy = {
  commitment: 'delayIfAheadAndSignificant',
  release: 'always',
  joins: 'never',
  membership: 'leaves',
  honoursAgreement: 'never',
  loosening: 'none',
  publishesEvals: true,
  auditEvery: 0,
  securityCap: null,
  tuning: {
    capabilityShare: 0.55,
    evalShare: 0.15,
    pausedCapabilityShare: 0.15,
    upkeep: 0.03,
    needWeight: 2,
    safeguardCap: 0.6,
    foresight: 0.05,
    pressureLimit: 0.6,
    rivalReaction: 0.3,
    incidentReaction: 0.4,
    trustReaction: 0.2,
    endgameReaction: 0.2,
    theftReaction: 0.1,
  },
};

export function conditionalDelayer(
  view: LabView,
  tuning?: Partial<BotTuning>,
  options?: DecideOptions,
): LabDecision {
  return decide(view, CONDITIONAL_DELAYER, tuningFor(CONDITIONAL_DELAYER, tuning), options);
}
