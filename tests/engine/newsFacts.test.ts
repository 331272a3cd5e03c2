// The record's news holds facts, never derived English: ids, kinds and numbers only. The one
// exception is an inject, whose headline and story a scenario or a facilitator wrote.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playWithBots } from '../../src/engine/game';
import { goldenScenarios, humanGame } from './golden/replays';

const scenarios = goldenScenarios();

describe('news in the game record', () => {
  it('is facts: no item but an inject carries a sentence or a name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...scenarios),
        fc.integer({ min: 1, max: 10_000 }),
        fc.boolean(),
        (scenario, seed, human) => {
          const state = human ? humanGame(scenario, seed).played : playWithBots(scenario, seed);
          const names = new Set(
            [...state.labs, ...scenario.domains]
              .filter((named) => named.name !== named.id)
              .map((named) => named.name),
          );
          for (const item of [...state.world.news, ...state.history.flatMap((h) => h.news)]) {
            if (item.kind === 'inject') continue;
            for (const value of Object.values(item)) {
              if (typeof value !== 'string') continue;
              // Ids and kinds are single words; a sentence or a lab's name is not, or is a name.
              expect(value).not.toMatch(/\s/);
              expect(names.has(value)).toBe(false);
            }
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});
