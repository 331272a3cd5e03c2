// Property: random damage to a valid scenario never crashes the validator. Whatever the input,
// parseScenario returns either a scenario or at least one issue with a path, a message and a
// line that exists in the file.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseScenario,
  validateScenarioValue,
  type ScenarioResult,
} from '../../../src/engine/scenario/validate';
import { fixture, shippedFiles } from './helpers';

const TEXTS = [fixture('valid-minimal.json'), ...shippedFiles().map(([, text]) => text)];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

function pathsOf(value: Json, prefix: Path = []): Path[] {
  const here = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) {
    return [...here, ...value.flatMap((child, index) => pathsOf(child, [...prefix, index]))];
  }
  if (value !== null && typeof value === 'object') {
    return [
      ...here,
      ...Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...prefix, key])),
    ];
  }
  return here;
}

/** Deletes (replacement undefined) or replaces the value at path, in a deep copy. */
function mutate(root: Json, path: Path, replacement: Json | undefined): Json {
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

function expectWellFormed(result: ScenarioResult, text?: string): void {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  const lines = text === undefined ? 0 : text.split('\n').length;
  for (const issue of result.errors) {
    expect(typeof issue.path).toBe('string');
    expect(issue.path.length).toBeGreaterThan(0);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.trim().length).toBeGreaterThan(0);
    expect(issue.message).not.toMatch(/\n\s+at /); // no stack traces
    if (issue.line !== null) {
      expect(Number.isInteger(issue.line)).toBe(true);
      expect(issue.line).toBeGreaterThanOrEqual(1);
      if (text !== undefined) expect(issue.line).toBeLessThanOrEqual(lines);
    }
  }
}

const textIndex = fc.nat({ max: TEXTS.length - 1 });

describe('the validator under random damage', () => {
  it('survives deleting or replacing any value', () => {
    fc.assert(
      fc.property(
        textIndex,
        fc.nat(),
        fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
        fc.boolean(),
        (which, pick, replacement, pretty) => {
          const root = JSON.parse(TEXTS[which] as string) as Json;
          const paths = pathsOf(root);
          const path = paths[pick % paths.length] as Path;
          const damaged = mutate(root, path, replacement as Json | undefined);
          const text = JSON.stringify(damaged, null, pretty ? 2 : undefined);
          expectWellFormed(parseScenario(text), text);
          expectWellFormed(validateScenarioValue(damaged));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('survives truncation at any point', () => {
    fc.assert(
      fc.property(textIndex, fc.nat(), (which, cut) => {
        const full = TEXTS[which] as string;
        const text = full.slice(0, cut % (full.length + 1));
        const result = parseScenario(text);
        expectWellFormed(result, text);
        if (text.trim().length > 0 && text.trim().length < full.trim().length) {
          expect(result.ok).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('survives random characters spliced in', () => {
    fc.assert(
      fc.property(textIndex, fc.nat(), fc.string({ maxLength: 8 }), (which, at, junk) => {
        const full = TEXTS[which] as string;
        const index = at % (full.length + 1);
        const text = full.slice(0, index) + junk + full.slice(index);
        expectWellFormed(parseScenario(text), text);
      }),
      { numRuns: 300 },
    );
  });

  it('survives any value at all', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expectWellFormed(validateScenarioValue(value));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expectWellFormed(parseScenario(text), text);
      }),
      { numRuns: 300 },
    );
  });
});
