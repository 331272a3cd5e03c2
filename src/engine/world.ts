import type { DynamicsParams, Incident, RegulationLevel, Severity } from './types';

export const TRUST_LOSS: Record<Severity, number> = {
  warning: 0.05,
  serious: 0.12,
  catastrophe: 1,
};
/** Trust lost when a hidden breach or quiet revision comes to light. */
export const EXPOSURE_TRUST_LOSS = 0.03;

/** Trust below which each regulation level arrives (after regulationLag quarters). */
export const REGULATION_TRIGGERS: Record<1 | 2 | 3, number> = { 1: 0.6, 2: 0.4, 3: 0.15 };

export function nextTrust(
  trust: number,
  incidents: readonly Incident[],
  exposures: number,
  p: DynamicsParams,
): number {
  const lost =
    incidents.reduce((sum, i) => sum + TRUST_LOSS[i.severity], 0) + exposures * EXPOSURE_TRUST_LOSS;
  const recovered = incidents.length === 0 && exposures === 0 ? p.trustRecovery : 0;
  return Math.min(1, Math.max(0, trust - lost + recovered));
}

export interface RegulationStep {
  regulation: RegulationLevel;
  regulatoryPressure: number;
}

/**
 * Regulators lag: a level arrives only after trust has stayed below its trigger for
 * regulationLag quarters. Regulation never relaxes within a game.
 */
export function nextRegulation(
  current: RegulationLevel,
  pressure: number,
  trust: number,
  p: DynamicsParams,
): RegulationStep {
  if (current >= 3) return { regulation: current, regulatoryPressure: 0 };
  const nextLevel = (current + 1) as 1 | 2 | 3;
  if (trust >= REGULATION_TRIGGERS[nextLevel])
    return { regulation: current, regulatoryPressure: 0 };
  const waited = pressure + 1;
  if (waited > p.regulationLag) return { regulation: nextLevel, regulatoryPressure: 0 };
  return { regulation: current, regulatoryPressure: waited };
}
