// The rival labs' strategies. Each is a pure function from what a lab can see (its LabView) to
// its decision for the quarter, in its own file with a plain-words header: open any of them to
// read exactly how that rival plays.

import type { BotStrategy, BotStrategyId } from '../types';
import { conditionalPauser } from './conditional-pauser';
import { fastFollower } from './fast-follower';
import { openWeights } from './open-weights';
import { raceToDeploy } from './race-to-deploy';
import { safetyFirst } from './safety-first';

export const BOTS: Record<BotStrategyId, BotStrategy> = {
  'safety-first': safetyFirst,
  'fast-follower': fastFollower,
  'race-to-deploy': raceToDeploy,
  'open-weights': openWeights,
  'conditional-pauser': conditionalPauser,
};

/** Name and one sentence per strategy, for the rival picker. */
export const BOT_DESCRIPTIONS: Record<BotStrategyId, { name: string; summary: string }> = {
  'safety-first': {
    name: 'Safety first',
    summary:
      'Always keeps its policy, pausing or restricting when its evals say so, builds safeguards ahead of need, publishes its evals and invites audits.',
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
      'Joins the pause agreement and pauses when its policy says so, but only while it is ahead or the agreement is in force, because a lone pause does not help if others race on.',
  },
};

export { conditionalPauser, fastFollower, openWeights, raceToDeploy, safetyFirst };
