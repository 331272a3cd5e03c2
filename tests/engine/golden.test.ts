import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { playWithBots } from '../../src/engine/game';
import type { GameState } from '../../src/engine/types';
import { shipped } from './validation/harness';

/**
 * Whole bot games, fingerprinted. A refactor that must not change any game result keeps these
 * hashes; a change to the model's rules changes them on purpose (update them in the same commit,
 * and say why). Fields added to the round record later (`deployment`) are left out, so the hashes
 * still match the games as they were before the field existed.
 */
const ADDED_RECORD_FIELDS = new Set(['deployment']);

function fingerprint(state: GameState): string {
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

const GAMES: [scenario: string, seed: number, hash: string][] = [
  ['anthropic-rsp', 1, 'd9442eede55cc361'],
  ['anthropic-rsp', 42, '5b904da4c580f344'],
  ['openai-preparedness', 7, '358d1d005ba1ec12'],
  ['deepmind-fsf', 3, '7569adeae0783c32'],
  ['race-to-the-bottom', 11, 'fd8f14ee26473107'],
  ['coordinated-pause', 5, '0cb6b70a58239876'],
  ['eval-blind-spot', 9, '2e6798f2c35c0f4f'],
  ['quiet-revision', 2, '153a0fefd8b8b281'],
  // Labs halted by the regulator after an audit, and incident response:
  ['anthropic-rsp', 6, 'efce846ee61fdcfd'],
  ['quiet-revision', 15, '932a61a92628eeb0'],
];

describe('bot games are unchanged by refactoring', () => {
  it.each(GAMES)('%s, seed %i', (scenario, seed, hash) => {
    expect(fingerprint(playWithBots(shipped(scenario), seed))).toBe(hash);
  });
});
