// The rival labs' strategies. Each is a pure function from what a lab can see (its LabView) to
// its decision for the quarter, in its own file with a plain-words header: open any of them to
// read exactly how that rival plays. Every strategy is data (strategy.ts) played by one decision
// procedure (decide.ts), so a scenario can move a lab's numbers with `labs[].bot`.

import type { BotStrategy, BotStrategyId } from '../types';
import { COMPETITOR_CLAUSE, competitorClause } from './competitor-clause';
import { CONDITIONAL_DELAYER, conditionalDelayer } from './conditional-delayer';
import { CONDITIONAL_PAUSER, conditionalPauser } from './conditional-pauser';
import { FAST_FOLLOWER, fastFollower } from './fast-follower';
import { OPEN_WEIGHTS, openWeights } from './open-weights';
import { RACE_TO_DEPLOY, raceToDeploy } from './race-to-deploy';
import { SAFETY_FIRST, safetyFirst } from './safety-first';
import type { Strategy } from './strategy';

export const BOTS: Record<BotStrategyId, BotStrategy> = {
  'safety-first': safetyFirst,
  'fast-follower': fastFollower,
  'race-to-deploy': raceToDeploy,
  'open-weights': openWeights,
  'conditional-pauser': conditionalPauser,
  'competitor-clause': competitorClause,
  'conditional-delayer': conditionalDelayer,
};

/** Each strategy's rules and numbers (see strategy.ts and MODEL.md, "Bots"). */
export const STRATEGIES: Record<BotStrategyId, Strategy> = {
  'safety-first': SAFETY_FIRST,
  'fast-follower': FAST_FOLLOWER,
  'race-to-deploy': RACE_TO_DEPLOY,
  'open-weights': OPEN_WEIGHTS,
  'conditional-pauser': CONDITIONAL_PAUSER,
  'competitor-clause': COMPETITOR_CLAUSE,
  'conditional-delayer': CONDITIONAL_DELAYER,
};

/** Name and one sentence per strategy, for the rival picker. */
export const BOT_DESCRIPTIONS: Record<BotStrategyId, { name: string; summary: string }> = {
  'safety-first': {
    name: 'Safety first',
    summary:
      'Always keeps its policy, pausing or restricting when its evals say so, builds safeguards as its evals warn it, publishes its evals and invites audits.',
  },
  'fast-follower': {
    name: 'Fast follower',
    summary:
      'Holds back with a limited release until a rival ships, then deploys too, and breaks its policy if its board is pushing hard and a rival has fully deployed.',
  },
  'race-to-deploy': {
    name: 'Race to deploy',
    summary:
      'Always releases in full, spends almost everything on capabilities, and quietly loosens its thresholds when its policy would make it pause.',
  },
  'open-weights': {
    name: 'Open weights',
    summary:
      'Releases its model weights openly every quarter, spends little on guarding them, and publishes its eval results.',
  },
  'conditional-pauser': {
    name: 'Conditional pauser',
    summary:
      'Pauses when its policy says so only while it is ahead or a pause agreement is in force, joins an agreement others have signed and leaves it if a member defects.',
  },
  'competitor-clause': {
    name: 'Competitor clause',
    summary:
      'Keeps its policy, but publicly loosens a deployment bar when it can confirm a rival at its level has released in full, as OpenAI’s Preparedness Framework v2 allows.',
  },
  'conditional-delayer': {
    name: 'Conditional delayer',
    summary:
      'Delays training only when it judges itself ahead and the risk significant, as Anthropic’s RSP v3.0 does, and otherwise restricts and trains on.',
  },
};

export {
  competitorClause,
  conditionalDelayer,
  conditionalPauser,
  fastFollower,
  openWeights,
  raceToDeploy,
  safetyFirst,
};
