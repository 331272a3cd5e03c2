// Every shipped scenario plays to the end with bots in every seat, for several seeds.

import { describe, expect, it } from 'vitest';
import { playWithBots } from '../../../src/engine/game';
import { parseScenario } from '../../../src/engine/scenario/validate';
import type { Scenario } from '../../../src/engine/types';
import { shippedFiles } from './helpers';

/** Paths of every number in a JSON value that is not finite (NaN, ±Infinity). */
function nonFinite(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value))
    return value.flatMap((item, index) => nonFinite(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => nonFinite(item, `${path}.${key}`));
  }
  return [];
}

const scenarios: [string, Scenario][] = shippedFiles().map(([file, text]) => {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(`${file} does not validate`);
  return [file, result.scenario];
});

describe.each(scenarios)('%s plays to the end headless', (_file, scenario) => {
  it.each([1, 2, 3, 4, 5])('seed %i', (seed) => {
    const state = playWithBots(scenario, seed);
    expect(state.outcome).not.toBeNull();
    expect(state.history.length).toBeGreaterThanOrEqual(1);
    expect(state.history.length).toBeLessThanOrEqual(scenario.rounds);
    expect(nonFinite(state)).toEqual([]);
  });
});
