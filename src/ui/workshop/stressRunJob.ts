// Runs the stress test of the teams' policies (src/engine/workshop/stressTest.ts) off the main
// thread: the games go to the Explorer's worker pool in chunks, round-robin over the arms (so
// early results already cover every framework), and progress is reported chunk by chunk.
// A chunk of its own, fetched by stressRun.ts when a test starts.

import { addChunk, cellSummaries, emptyProgress, planChunks } from '../../engine/batch/sweep';
import type { Scenario } from '../../engine/types';
import { STRESS_GAMES, stressArms, stressComparisons } from '../../engine/workshop/stressTest';
import { defaultWorkerCount, runPool } from '../../explorer/pool';
import type { StressRun, StressRunOptions } from './stressRun';

/** Games per chunk: small enough for smooth progress, large enough to keep workers busy. */
const CHUNK = 25;

/** The stress test of `scenario` (as the workshop played it: `rounds` quarters, seed `seed`). */
export function runStressJob(
  scenario: Scenario,
  rounds: number,
  seed: number,
  options: StressRunOptions,
): StressRun {
  const games = options.games ?? STRESS_GAMES;
  const arms = stressArms(scenario, rounds);
  const chunks = planChunks(arms.length, games, CHUNK);
  const progress = emptyProgress(arms.length, games);
  const total = arms.length * games;
  let done = 0;
  options.onProgress(0, total);
  const pool = runPool(
    chunks.map((chunk) => ({ chunk, scenario: arms[chunk.cell]?.scenario ?? scenario, seed })),
    {
      workers: options.workers ?? defaultWorkerCount(),
      ...(options.createWorker ? { createWorker: options.createWorker } : {}),
      onResult: (task, summaries) => {
        addChunk(progress, task.chunk, summaries);
        done += summaries.length;
        options.onProgress(done, total);
      },
    },
  );
  return {
    cancel: pool.cancel,
    done: pool.done.then((how) =>
      how === 'cancelled'
        ? null
        : stressComparisons(
            arms,
            arms.map((_, i) => cellSummaries(progress, i)),
          ),
    ),
  };
}
