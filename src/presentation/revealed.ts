// The only way to the truth: a finished game. True capability, true risk, the missed crossings
// and the rivals' hidden numbers are in the game state all along, but a screen shown during play
// gets a PlayView (./playView.ts) and a screen that shows the truth — the debrief, the
// after-action report — takes a RevealedGame, which `revealedGame` builds only once the game is
// over. So showing the truth early would need a new type, not a slip.

import type { Outcome, GameState } from '../engine/types';

declare const over: unique symbol;

/** A game that has ended, with its outcome. Built only by `revealedGame`. */
export interface RevealedGame {
  readonly game: GameState & { outcome: Outcome };
  readonly [over]: true;
}

/** The game's reveal once it is over; null while it is still being played. */
export function revealedGame(game: GameState): RevealedGame | null {
  if (game.outcome === null) return null;
  return { game: game as GameState & { outcome: Outcome } } as RevealedGame;
}
