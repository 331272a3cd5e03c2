import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { playWithBots } from '../../src/engine/game';
import type { GameState } from '../../src/engine/types';
import { fingerprint } from './fingerprint';
import { BOT_SEEDS, goldenScenarios, humanGame } from './golden/replays';
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
//
// Issue 18 re-recorded every hash for the news alone: a news item became a fact (ids and numbers)
// instead of English. Every other field of every game was checked unchanged first: outcomes,
// capability, risk, trust, market, each lab's status and every draw (games compared old against
// new with their news removed, and the batch games byte for byte, over every shipped scenario,
// the old-format files and 20 seeds each); so was each item's quarter, kind and lab, in order.

const GAMES: [scenario: string, seed: number, hash: string][] = [
  ['anthropic-rsp', 1, 'b34742e668074bbf'],
  ['anthropic-rsp', 42, '8c39c836a71ee615'],
  ['openai-preparedness', 7, 'beb40ecb7687e63a'],
  ['deepmind-fsf', 3, 'e44c70dc4551a20e'],
  ['race-to-the-bottom', 11, '8cafe8d870dbebea'],
  ['coordinated-pause', 5, '40dfcc3722e33e7d'],
  ['eval-blind-spot', 9, '176053f2f499b233'],
  ['quiet-revision', 2, '56d53c8414acac0f'],
  // Labs halted by the regulator after an audit, and incident response:
  ['anthropic-rsp', 6, 'cd62535059ae5ec4'],
  ['quiet-revision', 15, '8e1eebbef96c44c9'],
  // Labs under different policies (issue 14):
  ['rsp-v2-vs-v3', 4, '33728a438a16571c'],
  ['three-frameworks', 8, 'c3243048a2d35bec'],
];

describe('bot games are unchanged by refactoring', () => {
  it.each(GAMES)('%s, seed %i', (scenario, seed, hash) => {
    expect(fingerprint(playWithBots(shipped(scenario), seed))).toBe(hash);
  });
});

/** The game as a batch plays it: the same, with no news written. */
function withoutNews(state: GameState): GameState {
  return {
    ...state,
    world: { ...state.world, news: [] },
    history: state.history.map((round) => ({ ...round, news: [] })),
  };
}

/**
 * The golden replays (issue 21): every shipped scenario (and the bench's six-lab game) with bots
 * in every seat over a block of seeds, and a scripted human game in each (on a lab with its own
 * policy where the scenario has one), compared byte for byte with the games recorded on the
 * engine before it was optimised (tests/engine/golden/). The whole final state is compared: every
 * quarter's record, the labs, the world and its news, the outcome. Games are stored as hashes; one
 * whole game is stored in full, so a change shows its first differing field. A change to the
 * model's rules changes them on purpose: rerun with `-u` and say why in the commit.
 */
describe('golden replays: games are byte-for-byte what they were', () => {
  const scenarios = goldenScenarios();
  const hashes: Record<string, string> = {};
  const sha = (state: GameState) =>
    createHash('sha256').update(JSON.stringify(state)).digest('hex');

  it.each(scenarios.map((s) => [s.id, s] as const))('%s: bot games and a human game', (id, s) => {
    for (const seed of BOT_SEEDS) hashes[`${id} seed ${seed} bots`] = sha(playWithBots(s, seed));
    const human = humanGame(s, 7);
    // The decision log and the injects reproduce the game exactly.
    expect(JSON.stringify(human.replayed)).toBe(JSON.stringify(human.played));
    hashes[`${id} seed 7 human`] = sha(human.played);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))(
    '%s: a batch game (no text) is the same game without its news',
    (_, s) => {
      for (const seed of BOT_SEEDS) {
        const full = playWithBots(s, seed);
        const counted = playWithBots(s, seed, undefined, { text: false });
        expect(JSON.stringify(counted)).toBe(JSON.stringify(withoutNews(full)));
      }
    },
  );

  it('every game hashes as recorded', async () => {
    expect(Object.keys(hashes)).toHaveLength(scenarios.length * (BOT_SEEDS.length + 1));
    await expect(`${JSON.stringify(hashes, null, 2)}\n`).toMatchFileSnapshot(
      './golden/hashes.json',
    );
  });

  it('one human game under per-lab policies, in full', async () => {
    const three = scenarios.find((s) => s.id === 'three-frameworks');
    expect(three).toBeDefined();
    const { played } = humanGame(three!, 7);
    await expect(`${JSON.stringify(played, null, 1)}\n`).toMatchFileSnapshot(
      './golden/three-frameworks-human-seed-7.json',
    );
  });
});
