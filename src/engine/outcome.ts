import type { EndReason, GameState, Incident, LabOutcome, LabRoundRecord, Outcome } from './types';

/** The game's outcome: no single score, but what happened to the world and to each lab. */
export function summariseOutcome(
  state: GameState,
  reason: EndReason,
  catastrophe: Incident | null,
): Outcome {
  const labs: LabOutcome[] = state.labs.map((lab, i) => {
    // Labs keep their order in every round's record.
    const rows = state.history
      .map((r) => r.labs[i])
      .filter((row) => row?.lab === lab.id) as LabRoundRecord[];
    const survive = rows.reduce((s, r) => s * (1 - r.risk.total), 1);
    return {
      lab: lab.id,
      cumulativeRisk: 1 - survive,
      commitmentsKept: rows.filter((r) => r.compliance === 'kept').length,
      commitmentsBroken: rows.filter((r) => r.compliance === 'broken').length,
      revisionsPublic: lab.policy.revisions.filter((r) => r.publicly).length,
      revisionsQuiet: lab.policy.revisions.filter((r) => !r.publicly).length,
      marketShare: lab.marketShare,
      reputation: lab.reputation,
      missedCrossings: rows.reduce((n, r) => n + r.missedCrossings.length, 0),
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
