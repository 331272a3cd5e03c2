// The regulator's levels in words (the triggers, numbers, stay in src/engine/world.ts).

import type { RegulationLevel } from '../engine/types';

/** What each level of regulation requires, as a phrase ("binding safeguards"). */
export const REGULATION_NAMES: Record<RegulationLevel, string> = {
  0: 'none',
  1: 'incident reporting and audits',
  2: 'binding safeguards',
  3: 'moratorium on frontier development',
};

/** The headline when regulation rises to a level. */
export const REGULATION_HEADLINES: Record<1 | 2 | 3, string> = {
  1: 'Regulator requires incident reporting and third-party audits',
  2: 'Regulator makes safety commitments binding',
  3: 'Regulator orders a moratorium on frontier development',
};
