import { POSTURES } from '../types';
import type { DeploymentStatus, LabStatus, Posture, TrainingStatus } from '../types';

// A lab's status as a transition table: plain data with named guards, walked by `nextLabStatus`.
// It is a state machine without the XState runtime on purpose: batch runs resolve millions of
// quarters (XState's interpreter costs ~10 µs a transition), the Explorer's Web Worker bundle
// stays small, and the one table is what production runs and what the property tests check.

/** What the engine knows about a lab at the end of a quarter: the lab machine's input. */
export interface LabSituation {
  halted: boolean;
  /** A serious incident from this lab's model this quarter or still being handled. */
  inIncidentResponse: boolean;
  training: TrainingStatus;
  deployment: DeploymentStatus;
  /** What the lab's own if-then commitment allows. */
  allowedPosture: Posture;
}

export type LabEvent = { type: 'quarterResolved'; situation: LabSituation };

/** The named if-then guards of the lab machine. */
export const labGuards = {
  haltedByRegulator: ({ event }: { event: LabEvent }) => event.situation.halted,
  respondingToIncident: ({ event }: { event: LabEvent }) => event.situation.inIncidentResponse,
  pausedAwaitingSafeguards: ({ event }: { event: LabEvent }) =>
    event.situation.training === 'paused' && event.situation.allowedPosture === 'pause',
  pausedByChoice: ({ event }: { event: LabEvent }) => event.situation.training === 'paused',
  deployedFully: ({ event }: { event: LabEvent }) => event.situation.deployment === 'full',
  deployedRestricted: ({ event }: { event: LabEvent }) =>
    event.situation.deployment === 'restricted',
} as const;

export type LabGuardName = keyof typeof labGuards;

export interface LabStatusBranch {
  guard?: LabGuardName;
  target: LabStatus;
}

/**
 * The transitions on `quarterResolved`, in order of precedence: a regulator's halt beats an
 * incident, which beats a pause, etc. The last branch has no guard.
 */
export const LAB_STATUS_BRANCHES: readonly LabStatusBranch[] = [
  { guard: 'haltedByRegulator', target: 'halted' },
  { guard: 'respondingToIncident', target: 'incident' },
  { guard: 'pausedAwaitingSafeguards', target: 'pausedAwaitingSafeguards' },
  { guard: 'pausedByChoice', target: 'paused' },
  { guard: 'deployedFully', target: 'deployed' },
  { guard: 'deployedRestricted', target: 'restricted' },
  { target: 'scaling' },
];

/** Statuses that ignore `quarterResolved`: regulators do not lift a halt within a game. */
export const FINAL_LAB_STATUSES: readonly LabStatus[] = ['halted'];

/** The branches with their guards looked up once, not by name for every lab every quarter. */
const GUARDED = LAB_STATUS_BRANCHES.map((branch) => ({
  holds: branch.guard ? labGuards[branch.guard] : null,
  target: branch.target,
}));

/** The first branch whose guard holds in the situation, or null (none holds). */
function firstBranch(situation: LabSituation): LabStatus | null {
  // One guard argument for every branch.
  const args = { event: { type: 'quarterResolved', situation } satisfies LabEvent };
  for (const branch of GUARDED) {
    if (!branch.holds || branch.holds(args)) return branch.target;
  }
  return null;
}

/** The lab's next status read from the table branch by branch (what `nextLabStatus` answers). */
export function walkLabStatus(current: LabStatus, situation: LabSituation): LabStatus {
  if (FINAL_LAB_STATUSES.includes(current)) return current;
  return firstBranch(situation) ?? current;
}

// The situation takes few values (two flags, two training statuses, three release statuses,
// three postures: 72 in all), so the branches are walked once for each at load and
// `nextLabStatus` reads the answer. Walking them for every lab every quarter of a batch (six
// guard functions called through one call site, two argument objects) was about 5% of a game.
const TRAINING: readonly TrainingStatus[] = ['scaling', 'paused'];
const DEPLOYMENTS: readonly DeploymentStatus[] = ['none', 'restricted', 'full'];

/** A value's place in its list (−1: not listed). */
function place<T>(list: readonly T[], value: T): number {
  for (let i = 0; i < list.length; i++) if (list[i] === value) return i;
  return -1;
}

/** The situation's place among the 72 (−1: a value the lists above do not hold). */
function situationIndex(s: LabSituation): number {
  const training = place(TRAINING, s.training);
  const deployment = place(DEPLOYMENTS, s.deployment);
  const posture = place(POSTURES, s.allowedPosture);
  if (training < 0 || deployment < 0 || posture < 0) return -1;
  // The guards read the flags for their truth, as here.
  const flags = (s.halted ? 2 : 0) + (s.inIncidentResponse ? 1 : 0);
  return (
    ((flags * TRAINING.length + training) * DEPLOYMENTS.length + deployment) * POSTURES.length +
    posture
  );
}

/** `firstBranch` of each of the 72 situations, by `situationIndex`. */
const FIRST_BRANCH: (LabStatus | null)[] = [];
for (let flags = 0; flags < 4; flags++) {
  for (const training of TRAINING) {
    for (const deployment of DEPLOYMENTS) {
      for (const allowedPosture of POSTURES) {
        const situation: LabSituation = {
          halted: flags >= 2,
          inIncidentResponse: flags % 2 === 1,
          training,
          deployment,
          allowedPosture,
        };
        FIRST_BRANCH[situationIndex(situation)] = firstBranch(situation);
      }
    }
  }
}

/** The lab's next status: the first branch (in order of precedence) whose guard holds. */
export function nextLabStatus(current: LabStatus, situation: LabSituation): LabStatus {
  if (FINAL_LAB_STATUSES.includes(current)) return current;
  const index = situationIndex(situation);
  const next = index >= 0 ? FIRST_BRANCH[index] : firstBranch(situation);
  return next ?? current;
}
