// Shared fixtures and checks for the resilience suite (issue 7): valid inputs to damage, ways to
// damage them, what a "clear message" is, and a bystander game that no loader may touch.

import { readFileSync, readdirSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { expect } from 'vitest';
import { BOTS } from '../../src/engine/bots';
import { advanceGame, createGame, type DecisionLog } from '../../src/engine/game';
import { parseScenario } from '../../src/engine/scenario/validate';
import type { GameState, Scenario } from '../../src/engine/types';
import { labView } from '../../src/engine/view';
import { makeSavedGame, type SavedGame } from '../../src/lib/saveFormat';
import { toBase64Url } from '../../src/lib/shareLink';

// In CI the runs are repeatable (one fixed seed), so a gate never fails by chance; elsewhere each
// run explores new cases, and a failure prints the seed that reproduces it.
if (process.env.CI) fc.configureGlobal({ seed: 20_261_124 });

/** Runs per property; `FUZZ_SCALE=20 npx vitest run tests/resilience` digs deeper. */
export function runs(n: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? 1);
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

// ---------------------------------------------------------------- valid inputs

/** Every shipped scenario file: [file name, text]. */
export const SHIPPED_TEXTS: [string, string][] = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .sort()
  .map((f) => [f, readFileSync(`scenarios/${f}`, 'utf8')]);

export const SHIPPED: Scenario[] = SHIPPED_TEXTS.map(([file, text]) => {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(`${file} does not validate`);
  return result.scenario;
});

/** A shipped scenario by id. */
export function shipped(id: string): Scenario {
  const found = SHIPPED.find((s) => s.id === id);
  if (!found) throw new Error(`no shipped scenario ${id}`);
  return found;
}

/** A human seat's decisions for `quarters` quarters, taken from its bot (so they are realistic). */
export function playedLog(scenario: Scenario, seed: number, human: string, quarters: number) {
  let state = createGame(scenario, { seed, humans: [human] });
  const log: DecisionLog = [];
  const lab = scenario.labs.find((l) => l.id === human);
  if (!lab) throw new Error(`no lab ${human}`);
  while (log.length < quarters && !state.outcome) {
    const decisions = { [human]: BOTS[lab.strategy](labView(state, scenario, human)) };
    log.push(decisions);
    state = advanceGame(state, scenario, decisions);
  }
  return { log, state };
}

/** A valid solo save of a few quarters, as JSON would bring it back. */
export function validSave(scenarioId = 'eval-blind-spot', seed = 7, quarters = 4): Json {
  const scenario = shipped(scenarioId);
  const human = (scenario.labs.find((l) => l.role === 'player') ?? scenario.labs[0])!.id;
  const { log } = playedLog(scenario, seed, human, quarters);
  const save: SavedGame = makeSavedGame({
    savedAt: '2026-03-01T10:00:00.000Z',
    mode: 'solo',
    setup: { scenario, seed, humans: [human] },
    log,
    pending: {},
    autoResolve: true,
  });
  return JSON.parse(JSON.stringify(save)) as Json;
}

// ---------------------------------------------------------------- damage

/** Every path to a value inside `value` (not the root). */
export function pathsOf(value: Json, prefix: Path = []): Path[] {
  const here = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) {
    const out = [...here];
    for (let i = 0; i < value.length; i++) out.push(...pathsOf(value[i] as Json, [...prefix, i]));
    return out;
  }
  if (value !== null && typeof value === 'object') {
    return [
      ...here,
      ...Object.entries(value).flatMap(([k, child]) => pathsOf(child, [...prefix, k])),
    ];
  }
  return here;
}

/** A deep copy with the value at `path` deleted (replacement undefined) or replaced. */
export function mutateAt(root: Json, path: Path, replacement: Json | undefined): Json {
  const copy = structuredClone(root);
  let parent = copy as Record<string | number, Json>;
  for (const segment of path.slice(0, -1))
    parent = parent[segment] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (replacement !== undefined) parent[last] = replacement;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy;
}

/** Values that tend to break loaders: extremes, wrong types, odd keys, big and deep things. */
export const nastyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    0,
    -1,
    1e308,
    -1e308,
    5e-324,
    2 ** 53 + 1,
    4294967296,
    '',
    ' ',
    '\u0000',
    '\u202e\ud800',
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    true,
    [],
    {},
    [[[[[[[[[[[]]]]]]]]]]],
    'x'.repeat(10_000),
  ),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.dictionary(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'x'),
    fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>,
  ),
);

