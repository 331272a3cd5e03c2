// Keeping a game in the browser's storage, saved after every decision, so a reload resumes it.
//
// What is stored under a key is an envelope { revision, save }. The revision rises with every
// write, and each store remembers the revision it last loaded or wrote: if another tab has
// written a newer one since, this tab refuses to overwrite it and says so. Clearing leaves a
// tombstone { revision, save: null } rather than nothing, so revisions keep rising across a
// clear and an old tab cannot mistake someone else's new game for its own. Nothing is ever
// silently lost: a save that cannot be read is moved aside to `${key}:corrupt:${timestamp}`
// and reported. Storage that is full, switched off or missing (private browsing) turns into a
// warning; no method here throws.
//
// A store saves after every decision, so the write is kept cheap: it remembers the text it last
// wrote or read under each key with that text's revision, so while what is stored is still that
// text it knows the revision without parsing the save back (only another tab's write or a
// damaged value is parsed), and it writes the envelope through saveText, which reuses the JSON of
// the setup (the whole scenario) while it is unchanged.

import { saveText, type SaveResult, type SavedGame } from './savedGame';

export type SaveOutcome = { ok: true } | { ok: false; warning: string };

export type LoadOutcome =
  | { status: 'empty'; warning?: string }
  /** `dropped`: optional parts of the save that were malformed and left out (see saveFormat). */
  | { status: 'ok'; save: SavedGame; dropped?: string[] }
  | { status: 'corrupt'; message: string; setAsideKey: string };

export interface GameStore {
  /** Write the save, unless another tab has written a newer one (then warn; `force` overwrites it). */
  save(key: string, save: SavedGame, options?: { force?: boolean }): SaveOutcome;
  /** Read the save. A save that cannot be resumed is moved aside and reported. */
  load(key: string): LoadOutcome;
  /** Remove the save. */
  clear(key: string): SaveOutcome;
  /** Move what is stored under `key` aside, untouched; returns where it went (null: it could not). */
  setAside(key: string): string | null;
}

export interface StoreOptions {
  /** Clock for the set-aside key's timestamp (tests pass a fixed one). */
  now?: () => number;
}

interface Envelope {
  revision: number;
  /** null: a tombstone left by clear(). */
  save: unknown;
}

export const UNAVAILABLE_WARNING =
  'Your browser is not letting this page store anything (private browsing, or storage is switched off), so this game will not survive a reload. Download a save file to keep it.';
export const FULL_WARNING =
  'Your browser’s storage for this page is full, so this game was not saved. Download a save file to keep it, or clear old set-aside saves.';
export const OTHER_TAB_WARNING =
  'This game was changed in another tab. This tab stopped saving so it does not overwrite that game: reload to continue from the other tab’s game.';

/** Text as one sentence: a full stop added unless it already ends with one (or ? or !). */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Where an unreadable save went: the one sentence every corrupt-save notice ends with. */
export function keptSentence(asideKey: string | null): string {
  return asideKey === null
    ? 'It could not be moved aside (storage is full or unavailable), so it stays where it is until a new game is saved.'
    : `It has been kept in this browser’s storage under “${asideKey}”, so nothing is lost.`;
}

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  );
}

function writeFailure(error: unknown): SaveOutcome {
  return { ok: false, warning: isQuotaError(error) ? FULL_WARNING : UNAVAILABLE_WARNING };
}

/** The envelope in a stored value, or null if the value is not one. */
function envelopeOf(value: unknown): Envelope | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { revision, save } = value as Record<string, unknown>;
  if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0) {
    return null;
  }
  return { revision, save };
}

/** The envelope in stored text, or null if the text is not one. */
function readEnvelope(raw: string): Envelope | null {
  try {
    return envelopeOf(JSON.parse(raw));
  } catch {
    return null;
  }
}

/**
 * A store that reads saves back with `parse` (saveFormat.ts's parseSavedGame; persistence.ts's
 * createStore passes it). Solo play passes it only once it has fetched it, and loads nothing
 * before then.
 */
