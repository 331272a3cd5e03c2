// Runs one scorecard at a time on the worker pool (PoolJob): every policy in every cell of the
// grid plays the same seeds; when all games are back, the engine pairs them with the first
// policy's (scorecard.ts) and the explorer names the rows (scorecardResults.ts). No rules here.

import { scorecardScenarios, tallyScorecard } from '../../engine/batch/scorecard';
import { cellSummaries } from '../../engine/batch/sweepPlan';
import type { Scenario } from '../../engine/types';
import type { ScorecardSpec } from '../../explorer/scorecardLink';
import type { PolicyChoice } from '../../explorer/scorecardPolicy';
import { scorecardResult, type ScorecardResult } from '../../explorer/scorecardResults';
import { PoolJob } from './poolJob.svelte';

export class ScorecardRunner extends PoolJob {
  spec: ScorecardSpec | null = $state.raw(null);
  scenario: Scenario | null = $state.raw(null);
  result: ScorecardResult | null = $state.raw(null);

  /** Run a scorecard (already checked). Resolves when it ends, however it ends. */
  async start(
    spec: ScorecardSpec,
    written: Scenario,
    choices: readonly PolicyChoice[],
    workers: number,
  ): Promise<void> {
    let perPolicy: Scenario[][];
    try {
      perPolicy = scorecardScenarios(
        written,
        spec.lab,
        choices.map((c) => c.policy),
        spec.grid,
      );
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
      return;
    }
    this.spec = spec;
    this.scenario = written;
    this.result = null;
    const cells = perPolicy[0]?.length ?? 0;
    const { end, progress } = await this.play(perPolicy.flat(), spec.runs, spec.seed, workers);
    if (end === 'superseded') return;
    if (end === 'done') {
      const summaries = perPolicy.map((_, k) =>
        Array.from({ length: cells }, (_, c) => cellSummaries(progress, k * cells + c)),
      );
      this.result = scorecardResult(spec, written, choices, tallyScorecard(summaries, written));
    }
    this.settle(end);
  }
}