/** One structural edit of a JSON value: delete, replace, or (for objects) add an unknown key. */
export function structuralEdit(root: Json): fc.Arbitrary<Json> {
  const paths = pathsOf(root);
  return fc
    .record({
      pick: fc.nat({ max: Math.max(0, paths.length - 1) }),
      op: fc.constantFrom('delete', 'replace', 'replace', 'addKey'),
      value: nastyValue,
      key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor')),
    })
    .map(({ pick, op, value, key }) => {
      const path = paths[pick] ?? [];
      if (path.length === 0) return value;
      if (op === 'delete') return mutateAt(root, path, undefined);
      if (op === 'replace') return mutateAt(root, path, value);
      const copy = structuredClone(root);
      let target = copy as Record<string | number, Json>;
      for (const segment of path) {
        const next = target[segment];
        if (next === null || typeof next !== 'object') break;
        target = next as Record<string | number, Json>;
      }
      if (Array.isArray(target)) {
        target.push(value);
        return copy;
      }
      // Own property even for "__proto__", as JSON.parse would make it.
      Object.defineProperty(target, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return copy;
    });
}

/** One to three structural edits. */
export function damagedJson(root: Json): fc.Arbitrary<Json> {
  return structuralEdit(root).chain((once) =>
    fc.oneof(fc.constant(once), structuralEdit(once), structuralEdit(once).chain(structuralEdit)),
  );
}

/** Text damage: cut short, characters changed, inserted or removed, a slice repeated. */
export function damagedText(text: string, alphabet?: string): fc.Arbitrary<string> {
  const char = alphabet
    ? fc.constantFrom(...alphabet.split(''))
    : fc.oneof(
        fc.string({ minLength: 1, maxLength: 1 }),
        fc.constantFrom('{', '}', '"', ',', ':', '\\', '\u0000', '\ud800'),
      );
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), c: char }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), c: char }),
    fc.record({
      kind: fc.constant('remove' as const),
      at: fc.nat(),
      n: fc.integer({ min: 1, max: 20 }),
    }),
    fc.record({
      kind: fc.constant('repeat' as const),
      at: fc.nat(),
      n: fc.integer({ min: 1, max: 40 }),
    }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let t = text;
    for (const e of edits) {
      const at = t.length === 0 ? 0 : e.at % t.length;
      if (e.kind === 'cut') t = t.slice(0, at);
      else if (e.kind === 'set') t = t.slice(0, at) + e.c + t.slice(at + 1);
      else if (e.kind === 'insert') t = t.slice(0, at) + e.c + t.slice(at);
      else if (e.kind === 'remove') t = t.slice(0, at) + t.slice(at + e.n);
      else t = t.slice(0, at + e.n) + t.slice(at, at + e.n) + t.slice(at + e.n);
    }
    return t;
  });
}

export const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `#play=` + deflate-raw + base64url of a JSON value: a link with a chosen payload. */
export function packedLink(payload: Json): string {
  return `#play=${toBase64Url(deflateRawSync(Buffer.from(JSON.stringify(payload))))}`;
}

/** `#explore=` + base64url of a JSON value. */
export function exploreLinkOf(payload: Json): string {
  return `#explore=${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
}

// ---------------------------------------------------------------- what the loaders must do

/** Messages of last-resort handlers: the loader met something its checks did not expect. */
const INTERNAL = [
  /could not be checked \(/,
  /could not be opened \(/,
  /please report this/,
  /could not be replayed \(/,
];

/** Wording that is not plain words: a validation library's default message, a raw JS value. */
const UNCLEAR = [/Invalid \w+: Expected/, /but received/, /\bundefined\b/];

/**
 * Unclear messages already reported to their owners, tolerated until fixed so the suite still
 * fails on any new one. Remove an entry when its fix lands.
 */
export const KNOWN_UNCLEAR: { pattern: RegExp; where: string }[] = [];

/** Why `message` is not one a person can act on, or null if it is. */
export function unclearBecause(message: unknown): string | null {
  if (typeof message !== 'string') return `not text but ${typeof message}`;
  if (message.trim().length <= 5) return 'empty or nearly so';
  if (/\n\s+at /.test(message)) return 'holds a stack trace';
  if (/\[object \w+\]/.test(message)) return 'shows a raw object';
  if (/\b(TypeError|RangeError|ReferenceError|SyntaxError|InternalError)\b/.test(message)) {
    return 'names a JavaScript error';
  }
  const internal = INTERNAL.find((p) => p.test(message));
  if (internal) return `comes from a last-resort handler (${internal})`;
  if (KNOWN_UNCLEAR.some((known) => known.pattern.test(message))) return null;
  if (message.length >= 1500) return `${message.length} characters long`;
  const unclear = UNCLEAR.find((p) => p.test(message));
  if (unclear) return `is not plain words (${unclear})`;
  return null;
}

/**
 * A message a person can act on: plain text, bounded, no internals, no stack trace. (Plain
 * checks, not `expect`: this runs thousands of times per file.)
 */
export function expectClearMessage(message: unknown): void {
  const why = unclearBecause(message);
  if (why !== null) throw new Error(`unclear message (${why}): ${String(message).slice(0, 400)}`);
}

// ---------------------------------------------------------------- the game in play

/** Freeze a value and everything in it, so any attempt to change it throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * A game in progress (a few quarters of the Anthropic RSP scenario) and the shipped scenarios,
 * frozen, with a JSON snapshot of each: `untouched()` checks nothing a loader did changed them.
 */
export function gameInPlay(): { game: GameState; shipped: Scenario[]; untouched: () => void } {
  const scenario = shipped('anthropic-rsp');
  const { state } = playedLog(scenario, 3, 'aster', 3);
  const game = deepFreeze(structuredClone(state));
  const frozenShipped = deepFreeze(structuredClone(SHIPPED));
  const before = JSON.stringify({ game, frozenShipped });
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join();
  return {
    game,
    shipped: frozenShipped,
    untouched() {
      expect(JSON.stringify({ game, frozenShipped })).toBe(before);
      expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(prototypeKeys);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  };
}
