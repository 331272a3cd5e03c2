// The Compare view's form: a scenario, a baseline and arms, each a list of settings built from the
// same levers as a sweep. No rules here: checking is compareLink.ts's.

import type { Setting } from '../../engine/batch/compare';
import { sweepParameter } from '../../engine/batch/sweepParameters';
import type { Scenario } from '../../engine/types';
import { checkCompareSpec, type CompareSpec } from '../../explorer/compareLink';
import { defaultWorkerCount } from '../../explorer/pool';

export const DEFAULT_COMPARE_RUNS = 200;

export class CompareForm {
  scenarioId = $state('');
  baseline: Setting[] = $state([]);
  arms: Setting[][] = $state([]);
  runs: number = $state(DEFAULT_COMPARE_RUNS);
  seed: number = $state(1);
  workers: number = $state(defaultWorkerCount());

  readonly #scenarios: readonly Scenario[];

  constructor(scenarios: readonly Scenario[]) {
    this.#scenarios = scenarios;
    const first = scenarios.find((s) => s.id === 'anthropic-rsp') ?? scenarios[0];
    const lab = first?.labs[0]?.id;
    this.load({
      v: 1,
      scenario: first?.id ?? '',
      baseline: [],
      arms: [
        lab ? [{ id: `pauseFrom.${lab}`, value: 5 }] : [{ id: 'evalSensitivity', value: 0.9 }],
      ],
      runs: DEFAULT_COMPARE_RUNS,
      seed: 1,
    });
  }

  get scenario(): Scenario | undefined {
    return this.#scenarios.find((s) => s.id === this.scenarioId);
  }

  get spec(): CompareSpec {
    const copy = (xs: readonly Setting[]): Setting[] => xs.map(({ id, value }) => ({ id, value }));
    return {
      v: 1,
      scenario: this.scenarioId,
      baseline: copy(this.baseline),
      arms: this.arms.map(copy),
      runs: this.runs,
      seed: this.seed,
    };
  }

  /** What stops the comparison from running, in plain words (null: ready). */
  get problem(): string | null {
    const checked = checkCompareSpec(this.spec, this.#scenarios);
    return checked.ok ? null : checked.problem;
  }

  load(spec: CompareSpec): void {
    this.scenarioId = spec.scenario;
    this.baseline = spec.baseline.map((s) => ({ ...s }));
    this.arms = spec.arms.map((a) => a.map((s) => ({ ...s })));
    this.runs = spec.runs;
    this.seed = spec.seed;
  }

  /** A setting with its value as the chosen scenario has it. */
  setting(id: string): Setting {
    const param = sweepParameter(id, this.scenario);
    const scenario = this.scenario;
    return { id, value: param && scenario ? param.default(scenario) : 0 };
  }

  addArm(): void {
    this.arms.push([this.setting('evalSensitivity')]);
  }

  removeArm(index: number): void {
    this.arms.splice(index, 1);
  }

  /** The list a row belongs to: -1 is the baseline, 0… the arms. */
  list(which: number): Setting[] {
    return which < 0 ? this.baseline : (this.arms[which] ?? []);
  }

  addSetting(which: number): void {
    this.list(which).push(this.setting('evalSensitivity'));
  }

  removeSetting(which: number, index: number): void {
    this.list(which).splice(index, 1);
  }

  /** Change a row's lever; its value becomes the scenario's own. */
  choose(which: number, index: number, id: string): void {
    const list = this.list(which);
    if (list[index]) list[index] = this.setting(id);
  }
}
