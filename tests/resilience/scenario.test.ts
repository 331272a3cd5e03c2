// Resilience (issue 7): random and damaged scenarios fed to the scenario loaders. Each ends in a
// scenario or in clear, located messages; nothing throws; the game in play is untouched.

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MAX_ISSUES,
  formatIssue,
  parseScenario,
  validateScenarioValue,
  type ScenarioResult,
} from '../../src/engine/scenario/validate';
import {
  SHIPPED_TEXTS,
  damagedJson,
  damagedText,
  expectClearMessage,
  gameInPlay,
  runs,
  type Json,
} from './helpers';

const world = gameInPlay();
afterAll(() => world.untouched());

function expectHandled(result: ScenarioResult): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    // What was accepted is accepted again: the loader returns a scenario, not a half-checked value.
    expect(validateScenarioValue(JSON.parse(JSON.stringify(result.scenario))).ok).toBe(true);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  expect(result.errors.length).toBeLessThanOrEqual(MAX_ISSUES + 1);
  for (const issue of result.errors) {
    expect(issue.path.length).toBeGreaterThan(0);
    expectClearMessage(formatIssue(issue));
  }
}

const shippedText = fc.constantFrom(...SHIPPED_TEXTS.map(([, text]) => text));

describe('scenario loaders under random and damaged input', { timeout: 30_000 }, () => {
  it('parseScenario: random text and random JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.json({ maxDepth: 4 }),
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        ),
        (text) => expectHandled(parseScenario(text)),
      ),
      { numRuns: runs(200) },
    );
    world.untouched();
  });

  it('parseScenario: shipped files damaged as text (cut short, characters changed)', () => {
    fc.assert(
      fc.property(
        shippedText.chain((text) => damagedText(text)),
        (text) => expectHandled(parseScenario(text)),
      ),
      { numRuns: runs(150) },
    );
    world.untouched();
  });

  it('parseScenario and validateScenarioValue: shipped files damaged in structure', () => {
    fc.assert(
      fc.property(
        shippedText.chain((text) => damagedJson(JSON.parse(text) as Json)),
        fc.boolean(),
        (value, pretty) => {
          expectHandled(validateScenarioValue(value));
          expectHandled(parseScenario(JSON.stringify(value, null, pretty ? 2 : undefined)));
        },
      ),
      { numRuns: runs(150) },
    );
    world.untouched();
  });

  it('validateScenarioValue: any value at all, JSON or not', () => {
    fc.assert(
      fc.property(
        fc.anything({
          maxDepth: 3,
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
          withNullPrototype: true,
          withBoxedValues: true,
        }),
        (value) => expectHandled(validateScenarioValue(value)),
      ),
      { numRuns: runs(300) },
    );
    world.untouched();
  });

  it('parseScenario: input that is not text', () => {
    for (const value of [undefined, null, 42, {}, [], new Uint8Array(3)]) {
      expectHandled(parseScenario(value as unknown as string));
    }
  });
});
