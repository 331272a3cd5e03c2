// The risk panel's series: risk as the lab's evals would put it (shown during play) and, revealed,
// the true risk the engine drew its hazards from.

import { resolveDynamics } from '../../engine/parameters';
import { POSTURE_RULES } from '../../engine/postures';
import { labRisk } from '../../engine/risk';
import type {
  DomainValues,
  GameState,
  RiskBreakdown,
  RoundRecord,
  Scenario,
} from '../../engine/types';
import type { TimelinePoint } from './types';

/** One quarter's estimate for one lab, and what it was worked out from. */
interface Estimate {
  /** The latest measured capability before this quarter: with the record, all it depends on. */
  from: DomainValues;
  /** null: the lab has no record that quarter. */
  risk: RiskBreakdown | null;
  /** The latest measured capability as of this quarter (what the next quarter starts from). */
  measured: DomainValues;
}

/**
 * Estimates already worked out, per scenario, per played quarter's record, per lab. A record is
 * never changed once played (a rewind plays new records), and an estimate is reused only from
 * the same measurements as when it was made, so a quarter's estimate is worked out once, not
 * every time the chart or the quarter's report is built.
 */
/** Before a lab's first eval: one object, so estimates made from it can be recognised. */
const NOTHING_MEASURED: DomainValues = Object.freeze({});

const worked = new WeakMap<Scenario, WeakMap<RoundRecord, Map<string, Estimate>>>();

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
  let perRecord = worked.get(scenario);
  if (!perRecord) worked.set(scenario, (perRecord = new WeakMap()));
  const out = new Map<number, RiskBreakdown>();
  let lastMeasured: DomainValues = NOTHING_MEASURED;
  for (const h of state.history) {
    let perLab = perRecord.get(h);
    if (!perLab) perRecord.set(h, (perLab = new Map()));
    let estimate = perLab.get(labId);
    if (estimate?.from !== lastMeasured) {
      const r = h.labs.find((l) => l.lab === labId);
      const measured = r?.measured ?? lastMeasured;
      const risk = r
        ? labRisk(
            {
              capability: measured,
              deployedCapability: r.deployment === 'none' ? {} : measured,
              deployment: r.deployment,
              training: POSTURE_RULES[r.effectivePosture].training,
              safeguards: r.safeguards,
            },
            resolveDynamics(scenario.dynamics),
          )
        : null;
      estimate = { from: lastMeasured, risk, measured };
      perLab.set(labId, estimate);
    }
    lastMeasured = estimate.measured;
    if (estimate.risk) out.set(h.round, estimate.risk);
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
