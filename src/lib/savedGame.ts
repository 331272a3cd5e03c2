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
