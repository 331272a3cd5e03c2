// A runes wrapper around an XState actor (instead of @xstate/svelte, which is store-based: see
// TOOLCHAIN.md pitfall 4). Call it while a component initialises: the actor starts at once, its
// snapshot is reactive, and the subscription and actor stop with the component. Solo play wraps
// the game machine; the workshop wraps the workshop machine (whose child is the game machine).

import { createActor, type AnyStateMachine, type EventFrom, type SnapshotFrom } from 'xstate';
import { gameMachine, type GameSnapshot } from '../engine/machines/gameMachine';

export type { GameSnapshot };

export interface MachineActor<M extends AnyStateMachine> {
  readonly snapshot: SnapshotFrom<M>;
  send(event: EventFrom<M>): void;
  /** Called after every snapshot change (e.g. to save the game). Returns an unsubscribe. */
  onChange(listener: (snapshot: SnapshotFrom<M>) => void): () => void;
}

export type GameActor = MachineActor<typeof gameMachine>;

export function createMachineActor<M extends AnyStateMachine>(machine: M): MachineActor<M> {
  const actor = createActor(machine);
  let snapshot = $state.raw<SnapshotFrom<M>>(actor.getSnapshot());
  const subscription = actor.subscribe((next) => {
    snapshot = next;
  });
  actor.start();
  snapshot = actor.getSnapshot();
  $effect(() => () => {
    subscription.unsubscribe();
    actor.stop();
  });
  return {
    get snapshot() {
      return snapshot;
    },
    send: (event) => actor.send(event),
    onChange(listener) {
      const sub = actor.subscribe(listener);
      return () => sub.unsubscribe();
    },
  };
}

export function createGameActor(): GameActor {
  return createMachineActor(gameMachine);
}
