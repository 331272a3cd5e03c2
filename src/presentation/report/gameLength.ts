// What a shortened game leaves out, said once for the debrief screen, the printable after-action
// report and its Markdown: a game set to fewer quarters than its scenario at setup, cut short
// by the facilitator's "end after this quarter", or a session the facilitator ended while the game
// was still being played (a networked room's "End the room").

import type { GameSetup } from '../../engine/machines/gameMachine';
import type { GameState, Scenario } from '../../engine/types';

/** How long the game was set to be, and whether its facilitator stopped it. */
export type GameLength = Pick<GameSetup, 'rounds' | 'endAfter'> & {
  /** The facilitator ended the session while the game was still being played. */
  endedEarly?: boolean;
};

export interface GameLengthNote {
  /** The facilitator ended it early ("end now", or the session ended), not its length at setup. */
  cutShort: boolean;
  /** One sentence: how many quarters were played, of how many. */
  summary: string;
  /** What the quarters not played leave out, one sentence each. */
  leftOut: string[];
}

const quarters = (n: number) => `${n} quarter${n === 1 ? '' : 's'}`;

/**
 * The note for a game that ended after fewer quarters than its scenario has, because of its
 * length or its facilitator (not a catastrophe or a regulator's halt); null for a game played to
 * the end.
 */
export function gameLengthNote(
  scenario: Scenario,
  state: GameState,
  setup: GameLength,
): GameLengthNote | null {
  const played = state.history.length;
  const stopped = state.outcome === null && setup.endedEarly === true;
  if (!(stopped || state.outcome?.reason === 'roundsComplete') || played >= scenario.rounds)
    return null;
  const planned = Math.min(setup.rounds ?? scenario.rounds, scenario.rounds);
  const cutShort = stopped || (setup.endAfter !== undefined && setup.endAfter < planned);
  const ofPlanned = `of the ${quarters(planned)} planned${planned < scenario.rounds ? ` (the scenario has ${scenario.rounds})` : ''}`;
  const summary = stopped
    ? `The facilitator ended the session after quarter ${played} ${ofPlanned}, before the game was over.`
    : cutShort
      ? `The facilitator ended the game after quarter ${played} ${ofPlanned}.`
      : `Played ${played} of the scenario’s ${quarters(scenario.rounds)}, as set at the start.`;
  const unplayed = scenario.events
    .map((event, index) => ({ event, index }))
    .filter(({ event, index }) => event.round > played && !state.world.firedEarly.includes(index));
  const leftOut = [
    `The scenario’s last ${quarters(scenario.rounds - played)} (${played + 1} to ${scenario.rounds}) were not played: capability keeps growing in them, so a threshold no model had reached may still have been crossed, and no one’s evals were tested against it.`,
    unplayed.length > 0
      ? `Scripted events that never came: ${unplayed.map(({ event }) => `“${event.headline}” (quarter ${event.round})`).join(', ')}.`
      : 'Every scripted event had come by then.',
    'Commitments running to the end of the game were judged on the quarters played only.',
  ];
  return { cutShort, summary, leftOut };
}
