// What the workshop's debrief and its after-action report show, in one place for the
// pass-the-laptop debrief (WorkshopDebrief) and the networked room's report (RoomReport): the
// debrief's words, the teams' missed crossings on both ladders, the table's commitments judged,
// and the note on a shortened game. Built from a RevealedGame only, so neither screen can be
// handed a game still being played.

import { missedCrossingsByLadder, type MissedByLadder } from '../../engine/debriefFacts';
import type { GameSetup } from '../../engine/machines/gameMachine';
import { assessCommitments, type CommitmentAssessment } from '../../engine/workshop/commitments';
import type { Commitment, WorkshopMeta } from '../../engine/workshop/types';
import { buildDebrief, type Debrief } from '../debrief/debrief';
import { gameLengthNote, type GameLengthNote } from '../report/gameLength';
import type { RevealedGame } from '../revealed';

export interface AfterAction {
  revealed: RevealedGame;
  debrief: Debrief;
  /** The teams' missed crossings on the ladder each started with and on its revised one. */
  missed: MissedByLadder;
  commitments: { commitment: Commitment; assessment: CommitmentAssessment }[];
  /** Set when the game ended before the scenario's last quarter (its length, or its facilitator). */
  lengthNote: GameLengthNote | null;
}

export function afterAction(
  revealed: RevealedGame,
  setup: Pick<GameSetup, 'scenario' | 'rounds' | 'endAfter'>,
  meta: Pick<WorkshopMeta, 'teams' | 'commitments'>,
): AfterAction {
  const { scenario } = setup;
  const game = revealed.game;
  const teamLabs = meta.teams.map((t) => t.lab);
  const endedEarly = revealed.ending === 'endedEarly';
  return {
    revealed,
    debrief: buildDebrief(scenario, game, teamLabs, { endedEarly }),
    missed: missedCrossingsByLadder(scenario, game, teamLabs),
    commitments: assessCommitments(meta.commitments, scenario, game),
    lengthNote: gameLengthNote(scenario, game, {
      rounds: setup.rounds,
      endAfter: setup.endAfter,
      endedEarly,
    }),
  };
}
