// A ladder as flat arrays, read once per ladder. Ladders are read for every lab several times a
// quarter (the level its evals show, the one it is heading for, what each needs, where a rival's
// announcement places it); reading each level's threshold and requirement records by domain and
// track name every time was a large share of a batch. Ladders and their levels are replaced,
// never changed in place (a revision builds a new ladder), so a table holds while its ladder does.

import type { DomainId, LevelSpec, SafeguardTrack } from './types';

/** Readiness per safeguard track. */
export type TrackNeeds = Record<SafeguardTrack, number>;

export interface LadderTable {
  /** Per level: its id. */
  ids: string[];
  /** Per level: its lowest threshold (where announcing the level places a lab in the race). */
  floors: number[];
  /**
   * Level k's thresholds are `domains[i]` at `thresholds[i]` for i from `start[k]` to
   * `start[k + 1]`, in the order of the level's `thresholds` record.
   */
  start: number[];
  domains: DomainId[];
  thresholds: number[];
  /** Per level: what each track needs to keep training or to deploy, whichever is higher (≥ 0). */
  needs: TrackNeeds[];
  /** Every domain some level has a threshold in, in the order first met. */
  ladderDomains: DomainId[];
}

const TABLES = new WeakMap<readonly LevelSpec[], LadderTable>();

// The ladder read last and its table: a game reads one or two ladders dozens of times a quarter
// (every lab under the scenario's policy shares one), and a WeakMap lookup each time was a
// visible share of a batch. Weak in effect: one ladder held at most, the last one read.
let lastLevels: readonly LevelSpec[] | null = null;
let lastTable: LadderTable | null = null;

/** The ladder's table (built on its first reading, then shared). */
export function ladderTable(levels: readonly LevelSpec[]): LadderTable {
  if (levels === lastLevels) return lastTable as LadderTable;
  let table = TABLES.get(levels);
  if (table === undefined) {
    table = buildTable(levels);
    TABLES.set(levels, table);
  }
  lastLevels = levels;
  lastTable = table;
  return table;
}

function buildTable(levels: readonly LevelSpec[]): LadderTable {
  const table: LadderTable = {
    ids: [],
    floors: [],
    start: [0],
    domains: [],
    thresholds: [],
    needs: [],
    ladderDomains: [],
  };
  const seen = new Set<DomainId>();
  for (const level of levels) {
    let floor = Infinity;
    for (const key in level.thresholds) {
      const domain = key as DomainId;
      const threshold = level.thresholds[domain] as number;
      floor = Math.min(floor, threshold);
      table.domains.push(domain);
      table.thresholds.push(threshold);
      seen.add(domain);
    }
    table.ids.push(level.id);
    table.floors.push(floor);
    table.start.push(table.domains.length);
    table.needs.push({
      security: need(level, 'security'),
      deployment: need(level, 'deployment'),
      alignment: need(level, 'alignment'),
    });
  }
  table.ladderDomains = [...seen];
  return table;
}

/** The readiness a level requires of a track, to keep training or to deploy. */
function need(level: LevelSpec, track: SafeguardTrack): number {
  return Math.max(0, level.trainingRequires[track] ?? 0, level.deploymentRequires[track] ?? 0);
}

/** Index of the level with this id (−1: none). */
export function levelIndexOf(table: LadderTable, id: string | null): number {
  if (id === null) return -1;
  return table.ids.indexOf(id);
}
