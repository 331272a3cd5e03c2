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

/** The lab's next status: the first branch (in order of precedence) whose guard holds. */
export function nextLabStatus(current: LabStatus, situation: LabSituation): LabStatus {
  if (FINAL_LAB_STATUSES.includes(current)) return current;
  // One guard argument for every branch (this runs for every lab every quarter of a batch).
  const args = { event: { type: 'quarterResolved', situation } satisfies LabEvent };
  for (const branch of GUARDED) {
    if (!branch.holds || branch.holds(args)) return branch.target;
  }
  return current;
}
