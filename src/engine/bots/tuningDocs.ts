// What each number of a bot's tuning means and the range a scenario may set it in. MODEL.md's
// "Bots" table and the scenario schema read this list.

import type { BotTuning } from '../types';

export interface TuningDoc {
  meaning: string;
  min: number;
  max: number;
}

export const BOT_TUNING_DOCS: Record<keyof BotTuning, TuningDoc> = {
  capabilityShare: {
    meaning: 'Risk appetite: the most of its budget it puts into capabilities.',
    min: 0,
    max: 1,
  },
  evalShare: {
    meaning: 'The least it puts into evaluations; money no other line needs goes there too.',
    min: 0,
    max: 1,
  },
  pausedCapabilityShare: {
    meaning: 'Capabilities share while paused; the rest goes to the safeguards that end the pause.',
    min: 0,
    max: 1,
  },
  upkeep: {
    meaning: 'Share per safeguard track it spends even when its evals show no need.',
    min: 0,
    max: 0.3,
  },
  needWeight: {
    meaning:
      'Share per unit of readiness a track is short of what its evals say it needs: how strongly safeguard spending follows eval signals.',
    min: 0,
    max: 10,
  },
  safeguardCap: {
    meaning: 'The most of its budget it puts into safeguards outside a pause.',
    min: 0,
    max: 1,
  },
  foresight: {
    meaning:
      'How close (capability units) its evals must come to the next level before it builds for it; 1 = always builds ahead.',
    min: 0,
    max: 1,
  },
  pressureLimit: {
    meaning:
      'Board pressure above which pressure beats its commitments (bending the policy, defecting from a pause agreement).',
    min: 0,
    max: 1,
  },
  rivalReaction: {
    meaning:
      'How much a rival seen level or ahead (announcements, published evals) cuts its safeguard spending and raises its capability appetite.',
    min: 0,
    max: 2,
  },
  incidentReaction: {
    meaning:
      "How much last quarter's incidents (its own in full, a rival's at half) raise its safeguard spending.",
    min: 0,
    max: 3,
  },
  trustReaction: {
    meaning: 'How much low public trust and regulation raise its safeguard spending.',
    min: 0,
    max: 3,
  },
  endgameReaction: {
    meaning: 'How much the last four quarters cut its safeguard spending and raise its appetite.',
    min: 0,
    max: 2,
  },
  theftReaction: {
    meaning: 'Extra security share while a stolen model is loose.',
    min: 0,
    max: 1,
  },
};
