// The workshop kept in this browser's storage: resumed after a reload (with a copy set aside
// when it cannot be), and a quick look at whether one is in progress.
import { isObject } from '../plainObject';
import { keptSentence, sentence } from '../gameStore';
import type { SavedGame } from '../saveFormat';
import { parseWorkshopSession } from './readSession';
import { WORKSHOP_KEY, type WorkshopSession } from './sessionTypes';

export type WorkshopLoad =
  | { status: 'empty'; warning?: string }
  /** `recovered`: read from the set-aside copy, so the main key is empty until saved again. */
  | { status: 'ok'; session: WorkshopSession; recovered?: boolean }
  | { status: 'corrupt'; message: string; setAsideKey: string };

function readSetAside(storage: Storage | null, key: string): unknown {
  try {
    const raw = storage?.getItem(key);
    if (raw == null) return undefined;
    const envelope: unknown = JSON.parse(raw);
    return isObject(envelope) ? envelope.save : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The workshop kept in this browser. The store checks it as a saved game first; that check
 * replays the log without the live injects, so a session whose injects changed how the game went
 * can be refused — and set aside — although it is sound. Then the set-aside copy is read with the
 * workshop's own checks (which replay the injects) and, if sound, resumed and the copy removed.
 */
export function loadWorkshop(
  store: GameStoreLike,
  storage: Storage | null,
  key = WORKSHOP_KEY,
): WorkshopLoad {
  const loaded = store.load(key);
  if (loaded.status === 'empty') return loaded;
  if (loaded.status === 'ok') {
    const result = parseWorkshopSession(loaded.save);
    if (result.ok) return { status: 'ok', session: result.session };
    let aside: string | null = null;
    try {
      const raw = storage?.getItem(key);
      if (storage && raw != null) {
        const copy = `${key}:corrupt:${new Date().toISOString()}`;
        storage.setItem(copy, raw);
        aside = copy;
      }
    } catch {
      aside = null;
    }
    return {
      status: 'corrupt',
      message: `${sentence(`The saved workshop could not be resumed: ${result.message}`)} ${keptSentence(aside)}`,
      setAsideKey: aside ?? key,
    };
  }
  const result = parseWorkshopSession(readSetAside(storage, loaded.setAsideKey));
  if (result.ok) {
    try {
      if (loaded.setAsideKey !== key) storage?.removeItem(loaded.setAsideKey);
    } catch {
      // The copy stays set aside; the session is resumed all the same.
    }
    return { status: 'ok', session: result.session, recovered: true };
  }
  return loaded;
}

interface GameStoreLike {
  load(
    key: string,
  ):
    | { status: 'empty'; warning?: string }
    | { status: 'ok'; save: SavedGame }
    | { status: 'corrupt'; message: string; setAsideKey: string };
}

/**
 * Whether this browser holds a workshop that has started (for the app to open on the Workshop
 * section after a reload). A quick look at the stored value, not a full check.
 */
export function workshopInProgress(storage: Storage | null, key = WORKSHOP_KEY): boolean {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return false;
    const envelope: unknown = JSON.parse(raw);
    const save = isObject(envelope) ? envelope.save : null;
    return (
      isObject(save) &&
      save.mode === 'workshop' &&
      isObject(save.extra) &&
      (save.extra.stage === 'play' || save.extra.stage === 'policies')
    );
  } catch {
    return false;
  }
}
