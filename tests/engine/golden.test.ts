import { describe, expect, it } from 'vitest';
import { playWithBots } from '../../src/engine/game';
import { fingerprint } from './fingerprint';
import { shipped } from './validation/harness';

// Whole bot games, fingerprinted (fingerprint.ts). A refactor that must not change any game result
// keeps these hashes; a change to the model's rules or to a scenario's facts changes them on
// purpose (update them in the same commit, and say why).
//
// Issue 14 re-recorded anthropic-rsp (AI R&D-4 became its own level: ASL-3 security plus an
// affirmative case about misalignment, as RSP v2.2 has it), openai-preparedness (the competitor
// clause is now a rule of the policy), deepmind-fsf (alert thresholds trigger a response plan,
// not the CCL's requirements) and quiet-revision (the SB 53 inject's text only: it no longer says
// the law orders random audits). The old-format copies of these files still play the old hashes
// (tests/engine/scenario/oldFormat.test.ts).

const GAMES: [scenario: string, seed: number, hash: string][] = [
  ['anthropic-rsp', 1, 'ef5f039dadbf56f9'],
  ['anthropic-rsp', 42, '2a98fbf227420506'],
  ['openai-preparedness', 7, '5c404d67c3b7c327'],
  ['deepmind-fsf', 3, '9cdb3c7728836a67'],
  ['race-to-the-bottom', 11, 'fd8f14ee26473107'],
  ['coordinated-pause', 5, '0cb6b70a58239876'],
  ['eval-blind-spot', 9, '2e6798f2c35c0f4f'],
  ['quiet-revision', 2, '86732b1899193d52'],
  // Labs halted by the regulator after an audit, and incident response:
  ['anthropic-rsp', 6, 'a3f12e5ce022acbf'],
  ['quiet-revision', 15, '28b8be0b47821bf0'],
  // Labs under different policies (issue 14):
  ['rsp-v2-vs-v3', 4, '1fe9d45f767f390e'],
  ['three-frameworks', 8, '5db814a3a9a1d6a6'],
];

describe('bot games are unchanged by refactoring', () => {
  it.each(GAMES)('%s, seed %i', (scenario, seed, hash) => {
    expect(fingerprint(playWithBots(shipped(scenario), seed))).toBe(hash);
  });
});
