// Runs one comparison at a time on the worker pool: the baseline and every arm play the same
// seeds; when all games are back, the engine pairs them (computeComparison). No rules here.

import { addChunk, cellSummaries, emptyProgress, planChunks } from '../../engine/batch/sweep';
import type { Scenario } from '../../engine/types';
import type { CompareSpec } from '../../explorer/compareLink';
import {
  compareScenarios,
  computeComparison,
  type ComparisonResult,
} from '../../explorer/compareResults';
import { runPool, type PoolRun, type WorkerLike } from '../../explorer/pool';
import { chunkSizeFor, type RunStatus } from './sweepRunner.svelte';

export class CompareRunner {
  status: RunStatus = $state('idle');
  message = $state('');
  gamesDone = $state(0);
  gamesTotal = $state(0);
  spec: CompareSpec | null = $state.raw(null);
  scenario: Scenario | null = $state.raw(null);
  result: ComparisonResult | null = $state.raw(null);
  seconds = $state(0);

  #run: PoolRun | null = null;
  readonly #createWorker: (() => WorkerLike) | undefined;

  constructor(createWorker?: () => WorkerLike) {
    this.#createWorker = createWorker;
  }

  get running(): boolean {
    return this.status === 'running';
  }

  /** Run a comparison (already checked). Resolves when it ends, however it ends. */
  async start(spec: CompareSpec, written: Scenario, workers: number): Promise<void> {
    this.cancel();
    let scenarios: Scenario[];
    try {
      scenarios = compareScenarios(spec, written);
    } catch (error) {
      this.status = 'error';
      this.message = error instanceof Error ? error.message : String(error);
      return;
    }
    const progress = emptyProgress(scenarios.length, spec.runs);
    const tasks = planChunks(scenarios.length, spec.runs, chunkSizeFor(spec.runs)).map((chunk) => ({
      chunk,
      scenario: scenarios[chunk.cell] as Scenario,
      seed: spec.seed,
    }));
    this.spec = spec;
    this.scenario = written;
    this.result = null;
    this.gamesDone = 0;
    this.gamesTotal = scenarios.length * spec.runs;
    this.status = 'running';
    this.message = '';
    const started = performance.now();
    const run = runPool(tasks, {
      workers,
      createWorker: this.#createWorker,
      onResult: (task, summaries) => {
        if (this.#run !== run) return;
        addChunk(progress, task.chunk, summaries);
        this.gamesDone += summaries.length;
      },
    });
    this.#run = run;
    try {
      const outcome = await run.done;
      if (this.#run !== run) return;
      this.seconds = (performance.now() - started) / 1000;
      if (outcome === 'done') {
        this.result = computeComparison(
          spec,
          written,
          scenarios.map((_, i) => cellSummaries(progress, i)),
        );
      }
      this.status = outcome;
    } catch (error) {
      if (this.#run !== run) return;
      this.status = 'error';
      this.message = error instanceof Error ? error.message : String(error);
    } finally {
      if (this.#run === run) this.#run = null;
    }
  }

  cancel(): void {
    this.#run?.cancel();
  }
}
