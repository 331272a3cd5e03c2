// A two-team workshop of the shortest scenario, played some quarters in: its setup, decision log,
// record (teams and one commitment) and game, for the screens that show a workshop's reveal.
import { replayGame, type RoundDecisions } from '../../src/engine/game';
import type { GameSetup } from '../../src/engine/machines/gameMachine';
import type { GameState } from '../../src/engine/types';
import { addCommitment } from '../../src/engine/workshop/commitments';
import { initialMeta } from '../../src/engine/workshop/flow';
import type { WorkshopMeta } from '../../src/engine/workshop/types';
import { decision, shortest } from './helpers';

export const [LAB_A, LAB_B] = shortest.labs.map((l) => l.id) as [string, string];

export interface PlayedWorkshop {
  setup: GameSetup;
  log: RoundDecisions[];
  meta: WorkshopMeta;
  game: GameState;
}

/** `quarters` resolved (the whole game when it is at least the scenario's length). */
export function playedWorkshop(quarters: number): PlayedWorkshop {
  const setup: GameSetup = { scenario: shortest, seed: 9, humans: [LAB_A, LAB_B] };
  const all = Array.from({ length: shortest.rounds }, () => ({
    [LAB_A]: decision('pause'),
    [LAB_B]: decision('restrict'),
  }));
  const game = replayGame(shortest, setup, all.slice(0, quarters));
  const meta: WorkshopMeta = {
    ...initialMeta(
      [
        { lab: LAB_A, name: 'Amber' },
        { lab: LAB_B, name: 'Blue' },
      ],
      null,
      'play',
    ),
    commitments: addCommitment([], {
      round: 1,
      until: null,
      parties: [LAB_A, LAB_B],
      text: 'We keep each other honest',
      terms: { kind: 'statement' },
    }),
  };
  return { setup, log: all.slice(0, game.history.length), meta, game };
}
