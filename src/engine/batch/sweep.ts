// A sweep played in this thread: the plan, chunks and merging are sweepPlan.ts's (re-exported
// here, so one import serves the CLI and the tests); this adds the games themselves.

import type { Scenario } from '../types';
import { runGames } from './runBatch';
import {
  addChunk,
  cellScenario,
  emptyProgress,
  planChunks,
  planSweep,
  type SweepChunk,
  type SweepProgress,
  type SweepSpec,
} from './sweepPlan';

export * from './sweepPlan';

/** Run a whole sweep in this thread (the reference result the worker pools must reproduce). */
export function runSweep(
  spec: SweepSpec,
  base: Scenario,
  chunkSize = 50,
  order: (chunks: SweepChunk[]) => SweepChunk[] = (c) => c,
): SweepProgress {
  const cells = planSweep(spec);
  const scenarios = cells.map((c) => cellScenario(base, c));
  const progress = emptyProgress(cells.length, spec.runs);
  for (const chunk of order(planChunks(cells.length, spec.runs, chunkSize))) {
    const scenario = scenarios[chunk.cell] as Scenario;
    addChunk(
      progress,
      chunk,
      runGames(scenario, { runs: chunk.count, seed: spec.seed, from: chunk.from }),
    );
  }
  return progress;
}
