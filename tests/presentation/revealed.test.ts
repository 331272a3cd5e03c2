// The truth is reachable only through a finished game.
import { describe, expect, it } from 'vitest';
import { advanceGame, createGame } from '../../src/engine/game';
import type { Scenario } from '../../src/engine/types';
import {
  revealGame,
  revealedGame,
  type FinishedGame,
  type RevealedGame,
} from '../../src/presentation/revealed';
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
    expect(revealedGame(game)?.ending).toBe('over');
  });

  it('in a facilitated session: the game over, or the session ended early — never a game at play', () => {
    let game = createGame(scenario, { seed: 5, humans: [] });
    game = advanceGame(game, scenario, {});
    expect(revealGame(game, { endedEarly: false })).toBeNull();
    const early = revealGame(game, { endedEarly: true });
    expect(early?.ending).toBe('endedEarly');
    expect(early?.game).toBe(game);
    while (!game.outcome) game = advanceGame(game, scenario, {});
    // A game that is over is over, whether or not its session was ended afterwards.
    for (const endedEarly of [false, true]) {
      expect(revealGame(game, { endedEarly })?.ending).toBe('over');
    }
  });

  it('cannot be made by hand from a game', () => {
    const game = createGame(scenario, { seed: 5, humans: [] });
    // @ts-expect-error: a RevealedGame comes only from revealedGame, which checks the game is over.
    const forged: RevealedGame = { game };
    expect(forged.game.outcome).toBeNull();
    // @ts-expect-error: nor an ended-early one, nor from a game its ending does not match.
    const early: RevealedGame = { ending: 'endedEarly', game };
    void early;
    const reveal = revealGame(game, { endedEarly: true });
    // @ts-expect-error: a reveal may have no outcome; only a FinishedGame promises one.
    const finished: FinishedGame | null = reveal;
    void finished;
  });
});
