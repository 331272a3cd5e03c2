// Drift (issue 14 item 5): the gap between the policy a team wrote before quarter 1 and what its
// lab did under pressure, as facts (the words are src/presentation/report/drift.ts's). Read from the game record only — the engine already records, each
// quarter, what the lab's commitment as registered allowed and what it took (round.ts), and every
// threshold revision with whether it was public (policyActions.ts) — so drift cannot disagree
// with the rest of the debrief.

import type {
  GameState,
  Posture,
  PolicyRevision,
  PolicySpec,
  Scenario,
  ShortfallRule,
} from '../types';
import { labPolicy } from '../policies';

/** A quarter in which the lab took a posture its own policy did not allow. */
export interface DriftQuarter {
  round: number;
  /** The level its evals showed reached, by name ("ASL-3"). */
  level: string;
  allowed: Posture;
  took: Posture;
  /** What its policy does when safeguards fall short: which rule it went past (see
   * ruleBroken in src/presentation/report/drift.ts for the words). */
  whenShort: ShortfallRule;
}

export interface TeamDrift {
  lab: string;
  /** The name of the policy the lab played under. */
  policyName: string;
  /** Quarters played (the denominator of `broken`). */
  quarters: number;
  broken: DriftQuarter[];
  /** Every threshold revision, in the order made. */
  revisions: PolicyRevision[];
  publicRevisions: number;
  quietRevisions: number;
  /** Quiet revisions an audit or a whistleblower brought to light. */
  quietExposed: number;
}

function levelName(policy: PolicySpec, id: string | null): string {
  if (id === null) return 'its level';
  return policy.levels.find((l) => l.id === id)?.name ?? id;
}

/** A lab's drift from its policy over a game (played or in progress). */
export function driftOf(scenario: Scenario, state: GameState, lab: string): TeamDrift {
  const { policy } = labPolicy(scenario, lab);
  const broken: DriftQuarter[] = [];
  let quarters = 0;
  for (const round of state.history) {
    const row = round.labs.find((r) => r.lab === lab);
    if (!row) continue;
    quarters++;
    if (row.compliance !== 'broken') continue;
    const level = levelName(policy, row.knownLevel);
    broken.push({
      round: round.round,
      level,
      allowed: row.allowedPosture,
      took: row.effectivePosture,
      whenShort: policy.whenShort,
    });
  }
  const revisions = state.labs.find((l) => l.id === lab)?.policy.revisions ?? [];
  const quiet = revisions.filter((r) => !r.publicly);
  return {
    lab,
    policyName: policy.name,
    quarters,
    broken,
    revisions,
    publicRevisions: revisions.length - quiet.length,
    quietRevisions: quiet.length,
    quietExposed: quiet.filter((r) => r.exposed).length,
  };
}
