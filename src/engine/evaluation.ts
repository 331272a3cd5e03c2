import { domainValuesFor } from './capability';
import { clamp01 } from './numbers';
import { ladderTable } from './ladderTable';
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
  const measured = domainValuesFor(domains);
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
  // The ladder's table and plain loops: this runs several times per lab per quarter in batch runs.
  const { start, domains, thresholds } = ladderTable(levels);
  for (let i = levels.length - 1; i >= 0; i--) {
    const end = start[i + 1] as number;
    for (let k = start[i] as number; k < end; k++) {
      if ((values[domains[k] as DomainId] ?? 0) >= (thresholds[k] as number) - buffer) return i;
    }
  }
  return -1;
}

/** Thresholds truly crossed that the latest evals (with the safety buffer) do not show: the central hazard. */
export function missedCrossings(...reading: Parameters<typeof readTruth>): MissedCrossing[] {
  return readTruth(...reading).missed;
}

/** What a ladder says of the true capability: the level it reaches and the crossings missed. */
export interface TruthReading {
  /** `levelReached(levels, capability)`: the highest level truly reached (−1: none). */
  level: number;
  /** `missedCrossings`: thresholds truly crossed that the evals (with the buffer) do not show. */
  missed: MissedCrossing[];
}

/** The true level and the missed crossings in one pass over the ladder (a lab's every record). */
export function readTruth(
  levels: readonly LevelSpec[],
  capability: DomainValues,
  lastEval: EvalResult | null,
  buffer: number,
  lab: string,
  round: number,
): TruthReading {
  const missed: MissedCrossing[] = [];
  let level = -1;
  const { ids, start, domains, thresholds } = ladderTable(levels);
  for (let i = 0; i < levels.length; i++) {
    const end = start[i + 1] as number;
    for (let k = start[i] as number; k < end; k++) {
      const d = domains[k] as DomainId;
      const t = thresholds[k] as number;
      const truth = capability[d] ?? 0;
      if (!(truth >= t)) continue;
      level = i;
      const measured = lastEval?.measured[d] ?? 0;
      if (measured < t - buffer) {
        missed.push({
          round,
          lab,
          levelId: ids[i] as string,
          domain: d,
          trueCapability: truth,
          measured,
          threshold: t,
        });
      }
    }
  }
  return { level, missed };
}
