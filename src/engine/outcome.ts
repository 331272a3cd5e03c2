import type { EndReason, GameState, Incident, LabOutcome, LabRoundRecord, Outcome } from './types';

/**
 * What a game's outcome adds up over the labs' records, per lab in the labs' order: the chance
 * it came through its hazards, commitments kept and broken, crossings its evals missed.
 */
export interface OutcomeTally {
  survive: number[];
  kept: number[];
  broken: number[];
  missed: number[];
}

/** A tally of no records yet, for `labs` labs. */
export function emptyTally(labs: number): OutcomeTally {
  const tally: OutcomeTally = { survive: [], kept: [], broken: [], missed: [] };
  for (let i = 0; i < labs; i++) {
    tally.survive.push(1);
    tally.kept.push(0);
    tally.broken.push(0);
    tally.missed.push(0);
  }
  return tally;
}

/** Lab `index`'s record of one more quarter added to the tally (quarters in order). */
export function tallyRecord(tally: OutcomeTally, index: number, row: LabRoundRecord): void {
  tally.survive[index] = (tally.survive[index] as number) * (1 - row.risk.total);
  if (row.compliance === 'kept') tally.kept[index] = (tally.kept[index] as number) + 1;
  else if (row.compliance === 'broken') tally.broken[index] = (tally.broken[index] as number) + 1;
  tally.missed[index] = (tally.missed[index] as number) + row.missedCrossings.length;
}

/** The tally of a game's whole history (labs keep their order in every round's record). */
function tallyOf(state: GameState): OutcomeTally {
  const tally = emptyTally(state.labs.length);
  for (const round of state.history) {
    for (let i = 0; i < state.labs.length; i++) {
      const row = round.labs[i];
      if (row?.lab === state.labs[i]?.id) tallyRecord(tally, i, row as LabRoundRecord);
    }
  }
  return tally;
}

/**
 * The game's outcome: no single score, but what happened to the world and to each lab. `tally`:
 * the history's tally when the caller kept one as the game was played (a batch game: reading the
 * whole history again at its end was a visible share of it); by default the history is read.
 */
export function summariseOutcome(
  state: GameState,
  reason: EndReason,
  catastrophe: Incident | null,
  tally: OutcomeTally = tallyOf(state),
): Outcome {
  const labs: LabOutcome[] = [];
  for (let i = 0; i < state.labs.length; i++) {
    const lab = state.labs[i] as GameState['labs'][number];
    let revisionsPublic = 0;
    for (const r of lab.policy.revisions) if (r.publicly) revisionsPublic++;
    labs.push({
      lab: lab.id,
      cumulativeRisk: 1 - (tally.survive[i] as number),
      commitmentsKept: tally.kept[i] as number,
      commitmentsBroken: tally.broken[i] as number,
      revisionsPublic,
      revisionsQuiet: lab.policy.revisions.length - revisionsPublic,
      marketShare: lab.marketShare,
      reputation: lab.reputation,
      missedCrossings: tally.missed[i] as number,
    });
  }
  return {
    reason,
    round: state.history.at(-1)?.round ?? state.round,
    catastrophe,
    publicTrust: state.world.publicTrust,
    labs,
  };
}
