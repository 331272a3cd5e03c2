import { allowedPosture, commitmentVerdict, type CommitmentVerdict } from './commitments';
import { levelReached } from './evaluation';
import { labPolicy } from './policies';
import type { DomainValues, LabState, LevelSpec, PolicyRevision, Posture, Scenario } from './types';

/**
 * The level a lab knows it has reached on a ladder: its latest evals (or an audit's, which it
 * cannot unlearn) with its policy's safety buffer.
 */
export function knownLevelOn(
  levels: readonly LevelSpec[],
  lab: LabState,
  scenario: Scenario,
): number {
  return levelKnown(levels, lab, labPolicy(scenario, lab.id).evaluation.safetyBuffer);
}

/** `knownLevelOn` with the lab's safety buffer already looked up (the engine's hot paths). */
export function levelKnown(levels: readonly LevelSpec[], lab: LabState, buffer: number): number {
  const own = lab.lastEval ? levelReached(levels, lab.lastEval.measured, buffer) : -1;
  const audited = lab.lastAudit ? levelReached(levels, lab.lastAudit.measured, buffer) : -1;
  return own > audited ? own : audited;
}

/** The level a lab knows it has reached, on its own (possibly quietly revised) ladder. */
export function knownLevelIndex(lab: LabState, scenario: Scenario): number {
  return knownLevelOn(lab.policy.levels, lab, scenario);
}

/**
 * The ladder as registered: the lab's own with its quiet revisions not yet exposed undone. Public
 * revisions are registered (announced); quiet ones bind nobody outside the lab, so binding
 * policies, the regulator and the record of broken commitments hold the lab to this ladder.
 */
export function registeredLevels(lab: LabState): readonly LevelSpec[] {
  const { revisions } = lab.policy;
  // Most labs never revise: no list to filter (this runs for every lab every quarter).
  if (revisions.length === 0) return lab.policy.levels;
  const quiet = revisions.filter((r) => !r.publicly && !r.exposed);
  if (quiet.length === 0) return lab.policy.levels;
  return undoRevisions(lab.policy.levels, quiet);
}

/** The ladder with the given revisions undone, latest first (each threshold back to `from`). */
export function undoRevisions(
  levels: readonly LevelSpec[],
  revisions: readonly Pick<PolicyRevision, 'levelId' | 'domain' | 'from'>[],
): LevelSpec[] {
  let out = levels.slice();
  for (const r of [...revisions].reverse()) {
    out = out.map((l) =>
      l.id === r.levelId ? { ...l, thresholds: { ...l.thresholds, [r.domain]: r.from } } : l,
    );
  }
  return out;
}

/** The level a lab knows it has reached on its registered ladder. */
export function registeredKnownLevel(lab: LabState, scenario: Scenario): number {
  return knownLevelOn(registeredLevels(lab), lab, scenario);
}

/** The level the model has truly reached, against its policy's original ladder. */
export function trueLevelIndex(lab: LabState, scenario: Scenario): number {
  return levelReached(labPolicy(scenario, lab.id).levels, lab.capability);
}

/** Id of the level the model has truly reached on its policy's original ladder, or null. */
export function trueLevelId(lab: LabState, scenario: Scenario): string | null {
  return levelIdReached(labPolicy(scenario, lab.id).levels, lab.capability);
}

/** Id of the highest level of `levels` the values reach, or null. */
export function levelIdReached(levels: readonly LevelSpec[], values: DomainValues): string | null {
  const index = levelReached(levels, values);
  return index >= 0 ? (levels[index]?.id ?? null) : null;
}

/** What the lab's own commitment allows, given what it knows. */
export function labVerdict(lab: LabState, scenario: Scenario): CommitmentVerdict {
  return commitmentVerdict(lab.policy.levels, knownLevelIndex(lab, scenario), lab.safeguards);
}

/** The posture the lab's own (possibly quietly revised) commitment allows, given what it knows. */
export function labAllowedPosture(lab: LabState, scenario: Scenario): Posture {
  return allowedPosture(lab.policy.levels, knownLevelIndex(lab, scenario), lab.safeguards);
}

/** The posture its commitment as registered allows: what outsiders hold it to. */
export function registeredAllowedPosture(lab: LabState, scenario: Scenario): Posture {
  const levels = registeredLevels(lab);
  return allowedPosture(levels, knownLevelOn(levels, lab, scenario), lab.safeguards);
}
