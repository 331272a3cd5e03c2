// A runes wrapper around an XState actor for the game machine (instead of @xstate/svelte, which is
// store-based: see TOOLCHAIN.md pitfall 4). Call it while a component initialises: the actor
// starts at once, its snapshot is reactive, and the subscription and actor stop with the component.

import { createActor, type SnapshotFrom } from 'xstate';
import { gameMachine, type GameEvent } from '../engine/machines/gameMachine';

export type GameSnapshot = SnapshotFrom<typeof gameMachine>;

export interface GameActor {
  readonly snapshot: GameSnapshot;
  send(event: GameEvent): void;
  /** Called after every snapshot change (e.g. to save the game). Returns an unsubscribe. */
  onChange(listener: (snapshot: GameSnapshot) => void): () => void;
}

export function createGameActor(): GameActor {
  const actor = createActor(gameMachine);
  let snapshot = $state.raw(actor.getSnapshot());
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
