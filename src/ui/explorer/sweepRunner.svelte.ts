// Runs one sweep at a time on the worker pool (PoolJob) and keeps what the sweep view shows:
// per-setting statistics as chunks stream in, and whether the setting changed any game.
// No game rules here: the engine's batch module does the counting.

import {
  allCellsIdentical,
  cellScenario,
  cellStats,
  planSweep,
  sweepSpecErrors,
  type SweepProgress,
  type SweepSpec,
} from '../../engine/batch/sweepPlan';
import type { Scenario } from '../../engine/types';
import { toSweepSpec, type ExploreSpec } from '../../explorer/exploreLink';
import type { CellResult } from '../../explorer/results';
import { PoolJob } from './poolJob.svelte';

export { chunkSizeFor, type RunStatus } from './poolJob.svelte';

const nextFrame = (fn: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(fn);
  else setTimeout(fn, 16);
};

export class SweepRunner extends PoolJob {
  /** The sweep being run or last run, as started. */
  explore: ExploreSpec | null = $state.raw(null);
  sweep: SweepSpec | null = $state.raw(null);
  scenario: Scenario | null = $state.raw(null);
  results: CellResult[] = $state.raw([]);
  /** The finished sweep gave the same games at every setting (its setting changed nothing). */
  identical = $state(false);

  /** Start a sweep (cancelling any sweep still running). Resolves when it ends, however it ends. */
  async start(explore: ExploreSpec, base: Scenario, workers: number): Promise<void> {
    const sweep = toSweepSpec(explore);
    const errors = sweepSpecErrors(sweep);
    if (errors.length > 0) {
      this.fail(errors.join('; '));
      return;
    }
    const cells = planSweep(sweep);
    const levelIds = base.levels.map((l) => l.id);
    this.explore = explore;
    this.sweep = sweep;
    this.scenario = base;
    this.results = cells.map((cell) => ({ cell, stats: null }));
    this.identical = false;

    // Redraws are batched per frame: cells with new games since the last one.
    let dirty: number[] = [];
    let queued = false;
    let latest: SweepProgress | null = null;
    const flush = (): void => {
      queued = false;
      if (dirty.length === 0 || !latest || this.explore !== explore) return;
      const progress = latest;
      const changed = dirty;
      dirty = [];
      this.results = this.results.map((r, i) =>
        changed.includes(i) ? { cell: r.cell, stats: cellStats(progress, i, levelIds) } : r,
      );
      this.tick();
    };
    const { end, progress } = await this.play(
      cells.map((c) => cellScenario(base, c)),
      sweep.runs,
      sweep.seed,
      workers,
      (p, chunk) => {
        latest = p;
        if (!dirty.includes(chunk.cell)) dirty.push(chunk.cell);
        if (!queued) {
          queued = true;
          nextFrame(flush);
        }
      },
    );
    if (end === 'superseded') return;
    flush();
    this.identical = end === 'done' && allCellsIdentical(progress);
    this.settle(end);
  }
}
