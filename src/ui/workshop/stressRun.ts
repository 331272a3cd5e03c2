// The stress test of the teams' policies, as the workshop's controller starts it. Its code (the
// arms, the batch comparison, the worker pool: stressRunJob.ts) is fetched when a test starts, not
// with the workshop, which most often never runs one.

import type { Scenario } from '../../engine/types';
import type { StressComparison } from '../../engine/workshop/stressTest';
import type { WorkerLike } from '../../explorer/pool';

export interface StressRunOptions {
  /** Games per arm (default STRESS_GAMES). */
  games?: number;
  onProgress: (done: number, total: number) => void;
  /** Tests pass in-thread workers. */
  createWorker?: () => WorkerLike;
  workers?: number;
}

export interface StressRun {
  cancel(): void;
  /** The comparisons, or null when cancelled; rejects if a worker fails. */
  done: Promise<StressComparison[] | null>;
}

/** The stress test of `scenario` (as the workshop played it: `rounds` quarters, seed `seed`). */
export function runStressTest(
  scenario: Scenario,
  rounds: number,
  seed: number,
  options: StressRunOptions,
): StressRun {
  let cancelled = false;
  let cancelRun: (() => void) | null = null;
  const done = import('./stressRunJob').then(({ runStressJob }) => {
    if (cancelled) return null;
    const run = runStressJob(scenario, rounds, seed, options);
    cancelRun = run.cancel;
    return run.done;
  });
  return {
    cancel: () => {
      cancelled = true;
      cancelRun?.();
    },
    done,
  };
}
