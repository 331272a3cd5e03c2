// Runs the pause question on the worker pool: the four arms as one paired comparison (same seeds),
// then the reading written from its rows. No rules here.

import type { Scenario } from '../../engine/types';
import {
  pauseArms,
  pauseCompareSpec,
  type PauseArm,
  type PauseSpec,
} from '../../explorer/pauseQuestion';
import { readPauseQuestion, type PauseReading } from '../../explorer/pauseReading';
import { CompareRunner } from './compareRunner.svelte';

export class PauseRunner extends CompareRunner {
  /** The question being run or last run, and its arms. */
  question: PauseSpec | null = $state.raw(null);
  arms: PauseArm[] = $state.raw([]);
  reading: PauseReading | null = $state.raw(null);

  /** Ask the question (already checked). Resolves when it ends, however it ends. */
  async ask(spec: PauseSpec, written: Scenario, workers: number): Promise<void> {
    const arms = pauseArms(written, spec.lab, spec.from);
    this.question = spec;
    this.arms = arms;
    this.reading = null;
    await this.start(pauseCompareSpec(spec, written), written, workers, {
      baseline: 'as written',
      arms: arms.map((a) => a.name),
    });
    if (this.question !== spec) return;
    const result = this.result;
    this.reading = result ? readPauseQuestion(spec, written, arms, result.rows) : null;
  }
}
