// A study's games played unit by unit into tallies: the one loop the CLI's threads, its
// in-process fallback and its shards share. Nothing per game is kept: each game is summarised,
// counted into its cell's tally (and, for paired arms, into each arm's pair tally against the
// baseline's game of the same seed), then dropped. Pure and deterministic.

import type { Scenario } from '../types';
import { emptyPairTally, mergePairTally, tallyPair, type PairTally } from './compare';
import { runGames } from './runBatch';
import type { WorkUnit } from './shard';
import { emptyTally, mergeTally, tallyGame, type BatchTally } from './tally';

/** What is played: one scenario per cell; paired: cell 0 is the baseline, the others its arms. */
export interface StudyGames {
  scenarios: Scenario[];
  paired: boolean;
  seed: number;
  /** The levels reported (the baseline's). */
  levelIds: string[];
}

/** Tallies of some of a study's games: per cell (null: none of its games yet) and per arm. */
export interface StudyTally {
  cells: (BatchTally | null)[];
  /** Paired studies: arm i + 1 against the baseline. */
  pairs: PairTally[] | null;
}

export function emptyStudyTally(study: Pick<StudyGames, 'scenarios' | 'paired'>): StudyTally {
  return {
    cells: study.scenarios.map(() => null),
    pairs: study.paired ? study.scenarios.slice(1).map(() => emptyPairTally()) : null,
  };
}

/** Play one unit of work (games seed + from … of one cell, or of every cell, paired). */
export function playUnit(study: StudyGames, unit: WorkUnit): StudyTally {
  const result = emptyStudyTally(study);
  const cells = unit.cell === null ? study.scenarios.map((_, i) => i) : [unit.cell];
  const tallies = cells.map(() => emptyTally(study.levelIds));
  const baseline = study.scenarios[0] as Scenario;
  for (let i = 0; i < unit.count; i++) {
    const games = cells.map(
      (c) =>
        runGames(study.scenarios[c] as Scenario, {
          runs: 1,
          seed: study.seed,
          from: unit.from + i,
        })[0]!,
    );
    games.forEach((g, j) => tallyGame(tallies[j] as BatchTally, g));
    if (result.pairs && unit.cell === null) {
      const base = games[0]!;
      result.pairs.forEach((pair, a) => {
        const arm = study.scenarios[a + 1] as Scenario;
        tallyPair(pair, base, games[a + 1]!, {
          baseline,
          roundsA: baseline.rounds,
          roundsB: arm.rounds,
        });
      });
    }
  }
  cells.forEach((c, j) => (result.cells[c] = tallies[j] as BatchTally));
  return result;
}

/** Add `other` into `into` (in place). */
export function mergeStudyTally(into: StudyTally, other: StudyTally): void {
  other.cells.forEach((t, c) => {
    if (!t) return;
    const mine = into.cells[c];
    if (mine) mergeTally(mine, t);
    else {
      const copy = emptyTally(t.levelIds);
      mergeTally(copy, t);
      into.cells[c] = copy;
    }
  });
  other.pairs?.forEach((p, a) => {
    const mine = into.pairs?.[a];
    if (mine) mergePairTally(mine, p);
  });
}
