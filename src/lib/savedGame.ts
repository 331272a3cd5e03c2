// A saved game as it is written: the format's shape and the function that makes one. The checks a
// save goes through when it is read back are in saveFormat.ts, with valibot and the scenario
// validator; a game that is only being saved (a new solo game) does not load them.

import type { DecisionLog, RoundDecisions } from '../engine/game';
import type { GameSetup } from '../engine/machines/gameMachine';

export interface SavedGame {
  kind: 'threshold-save';
  version: 1;
  /** ISO date and time of the save. */
  savedAt: string;
  mode: 'solo' | 'workshop';
  setup: GameSetup;
  /** Human decisions of every resolved quarter. */
  log: DecisionLog;
  /** Human decisions already locked in for the current quarter. */
  pending: RoundDecisions;
  autoResolve: boolean;
  /** Room for workshop metadata (team names, timer …). */
  extra?: Record<string, unknown>;
}

export const SAVE_KIND = 'threshold-save';
export const SAVE_VERSION = 1;

/**
 * `dropped`: optional parts of the save that were malformed and left out, each a message naming
 * the part and why (the game resumes without them).
 */
export type SaveResult =
  { ok: true; save: SavedGame; dropped?: string[] } | { ok: false; message: string };

/** A save of the game as it stands (the UI calls this after every decision). */
export function makeSavedGame(
  fields: Omit<SavedGame, 'kind' | 'version' | 'savedAt'> & { savedAt?: string },
): SavedGame {
  return {
    kind: SAVE_KIND,
    version: SAVE_VERSION,
    ...fields,
    savedAt: fields.savedAt ?? new Date().toISOString(),
  };
}

/**
 * A writer of a store's envelope: the text of `JSON.stringify({ revision, save })`, character for
 * character, that reuses the JSON of the setup while it is the same object as at the last call.
 * The setup (the whole scenario: about 16 kB, the largest part of a save by far) is the game
 * machine's and is replaced, never changed in place, so it need not be written out again after
 * every decision; every other part is written afresh each time.
 */
export function saveText(): (revision: number, save: SavedGame) => string {
  let setup: GameSetup | null = null;
  let setupJson = '';
  return (revision, save) => {
    const parts: string[] = [];
    for (const [key, value] of Object.entries(save)) {
      let json: string | undefined;
      if (key === 'setup' && value === setup) json = setupJson;
      else {
        json = JSON.stringify(value);
        if (key === 'setup' && json !== undefined) [setup, setupJson] = [save.setup, json];
      }
      // As JSON.stringify does, a property whose value has no JSON (undefined) is left out.
      if (json !== undefined) parts.push(`${JSON.stringify(key)}:${json}`);
    }
    return `{"revision":${JSON.stringify(revision)},"save":{${parts.join(',')}}}`;
  };
}
