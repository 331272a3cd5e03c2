// The policy editor's edits, as pure functions from one policy to the next (the form sends these,
// undo keeps the policies they make). None of them judges the result: checkPolicy does, and the
// form shows what it says next to the field.

import type { DomainId, LevelSpec, PolicySpec, SafeguardTrack, Scenario } from '../../engine/types';

/** A number field's content: a number, nothing (the field is empty), or text that is no number. */
export type FieldValue = number | string | undefined;

export type Requirement = 'trainingRequires' | 'deploymentRequires';

/**
 * What was typed, as the policy holds it: empty is "not given", a number is that number, anything
 * else stays text so the check can say what is wrong with it ("expected a number …, got "abc"").
 */
export function fieldValue(text: string): FieldValue {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

/** A field's value as text for its input. */
export function fieldText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

/** An object with `key` set to `value`, or without `key` when the value is not given. */
function withValue<T extends object>(object: T, key: string, value: FieldValue): T {
  const next = { ...object } as Record<string, unknown>;
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as T;
}

function replaceLevel(policy: PolicySpec, index: number, level: LevelSpec): PolicySpec {
  return { ...policy, levels: policy.levels.map((l, i) => (i === index ? level : l)) };
}

export function setThreshold(
  policy: PolicySpec,
  index: number,
  domain: DomainId,
  value: FieldValue,
): PolicySpec {
  const level = policy.levels[index];
  if (!level) return policy;
  return replaceLevel(policy, index, {
    ...level,
    thresholds: withValue(level.thresholds, domain, value),
  });
}

export function setRequirement(
  policy: PolicySpec,
  index: number,
  which: Requirement,
  track: SafeguardTrack,
  value: FieldValue,
): PolicySpec {
  const level = policy.levels[index];
  if (!level) return policy;
  return replaceLevel(policy, index, { ...level, [which]: withValue(level[which], track, value) });
}

export function setLevelText(
  policy: PolicySpec,
  index: number,
  field: 'id' | 'name' | 'description',
  value: string,
): PolicySpec {
  const level = policy.levels[index];
  if (!level) return policy;
  return replaceLevel(policy, index, { ...level, [field]: value });
}

export function setEvaluation(
  policy: PolicySpec,
  field: keyof PolicySpec['evaluation'],
  value: FieldValue,
): PolicySpec {
  return { ...policy, evaluation: withValue(policy.evaluation, field, value) };
}

/** An id no level of the policy uses yet: "level-3", "level-4" … */
function freeLevelId(policy: PolicySpec): string {
  const used = new Set(policy.levels.map((l) => l.id));
  let n = policy.levels.length + 1;
  while (used.has(`level-${n}`)) n += 1;
  return `level-${n}`;
}

/**
 * A new level on top of the ladder: its thresholds a step above the top level's (so the ladder
 * stays in order), its requirements the top level's (never less than the level below).
 */
export function addLevel(policy: PolicySpec, scenario: Scenario): PolicySpec {
  const top = policy.levels.at(-1);
  const id = freeLevelId(policy);
  const above = (value: unknown) =>
    typeof value === 'number' ? Math.min(1, Math.round((value + 0.1) * 100) / 100) : value;
  const thresholds = top
    ? Object.fromEntries(Object.entries(top.thresholds).map(([d, v]) => [d, above(v)]))
    : { [scenario.domains[0]?.id ?? 'cbrn']: 0.5 };
  const level: LevelSpec = {
    id,
    name: `Level ${policy.levels.length + 1}`,
    description: 'What reaching this level means, in plain words.',
    thresholds,
    trainingRequires: { ...(top?.trainingRequires ?? {}) },
    deploymentRequires: { ...(top?.deploymentRequires ?? {}) },
  };
  return { ...policy, levels: [...policy.levels, level] };
}

export function removeLevel(policy: PolicySpec, index: number): PolicySpec {
  return { ...policy, levels: policy.levels.filter((_, i) => i !== index) };
}

/** Swap a level with the one above (`by` -1: lower on the ladder) or below (`by` 1). */
export function moveLevel(policy: PolicySpec, index: number, by: -1 | 1): PolicySpec {
  const to = index + by;
  if (to < 0 || to >= policy.levels.length || index < 0 || index >= policy.levels.length) {
    return policy;
  }
  const levels = [...policy.levels];
  [levels[index], levels[to]] = [levels[to] as LevelSpec, levels[index] as LevelSpec];
  return { ...policy, levels };
}

/**
 * A blank policy for a scenario: one level with a threshold in its first domain, pausing when
 * training safeguards are short, voluntary and public (the format's defaults). `date`: today.
 */
export function blankPolicy(scenario: Scenario | undefined, date: string): PolicySpec {
  const domain = scenario?.domains[0]?.id ?? 'cbrn';
  return {
    id: 'my-policy',
    name: 'My policy',
    description: 'What the policy commits the lab to, in plain words.',
    framework: { name: 'Own policy', version: '1', date },
    levels: [
      {
        id: 'level-1',
        name: 'Level 1',
        description: 'What reaching this level means, in plain words.',
        thresholds: { [domain]: 0.5 },
        trainingRequires: { security: 0.5 },
        deploymentRequires: { deployment: 0.5 },
      },
    ],
    evaluation: { cadence: 1, safetyBuffer: 0, alertMargin: 0 },
    whenShort: 'pause',
    significantShortfall: 0.1,
    competitorClause: false,
    binding: false,
    public: true,
  };
}
