// How the game ended, in a title and a paragraph: the debrief's first lines, the pooled
// results' endings and the projector's closing title.

import { describeIncident } from '../../engine/incidents';
import { percent } from '../../engine/numbers';
import type { GameState } from '../../engine/types';
import { REGULATION_NAMES } from '../../engine/world';
import { labName } from './words';

export interface OutcomeWords {
  title: string;
  text: string;
}

/** The ending of `state` for the labs in `focus` (their cumulative risk is quoted). */
export function outcomeWords(state: GameState, focus: readonly string[]): OutcomeWords {
  const o = state.outcome;
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
