// The knobs a batch run or the explorer can turn. Each one says what it is, its range, its value
// in a given scenario, and how to set it: `apply` returns a modified copy of the scenario, never
// touching the original. Pure: the browser worker, the CLI and the tests share this list.
//
// Outcomes are not knobs: "the share of crossings the evals missed" is measured by the batch
// runner (see runBatch.ts); what you turn is the eval sensitivity, gap and cadence behind it.

import { DEFAULT_DYNAMICS, PARAMETER_DOCS } from '../parameters';
import type { DynamicsParams, InformationRegime, LabSpec, Scenario } from '../types';

export interface SweepParameter {
  /** Stable id: used in sweep links, `--set key=value` and CSV headers. */
  id: string;
  /** Plain-words name for the picker and chart axes. */
  label: string;
  /** Unit or scale, e.g. "labs", "quarters", "share of labs". Empty when unitless. */
  unit: string;
  /** What turning it means, in one or two sentences. */
  description: string;
  min: number;
  max: number;
  /** Whole numbers only (number of labs, quarters, an information regime). */
  integer: boolean;
  /** Its value in the scenario as written. */
  default(scenario: Scenario): number;
  /** A copy of the scenario with this parameter set to `value` (assumed valid: see `checkValue`). */
  apply(scenario: Scenario, value: number): Scenario;
  /** How to show a value (e.g. information regimes by name). */
  format(value: number): string;
}

const MAX_LABS = 8;
const MAX_ROUNDS = 40;

export const INFORMATION_LEVELS: readonly InformationRegime[] = [
  'none',
  'announcements',
  'published',
];

/** Numbers shown to people: at most 3 decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** How many of `n` labs a share in [0, 1] stands for (nearest whole number, halves up). */
export function labsForShare(share: number, n: number): number {
  // Round a hair away from binary noise (0.5 × 3 must give 2, 0.1 × 10 must give 1).
  return Math.min(n, Math.max(0, Math.floor(share * n + 0.5 + 1e-9)));
}

function withDynamics(scenario: Scenario, key: keyof DynamicsParams, value: number): Scenario {
  return { ...scenario, dynamics: { ...scenario.dynamics, [key]: value } };
}

function dynamicsValue(scenario: Scenario, key: keyof DynamicsParams): number {
  return scenario.dynamics[key] ?? DEFAULT_DYNAMICS[key];
}

