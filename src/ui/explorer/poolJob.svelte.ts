// One run of bot games on the worker pool, as the Explorer shows it: status, games done, time,
// and cancelling. The sweep, the comparison and the pause question all run through it; each adds
// only what it does with the games (per-setting statistics, paired differences). No rules here.

import {
  addChunk,
  emptyProgress,
  planChunks,
  type SweepChunk,
  type SweepProgress,
} from '../../engine/batch/sweepPlan';
import type { Scenario } from '../../engine/types';
import { runPool, type PoolRun, type WorkerLike } from '../../explorer/pool';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** Games per chunk: about ten chunks per setting, 5 to 25 games each. */
export function chunkSizeFor(runs: number): number {
  return Math.min(25, Math.max(5, Math.ceil(runs / 10)));
}

/** How a run ended; `superseded`: another run started (or the job was reset) before it ended. */
export type RunEnd = 'done' | 'cancelled' | 'error' | 'superseded';

export class PoolJob {
  status: RunStatus = $state('idle');
  message = $state('');
  gamesDone = $state(0);
  gamesTotal = $state(0);
  seconds = $state(0);

  #run: PoolRun | null = null;
  #generation = 0;
  #startedAt = 0;
  readonly #createWorker: (() => WorkerLike) | undefined;

  /** `createWorker`: how to start a worker (default: the bundled module worker). */
  constructor(createWorker?: () => WorkerLike) {
    this.#createWorker = createWorker;
  }

  get running(): boolean {
    return this.status === 'running';
  }

  /** Share of the games done, 0–100. */
  get percent(): number {
    return this.gamesTotal ? Math.round((this.gamesDone / this.gamesTotal) * 100) : 0;
  }

  /** Stop with a message before any game ran (a spec that cannot run). */
  fail(message: string): void {
    this.cancel();
    this.#generation++;
    this.status = 'error';
    this.message = message;
  }

  /**
   * Play games 0 … runs − 1 (seed + i) of every scenario, one "cell" each, cancelling any run
   * still going. `onChunk` sees each chunk as it lands. Resolves with the games in place and how
   * the run ended; the status says the same unless the run was superseded.
   */
  async play(
    scenarios: readonly Scenario[],
    runs: number,
    seed: number,
    workers: number,
    onChunk?: (progress: SweepProgress, chunk: SweepChunk) => void,
  ): Promise<{ end: RunEnd; progress: SweepProgress }> {
    this.cancel();
    const generation = ++this.#generation;
    const progress = emptyProgress(scenarios.length, runs);
    const tasks = planChunks(scenarios.length, runs, chunkSizeFor(runs)).map((chunk) => ({
      chunk,
      scenario: scenarios[chunk.cell] as Scenario,
      seed,
    }));
    this.gamesDone = 0;
    this.gamesTotal = scenarios.length * runs;
    this.status = 'running';
    this.message = '';
    this.seconds = 0;
    this.#startedAt = performance.now();
    const current = (): boolean => this.#generation === generation;
    const run = runPool(tasks, {
      workers,
      createWorker: this.#createWorker,
      onResult: (task, summaries) => {
        if (!current()) return;
        addChunk(progress, task.chunk, summaries);
        this.gamesDone += summaries.length;
        onChunk?.(progress, task.chunk);
      },
    });
    this.#run = run;
    let end: RunEnd;
    try {
      end = await run.done;
    } catch (error) {
      if (current()) this.message = error instanceof Error ? error.message : String(error);
      end = 'error';
    }
    if (!current()) return { end: 'superseded', progress };
    this.#run = null;
    this.tick();
    return { end, progress };
  }

  /** Seconds since the run started (called as results land). */
  tick(): void {
    this.seconds = (performance.now() - this.#startedAt) / 1000;
  }

  /** Set the final status once the caller has used the games (so results and status agree). */
  settle(end: Exclude<RunEnd, 'superseded'>): void {
    this.status = end;
  }

  /** Stop the running games; what arrived stays. */
  cancel(): void {
    this.#run?.cancel();
  }
}
