// A sweep: one scenario, one or two parameters each over a list of values, the same number of
// bot games at every setting (a "cell"). Planning cuts the work into chunks any number of workers
// can take in any order; merging puts each chunk's summaries back in place by game index, so the
// result never depends on how the work was split.
//
// Every cell uses the same seeds (sweep seed + game index): common random numbers, so the
// difference between two settings is not blurred by different luck.
//
// No engine here: the Explorer's page plans, merges and reads sweeps while its Web Workers play
// the games. sweep.ts adds runSweep, which plays a whole sweep in this thread.

import type { Scenario } from '../types';
import type { GameSummary, OutcomeStats } from './summary';
import { aggregate } from './tally';
import { applySettings, checkValue, sweepParameter } from './sweepParameters';

export interface SweepAxis {
  /** A sweep parameter id (see SWEEP_PARAMETERS). */
  id: string;
  values: number[];
}

export interface SweepSpec {
  scenarioId: string;
  /** One or two axes. */
  params: SweepAxis[];
  /** Games per setting. */
  runs: number;
  seed: number;
}

export interface SweepCell {
  index: number;
  /** Position on each axis (same order as spec.params). */
  at: number[];
  /** The parameter settings of this cell. */
  settings: { id: string; value: number }[];
}

export const SWEEP_LIMITS = {
  axes: { min: 1, max: 2 },
  valuesPerAxis: 25,
  runs: { min: 1, max: 20_000 },
  /** Games in one sweep, all cells together (every summary is kept until the sweep ends). */
  totalGames: 250_000,
  seed: { min: 0, max: 2 ** 32 - 1 },
} as const;

/** Plain-words problems with a sweep spec (empty when it can run). */
export function sweepSpecErrors(spec: SweepSpec): string[] {
  const errors: string[] = [];
  const { params, runs, seed } = spec;
  if (params.length < SWEEP_LIMITS.axes.min || params.length > SWEEP_LIMITS.axes.max) {
    errors.push(`sweep one or two parameters, not ${params.length}`);
  }
  const seen = new Set<string>();
  for (const axis of params) {
    const param = sweepParameter(axis.id);
    if (!param) {
      errors.push(`"${axis.id}" is not a parameter the explorer can sweep`);
      continue;
    }
    if (seen.has(axis.id)) errors.push(`${axis.id} is swept twice`);
    seen.add(axis.id);
    if (axis.values.length === 0) errors.push(`${axis.id} needs at least one value`);
    if (axis.values.length > SWEEP_LIMITS.valuesPerAxis) {
      errors.push(`${axis.id}: at most ${SWEEP_LIMITS.valuesPerAxis} values per parameter`);
    }
    for (const v of axis.values) {
      const problem = checkValue(param, v);
      if (problem) {
        errors.push(problem);
        break;
      }
    }
  }
  if (!Number.isInteger(runs) || runs < SWEEP_LIMITS.runs.min || runs > SWEEP_LIMITS.runs.max) {
    errors.push(
      `runs per setting must be a whole number from ${SWEEP_LIMITS.runs.min} to ${SWEEP_LIMITS.runs.max}`,
    );
  }
  if (!Number.isInteger(seed) || seed < SWEEP_LIMITS.seed.min || seed > SWEEP_LIMITS.seed.max) {
    errors.push(`seed must be a whole number from 0 to ${SWEEP_LIMITS.seed.max}`);
  }
  const cells = params.reduce((n, a) => n * Math.max(1, a.values.length), 1);
  if (errors.length === 0 && cells * runs > SWEEP_LIMITS.totalGames) {
    errors.push(
      `${cells} settings × ${runs} runs is ${cells * runs} games; the limit is ${SWEEP_LIMITS.totalGames}`,
    );
  }
  return errors;
}

/**
 * The cells of a sweep, first axis major (with two axes, cell index = i₀ · |values₁| + i₁). The
 * Explorer sweeps one or two axes; `sim sweep` any number.
 */
export function planSweep(spec: Pick<SweepSpec, 'params'>): SweepCell[] {
  if (spec.params.length === 0) return [];
  let cells: { at: number[]; settings: { id: string; value: number }[] }[] = [
    { at: [], settings: [] },
  ];
  for (const axis of spec.params) {
    cells = cells.flatMap((cell) =>
      axis.values.map((value, i) => ({
        at: [...cell.at, i],
        settings: [...cell.settings, { id: axis.id, value }],
      })),
    );
  }
  return cells.map((cell, index) => ({ index, ...cell }));
}

/** The scenario a cell's games are played on. */
export function cellScenario(base: Scenario, cell: SweepCell): Scenario {
  return applySettings(base, cell.settings);
}

/** A slice of one cell's games: indices from … from + count − 1. */
export interface SweepChunk {
  cell: number;
  from: number;
  count: number;
}

/**
 * The work, cut into chunks of at most `chunkSize` games, round-robin over cells (every setting
 * gets its first chunk before any gets its second), so early results cover the whole sweep and
 * sharpen as more arrive.
 */
export function planChunks(cellCount: number, runs: number, chunkSize: number): SweepChunk[] {
  const size = Math.max(1, Math.floor(chunkSize));
  const chunks: SweepChunk[] = [];
  for (let from = 0; from < runs; from += size) {
    const count = Math.min(size, runs - from);
    for (let cell = 0; cell < cellCount; cell++) chunks.push({ cell, from, count });
  }
  return chunks;
}

/** Summaries arriving chunk by chunk, kept in game order per cell. */
export interface SweepProgress {
  runs: number;
  /** summaries[cell][game index], undefined until its chunk arrives. */
  summaries: (GameSummary | undefined)[][];
  /** Games done per cell. */
  done: number[];
}

export function emptyProgress(cellCount: number, runs: number): SweepProgress {
  return {
    runs,
    summaries: Array.from({ length: cellCount }, () => new Array<GameSummary | undefined>(runs)),
    done: new Array<number>(cellCount).fill(0),
  };
}

/** Put a chunk's summaries in place (mutates `progress`; a chunk delivered twice counts once). */
export function addChunk(
  progress: SweepProgress,
  chunk: SweepChunk,
  summaries: readonly GameSummary[],
): void {
  const row = progress.summaries[chunk.cell];
  if (!row) throw new Error(`No cell ${chunk.cell} in this sweep`);
  if (summaries.length !== chunk.count) {
    throw new Error(`Chunk of ${chunk.count} games came back with ${summaries.length}`);
  }
  summaries.forEach((s, k) => {
    const i = chunk.from + k;
    if (row[i] === undefined) progress.done[chunk.cell] = (progress.done[chunk.cell] ?? 0) + 1;
    row[i] = s;
  });
}

/** The summaries of one cell that have arrived, in game order. */
export function cellSummaries(progress: SweepProgress, cell: number): GameSummary[] {
  return (progress.summaries[cell] ?? []).filter((s): s is GameSummary => s !== undefined);
}

export function cellStats(
  progress: SweepProgress,
  cell: number,
  levelIds: readonly string[],
): OutcomeStats {
  return aggregate(cellSummaries(progress, cell), levelIds);
}

/**
 * True when every setting of a finished sweep gave exactly the same games (byte-identical
 * summaries, game by game): the swept setting changed nothing. False with fewer than two settings
 * or while games are missing.
 */
export function allCellsIdentical(progress: SweepProgress): boolean {
  const [first, ...rest] = progress.summaries;
  if (!first || rest.length === 0) return false;
  if (progress.done.some((d) => d !== progress.runs)) return false;
  const key = first.map((s) => JSON.stringify(s));
  return rest.every((row) => row.every((s, i) => JSON.stringify(s) === key[i]));
}
