// One lab's quarters as the timeline reads them: its record per quarter and its state at the
// start of each (when it decided), 1 … the quarter being played, plus the end point of a finished
// game. The series modules all read the history through this, so they agree on which quarter a
// value belongs to (see the time convention in ./timelineData.ts).

import type {
  DomainValues,
  GameState,
  LabRoundRecord,
  LabSpec,
  LabState,
  SafeguardTrack,
  Scenario,
} from '../../engine/types';
import { SAFEGUARD_TRACKS } from '../../engine/types';

export interface LabQuarters {
  state: GameState;
  lab: LabState;
  spec: LabSpec;
  /** Last quarter with a state point before the end point: the current one, or the last played. */
  lastRound: number;
  /** The quarter being played, or null once the game is over. */
  currentRound: number | null;
  /** 1 … lastRound. */
  stateRounds: number[];
  /** stateRounds, plus lastRound + 1 for a finished game. */
  pointRounds: number[];
  record: (round: number, id?: string) => LabRoundRecord | undefined;
  startCapability: (round: number) => DomainValues;
  startSafeguards: (round: number) => Record<SafeguardTrack, number>;
  startShare: (round: number, id: string) => number;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

export function labQuarters(scenario: Scenario, state: GameState, labId: string): LabQuarters {
  const lab = state.labs.find((l) => l.id === labId);
  const spec = scenario.labs.find((l) => l.id === labId);
  if (!lab || !spec) throw new Error(`Unknown lab "${labId}"`);
  const over = state.outcome != null;
  const lastRound = over ? (state.history.at(-1)?.round ?? 0) : state.round;
  const currentRound = over ? null : state.round;
  // Quarter r's record is history[r - 1] (the history holds every quarter played, in order); the
  // search is only a fallback. Series read a record per quarter per lab, so this is not a scan.
  const roundRecord = (round: number) => {
    const at = state.history[round - 1];
    return at?.round === round ? at : state.history.find((h) => h.round === round);
  };
  const record = (round: number, id = labId): LabRoundRecord | undefined =>
    roundRecord(round)?.labs.find((l) => l.lab === id);
  const stateRounds = range(1, lastRound);
  return {
    state,
    lab,
    spec,
    lastRound,
    currentRound,
    stateRounds,
    pointRounds: over ? [...stateRounds, lastRound + 1] : stateRounds,
    record,
    startCapability: (round) =>
      round === 1 ? spec.start.capability : (record(round - 1)?.capability ?? lab.capability),
    startSafeguards: (round) => {
      if (currentRound !== null && round === currentRound) return lab.safeguards;
      if (round === 1) {
        return Object.fromEntries(
          SAFEGUARD_TRACKS.map((t) => [t, spec.start.safeguards[t] ?? 0]),
        ) as Record<SafeguardTrack, number>;
      }
      return record(round - 1)?.safeguards ?? lab.safeguards;
    },
    startShare: (round, id) => {
      if (round === 1) return 1 / state.labs.length;
      return (
        record(round - 1, id)?.marketShare ?? state.labs.find((l) => l.id === id)?.marketShare ?? 0
      );
    },
  };
}
