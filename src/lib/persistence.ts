// Keeping a game in the browser's storage (gameStore.ts), with saves read back by the save
// format's checks (saveFormat.ts).

import { createGameStore, type GameStore, type StoreOptions } from './gameStore';
import { parseSavedGame } from './saveFormat';

export * from './gameStore';
export { browserStorage } from './browserStorage';

export function createStore(storage: Storage | null, options: StoreOptions = {}): GameStore {
  return createGameStore(storage, parseSavedGame, options);
}
