// Display names for the engine's identifiers (words only: no rules here).
import type { BudgetLine, SafeguardTrack } from '../../engine/types';
import { TRACK_NAMES } from '../../presentation/explain';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Security", "Deployment safeguards", "Alignment evidence". */
export const TRACK_LABEL: Record<SafeguardTrack, string> = {
  security: capitalise(TRACK_NAMES.security),
  deployment: capitalise(TRACK_NAMES.deployment),
  alignment: capitalise(TRACK_NAMES.alignment),
};

export const BUDGET_LABEL: Record<BudgetLine, string> = {
  capabilities: 'Capabilities',
  security: TRACK_LABEL.security,
  deployment: TRACK_LABEL.deployment,
  alignment: TRACK_LABEL.alignment,
  evals: 'Evals',
};

export { percent as pct } from '../../engine/numbers';

/** The steps of a quarter, as the game machine names its states. */
export type QuarterPhase = 'briefing' | 'evaluation' | 'decisions';
