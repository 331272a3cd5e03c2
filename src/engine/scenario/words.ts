// The validator's plain words: "expected a number between 0 and 1, got \"high\"", "unknown field
// … — did you mean …?". Used by the scenario schema and by every other reader of outside data
// (policy files, saves, share links, Explorer links, room messages), which need these words but
// not the scenario schema; valibot is imported for its types only.

import type * as v from 'valibot';

const EXPECTATIONS = new WeakMap<object, string>();

/** The plain-words expectation registered for a schema ("a number between 0 and 1"). */
export function expectationOf(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const own = EXPECTATIONS.get(schema);
  if (own !== undefined) return own;
  const wrapped = (schema as { wrapped?: unknown }).wrapped;
  return wrapped === undefined ? undefined : expectationOf(wrapped);
}

export function register<T extends object>(schema: T, expected: string): T {
  EXPECTATIONS.set(schema, expected);
  return schema;
}

/** A short, readable rendering of any JSON-ish value for "got …" in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    return String(value);
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) {
    return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  }
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export type Message = (issue: v.BaseIssue<unknown>) => string;

export function expecting(expected: string): Message {
  const wantsNumber = /^a (whole )?number/.test(expected);
  const wantsBoolean = expected === 'true or false';
  return (issue) => {
    const got = `expected ${expected}, got ${describeValue(issue.input)}`;
    const input = issue.input;
    if (typeof input !== 'string') return got;
    const quotedNumber = wantsNumber && input.trim() !== '' && Number.isFinite(Number(input));
    const quotedBoolean = wantsBoolean && (input === 'true' || input === 'false');
    return quotedNumber || quotedBoolean ? `${got} — remove the quotes` : got;
  };
}

export function quoteList(values: readonly (string | number)[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

/** Edit distance, for "did you mean …?" on unknown field names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j];
      row[j] = Math.min(
        row[j] + 1,
        row[j - 1] + 1,
        diagonal + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return row[b.length];
}

export function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const option of options) {
    const d = distance(word, option);
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  const tolerance = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return bestDistance <= tolerance ? best : undefined;
}

/** Words authors reach for, mapped to the field or domain id the format uses. */
const ALIASES: Record<string, string> = {
  bio: 'cbrn',
  biology: 'cbrn',
  biological: 'cbrn',
  chem: 'cbrn',
  chemical: 'cbrn',
  nuclear: 'cbrn',
  cyberattack: 'cyber',
  cybersecurity: 'cyber',
  'ai-r&d': 'autonomy',
  'ml-r&d': 'autonomy',
  'ai r&d': 'autonomy',
  'ml r&d': 'autonomy',
  'self-improvement': 'autonomy',
  selfimprovement: 'autonomy',
  persuasion: 'manipulation',
  misalignment: 'oversight',
  deception: 'oversight',
  control: 'alignment',
  mitigations: 'deployment',
  weights: 'security',
  turns: 'rounds',
  quarters: 'rounds',
  injects: 'events',
  players: 'labs',
  rivals: 'labs',
  thresholds: 'thresholds',
  framework: 'policy',
  ladder: 'levels',
};

export function objectMessage(label: string, entries: v.ObjectEntries): Message {
  return (issue) => {
    const last = issue.path?.[issue.path.length - 1] as { key?: unknown } | undefined;
    const key = last?.key;
    if (typeof key === 'string' && issue.expected === 'never') {
      const allowed = Object.keys(entries).filter((name) => name !== '$schema');
      const alias = ALIASES[key.toLowerCase()];
      const guess = alias && allowed.includes(alias) ? alias : closest(key, allowed);
      return guess
        ? `unknown field ${JSON.stringify(key)} — did you mean ${JSON.stringify(guess)}?`
        : `unknown field ${JSON.stringify(key)} — allowed here: ${allowed.join(', ')}`;
    }
    if (typeof key === 'string' && issue.input === undefined && issue.expected === `"${key}"`) {
      const expected = expectationOf(entries[key]) ?? 'a value';
      return `missing — expected ${expected}`;
    }
    return `expected ${label}, got ${describeValue(issue.input)}`;
  };
}
