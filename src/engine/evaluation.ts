import { clamp01 } from './numbers';
import type { Rng } from './rng';
import type {
  DomainId,
  DomainValues,
  EvalResult,
  EvaluationSettings,
  LevelSpec,
  MissedCrossing,
} from './types';

/**
 * How much of the true capability the evals elicit. Rises with accumulated eval investment and
 * saturates (x / (1 + x) keeps the arithmetic identical on every JavaScript engine).
 */
export function evalSensitivity(base: number, investment: number, learningRate: number): number {
  const x = (learningRate * Math.max(0, investment)) / 100;
  return base + (1 - base) * (x / (1 + x));
}

export function isEvalRound(round: number, cadence: number): boolean {
  return (round - 1) % Math.max(1, Math.round(cadence)) === 0;
}

/**
 * Run the lab's capability assessment: measured = true − elicitation gap − sandbagging + noise.
 * The gap and sandbagging shrink as sensitivity rises; sandbagging grows with autonomy, since a
 * more autonomous model is more able to underperform on purpose.
 */
export function evaluateLab(
  capability: DomainValues,
  domains: readonly DomainId[],
  settings: EvaluationSettings,
  sensitivity: number,
  round: number,
  rng: Rng,
): EvalResult {
  const autonomy = capability.autonomy ?? 0;
  const bias = (1 - sensitivity) * (settings.elicitationGap + settings.sandbagging * autonomy);
  const sd = settings.noise * (1 - 0.5 * sensitivity);
  const measured: DomainValues = {};
  for (const d of domains) {
    measured[d] = clamp01((capability[d] ?? 0) - bias + sd * rng.normal());
  }
  return { round, measured, uncertainty: sd, sensitivity };
}

/** Index of the highest level any of whose thresholds the values reach (−1 = none). */
export function levelReached(
  levels: readonly LevelSpec[],
  values: DomainValues,
  buffer = 0,
): number {
  // Plain loops: this runs several times per lab per quarter in batch runs.
  for (let i = levels.length - 1; i >= 0; i--) {
    const thresholds = (levels[i] as LevelSpec).thresholds;
    for (const d in thresholds) {
      if ((values[d as DomainId] ?? 0) >= (thresholds[d as DomainId] as number) - buffer) return i;
    }
  }
  return -1;
}

/** Thresholds truly crossed that the latest evals (with the safety buffer) do not show: the central hazard. */
export function missedCrossings(
  levels: readonly LevelSpec[],
  capability: DomainValues,
  lastEval: EvalResult | null,
  buffer: number,
  lab: string,
  round: number,
): MissedCrossing[] {
  const missed: MissedCrossing[] = [];
  for (const level of levels) {
    for (const key in level.thresholds) {
      const d = key as DomainId;
      const t = level.thresholds[d] as number;
      const truth = capability[d] ?? 0;
      const measured = lastEval?.measured[d] ?? 0;
      if (truth >= t && measured < t - buffer) {
        missed.push({
          round,
          lab,
          levelId: level.id,
          domain: d,
          trueCapability: truth,
          measured,
          threshold: t,
        });
      }
    }
  }
  return missed;
}
