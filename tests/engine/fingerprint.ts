import { createHash } from 'node:crypto';
import type { GameState } from '../../src/engine/types';

/**
 * Fields added to the round record later (`deployment`) are left out, so the hashes still match
 * the games as they were before the field existed.
 */
const ADDED_RECORD_FIELDS = new Set(['deployment']);

/** A whole game, hashed: equal hashes, byte-identical games (but for the fields added later). */
export function fingerprint(state: GameState): string {
  const games = {
    ...state,
    history: state.history.map((round) => ({
      ...round,
      labs: round.labs.map((lab) =>
        Object.fromEntries(Object.entries(lab).filter(([key]) => !ADDED_RECORD_FIELDS.has(key))),
      ),
    })),
  };
  return createHash('sha256').update(JSON.stringify(games)).digest('hex').slice(0, 16);
}
