// The scorecard's form: a scenario, the lab whose policy is varied (by name), the policies set side
// by side (the scenario's own, other scenarios' that fit, and files the user picked), the grid of
// eval quality × pressure, games and seed. No rules here: checking is scorecardLink.ts's and
// scorecardPolicy.ts's.

import type { ScorecardGrid } from '../../engine/batch/scorecard';
import type { PolicySpec, Scenario } from '../../engine/types';
import { defaultWorkerCount } from '../../explorer/pool';
import {
  checkScorecardSpec,
  defaultGrid,
  defaultLab,
  ownPolicy,
  type PolicyRef,
  type ScorecardSpec,
} from '../../explorer/scorecardLink';
import { shippedChoices, type PolicyChoice } from '../../explorer/scorecardPolicy';

export const DEFAULT_SCORECARD_RUNS = 100;

/** "0.3, 0.6" → [0.3, 0.6]; null when some entry is not a number. */
export function parseValues(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  const values = parts.map(Number);
  return parts.length > 0 && values.every((v) => Number.isFinite(v)) ? values : null;
}

const valuesText = (values: readonly number[]): string => values.join(', ');

export class ScorecardForm {
  scenarioId = $state('');
  lab = $state('');
  /** Keys of the policies ticked (see PolicyChoice.key). */
  selected: string[] = $state([]);
  /** The key of the policy every other is compared with. */
  reference = $state('');
  /** Policies the user wrote (files picked, or carried by a link): raw, so they reach the workers as plain data. */
  written: PolicyChoice[] = $state.raw([]);
  evalText = $state('');
  pressureText = $state('');
  runs: number = $state(DEFAULT_SCORECARD_RUNS);
  seed: number = $state(1);
  workers: number = $state(defaultWorkerCount());

  readonly #scenarios: readonly Scenario[];

  constructor(scenarios: readonly Scenario[]) {
    this.#scenarios = scenarios;
    const first = scenarios.find((s) => s.id === 'rsp-v2-vs-v3') ?? scenarios[0];
    this.chooseScenario(first?.id ?? '');
  }

  get scenario(): Scenario | undefined {
    return this.#scenarios.find((s) => s.id === this.scenarioId);
  }

  /** Every policy on offer for the chosen lab: shipped ones first, then the user's. */
  readonly choices: PolicyChoice[] = $derived.by(() => {
    const scenario = this.scenario;
    if (!scenario || !this.lab) return [...this.written];
    return [...shippedChoices(scenario, this.#scenarios, this.lab), ...this.written];
  });

  /** The ticked policies, the reference first. */
  get picked(): PolicyChoice[] {
    const ticked = this.choices.filter((c) => this.selected.includes(c.key));
    const first = ticked.find((c) => c.key === this.reference) ?? ticked[0];
    return first ? [first, ...ticked.filter((c) => c !== first)] : [];
  }

  get grid(): ScorecardGrid {
    return {
      evalSensitivity: parseValues(this.evalText) ?? [],
      competitivePressure: parseValues(this.pressureText) ?? [],
    };
  }

  get spec(): ScorecardSpec {
    const refs: PolicyRef[] = this.picked.map((c) =>
      c.from === null ? { policy: c.policy } : { scenario: c.from, id: c.policy.id },
    );
    return {
      v: 1,
      scenario: this.scenarioId,
      lab: this.lab,
      policies: refs,
      grid: this.grid,
      runs: this.runs,
      seed: this.seed,
    };
  }

  /** What stops the scorecard from running, in plain words (null: ready). */
  get problem(): string | null {
    if (parseValues(this.evalText) === null) {
      return 'eval sensitivity: give one to four numbers from 0 to 1, separated by commas';
    }
    if (parseValues(this.pressureText) === null) {
      return 'competitive pressure: give one to four numbers, separated by commas';
    }
    if (this.picked.length < 2) return 'tick at least two policies to set side by side';
    const checked = checkScorecardSpec(this.spec, this.#scenarios);
    return checked.ok ? null : checked.problem;
  }

  /** A scenario: the solo player's lab, every policy it ships ticked (the lab's own first), its grid. */
  chooseScenario(id: string): void {
    this.scenarioId = id;
    const scenario = this.scenario;
    if (!scenario) return;
    this.lab = defaultLab(scenario);
    const grid = defaultGrid(scenario);
    this.evalText = valuesText(grid.evalSensitivity);
    this.pressureText = valuesText(grid.competitivePressure);
    this.tickDefaults();
  }

  /** A lab: its own policy is the reference, and the scenario's policies are ticked. */
  chooseLab(id: string): void {
    this.lab = id;
    this.tickDefaults();
  }

  private tickDefaults(): void {
    const scenario = this.scenario;
    if (!scenario) return;
    const own = ownPolicy(scenario, this.lab);
    const keys = scenario.policies.map((p) => `${scenario.id}/${p.id}`);
    // A scenario with one policy: tick the first policy another scenario offers beside it.
    const other = this.choices.find((c) => !keys.includes(c.key) && c.from !== null);
    this.selected = keys.length > 1 || !other ? keys : [...keys, other.key];
    this.reference = own ? `${scenario.id}/${own.id}` : (keys[0] ?? '');
  }

  toggle(key: string, on: boolean): void {
    this.selected = on
      ? [...this.selected.filter((k) => k !== key), key]
      : this.selected.filter((k) => k !== key);
    if (!on && this.reference === key) this.reference = this.selected[0] ?? '';
  }

  /** A policy the user wrote (already checked): ticked, and kept for other scenarios. */
  addWritten(policy: PolicySpec): void {
    const key = `own:${this.written.length}`;
    this.written = [...this.written, { key, name: `${policy.name} (yours)`, policy, from: null }];
    this.selected = [...this.selected, key];
  }

  /** Fill the form from a checked spec and the policies it names. */
  load(spec: ScorecardSpec, choices: readonly PolicyChoice[]): void {
    this.scenarioId = spec.scenario;
    this.lab = spec.lab;
    this.written = choices
      .filter((c) => c.from === null)
      .map((c, i) => ({ ...c, key: `own:${i}` }));
    const keys = choices.map((c) => {
      if (c.from !== null) return c.key;
      return this.written.find((w) => w.policy === c.policy)?.key ?? c.key;
    });
    this.selected = keys;
    this.reference = keys[0] ?? '';
    this.evalText = valuesText(spec.grid.evalSensitivity);
    this.pressureText = valuesText(spec.grid.competitivePressure);
    this.runs = spec.runs;
    this.seed = spec.seed;
  }
}
