// What the facilitator's console shows of the game while it is played: the quarter, the labs'
// names, the last quarter's public news and the verdicts on the table's commitments. Built from
// the game field by field, so the console — on the laptop the teams look at — cannot show a lab's
// true capability or another team's private results before the reveal.

import { isPublicNews } from '../../engine/view';
import { assessCommitments, type CommitmentAssessment } from '../../engine/workshop/commitments';
import type { Commitment } from '../../engine/workshop/types';
import type { GameState, Scenario } from '../../engine/types';
import { readableNews, type WordedNews } from '../newsWords';

export interface ConsoleView {
  round: number;
  totalRounds: number;
  labs: { id: string; name: string }[];
  /** The last quarter resolved, with its public news only; null before the first. */
  lastResults: { round: number; news: WordedNews[] } | null;
  /** Each commitment recorded at the table, with the verdict the record gives it so far. */
  assessed: { commitment: Commitment; verdict: CommitmentAssessment['verdict'] }[];
}

export function consoleViewOf(
  game: GameState,
  scenario: Scenario,
  commitments: readonly Commitment[],
): ConsoleView {
  const last = game.history.at(-1);
  return {
    round: game.round,
    totalRounds: game.totalRounds,
    labs: game.labs.map((l) => ({ id: l.id, name: l.name })),
    lastResults: last
      ? {
          round: last.round,
          news: readableNews(scenario, game.labs, last.news).filter(isPublicNews),
        }
      : null,
    assessed: assessCommitments([...commitments], scenario, game).map((a) => ({
      commitment: a.commitment,
      verdict: a.assessment.verdict,
    })),
  };
}
