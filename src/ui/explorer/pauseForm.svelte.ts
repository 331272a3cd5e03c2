// The pause question's form: a scenario, the lab that pauses, the quarter, games and seed.
// Picking a scenario picks its most careful lab. No rules here: checking is pauseQuestion.ts's.

import type { Scenario } from '../../engine/types';
import { defaultWorkerCount } from '../../explorer/pool';
import { carefulLab, checkPauseSpec, type PauseSpec } from '../../explorer/pauseQuestion';

export const DEFAULT_PAUSE_RUNS = 200;
export const DEFAULT_PAUSE_FROM = 5;

export class PauseForm {
  scenarioId = $state('');
  lab = $state('');
  from: number = $state(DEFAULT_PAUSE_FROM);
  runs: number = $state(DEFAULT_PAUSE_RUNS);
  seed: number = $state(1);
  workers: number = $state(defaultWorkerCount());

  readonly #scenarios: readonly Scenario[];

  constructor(scenarios: readonly Scenario[]) {
    this.#scenarios = scenarios;
    const first = scenarios.find((s) => s.id === 'anthropic-rsp') ?? scenarios[0];
    this.chooseScenario(first?.id ?? '');
  }

  get scenario(): Scenario | undefined {
    return this.#scenarios.find((s) => s.id === this.scenarioId);
  }

  get spec(): PauseSpec {
    return {
      v: 1,
      scenario: this.scenarioId,
      lab: this.lab,
      from: this.from,
      runs: this.runs,
      seed: this.seed,
    };
  }

  /** What stops the question from running, in plain words (null: ready). */
  get problem(): string | null {
    const checked = checkPauseSpec(this.spec, this.#scenarios);
    return checked.ok ? null : checked.problem;
  }

  /** A scenario, with its most careful lab and the quarter kept inside its game. */
  chooseScenario(id: string): void {
    this.scenarioId = id;
    const scenario = this.scenario;
    this.lab = scenario ? (carefulLab(scenario)?.id ?? '') : '';
    if (scenario && this.from > scenario.rounds)
      this.from = Math.min(DEFAULT_PAUSE_FROM, scenario.rounds);
  }

  load(spec: PauseSpec): void {
    this.scenarioId = spec.scenario;
    this.lab = spec.lab;
    this.from = spec.from;
    this.runs = spec.runs;
    this.seed = spec.seed;
  }
}
