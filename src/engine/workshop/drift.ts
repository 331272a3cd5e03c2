// Drift (issue 14 item 5): the gap between the policy a team wrote before quarter 1 and what its
// lab did under pressure. Read from the game record only — the engine already records, each
// quarter, what the lab's commitment as registered allowed and what it took (round.ts), and every
// threshold revision with whether it was public (policyActions.ts) — so drift cannot disagree
// with the rest of the debrief.

import { postureName } from '../postures';
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
  /** The rule of its policy it went past, in plain words. */
  rule: string;
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

/**
 * The rule a posture more permissive than `allowed` goes past: a pause the policy asked for (its
 * shortfall rule says how), or the limits on release it set.
 */
export function ruleBroken(whenShort: ShortfallRule, allowed: Posture, level: string): string {
  if (allowed === 'pause') {
    return whenShort === 'delayIfAhead'
      ? `delay training at ${level} when ahead and the risk is significant`
      : `pause training at ${level} until its training safeguards are ready`;
  }
  return whenShort === 'restrict'
    ? `release only with limits at ${level} until its safeguards are ready`
    : `release only with limits at ${level} until its deployment safeguards are ready`;
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
      rule: ruleBroken(policy.whenShort, row.allowedPosture, level),
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

/** "Q4: took Full release where its policy said Restrict — release only with limits at …". */
export function driftQuarterWords(q: DriftQuarter): string {
  return `Quarter ${q.round}: ${postureName(q.took).toLowerCase()} where its policy said ${postureName(q.allowed).toLowerCase()} (${q.rule})`;
}

/** One line for a team's drift: "Acted against its policy in 2 of 12 quarters; 1 public revision, 1 quiet." */
export function driftSummary(d: TeamDrift): string {
  const n = d.broken.length;
  const acted =
    n === 0
      ? `Kept to its policy in all ${d.quarters} quarters`
      : `Acted against its policy in ${n} of ${d.quarters} quarter${d.quarters === 1 ? '' : 's'}`;
  const plural = (k: number, word: string) => `${k} ${word} revision${k === 1 ? '' : 's'}`;
  const revisions =
    d.revisions.length === 0
      ? 'no revisions'
      : `${plural(d.publicRevisions, 'public')}, ${plural(d.quietRevisions, 'quiet')}${
          d.quietRevisions > 0 ? ` (${d.quietExposed} brought to light)` : ''
        }`;
  return `${acted}; ${revisions}.`;
}
