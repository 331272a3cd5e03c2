// The only way to the truth: a game at its end. True capability, true risk, the missed crossings
// and the rivals' hidden numbers are in the game state all along, but a screen shown during play
// gets a PlayView (./playView.ts) and a screen that shows the truth — the debrief, the
// after-action report — takes a RevealedGame, which only `revealedGame` and `revealGame` build.
// So showing the truth early would need a new type, not a slip.
//
// A game reaches its reveal in one of two ways, and the type says which (`ending`):
// - 'over': the game ended by its own rules (a catastrophe, the regulator's halt, its last
//   quarter played — "end after this quarter" included: that quarter is then the last, and
//   resolving it ends the game with an outcome);
// - 'endedEarly': the facilitator ended the session while the game was still being played (a
//   networked room's "End the room"); there is no outcome, and the quarters played are revealed
//   as they stand.

import type { GameState, Outcome } from '../engine/types';

// Not exported: no other module can write this key, so no other module can make a RevealedGame.
const REVEALED: unique symbol = Symbol('revealed');

interface Reveal {
  readonly [REVEALED]: true;
}

/** A game over by its own rules, with its outcome. */
export interface FinishedGame extends Reveal {
  readonly ending: 'over';
  readonly game: GameState & { outcome: Outcome };
}

/** A game the facilitator ended before it was over: no outcome, the quarters played so far. */
export interface EndedEarlyGame extends Reveal {
  readonly ending: 'endedEarly';
  readonly game: GameState & { outcome: null };
}

export type RevealedGame = FinishedGame | EndedEarlyGame;

/** How the session around a game stands: whether its facilitator has ended it. */
export interface SessionEnd {
  /** The facilitator ended the session (a networked room's "End the room"). */
  endedEarly: boolean;
}

function isOver(game: GameState): game is GameState & { outcome: Outcome } {
  return game.outcome !== null;
}

function isRunning(game: GameState): game is GameState & { outcome: null } {
  return game.outcome === null;
}

/** The game's reveal once it is over; null while it is still being played (solo, the debrief). */
export function revealedGame(game: GameState): FinishedGame | null {
  return isOver(game) ? { ending: 'over', game, [REVEALED]: true } : null;
}

/**
 * The game's reveal in a session a facilitator runs: once the game is over, or once the
 * facilitator has ended the session early; null while the game is still being played.
 */
export function revealGame(game: GameState, session: SessionEnd): RevealedGame | null {
  if (isOver(game)) return revealedGame(game);
  if (session.endedEarly && isRunning(game))
    return { ending: 'endedEarly', game, [REVEALED]: true };
  return null;
}
