// Writing a workshop session: the saved-game value kept in the browser and downloaded, and the
// downloaded file's name.
import type { WorkshopMeta } from '../../engine/workshop/types';
import { makeSavedGame, type SavedGame } from '../savedGame';
import type { WorkshopSession } from './sessionTypes';

/** The saved-game value for a session as it stands. */
export function makeWorkshopSave(session: Omit<WorkshopSession, 'savedAt'>): SavedGame {
  return makeSavedGame({
    mode: 'workshop',
    setup: session.setup,
    log: session.log,
    pending: session.pending,
    autoResolve: false,
    extra: session.meta as unknown as Record<string, unknown>,
  });
}

/** "threshold-workshop-the-eval-blind-spot-q3.json", "…-setup.json". */
export function sessionFileName(slugged: string, meta: WorkshopMeta, quarter: number): string {
  const where = meta.stage === 'setup' ? 'setup' : `q${quarter}`;
  return `threshold-workshop-${slugged}-${where}.json`;
}
