import { setup, transition, type SnapshotFrom } from 'xstate';
import { LAB_STATUSES, type LabStatus } from '../types';
import {
  FINAL_LAB_STATUSES,
  LAB_STATUS_BRANCHES,
  labGuards,
  nextLabStatus,
  type LabEvent,
  type LabSituation,
} from './labStatusTable';

export { nextLabStatus, type LabEvent, type LabSituation };

/**
 * The lab's real situation, as an XState machine built from the transition table in
 * `labStatusTable.ts`. Guards name the if-then commitments; the order of the transitions is the
 * order of precedence. A final status (halted) ignores `quarterResolved`.
 */
export const labMachine = setup({
  types: { events: {} as LabEvent },
  guards: labGuards,
}).createMachine({
  id: 'lab',
  initial: 'scaling',
  on: {
    quarterResolved: LAB_STATUS_BRANCHES.map((branch) => ({
      ...(branch.guard ? { guard: branch.guard } : {}),
      target: `.${branch.target}`,
    })),
  },
  states: Object.fromEntries(
    LAB_STATUSES.map((status) => [
      status,
      FINAL_LAB_STATUSES.includes(status) ? { on: { quarterResolved: {} } } : {},
    ]),
  ),
});

export type LabSnapshot = SnapshotFrom<typeof labMachine>;

/** The same step through XState's interpreter: the reference the fast path is tested against. */
export function nextLabStatusByInterpreter(current: LabStatus, situation: LabSituation): LabStatus {
  const snapshot = labMachine.resolveState({ value: current, context: undefined });
  const [next] = transition(labMachine, snapshot, { type: 'quarterResolved', situation });
  return next.value as LabStatus;
}