export function createGameStore(
  storage: Storage | null,
  parse: (value: unknown) => SaveResult,
  options: StoreOptions = {},
): GameStore {
  const now = options.now ?? (() => Date.now());
  /** Per key: the revision this store last loaded or wrote. */
  const seen = new Map<string, number>();
  /** Per key: the save (not a tombstone) this store last wrote or read there, and its revision. */
  const written = new Map<string, { text: string; revision: number }>();
  const toText = saveText();

  /** What is stored under `key`: known without parsing if it is still the text this store knows. */
  const storedEnvelope = (key: string, raw: string): Envelope | null => {
    const own = written.get(key);
    return own && own.text === raw ? { revision: own.revision, save: true } : readEnvelope(raw);
  };

  const remember = (key: string, revision: number) => {
    seen.set(key, Math.max(seen.get(key) ?? 0, revision));
  };

  /** Move unreadable text aside, so it is not lost. Returns the key it went to, or null. */
  function setAside(key: string, raw: string): string | null {
    if (!storage) return null;
    try {
      const stamp = new Date(now()).toISOString();
      let aside = `${key}:corrupt:${stamp}`;
      for (let n = 2; storage.getItem(aside) !== null; n++) aside = `${key}:corrupt:${stamp}-${n}`;
      storage.setItem(aside, raw);
      storage.removeItem(key);
      return aside;
    } catch {
      return null;
    }
  }

  function corrupt(key: string, raw: string, reason: string): LoadOutcome {
    const aside = setAside(key, raw);
    return {
      status: 'corrupt',
      message: `${sentence(`The saved game could not be resumed: ${reason}`)} ${keptSentence(aside)}`,
      setAsideKey: aside ?? key,
    };
  }

  return {
    save(key, save, saveOptions = {}) {
      if (!storage) return { ok: false, warning: UNAVAILABLE_WARNING };
      let raw: string | null;
      try {
        raw = storage.getItem(key);
      } catch {
        return { ok: false, warning: UNAVAILABLE_WARNING };
      }
      const stored = raw === null ? null : storedEnvelope(key, raw);
      if (raw !== null && stored === null) {
        // Unreadable: keep a copy before it is replaced.
        setAside(key, raw);
      }
      const known = seen.get(key) ?? 0;
      const live = stored !== null && stored.save !== null;
      if (live && stored.revision > known && !saveOptions.force) {
        return { ok: false, warning: OTHER_TAB_WARNING };
      }
      const revision = Math.max(known, stored?.revision ?? 0) + 1;
      let text: string;
      try {
        text = toText(revision, save);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return { ok: false, warning: `This game could not be saved (${detail}).` };
      }
      try {
        storage.setItem(key, text);
      } catch (error) {
        written.delete(key);
        return writeFailure(error);
      }
      remember(key, revision);
      written.set(key, { text, revision });
      return { ok: true };
    },

    load(key) {
      if (!storage) return { status: 'empty', warning: UNAVAILABLE_WARNING };
      let raw: string | null;
      try {
        raw = storage.getItem(key);
      } catch {
        return { status: 'empty', warning: UNAVAILABLE_WARNING };
      }
      if (raw === null) return { status: 'empty' };
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return corrupt(key, raw, 'it is not valid JSON (it may have been cut short)');
      }
      const envelope = envelopeOf(parsed);
      if (!envelope) {
        const bare =
          typeof parsed === 'object' && parsed !== null && 'kind' in parsed
            ? 'it was stored in an older format this version cannot resume'
            : 'it is not a saved game';
        return corrupt(key, raw, bare);
      }
      remember(key, envelope.revision);
      if (envelope.save === null) return { status: 'empty' };
      const result = parse(envelope.save);
      if (!result.ok) return corrupt(key, raw, result.message);
      // The next save replaces this text: it is known, so it need not be parsed again then.
      written.set(key, { text: raw, revision: envelope.revision });
      return result.dropped
        ? { status: 'ok', save: result.save, dropped: result.dropped }
        : { status: 'ok', save: result.save };
    },

    setAside(key) {
      try {
        const raw = storage?.getItem(key) ?? null;
        return raw === null ? null : setAside(key, raw);
      } catch {
        return null;
      }
    },

    clear(key) {
      if (!storage) return { ok: false, warning: UNAVAILABLE_WARNING };
      try {
        const raw = storage.getItem(key);
        if (raw === null) return { ok: true };
        const envelope = storedEnvelope(key, raw);
        written.delete(key);
        const revision = Math.max(seen.get(key) ?? 0, envelope?.revision ?? 0) + 1;
        try {
          // A tombstone: revisions keep rising, so an older tab cannot mistake a new game for its own.
          storage.setItem(key, JSON.stringify({ revision, save: null }));
          remember(key, revision);
        } catch {
          storage.removeItem(key);
        }
        return { ok: true };
      } catch {
        return { ok: false, warning: UNAVAILABLE_WARNING };
      }
    },
  };
}
