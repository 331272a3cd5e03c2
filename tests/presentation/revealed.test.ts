// The truth is reachable only through a finished game.
import { describe, expect, it } from 'vitest';
import { advanceGame, createGame } from '../../src/engine/game';
import type { Scenario } from '../../src/engine/types';
import { revealedGame, type RevealedGame } from '../../src/presentation/revealed';
import { shippedScenarios } from '../support/shippedScenarios';

const scenario = [...shippedScenarios].sort((a, b) => a.rounds - b.rounds)[0] as Scenario;

describe('revealedGame', () => {
  it('is null while the game is played and the game itself once it is over', () => {
    let game = createGame(scenario, { seed: 5, humans: [] });
    expect(revealedGame(game)).toBeNull();
    while (!game.outcome) {
      game = advanceGame(game, scenario, {});
      if (!game.outcome) expect(revealedGame(game)).toBeNull();
    }
    expect(revealedGame(game)?.game).toBe(game);
  });

  it('cannot be made by hand from a game', () => {
    const game = createGame(scenario, { seed: 5, humans: [] });
    // @ts-expect-error: a RevealedGame comes only from revealedGame, which checks the game is over.
    const forged: RevealedGame = { game };
    expect(forged.game.outcome).toBeNull();
  });
});
