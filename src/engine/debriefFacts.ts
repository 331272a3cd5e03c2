// The facts a debrief reveals, read from a game's history alone: where the evals missed a
// crossing (as episodes, against the ladder each lab held or started with), each lab's record
// quarter by quarter, the commitments it kept or broke. Numbers only: the sentences the debrief
// says about them are in src/presentation/debrief/. Pure and deterministic.

import { labPolicy } from './policies';
import { levelReached, missedCrossings } from './evaluation';
import { undoRevisions } from './knowledge';
import type {
  GameState,
  LabRoundRecord,
  LabState,
  LevelSpec,
  MissedCrossing,
  Scenario,
} from './types';

/** A lab's record in one quarter, with the quarter's number. */
export type Row = LabRoundRecord & { round: number };

/** A lab's records, quarter by quarter. */
export function rowsOf(state: GameState, lab: string): Row[] {
  const rows: Row[] = [];
  for (const round of state.history) {
    const row = round.labs.find((l) => l.lab === lab);
    if (row) rows.push({ ...row, round: round.round });
  }
  return rows;
}

/** A lab's true capability, true level and safeguards at the start of `round` (when it decided). */
export function startOfQuarter(
  scenario: Scenario,
  state: GameState,
  lab: string,
  round: number,
): Pick<LabRoundRecord, 'capability' | 'trueLevel' | 'safeguards'> {
  const previous = state.history
    .find((r) => r.round === round - 1)
    ?.labs.find((l) => l.lab === lab);
  if (previous) {
    return {
      capability: previous.capability,
      trueLevel: previous.trueLevel,
      safeguards: previous.safeguards,
    };
  }
  const spec = scenario.labs.find((l) => l.id === lab);
  const capability = spec?.start.capability ?? {};
  const ladder = labPolicy(scenario, lab).levels;
  const index = levelReached(ladder, capability);
  return {
    capability,
    trueLevel: index >= 0 ? (ladder[index]?.id ?? null) : null,
    safeguards: {
      security: spec?.start.safeguards.security ?? 0,
      deployment: spec?.start.safeguards.deployment ?? 0,
      alignment: spec?.start.safeguards.alignment ?? 0,
    },
  };
}

/** Quarters in which any of `labs` had a missed crossing (one crossing can last several). */
export function quartersWithMissedCrossing(state: GameState, labs: readonly string[]): number {
  return state.history.filter((r) =>
    r.labs.some((l) => labs.includes(l.lab) && l.missedCrossings.length > 0),
  ).length;
}

/** Board pressure when the lab decided in `round`: what the previous quarter ended with. */
export function pressureAtDecision(state: GameState, lab: string, round: number): number {
  const previous = state.history.find((r) => r.round === round - 1);
  return previous?.labs.find((l) => l.lab === lab)?.boardPressure ?? 0;
}

/** One lab's missed crossings quarter by quarter, as some ladder counts them. */
type MissedByQuarter = (lab: string) => { round: number; missed: readonly MissedCrossing[] }[];

/** The record's own: each quarter against the ladder the lab held that quarter (revised or not). */
const recordedMisses =
  (state: GameState): MissedByQuarter =>
  (lab) =>
    state.history.map((round) => ({
      round: round.round,
      missed: round.labs.find((l) => l.lab === lab)?.missedCrossings ?? [],
    }));

/**
 * Missed crossings grouped into episodes: a threshold (lab, level, domain) missed in consecutive
 * quarters is one episode, reported with its first quarter's numbers.
 */
function episodes(byQuarter: MissedByQuarter, labs: readonly string[]): MissedCrossing[] {
  const found: MissedCrossing[] = [];
  for (const lab of labs) {
    let previous = new Set<string>();
    let previousRound = -1;
    for (const { round, missed } of byQuarter(lab)) {
      const now = new Set<string>();
      for (const m of missed) {
        const key = `${m.levelId}\u0000${m.domain}`;
        now.add(key);
        if (!(previous.has(key) && previousRound === round - 1)) found.push(m);
      }
      previous = now;
      previousRound = round;
    }
  }
  return found.sort((a, b) => a.round - b.round || labs.indexOf(a.lab) - labs.indexOf(b.lab));
}

/**
 * Missed crossings grouped into episodes, against the ladder each lab held in each quarter (its
 * revisions included, as the record counts them).
 */
export function missedCrossingEpisodes(
  state: GameState,
  labs: readonly string[],
): MissedCrossing[] {
  return episodes(recordedMisses(state), labs);
}

/** The ladder a lab started the game with: its own with every revision, public or quiet, undone. */
export function startingLevels(lab: LabState): readonly LevelSpec[] {
  return lab.policy.revisions.length === 0
    ? lab.policy.levels
    : undoRevisions(lab.policy.levels, lab.policy.revisions);
}

/**
 * Missed crossings as the ladder each lab started with counts them: the same true capability and
 * the same eval results each quarter, held against the thresholds before any revision. A lab that
 * loosened a threshold can miss a crossing here that its revised ladder no longer shows.
 */
export function missedCrossingEpisodesOnStartingLadder(
  scenario: Scenario,
  state: GameState,
  labs: readonly string[],
): MissedCrossing[] {
  const buffer = scenario.evaluation.safetyBuffer;
  const byQuarter: MissedByQuarter = (id) => {
    const lab = state.labs.find((l) => l.id === id);
    if (!lab) return [];
    const ladder = startingLevels(lab);
    return rowsOf(state, id).map((row) => ({
      round: row.round,
      missed: missedCrossings(
        ladder,
        row.capability,
        row.measured && {
          round: row.round,
          measured: row.measured,
          uncertainty: 0,
          sensitivity: 0,
        },
        buffer,
        id,
        row.round,
      ),
    }));
  };
  return episodes(byQuarter, labs);
}

/** Both counts of the missed crossings, and whether any of the labs revised a threshold at all. */
export interface MissedByLadder {
  /** Against the ladder each lab started the game with. */
  starting: MissedCrossing[];
  /** Against the ladder each lab held in each quarter, revisions included (the record's count). */
  revised: MissedCrossing[];
  /** Labs (of those asked about) that revised a threshold: only for them can the two differ. */
  revisedLabs: string[];
}

export function missedCrossingsByLadder(
  scenario: Scenario,
  state: GameState,
  labs: readonly string[],
): MissedByLadder {
  return {
    starting: missedCrossingEpisodesOnStartingLadder(scenario, state, labs),
    revised: missedCrossingEpisodes(state, labs),
    revisedLabs: labs.filter(
      (id) => (state.labs.find((l) => l.id === id)?.policy.revisions.length ?? 0) > 0,
    ),
  };
}

/** How a lab kept its commitments: quarters kept and broken, thresholds revised in the open and quietly. */
export interface CommitmentRecord {
  lab: string;
  name: string;
  kept: number;
  broken: number;
  revisedPublicly: number;
  revisedQuietly: number;
}

export function commitmentRecord(state: GameState, lab: LabState): CommitmentRecord {
  const rows = rowsOf(state, lab.id);
  return {
    lab: lab.id,
    name: lab.name,
    kept: rows.filter((r) => r.compliance === 'kept').length,
    broken: rows.filter((r) => r.compliance === 'broken').length,
    revisedPublicly: lab.policy.revisions.filter((r) => r.publicly).length,
    revisedQuietly: lab.policy.revisions.filter((r) => !r.publicly).length,
  };
}
