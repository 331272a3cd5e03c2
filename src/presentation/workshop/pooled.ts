// Results pooled across the tables of one event: several rooms playing the same scenario on the
// same seed, so the only thing that differs between tables is what their teams decided. Each
// finished table is summed up (who paused and when, missed crossings, the catastrophe if there
// was one and who caused it), then the tables are pooled: the moment a room sees that its own
// outcome was one draw of many. Pure functions of finished games; a table still playing is never
// read here (the server passes only its progress), so its truth cannot leak into the pool.

import { buildDebrief } from '../debrief/debrief';
import { missedCrossingEpisodesOnStartingLadder } from '../../engine/debriefFacts';
import { describeIncident } from '../incidentWords';
import type { EndReason, GameState, Scenario } from '../../engine/types';
import type { WorkshopMeta } from '../../engine/workshop/types';

/** A team that paused (its lab trained nothing) in at least one quarter. */
export interface PausedTeam {
  team: string;
  labName: string;
  /** The quarters it was paused, in order. */
  quarters: number[];
}

/** One finished table, as the debrief of the event shows it. */
export interface TableResult {
  roomId: string;
  table: string;
  outcome: { title: string; reason: EndReason; round: number };
  /** Quarters resolved. */
  quarters: number;
  paused: PausedTeam[];
  /** The first quarter any team at the table was paused (null: none ever was). */
  firstPause: number | null;
  /** Missed crossings of the teams' labs (episodes, against the ladders they started with). */
  missed: { count: number; rounds: number[] };
  /** The catastrophe that ended the game, and whose lab caused it (a team, or a bot's lab). */
  catastrophe: { round: number; labName: string; team: string | null; text: string } | null;
}

/** A table still playing: only where it is, which every device in its room may see. */
export interface TableProgress {
  roomId: string;
  table: string;
  round: number;
  totalRounds: number;
}

export interface PooledQuarter {
  round: number;
  /** Finished tables at which some team was paused this quarter. */
  paused: number;
  /** Finished tables at which a missed crossing began this quarter. */
  missed: number;
  /** Finished tables whose game ended in a catastrophe this quarter. */
  catastrophes: number;
}

export interface PooledResults {
  /** Tables in the event, finished or not. */
  tables: number;
  finished: number;
  /** Finished tables at which some team paused at least once. */
  tablesWithPause: number;
  /** The middle first-pause quarter of the tables that paused (null: none did). */
  medianFirstPause: number | null;
  missed: number;
  tablesWithMissed: number;
  catastrophes: number;
  /** How the finished games ended, most common first. */
  endings: { title: string; count: number }[];
  byQuarter: PooledQuarter[];
}

/** The pooled debrief an event's console and projector are sent. */
export interface EventResults {
  results: TableResult[];
  playing: TableProgress[];
  pooled: PooledResults;
}

/** One finished table's result; null while its game is still being played. */
export function tableResult(
  roomId: string,
  table: string,
  scenario: Scenario,
  state: GameState,
  meta: WorkshopMeta,
): TableResult | null {
  const outcome = state.outcome;
  if (outcome === null) return null;
  const teamLabs = meta.teams.map((t) => t.lab);
  const labName = (id: string) => state.labs.find((l) => l.id === id)?.name ?? id;
  const teamOf = (id: string) => meta.teams.find((t) => t.lab === id)?.name ?? null;
  const paused: PausedTeam[] = [];
  for (const team of meta.teams) {
    const quarters = state.history
      .filter((r) => r.labs.some((l) => l.lab === team.lab && l.effectivePosture === 'pause'))
      .map((r) => r.round);
    if (quarters.length > 0) paused.push({ team: team.name, labName: labName(team.lab), quarters });
  }
  const firsts = paused.map((p) => p.quarters[0] as number);
  const missed = missedCrossingEpisodesOnStartingLadder(scenario, state, teamLabs);
  const c = outcome.catastrophe;
  return {
    roomId,
    table,
    outcome: {
      title: buildDebrief(scenario, state, teamLabs).outcome.title,
      reason: outcome.reason,
      round: outcome.round,
    },
    quarters: state.history.length,
    paused,
    firstPause: firsts.length > 0 ? Math.min(...firsts) : null,
    missed: { count: missed.length, rounds: missed.map((m) => m.round) },
    catastrophe: c && {
      round: c.round,
      labName: labName(c.lab),
      team: teamOf(c.lab),
      text: describeIncident(c, labName(c.lab)).headline,
    },
  };
}

/** The lower middle of a sorted list (a quarter is a whole number, so no halves). */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

/** The finished tables pooled, quarter by quarter up to `totalRounds`. */
export function poolResults(
  results: readonly TableResult[],
  tables: number,
  totalRounds: number,
): PooledResults {
  const byQuarter: PooledQuarter[] = Array.from({ length: totalRounds }, (_, i) => ({
    round: i + 1,
    paused: 0,
    missed: 0,
    catastrophes: 0,
  }));
  const at = (round: number) => byQuarter[round - 1];
  const endings = new Map<string, number>();
  for (const r of results) {
    const pausedRounds = new Set(r.paused.flatMap((p) => p.quarters));
    for (const round of pausedRounds) {
      const q = at(round);
      if (q) q.paused++;
    }
    for (const round of new Set(r.missed.rounds)) {
      const q = at(round);
      if (q) q.missed++;
    }
    if (r.catastrophe) {
      const q = at(r.catastrophe.round);
      if (q) q.catastrophes++;
    }
    endings.set(r.outcome.title, (endings.get(r.outcome.title) ?? 0) + 1);
  }
  const firstPauses = results.flatMap((r) => (r.firstPause === null ? [] : [r.firstPause]));
  return {
    tables,
    finished: results.length,
    tablesWithPause: firstPauses.length,
    medianFirstPause: median(firstPauses),
    missed: results.reduce((sum, r) => sum + r.missed.count, 0),
    tablesWithMissed: results.filter((r) => r.missed.count > 0).length,
    catastrophes: results.filter((r) => r.catastrophe !== null).length,
    endings: [...endings]
      .map(([title, count]) => ({ title, count }))
      .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title)),
    byQuarter,
  };
}

/** An event's results: the finished tables side by side and pooled, the others' progress only. */
export function eventResults(
  results: readonly TableResult[],
  playing: readonly TableProgress[],
  totalRounds: number,
): EventResults {
  return {
    results: [...results],
    playing: [...playing],
    pooled: poolResults(results, results.length + playing.length, totalRounds),
  };
}
