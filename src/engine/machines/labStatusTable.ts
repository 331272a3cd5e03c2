import type { DeploymentStatus, LabStatus, Posture, TrainingStatus } from '../types';

// The lab machine's transition table as plain data with named guards. `labMachine.ts` builds the
// XState machine from it; `nextLabStatus` walks it directly. Keeping the table free of XState
// lets batch runs (and the Explorer's Web Worker, whose bundle is separate) classify labs without
// loading the XState runtime, while the machine and the fast path still share one definition.

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

/**
 * The lab's next status. Batch runs resolve millions of quarters, and XState's interpreter costs
 * ~10 µs per transition, so this walks the machine's table with its named guards; tests check it
 * agrees with XState's `transition` on the machine built from the same table.
 */
export function nextLabStatus(current: LabStatus, situation: LabSituation): LabStatus {
  if (FINAL_LAB_STATUSES.includes(current)) return current;
  const event: LabEvent = { type: 'quarterResolved', situation };
  for (const branch of LAB_STATUS_BRANCHES) {
    if (!branch.guard || labGuards[branch.guard]({ event })) return branch.target;
  }
  return current;
}
