import type { EndReason, GameState, Incident, LabOutcome, Outcome } from './types';

/** The game's outcome: no single score, but what happened to the world and to each lab. */
export function summariseOutcome(
  state: GameState,
  reason: EndReason,
  catastrophe: Incident | null,
): Outcome {
  const labs: LabOutcome[] = state.labs.map((lab, i) => {
    // One pass over the lab's rows (labs keep their order in every round's record).
    let survive = 1;
    let commitmentsKept = 0;
    let commitmentsBroken = 0;
    let missedCrossings = 0;
    for (const round of state.history) {
      const row = round.labs[i];
      if (row?.lab !== lab.id) continue;
      survive *= 1 - row.risk.total;
      if (row.compliance === 'kept') commitmentsKept++;
      else if (row.compliance === 'broken') commitmentsBroken++;
      missedCrossings += row.missedCrossings.length;
    }
    let revisionsPublic = 0;
    for (const r of lab.policy.revisions) if (r.publicly) revisionsPublic++;
    return {
      lab: lab.id,
      cumulativeRisk: 1 - survive,
      commitmentsKept,
      commitmentsBroken,
      revisionsPublic,
      revisionsQuiet: lab.policy.revisions.length - revisionsPublic,
      marketShare: lab.marketShare,
      reputation: lab.reputation,
      missedCrossings,
    };
  });
  return {
    reason,
    round: state.history.at(-1)?.round ?? state.round,
    catastrophe,
    publicTrust: state.world.publicTrust,
    labs,
  };
}
