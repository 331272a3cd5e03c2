// Race to deploy
//
// A lab that believes the prize goes to whoever ships the most capable model first. It has a
// safety policy on paper, but the policy never stops it. This is the behaviour the critiques of
// voluntary frameworks worry about: self-written thresholds, self-judged compliance, and
// revisions that quietly loosen a commitment when it starts to bind.
//
// Each quarter it:
// 1. Deploys fully, whatever its own policy allows.
// 2. Puts up to 80% of the budget into capabilities (up to a quarter more when the race is close
//    and near the end),
//    5% into evaluations, and at most 20% into safeguards, by what its evals say is missing.
// 3. When its board pressure is high (above 0.6) and its policy says pause, it quietly raises
//    each threshold of the level it has reached that its evals crossed (or came within 0.1 of)
//    to just above the measured result. Audits and whistleblowers may expose the quiet revision,
//    which is then undone; a binding policy or regulator holds it to the registered ladder anyway.
// 4. Never joins a pause agreement. If a scenario puts it in one, it stays (leaving is a public
//    loss of face) and pauses when the agreement is triggered, unless its board presses hard.

import type { BotTuning, LabDecision, LabView } from '../types';
import { decide, tuningFor, type DecideOptions } from './decide';
import type { Strategy } from './strategy';

export const RACE_TO_DEPLOY: Strategy = {
  commitment: 'ignore',
  release: 'always',
  joins: 'never',
  membership: 'stays',
  honoursAgreement: 'unlessPressed',
  loosening: 'quietUnderPressure',
  publishesEvals: false,
  auditEvery: 0,
  securityCap: null,
  tuning: {
    capabilityShare: 0.8,
    evalShare: 0.05,
    pausedCapabilityShare: 0.4,
    upkeep: 0.02,
    needWeight: 1,
    safeguardCap: 0.2,
    foresight: 0,
    pressureLimit: 0.6,
    rivalReaction: 0.5,
    incidentReaction: 0.2,
    trustReaction: 0.1,
    endgameReaction: 0.5,
    theftReaction: 0.05,
  },
};

export function raceToDeploy(
  view: LabView,
  tuning?: Partial<BotTuning>,
  options?: DecideOptions,
): LabDecision {
  return decide(view, RACE_TO_DEPLOY, tuningFor(RACE_TO_DEPLOY, tuning), options);
}
