// Which domain the capability panel shows first, and the threshold lines drawn in it.

import type { DomainId, LabState, LevelSpec, Scenario } from '../../engine/types';
import type { ThresholdLine } from './types';

/**
 * The domain to show first: the one whose latest measurement is closest to (or furthest past) its
 * lowest threshold. Before any eval: the first domain with a threshold.
 */
export function focusDomain(lab: LabState, scenario: Scenario): DomainId {
  const levels = lab.policy.levels;
  let best: DomainId | null = null;
  let bestRatio = -Infinity;
  for (const d of scenario.domains) {
    const threshold = levels.map((l) => l.thresholds[d.id]).find((t) => t !== undefined);
    if (threshold === undefined) continue;
    const measured = lab.lastEval?.measured[d.id] ?? 0;
    const ratio = threshold > 0 ? measured / threshold : measured;
    if (best === null || ratio > bestRatio) [best, bestRatio] = [d.id, ratio];
  }
  return best ?? scenario.domains[0]?.id ?? 'cbrn';
}

/** A ladder's thresholds in one domain, each with the value it was revised from (if it was). */
export function thresholdLines(
  own: readonly LevelSpec[],
  original: readonly LevelSpec[],
  domain: DomainId,
): ThresholdLine[] {
  return own.flatMap((level) => {
    const value = level.thresholds[domain];
    if (value === undefined) return [];
    const before = original.find((l) => l.id === level.id)?.thresholds[domain];
    return [
      {
        levelId: level.id,
        levelName: level.name,
        value,
        revisedFrom: before !== undefined && before !== value ? before : null,
      },
    ];
  });
}
