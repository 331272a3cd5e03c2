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

export {
  competitorClause,
  conditionalDelayer,
  conditionalPauser,
  fastFollower,
  openWeights,
  raceToDeploy,
  safetyFirst,
};
