// The capability panel's series: what the lab's evals measured, with the margin of error it knew
// about, and (revealed) the true capability.

import { evalSensitivity, evaluateLab, isEvalRound } from '../../engine/evaluation';
import { clamp01 } from '../../engine/numbers';
import { resolveDynamics } from '../../engine/parameters';
import { labPolicy } from '../../engine/policies';
import type { Rng } from '../../engine/rng';
import type { DomainId, DomainValues, GameState, LabState, Scenario } from '../../engine/types';
import type { LabQuarters } from './labQuarters';
import type { TimelinePoint } from './types';

/** The margin of error quoted around a measurement, in standard deviations (as explain.ts words it). */
export const MARGIN_SDS = 2;

/** A generator that draws no noise: used only to read the eval's uncertainty from the engine. */
const SILENT_RNG: Rng = { next: () => 0, normal: () => 0, state: 0 };

/**
 * The eval uncertainty (one standard deviation) the lab knew at each eval round, rebuilt from the
 * recorded budgets and eval spending through the engine's own sensitivity and noise functions.
 * (Exact unless a scripted event changed the lab's budget between quarters.)
 */
function evalUncertainties(
  scenario: Scenario,
  state: GameState,
  lab: LabState,
  startBudget: number,
): Map<number, number> {
  const p = resolveDynamics(scenario.dynamics);
  const out = new Map<number, number>();
  let investment = 0;
  let budget = startBudget;
  for (const { round, labs } of state.history) {
    const r = labs.find((l) => l.lab === lab.id);
    if (!r) continue;
    const sensitivity = evalSensitivity(
      scenario.evaluation.baseSensitivity,
      investment,
      p.evalLearningRate,
    );
    out.set(
      round,
      evaluateLab({}, [], scenario.evaluation, sensitivity, round, SILENT_RNG).uncertainty,
    );
    investment += budget * r.decision.budget.evals;
    budget = r.budget;
  }
  return out;
}

/** The lab's eval results in `domain`, each with its margin of error. */
export function measuredPoints(
  scenario: Scenario,
  q: LabQuarters,
  domain: DomainId,
): TimelinePoint[] {
  const { state, lab, spec, currentRound } = q;
  const uncertainty = evalUncertainties(scenario, state, lab, spec.start.budget);
  const measuredAt = (round: number): DomainValues | null => {
    if (!isEvalRound(round, labPolicy(scenario, lab.id).evaluation.cadence)) return null;
    if (round === currentRound) return lab.lastEval?.round === round ? lab.lastEval.measured : null;
    return q.record(round)?.measured ?? null;
  };
  const points: TimelinePoint[] = [];
  for (const round of q.stateRounds) {
    const m = measuredAt(round)?.[domain];
    if (m === undefined) continue;
    const sd =
      round === currentRound && lab.lastEval ? lab.lastEval.uncertainty : uncertainty.get(round);
    const margin = sd === undefined ? undefined : MARGIN_SDS * sd;
    points.push(
      margin === undefined
        ? { round, value: m }
        : { round, value: m, low: clamp01(m - margin), high: clamp01(m + margin), margin },
    );
  }
  return points;
}

/** The true capability in `domain` at the start of each quarter (and at the end): the reveal. */
export function truthPoints(q: LabQuarters, domain: DomainId): TimelinePoint[] {
  return q.pointRounds.map((round) => ({
    round,
    value: (round > q.lastRound ? q.lab.capability : q.startCapability(round))[domain] ?? 0,
  }));
}
