// Runs one comparison at a time on the worker pool (PoolJob): the baseline and every arm play the
// same seeds; when all games are back, the engine pairs them (computeComparison). No rules here.

import { cellSummaries } from '../../engine/batch/sweepPlan';
import type { Scenario } from '../../engine/types';
import type { CompareSpec } from '../../explorer/compareLink';
import {
  compareScenarios,
  computeComparison,
  type ComparisonResult,
} from '../../explorer/compareResults';
import { PoolJob } from './poolJob.svelte';

export class CompareRunner extends PoolJob {
  spec: CompareSpec | null = $state.raw(null);
  scenario: Scenario | null = $state.raw(null);
  result: ComparisonResult | null = $state.raw(null);

  /**
   * Run a comparison (already checked). Resolves when it ends, however it ends. `names`: what to
   * call the baseline and arms (default: their settings in words).
   */
  async start(
    spec: CompareSpec,
    written: Scenario,
    workers: number,
    names?: { baseline: string; arms: string[] },
  ): Promise<void> {
    let scenarios: Scenario[];
    try {
      scenarios = compareScenarios(spec, written);
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
      return;
    }
    this.spec = spec;
    this.scenario = written;
    this.result = null;
    const { end, progress } = await this.play(scenarios, spec.runs, spec.seed, workers);
    if (end === 'superseded') return;
    if (end === 'done') {
      this.result = computeComparison(
        spec,
        written,
        scenarios.map((_, i) => cellSummaries(progress, i)),
        names,
      );
    }
    this.settle(end);
  }
}
