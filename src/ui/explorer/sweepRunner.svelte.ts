// Runs one sweep at a time on the worker pool and keeps what the explorer shows: progress,
// per-setting statistics as chunks stream in, and the outcome (done, cancelled, failed).
// No game rules here: the engine's batch module does the counting.

import {
  addChunk,
  allCellsIdentical,
  cellScenario,
  cellStats,
  emptyProgress,
  planChunks,
  planSweep,
  sweepSpecErrors,
  type SweepSpec,
} from '../../engine/batch/sweep';
import type { Scenario } from '../../engine/types';
import { toSweepSpec, type ExploreSpec } from '../../explorer/exploreLink';
import { runPool, type PoolRun, type WorkerLike } from '../../explorer/pool';
import type { CellResult } from '../../explorer/results';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** Games per chunk: about ten chunks per setting, 5 to 25 games each. */
export function chunkSizeFor(runs: number): number {
  return Math.min(25, Math.max(5, Math.ceil(runs / 10)));
}

const nextFrame = (fn: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(fn);
  else setTimeout(fn, 16);
};

export class SweepRunner {
  status: RunStatus = $state('idle');
  message = $state('');
  gamesDone = $state(0);
  gamesTotal = $state(0);
  /** The sweep being run or last run, as started. */
  explore: ExploreSpec | null = $state.raw(null);
  sweep: SweepSpec | null = $state.raw(null);
  scenario: Scenario | null = $state.raw(null);
  results: CellResult[] = $state.raw([]);
  /** The finished sweep gave the same games at every setting (its setting changed nothing). */
  identical = $state(false);
  startedAt = 0;
  seconds = $state(0);

  #run: PoolRun | null = null;
  /** Cells with new games since the last redraw (a plain list: redraws are batched per frame). */
  #dirty: number[] = [];
  #flushQueued = false;

  readonly #createWorker: (() => WorkerLike) | undefined;

  /** `createWorker`: how to start a worker (default: the bundled module worker). */
  constructor(createWorker?: () => WorkerLike) {
    this.#createWorker = createWorker;
  }

  get running(): boolean {
    return this.status === 'running';
  }

  /** Start a sweep (cancelling any sweep still running). Resolves when it ends, however it ends. */
  async start(explore: ExploreSpec, base: Scenario, workers: number): Promise<void> {
    this.cancel();
    const sweep = toSweepSpec(explore);
    const errors = sweepSpecErrors(sweep);
    if (errors.length > 0) {
      this.status = 'error';
      this.message = errors.join('; ');
      return;
    }
    const cells = planSweep(sweep);
    const scenarios = cells.map((c) => cellScenario(base, c));
    const levelIds = base.levels.map((l) => l.id);
    const progress = emptyProgress(cells.length, sweep.runs);
    const tasks = planChunks(cells.length, sweep.runs, chunkSizeFor(sweep.runs)).map((chunk) => ({
      chunk,
      scenario: scenarios[chunk.cell] as Scenario,
      seed: sweep.seed,
    }));

    this.explore = explore;
    this.sweep = sweep;
    this.scenario = base;
    this.results = cells.map((cell) => ({ cell, stats: null }));
    this.gamesDone = 0;
    this.gamesTotal = cells.length * sweep.runs;
    this.status = 'running';
    this.message = '';
    this.startedAt = performance.now();
    this.seconds = 0;
    this.identical = false;
    this.#dirty = [];

    const flush = (): void => {
      this.#flushQueued = false;
      if (this.#dirty.length === 0) return;
      const dirty = this.#dirty;
      this.#dirty = [];
      this.results = this.results.map((r, i) =>
        dirty.includes(i) ? { cell: r.cell, stats: cellStats(progress, i, levelIds) } : r,
      );
      this.seconds = (performance.now() - this.startedAt) / 1000;
    };

    const run = runPool(tasks, {
      workers,
      createWorker: this.#createWorker,
      onResult: (task, summaries) => {
        if (this.#run !== run) return;
        addChunk(progress, task.chunk, summaries);
        this.gamesDone += summaries.length;
        if (!this.#dirty.includes(task.chunk.cell)) this.#dirty.push(task.chunk.cell);
        if (!this.#flushQueued) {
          this.#flushQueued = true;
          nextFrame(flush);
        }
      },
    });
    this.#run = run;
    try {
      const outcome = await run.done;
      if (this.#run !== run) return;
      flush();
      this.identical = outcome === 'done' && allCellsIdentical(progress);
      this.status = outcome;
      this.seconds = (performance.now() - this.startedAt) / 1000;
    } catch (error) {
      if (this.#run !== run) return;
      flush();
      this.status = 'error';
      this.message = error instanceof Error ? error.message : String(error);
    } finally {
      if (this.#run === run) this.#run = null;
    }
  }

  /** Stop the running sweep; results so far stay. */
  cancel(): void {
    this.#run?.cancel();
  }
}
