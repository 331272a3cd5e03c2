// The facilitator's console sees the game in play only through consoleViewOf: the quarter, names,
// public news and verdicts — never a lab's true capability.
import fc from 'fast-check';
import type { ComponentProps } from 'svelte';
import { describe, expect, it } from 'vitest';
import { advanceGame, createGame } from '../../../src/engine/game';
import type { GameState, Scenario } from '../../../src/engine/types';
import { isPublicNews } from '../../../src/engine/view';
import { addCommitment, assessCommitments } from '../../../src/engine/workshop/commitments';
import { readableNews } from '../../../src/presentation/newsWords';
import { consoleViewOf } from '../../../src/presentation/workshop/consoleView';
import type FacilitatorConsole from '../../../src/ui/workshop/FacilitatorConsole.svelte';
import { shippedScenarios } from '../../support/shippedScenarios';

const scenario = shippedScenarios.find((s) => s.id === 'anthropic-rsp') as Scenario;

function played(seed: number, quarters: number): GameState {
  let game = createGame(scenario, { seed, humans: [] });
  for (let q = 0; q < quarters && !game.outcome; q++) game = advanceGame(game, scenario, {});
  return game;
}

const [a, b] = scenario.labs.map((l) => l.id) as [string, string];
const commitments = addCommitment([], {
  round: 1,
  until: null,
  parties: [a, b],
  text: 'We pause together',
  terms: { kind: 'pausePact' },
});

describe('consoleViewOf', () => {
  it('gives the quarter, the labs’ names, the last quarter’s public news and the verdicts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 8 }),
        (seed, n) => {
          const game = played(seed, n);
          const view = consoleViewOf(game, scenario, commitments);
          expect(view.round).toBe(game.round);
          expect(view.totalRounds).toBe(game.totalRounds);
          expect(view.labs).toEqual(game.labs.map((l) => ({ id: l.id, name: l.name })));
          const last = game.history.at(-1);
          if (last) {
            expect(view.lastResults?.round).toBe(last.round);
            // The quarter's public news, worded as the console shows it.
            expect(view.lastResults?.news).toEqual(
              readableNews(scenario, game.labs, last.news).filter(isPublicNews),
            );
            expect(view.lastResults?.news.every(isPublicNews)).toBe(true);
          } else expect(view.lastResults).toBeNull();
          expect(view.assessed.map((x) => x.verdict)).toEqual(
            assessCommitments(commitments, scenario, game).map((x) => x.assessment.verdict),
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('does not change with the labs’ true capability, which the console must not show', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (seed, truth) => {
          const game = played(seed, 3);
          const other: GameState = {
            ...game,
            labs: game.labs.map((l) => ({
              ...l,
              capability: Object.fromEntries(Object.keys(l.capability).map((d) => [d, truth])),
            })),
          };
          expect(consoleViewOf(other, scenario, commitments)).toEqual(
            consoleViewOf(game, scenario, commitments),
          );
        },
      ),
      { numRuns: 15 },
    );
  });

  it('is all the console can read of the game: its controller comes without `game`', () => {
    const typeChecks = (w: ComponentProps<typeof FacilitatorConsole>['w']) => {
      // @ts-expect-error: the console's controller has no game, only its view (consoleView).
      return w.game;
    };
    expect(typeof typeChecks).toBe('function');
  });
});
