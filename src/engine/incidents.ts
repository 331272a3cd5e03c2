import type { Rng } from './rng';
import type { DomainId, Incident, IncidentKind, Severity } from './types';

/**
 * Draw whether a hazard becomes an incident this quarter, and how bad. The more dangerous the
 * capability behind it, the larger the share of incidents that are catastrophic; the rest split
 * between serious incidents and warning shots.
 */
export function drawIncident(
  probability: number,
  dangerLevel: number,
  catastropheShare: number,
  rng: Rng,
): Severity | null {
  const happens = rng.next() < probability;
  const roll = rng.next();
  if (!happens) return null;
  const catastrophic = catastropheShare * dangerLevel;
  if (roll < catastrophic) return 'catastrophe';
  return roll < catastrophic + 0.35 ? 'serious' : 'warning';
}

export function incident(
  round: number,
  lab: string,
  kind: IncidentKind,
  severity: Severity,
  domain: DomainId | null,
): Incident {
  return { round, lab, kind, severity, domain };
}
