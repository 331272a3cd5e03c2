// The risk panel's series: risk as the lab's evals would put it (shown during play) and, revealed,
// the true risk the engine drew its hazards from.

import { resolveDynamics } from '../../engine/parameters';
import { POSTURE_RULES } from '../../engine/postures';
import { labRisk } from '../../engine/risk';
import type { DomainValues, GameState, RiskBreakdown, Scenario } from '../../engine/types';
import type { TimelinePoint } from './types';

/**
 * Each played quarter's risk as the lab's own evals would put it, by hazard: the engine's hazard
 * formula (labRisk) applied to the latest measured capability instead of the hidden truth, with
 * the quarter's posture and its end-of-quarter safeguards (when the engine draws its hazards).
 * Never reads the truth, so it may be shown before the debrief.
 */
export function estimatedRisks(
  scenario: Scenario,
  state: GameState,
  labId: string,
): Map<number, RiskBreakdown> {
  const p = resolveDynamics(scenario.dynamics);
  const out = new Map<number, RiskBreakdown>();
  let lastMeasured: DomainValues = {};
  for (const h of state.history) {
    const r = h.labs.find((l) => l.lab === labId);
    if (!r) continue;
    if (r.measured) lastMeasured = r.measured;
    const risk = labRisk(
      {
        capability: lastMeasured,
        deployedCapability: r.deployment === 'none' ? {} : lastMeasured,
        deployment: r.deployment,
        training: POSTURE_RULES[r.effectivePosture].training,
        safeguards: r.safeguards,
      },
      p,
    );
    out.set(h.round, risk);
  }
  return out;
}

/** The true risk the lab ran each quarter (the reveal). */
export function trueRiskPoints(state: GameState, labId: string): TimelinePoint[] {
  return state.history.flatMap((h) => {
    const r = h.labs.find((l) => l.lab === labId);
    return r ? [{ round: h.round, value: r.risk.total }] : [];
  });
}
