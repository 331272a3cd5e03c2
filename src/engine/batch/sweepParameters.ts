// The knobs a batch run or the explorer can turn. Each one says what it is, its range, its value
// in a given scenario, and how to set it: `apply` returns a modified copy of the scenario, never
// touching the original. Pure: the browser worker, the CLI and the tests share this list.
//
// Outcomes are not knobs: "the share of crossings the evals missed" is measured by the batch
// runner (see runBatch.ts); what you turn is the eval sensitivity, gap and cadence behind it.

import { keepEvents } from '../scenario/keepEvents';
import { DEFAULT_DYNAMICS, PARAMETER_DOCS } from '../parameters';
import { BOT_STRATEGY_IDS } from '../types';
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
  /**
   * A lever whose values are a small named list (a strategy, true/false): value i stands for
   * `choices[i]`, and the CLI and the form take and show the names.
   */
  choices?: readonly string[];
  /** The lab a per-lab lever sets (its id is `<kind>.<lab id>`). */
  lab?: string;
  /** What the setting means in one scenario, naming its labs (shares of labs). */
  explain?(scenario: Scenario): string;
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
    return keepEvents({ ...scenario, labs: kept }, (e) => {
      const lab = 'lab' in e.effect ? e.effect.lab : null;
      return lab === null || lab === 'all' || lab === 'any' || ids.has(lab);
    });
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

/** The labs a share of `n` labs stands for, by name: the first k in the scenario's list. */
export function labsNamedForShare(scenario: Scenario, share: number): string {
  const k = labsForShare(share, scenario.labs.length);
  return k === 0
    ? 'none'
    : scenario.labs
        .slice(0, k)
        .map((l) => l.name)
        .join(', ');
}

