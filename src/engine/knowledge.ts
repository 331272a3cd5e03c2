import { allowedPosture, commitmentVerdict, type CommitmentVerdict } from './commitments';
import { levelReached } from './evaluation';
import type { LabState, Posture, Scenario } from './types';

/**
 * The level a lab knows it has reached: its latest evals (or an audit's, which it cannot unlearn)
 * against its own, possibly revised, ladder.
 */
export function knownLevelIndex(lab: LabState, scenario: Scenario): number {
  const buffer = scenario.evaluation.safetyBuffer;
  const own = lab.lastEval ? levelReached(lab.policy.levels, lab.lastEval.measured, buffer) : -1;
  const audited = lab.lastAudit
    ? levelReached(lab.policy.levels, lab.lastAudit.measured, buffer)
    : -1;
  return Math.max(own, audited);
}

/** The level the model has truly reached, against the scenario's original ladder. */
export function trueLevelIndex(lab: LabState, scenario: Scenario): number {
  return levelReached(scenario.levels, lab.capability);
}

/** What the lab's own commitment allows, given what it knows. */
export function labVerdict(lab: LabState, scenario: Scenario): CommitmentVerdict {
  return commitmentVerdict(lab.policy.levels, knownLevelIndex(lab, scenario), lab.safeguards);
}

/** The posture the lab's own commitment allows, given what it knows. */
export function labAllowedPosture(lab: LabState, scenario: Scenario): Posture {
  return allowedPosture(lab.policy.levels, knownLevelIndex(lab, scenario), lab.safeguards);
}
