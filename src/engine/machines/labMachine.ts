import { setup, transition, type SnapshotFrom } from 'xstate';
import type { LabStatus, Posture, TrainingStatus, DeploymentStatus } from '../types';

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

/**
 * The lab's real situation. Guards name the if-then commitments; the order of the transitions is
 * the order of precedence: a regulator's halt beats an incident, which beats a pause, etc.
 */
export const labMachine = setup({
  types: { events: {} as LabEvent },
  guards: {
    haltedByRegulator: ({ event }) => event.situation.halted,
    respondingToIncident: ({ event }) => event.situation.inIncidentResponse,
    pausedAwaitingSafeguards: ({ event }) =>
      event.situation.training === 'paused' && event.situation.allowedPosture === 'pause',
    pausedByChoice: ({ event }) => event.situation.training === 'paused',
    deployedFully: ({ event }) => event.situation.deployment === 'full',
    deployedRestricted: ({ event }) => event.situation.deployment === 'restricted',
  },
}).createMachine({
  id: 'lab',
  initial: 'scaling',
  on: {
    quarterResolved: [
      { guard: 'haltedByRegulator', target: '.halted' },
      { guard: 'respondingToIncident', target: '.incident' },
      { guard: 'pausedAwaitingSafeguards', target: '.pausedAwaitingSafeguards' },
      { guard: 'pausedByChoice', target: '.paused' },
      { guard: 'deployedFully', target: '.deployed' },
      { guard: 'deployedRestricted', target: '.restricted' },
      { target: '.scaling' },
    ],
  },
  states: {
    scaling: {},
    pausedAwaitingSafeguards: {},
    paused: {},
    restricted: {},
    deployed: {},
    incident: {},
    // A halted lab stays halted: regulators do not lift a halt within a game.
    halted: { on: { quarterResolved: {} } },
  },
});

export type LabSnapshot = SnapshotFrom<typeof labMachine>;

/** The lab's next status, computed by the machine itself (XState's pure transition function). */
type GuardName = keyof typeof labMachine.implementations.guards;
interface Branch {
  guard?: GuardName;
  target: string;
}

/**
 * The lab's next status. Batch runs resolve millions of quarters, and XState's interpreter costs
 * ~10 µs per transition, so this walks the machine's own transition table with its own named
 * guards (one source of truth); tests check it agrees with XState's `transition` everywhere.
 */
export function nextLabStatus(current: LabStatus, situation: LabSituation): LabStatus {
  if (current === 'halted') return 'halted';
  const event: LabEvent = { type: 'quarterResolved', situation };
  const branches = labMachine.config.on?.quarterResolved as unknown as Branch[];
  for (const branch of branches) {
    const guard = branch.guard ? labMachine.implementations.guards[branch.guard] : null;
    if (!guard || (guard as (args: { event: LabEvent }) => boolean)({ event })) {
      return branch.target.slice(1) as LabStatus;
    }
  }
  return current;
}

/** The same step through XState's interpreter: the reference the fast path is tested against. */
export function nextLabStatusByInterpreter(current: LabStatus, situation: LabSituation): LabStatus {
  const snapshot = labMachine.resolveState({ value: current, context: undefined });
  const [next] = transition(labMachine, snapshot, { type: 'quarterResolved', situation });
  return next.value as LabStatus;
}
