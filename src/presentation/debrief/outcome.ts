// How the game ended, in a title and a paragraph: the debrief's first lines, the pooled
// results' endings and the projector's closing title.

import { describeIncident } from '../incidentWords';
import { percent } from '../../engine/numbers';
import type { GameState } from '../../engine/types';
import { REGULATION_NAMES } from '../regulationWords';
import { labName } from './words';

export interface OutcomeWords {
  title: string;
  text: string;
}

/**
 * A game its facilitator ended while it was still being played (a networked room's "End the
 * room"): no outcome to state, so say when it stopped and what that leaves unknown.
 */
function endedEarlyWords(state: GameState): OutcomeWords {
  const played = state.history.length;
  return {
    title: `Ended by the facilitator after ${played === 1 ? 'one quarter' : `${played} quarters`}`,
    text: `The session was ended before the game was over, after quarter ${played} of ${state.totalRounds}. No catastrophe in the quarters played — but the quarters not played might have brought one, and the truth below is only as far as the game went. Public trust stood at ${percent(state.world.publicTrust)}.`,
  };
}

/**
 * The ending of `state` for the labs in `focus` (their cumulative risk is quoted). `endedEarly`:
 * the facilitator ended the session while the game was still being played (see
 * src/presentation/revealed.ts); it changes the words only for a game with no outcome.
 */
export function outcomeWords(
  state: GameState,
  focus: readonly string[],
  endedEarly = false,
): OutcomeWords {
  const o = state.outcome;
  if (!o && endedEarly) return endedEarlyWords(state);
  const risks = focus
    .map((id) => {
      const r = o?.labs.find((l) => l.lab === id)?.cumulativeRisk;
      return r === undefined ? null : `${labName(state, id)} ${percent(r)}`;
    })
    .filter((x): x is string => x !== null);
  const riskLine =
    risks.length > 0
      ? ` Cumulative risk taken — the chance, over the whole game, of at least one incident from a lab's models: ${risks.join(', ')}.`
      : '';
  if (!o) {
    return {
      title: 'The game is still in progress',
      text: `Quarter ${state.round} of ${state.totalRounds}. The debrief is complete once the game ends.`,
    };
  }
  const trust = ` Public trust ended at ${percent(o.publicTrust)}.`;
  switch (o.reason) {
    case 'catastrophe': {
      const c = o.catastrophe;
      const what = c ? describeIncident(c, labName(state, c.lab)).headline : 'Catastrophe';
      return {
        title: `Catastrophe in quarter ${o.round}`,
        text: `${what}. Harm on this scale ends the race for everyone: every lab loses, whoever caused it.${riskLine}`,
      };
    }
    case 'regulatorHalt':
      return {
        title: `The regulator stopped frontier development in quarter ${o.round}`,
        text: `Public trust fell so low for so long that the regulator ordered a ${REGULATION_NAMES[3]}. Nobody reaches the frontier now.${riskLine}${trust}`,
      };
    case 'roundsComplete':
      return {
        // A workshop can end after one quarter ("end now").
        title: `${o.round === 1 ? 'The one quarter' : `All ${o.round} quarters`} played without catastrophe`,
        text: `No catastrophe — but that alone does not show the risks were small.${riskLine}${trust}`,
      };
  }
}
