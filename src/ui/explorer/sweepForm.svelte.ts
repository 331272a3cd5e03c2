// The explorer's form: which scenario, which parameters over which ranges, how many runs.
// Kept apart from the components so the sweep panel and the model card read the same values.

import type { Scenario } from '../../engine/types';
import { defaultAxis, defaultSpec } from '../../explorer/defaults';
import { checkExploreSpec, type ExploreAxis, type ExploreSpec } from '../../explorer/exploreLink';
import { defaultWorkerCount } from '../../explorer/pool';

export class SweepForm {
  scenarioId = $state('');
  first: ExploreAxis = $state({ id: 'pauseMembership', from: 0, to: 1, steps: 5 });
  second: ExploreAxis | null = $state(null);
  runs: number = $state(200);
  seed: number = $state(1);
  workers: number = $state(defaultWorkerCount());

  readonly #scenarios: readonly Scenario[];

  constructor(scenarios: readonly Scenario[]) {
    this.#scenarios = scenarios;
    this.load(defaultSpec(scenarios.find((s) => s.id === 'anthropic-rsp') ?? scenarios[0]));
  }

  get scenario(): Scenario | undefined {
    return this.#scenarios.find((s) => s.id === this.scenarioId);
  }

  /** The form as a plain sweep description (may be invalid: see `problem`). */
  get spec(): ExploreSpec {
    const axis = (a: ExploreAxis): ExploreAxis => ({
      id: a.id,
      from: a.from,
      to: a.to,
      steps: a.steps,
    });
    return {
      v: 1,
      scenario: this.scenarioId,
      params: this.second ? [axis(this.first), axis(this.second)] : [axis(this.first)],
      runs: this.runs,
      seed: this.seed,
    };
  }

  /** What stops the sweep from running, in plain words (null: ready). */
  get problem(): string | null {
    const checked = checkExploreSpec(this.spec, this.#scenarios);
    return checked.ok ? null : checked.problem;
  }

  load(spec: ExploreSpec): void {
    this.scenarioId = spec.scenario;
    this.first = { ...(spec.params[0] as ExploreAxis) };
    this.second = spec.params[1] ? { ...spec.params[1] } : null;
    this.runs = spec.runs;
    this.seed = spec.seed;
  }

  /** Pick a parameter for an axis, with a readable starting range. */
  choose(axis: 'first' | 'second', id: string | null): void {
    if (axis === 'second') this.second = id ? defaultAxis(id, this.scenario) : null;
    else if (id) this.first = defaultAxis(id, this.scenario);
  }
}
