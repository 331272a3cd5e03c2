// Each rival strategy's name and one sentence in plain words: what the rival picker, the rivals
// panel, the debrief and the reports call it. Words only — the strategies themselves (their rules
// and numbers) are in src/engine/bots/, and MODEL.md's "Bots" section describes them.

import type { BotStrategyId } from '../engine/types';

/** Name and one sentence per strategy. */
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
