// The projector window's copy of the session, read from the browser's storage (where the laptop
// saves it after every action): the saved session is checked, replayed and reduced to its public
// snapshot. Read-only: unlike the store's load, nothing is ever moved or rewritten.

import { createGame, replayGame } from '../../engine/game';
import { publicSnapshot, type PublicSnapshot } from '../../presentation/workshop/publicView';
import {
  parseWorkshopSession,
  WORKSHOP_KEY,
  type WorkshopSession,
} from '../../lib/workshopSession';

/** The workshop session saved in this browser, checked; null if there is none or it is damaged. */
export function savedWorkshopSession(storage: Storage | null): WorkshopSession | null {
  try {
    const raw = storage?.getItem(WORKSHOP_KEY);
    if (!raw) return null;
    const envelope: unknown = JSON.parse(raw);
    if (typeof envelope !== 'object' || envelope === null) return null;
    const result = parseWorkshopSession((envelope as { save?: unknown }).save);
    return result.ok ? result.session : null;
  } catch {
    return null;
  }
}

export function snapshotFromStorage(storage: Storage | null): PublicSnapshot | null {
  try {
    const session = savedWorkshopSession(storage);
    if (!session) return null;
    const { setup, log, pending, meta } = session;
    const state =
      meta.stage === 'setup'
        ? createGame(setup.scenario, setup)
        : replayGame(setup.scenario, setup, log, Infinity, meta.injects);
    return publicSnapshot(setup.scenario, state, meta, Object.keys(pending));
  } catch {
    return null;
  }
}