/** "In this scenario, share 0.25 = Aster Labs; 0.5 = Aster Labs, Meridian; …" */
function explainShare(scenario: Scenario, what: string): string {
  const n = scenario.labs.length;
  const steps = Array.from({ length: n }, (_, i) => {
    const share = (i + 1) / n;
    return `${plain(share)} = ${labsNamedForShare(scenario, share)}`;
  });
  return `In this scenario the labs ${what} are taken in this order: ${steps.join('; ')}; 0 = none.`;
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
    description:
      'How often labs assess their models, under every policy: 1 = every quarter, 2 = every six months.',
    min: 1,
    max: 8,
    integer: true,
    default: (s) => s.evaluation.cadence,
    // Every lab's assessments: each policy's cadence (the default's is repeated at the top).
    apply: (s, v) => ({
      ...s,
      evaluation: { ...s.evaluation, cadence: v },
      policies: s.policies.map((p) => ({ ...p, evaluation: { ...p.evaluation, cadence: v } })),
    }),
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
    explain: (s) => explainShare(s, 'with binding commitments'),
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
    explain: (s) => explainShare(s, 'in the agreement'),
    format: plain,
  },
  {
    id: 'information',
    label: 'Information about rivals',
    unit: '0 none · 1 announcements · 2 published evals',
    description:
      'What labs see of rivals: nothing, announcements of levels reached, or published eval results. Bots race harder when they see a rival level or ahead, and the competitor-clause lab needs to see a rival before it loosens its bar; human players see the same.',
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
    apply: (s, v) => keepEvents({ ...s, rounds: v }, (e) => e.round <= v),
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

// ---------------------------------------------------------------- per-lab levers

/** What one lab's lever sets: its bot's strategy, its policy, a forced pause, or a policy flag. */
export const LAB_LEVER_KINDS = [
  'strategy',
  'policy',
  'pauseFrom',
  'binding',
  'inPauseAgreement',
] as const;
export type LabLeverKind = (typeof LAB_LEVER_KINDS)[number];

const BOOLEAN_CHOICES = ['false', 'true'] as const;
const LAB_ID_RE = /^[a-z0-9][a-z0-9-]*$/;

function findLab(scenario: Scenario, labId: string): LabSpec | undefined {
  return scenario.labs.find((l) => l.id === labId);
}

/** "no lab "x" in anthropic-rsp; labs: aster, meridian, …" */
export function missingLabMessage(scenario: Scenario, labId: string): string {
  return `no lab "${labId}" in ${scenario.id}; labs: ${scenario.labs.map((l) => l.id).join(', ')}`;
}

function withLab(scenario: Scenario, labId: string, change: (lab: LabSpec) => LabSpec): Scenario {
  if (!findLab(scenario, labId)) throw new Error(missingLabMessage(scenario, labId));
  return { ...scenario, labs: scenario.labs.map((l) => (l.id === labId ? change(l) : l)) };
}

/** "Aster Labs (safety-first)", or the bare id when the scenario has no such lab. */
export function labTitle(scenario: Scenario | undefined, labId: string): string {
  const lab = scenario ? findLab(scenario, labId) : undefined;
  return lab ? `${lab.name} (${lab.strategy})` : labId;
}

/** The lever `kind` for lab `labId`; `scenario` only names the lab in its label. */
export function labLever(kind: LabLeverKind, labId: string, scenario?: Scenario): SweepParameter {
  const who = labTitle(scenario, labId);
  const id = `${kind}.${labId}`;
  const lab = (s: Scenario): LabSpec | undefined => findLab(s, labId);
  const choice = (choices: readonly string[]) => ({
    min: 0,
    max: choices.length - 1,
    integer: true,
    choices,
    format: (v: number) => choices[Math.round(v)] ?? plain(v),
  });
  switch (kind) {
    case 'strategy':
      return {
        id,
        lab: labId,
        label: `${who}: bot strategy`,
        unit: '',
        description: `The strategy the bot holding ${who} plays: ${BOT_STRATEGY_IDS.join(', ')}.`,
        ...choice(BOT_STRATEGY_IDS),
        default: (s) => Math.max(0, BOT_STRATEGY_IDS.indexOf(lab(s)?.strategy ?? 'safety-first')),
        apply: (s, v) =>
          withLab(s, labId, (l) => ({
            ...l,
            strategy: BOT_STRATEGY_IDS[Math.round(v)] ?? l.strategy,
          })),
      };
    case 'policy': {
      // The scenario's own policies, by id (a scenario with one policy offers just that one).
      const ids = (scenario?.policies ?? []).map((p) => p.id);
      return {
        id,
        lab: labId,
        label: `${who}: policy`,
        unit: '',
        description: `The policy ${who} plays under: ${ids.join(', ') || "the scenario's policies"}.`,
        ...choice(ids),
        default: (s) =>
          Math.max(
            0,
            s.policies.findIndex((p) => p.id === lab(s)?.policy.use),
          ),
        apply: (s, v) =>
          withLab(s, labId, (l) => ({
            ...l,
            policy: { ...l.policy, use: s.policies[Math.round(v)]?.id ?? l.policy.use },
          })),
      };
    }
    case 'pauseFrom':
      return {
        id,
        lab: labId,
        label: `${who}: pauses from quarter`,
        unit: 'quarter (0 = never)',
        description: `From this quarter on, ${who} pauses training and release whatever its policy says (the unilateral-pause question). 0 = never: it follows its strategy.`,
        min: 0,
        max: MAX_ROUNDS,
        integer: true,
        default: (s) => lab(s)?.pauseFrom ?? 0,
        apply: (s, v) =>
          withLab(s, labId, (l) => {
            const { pauseFrom: _drop, ...rest } = l;
            return v >= 1 ? { ...rest, pauseFrom: Math.round(v) } : rest;
          }),
        format: (v) => (v >= 1 ? plain(v) : 'never'),
      };
    case 'binding':
      return {
        id,
        lab: labId,
        label: `${who}: binding commitment`,
        unit: '',
        description: `Whether ${who}'s commitments are binding (the engine enforces them) or voluntary.`,
        ...choice(BOOLEAN_CHOICES),
        default: (s) => (lab(s)?.policy.binding ? 1 : 0),
        apply: (s, v) =>
          withLab(s, labId, (l) => ({ ...l, policy: { ...l.policy, binding: v >= 0.5 } })),
      };
    case 'inPauseAgreement':
      return {
        id,
        lab: labId,
        label: `${who}: starts in the pause agreement`,
        unit: '',
        description: `Whether ${who} starts as a member of the conditional pause agreement (its bot may still join or leave).`,
        ...choice(BOOLEAN_CHOICES),
        default: (s) => (lab(s)?.policy.inPauseAgreement ? 1 : 0),
        apply: (s, v) =>
          withLab(s, labId, (l) => ({
            ...l,
            policy: { ...l.policy, inPauseAgreement: v >= 0.5 },
          })),
      };
  }
}

/** Split `pauseFrom.aster` into its kind and lab id (null: not a per-lab lever id). */
export function parseLabLeverId(id: string): { kind: LabLeverKind; labId: string } | null {
  const dot = id.indexOf('.');
  if (dot <= 0) return null;
  const kind = id.slice(0, dot);
  const labId = id.slice(dot + 1);
  if (!(LAB_LEVER_KINDS as readonly string[]).includes(kind) || !LAB_ID_RE.test(labId)) {
    return null;
  }
  return { kind: kind as LabLeverKind, labId };
}

/** Every per-lab lever of a scenario, lab by lab, each named after its lab. */
export function labLevers(scenario: Scenario): SweepParameter[] {
  // A policy lever needs a choice: only scenarios with more than one policy offer it.
  const kinds = LAB_LEVER_KINDS.filter((k) => k !== 'policy' || scenario.policies.length > 1);
  return scenario.labs.flatMap((lab) => kinds.map((kind) => labLever(kind, lab.id, scenario)));
}

/**
 * A parameter by id: one of SWEEP_PARAMETERS, or a per-lab lever `<kind>.<lab id>` (named after
 * the lab when `scenario` is given). Undefined: no such parameter.
 */
export function sweepParameter(id: string, scenario?: Scenario): SweepParameter | undefined {
  const fixed = BY_ID.get(id);
  if (fixed) return fixed;
  const lever = parseLabLeverId(id);
  return lever ? labLever(lever.kind, lever.labId, scenario) : undefined;
}

/** Why a parameter id cannot be set on this scenario (a lab it does not have), or null. */
export function settingProblem(scenario: Scenario, id: string): string | null {
  const lever = parseLabLeverId(id);
  if (lever && !findLab(scenario, lever.labId)) return missingLabMessage(scenario, lever.labId);
  return null;
}

/**
 * Read a value as typed: a name from a named list (`strategy.aster=race-to-deploy`,
 * `binding.aster=true`, `information=published`) or a number. Null: neither.
 */
export function parseValue(param: SweepParameter, text: string): number | null {
  const t = text.trim();
  const names = param.choices ?? (param.id === 'information' ? INFORMATION_LEVELS : undefined);
  const named = names ? names.indexOf(t) : -1;
  if (named >= 0) return named;
  if (param.choices) return null;
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : null;
}

/** What a parameter accepts, in words: "one of safety-first, …" or "a number from 0 to 1". */
export function allowedValues(param: SweepParameter): string {
  if (param.choices) return `one of ${param.choices.join(', ')}`;
  if (param.id === 'information') return `one of ${INFORMATION_LEVELS.join(', ')} (or 0 to 2)`;
  return `${param.integer ? 'a whole number' : 'a number'} from ${param.min} to ${param.max}`;
}

/** Why `value` is not a valid setting of `param`, or null when it is. */
export function checkValue(param: SweepParameter, value: number): string | null {
  if (!Number.isFinite(value)) return `${param.id} must be a number`;
  if (param.choices && (!Number.isInteger(value) || value < param.min || value > param.max)) {
    return `${param.id} must be ${allowedValues(param)}, got ${value}`;
  }
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
  // Per-lab levers come last, so they override the shares of binding labs and members.
  const rank = (id: string): number => ORDER.get(id) ?? SWEEP_PARAMETERS.length;
  const ordered = [...settings].sort((a, b) => rank(a.id) - rank(b.id));
  let s = scenario;
  for (const { id, value } of ordered) {
    const param = sweepParameter(id, s);
    if (!param) throw new Error(`Unknown sweep parameter "${id}"`);
    s = param.apply(s, value);
  }
  return s;
}