/** A lab id no other lab in `taken` uses, derived from `base` (ids are lower-case words and dashes). */
function freshId(base: string, taken: Set<string>): string {
  const stem = base.slice(0, 40).replace(/-+$/, '') || 'lab';
  for (let k = 2; ; k++) {
    const id = `${stem}-${k}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * Scenario with `count` labs. Fewer: rivals are dropped from the end of the list (the player's
 * seat is always kept), and scripted events that name a dropped lab go with it. More: the last
 * rival (or the player, if there is none) is cloned as a rival with a new id and name.
 */
export function withLabCount(scenario: Scenario, count: number): Scenario {
  const n = Math.min(MAX_LABS, Math.max(1, Math.round(count)));
  const labs = scenario.labs;
  if (n === labs.length) return scenario;
  if (n < labs.length) {
    const player = labs.find((l) => l.role === 'player');
    const keepRivals = Math.max(0, n - (player ? 1 : 0));
    let rivalsKept = 0;
    const kept = labs.filter((l) => {
      if (l === player) return true;
      if (rivalsKept < keepRivals) {
        rivalsKept++;
        return true;
      }
      return false;
    });
    const ids = new Set(kept.map((l) => l.id));
    const events = scenario.events.filter((e) => {
      const lab = 'lab' in e.effect ? e.effect.lab : null;
      return lab === null || lab === 'all' || lab === 'any' || ids.has(lab);
    });
    return { ...scenario, labs: kept, events };
  }
  const template: LabSpec =
    [...labs].reverse().find((l) => l.role === 'rival') ?? (labs[labs.length - 1] as LabSpec);
  const taken = new Set(labs.map((l) => l.id));
  const added: LabSpec[] = [];
  for (let k = labs.length; k < n; k++) {
    const id = freshId(template.id, taken);
    taken.add(id);
    const copy = added.length + 2;
    added.push({
      ...template,
      id,
      name: `${template.name} ${copy}`.slice(0, 120),
      role: 'rival',
      policy: { ...template.policy },
      start: {
        ...template.start,
        capability: { ...template.start.capability },
        safeguards: { ...template.start.safeguards },
      },
    });
  }
  return { ...scenario, labs: [...labs, ...added] };
}

/** The first k labs (k from the share) get `flag`, the rest not. */
function withPolicyShare(
  scenario: Scenario,
  flag: 'binding' | 'inPauseAgreement',
  share: number,
): Scenario {
  const k = labsForShare(share, scenario.labs.length);
  return {
    ...scenario,
    labs: scenario.labs.map((lab, i) => ({ ...lab, policy: { ...lab.policy, [flag]: i < k } })),
  };
}

function policyShare(scenario: Scenario, flag: 'binding' | 'inPauseAgreement'): number {
  const n = scenario.labs.length;
  return n === 0 ? 0 : scenario.labs.filter((l) => l.policy[flag]).length / n;
}

const plain = (value: number): string => formatNumber(value);

/** Labels and units for the model's dynamics parameters (meanings are in PARAMETER_DOCS). */
const DYNAMICS_LABELS: Record<keyof DynamicsParams, { label: string; unit: string }> = {
  growthRate: { label: 'Capability growth rate', unit: 'per quarter' },
  breakthroughChance: { label: 'Breakthrough chance', unit: 'per lab-quarter' },
  breakthroughMultiplier: { label: 'Breakthrough multiplier', unit: '×' },
  safeguardRate: { label: 'Safeguard build rate', unit: 'per quarter' },
  safeguardDecay: { label: 'Safeguard decay', unit: 'per quarter' },
  evalLearningRate: { label: 'Eval learning rate', unit: '' },
  dangerFloor: { label: 'Danger floor', unit: 'capability' },
  misuseHazard: { label: 'Misuse hazard', unit: 'per quarter' },
  theftHazard: { label: 'Weight-theft hazard', unit: 'per quarter' },
  lossOfControlHazard: { label: 'Loss-of-control hazard', unit: 'per quarter' },
  catastropheShare: { label: 'Catastrophic share of incidents', unit: '' },
  restrictedBreadth: { label: 'Restricted deployment exposure', unit: '× full' },
  restrictedValue: { label: 'Restricted deployment value', unit: '× full' },
  marketSize: { label: 'Market size', unit: 'budget units' },
  baseFunding: { label: 'Base funding', unit: 'budget units' },
  competitivePressure: { label: 'Competitive pressure', unit: '1 = default' },
  pressureDecay: { label: 'Board pressure decay', unit: 'per quarter' },
  trustRecovery: { label: 'Trust recovery', unit: 'per quarter' },
  regulationLag: { label: 'Regulation lag (lower = faster regulator)', unit: 'quarters' },
  auditChance: { label: 'Audit chance', unit: 'per quarter' },
  pauseAgreementMinimum: { label: 'Pause agreement minimum members', unit: 'labs' },
};

/** Dynamics parameters that are counts of something (swept in whole steps). */
const WHOLE_DYNAMICS = new Set<keyof DynamicsParams>(['regulationLag', 'pauseAgreementMinimum']);

function dynamicsParameter(key: keyof DynamicsParams): SweepParameter {
  const doc = PARAMETER_DOCS[key];
  const { label, unit } = DYNAMICS_LABELS[key];
  return {
    id: key,
    label,
    unit,
    description: doc.meaning,
    min: doc.min,
    max: doc.max,
    integer: WHOLE_DYNAMICS.has(key),
    default: (s) => dynamicsValue(s, key),
    apply: (s, v) => withDynamics(s, key, v),
    format: plain,
  };
}

/** The knobs the issue names first, in the order the picker shows them. */
const WORLD_PARAMETERS: SweepParameter[] = [
  {
    id: 'labs',
    label: 'Number of labs',
    unit: 'labs',
    description:
      'How many labs race. Fewer drops rivals from the end of the list (and events about them); more clones the last rival under a new name.',
    min: 1,
    max: MAX_LABS,
    integer: true,
    default: (s) => s.labs.length,
    apply: (s, v) => withLabCount(s, v),
    format: plain,
  },
  dynamicsParameter('competitivePressure'),
  {
    id: 'evalSensitivity',
    label: 'Eval sensitivity',
    unit: 'share elicited',
    description:
      'Share of the true capability the evals elicit with no investment (evaluation.baseSensitivity). Investment raises it from there.',
    min: 0,
    max: 1,
    integer: false,
    default: (s) => s.evaluation.baseSensitivity,
    apply: (s, v) => ({ ...s, evaluation: { ...s.evaluation, baseSensitivity: v } }),
    format: plain,
  },
  {
    id: 'evalCadence',
    label: 'Eval cadence',
    unit: 'quarters between evals',
    description: 'How often labs assess their models: 1 = every quarter, 2 = every six months.',
    min: 1,
    max: 8,
    integer: true,
    default: (s) => s.evaluation.cadence,
    apply: (s, v) => ({ ...s, evaluation: { ...s.evaluation, cadence: v } }),
    format: plain,
  },
  {
    id: 'elicitationGap',
    label: 'Eval elicitation gap',
    unit: 'capability',
    description:
      'How far weak elicitation underestimates capability at zero sensitivity (evaluation.elicitationGap). The share of crossings missed is measured, not set.',
    min: 0,
    max: 0.5,
    integer: false,
    default: (s) => s.evaluation.elicitationGap,
    apply: (s, v) => ({ ...s, evaluation: { ...s.evaluation, elicitationGap: v } }),
    format: plain,
  },
  {
    id: 'safeguardCost',
    label: 'Safeguard cost',
    unit: '1 / build rate',
    description:
      'How expensive safeguards are: the inverse of the safeguard build rate (1 = the default rate; 2 = each unit of readiness costs twice as much).',
    min: 0.25,
    max: 5,
    integer: false,
    default: (s) => 1 / dynamicsValue(s, 'safeguardRate'),
    apply: (s, v) => withDynamics(s, 'safeguardRate', 1 / v),
    format: plain,
  },
  {
    id: 'bindingShare',
    label: 'Share of labs with binding commitments',
    unit: 'share of labs',
    description:
      'The first k labs in the list (k = share × labs, rounded) have binding commitments the engine enforces; the rest are voluntary.',
    min: 0,
    max: 1,
    integer: false,
    default: (s) => policyShare(s, 'binding'),
    apply: (s, v) => withPolicyShare(s, 'binding', v),
    format: plain,
  },
  {
    id: 'pauseMembership',
    label: 'Pause-agreement membership',
    unit: 'share of labs',
    description:
      'The first k labs in the list start as members of the conditional pause agreement (bots may still join or leave).',
    min: 0,
    max: 1,
    integer: false,
    default: (s) => policyShare(s, 'inPauseAgreement'),
    apply: (s, v) => withPolicyShare(s, 'inPauseAgreement', v),
    format: plain,
  },
  {
    id: 'information',
    label: 'Information about rivals',
    unit: '0 none · 1 announcements · 2 published evals',
    description:
      'What labs see of rivals: nothing, announcements of levels reached, or published eval results. Bots do not read them, so with bots in every seat this changes nothing; it changes what human players see.',
    min: 0,
    max: 2,
    integer: true,
    default: (s) => INFORMATION_LEVELS.indexOf(s.information),
    apply: (s, v) => ({
      ...s,
      information: INFORMATION_LEVELS[Math.round(v)] ?? s.information,
    }),
    format: (v) => INFORMATION_LEVELS[Math.round(v)] ?? plain(v),
  },
  dynamicsParameter('regulationLag'),
  {
    id: 'rounds',
    label: 'Game length',
    unit: 'quarters',
    description: 'Quarters played. Scripted events after the last quarter are dropped.',
    min: 1,
    max: MAX_ROUNDS,
    integer: true,
    default: (s) => s.rounds,
    apply: (s, v) => ({ ...s, rounds: v, events: s.events.filter((e) => e.round <= v) }),
    format: plain,
  },
];

const FIRST = new Set(WORLD_PARAMETERS.map((p) => p.id));

/** Every sweepable parameter: the knobs first, then the rest of the model's dynamics. */
export const SWEEP_PARAMETERS: readonly SweepParameter[] = [
  ...WORLD_PARAMETERS,
  ...(Object.keys(PARAMETER_DOCS) as (keyof DynamicsParams)[])
    .filter((key) => !FIRST.has(key))
    .map(dynamicsParameter),
];

const BY_ID = new Map(SWEEP_PARAMETERS.map((p) => [p.id, p]));

export function sweepParameter(id: string): SweepParameter | undefined {
  return BY_ID.get(id);
}

/** Why `value` is not a valid setting of `param`, or null when it is. */
export function checkValue(param: SweepParameter, value: number): string | null {
  if (!Number.isFinite(value)) return `${param.id} must be a number`;
  if (param.integer && !Number.isInteger(value)) {
    return `${param.id} must be a whole number from ${param.min} to ${param.max}, got ${value}`;
  }
  if (value < param.min || value > param.max) {
    return `${param.id} must be from ${param.min} to ${param.max}, got ${value}`;
  }
  return null;
}

/**
 * `steps` evenly spaced values from `from` to `to` (inclusive). Whole-number parameters are
 * rounded and repeats dropped; other values are rounded to 6 decimals so links and exports stay
 * readable. One step gives just `from`.
 */
export function sweepValues(
  param: SweepParameter,
  from: number,
  to: number,
  steps: number,
): number[] {
  const count = Math.max(1, Math.floor(steps));
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const raw = count === 1 ? from : from + ((to - from) * i) / (count - 1);
    const v = param.integer ? Math.round(raw) : Number(raw.toFixed(6));
    const clamped = Math.min(param.max, Math.max(param.min, v));
    if (!values.includes(clamped)) values.push(clamped);
  }
  return values;
}

const ORDER = new Map(SWEEP_PARAMETERS.map((p, i) => [p.id, i]));

/**
 * The scenario with several parameters set. They are applied in the registry's order, not the
 * order given, so "number of labs" always comes before the shares of labs that are binding or in
 * the pause agreement (added labs then get the share's policy too).
 */
export function applySettings(
  scenario: Scenario,
  settings: readonly { id: string; value: number }[],
): Scenario {
  const ordered = [...settings].sort(
    (a, b) => (ORDER.get(a.id) ?? Infinity) - (ORDER.get(b.id) ?? Infinity),
  );
  let s = scenario;
  for (const { id, value } of ordered) {
    const param = sweepParameter(id);
    if (!param) throw new Error(`Unknown sweep parameter "${id}"`);
    s = param.apply(s, value);
  }
  return s;
}
