import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ScenarioIssue, ScenarioResult } from '../../../src/engine/scenario/validate';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SCENARIOS_DIR = `${ROOT}scenarios/`;
export const FIXTURES_DIR = `${ROOT}tests/fixtures/scenarios/`;

/** The shipped scenario files (not the JSON Schema), as [file name, text]. */
export function shippedFiles(): [string, string][] {
  return readdirSync(SCENARIOS_DIR)
    .filter((file) => file.endsWith('.json') && file !== 'scenario.schema.json')
    .sort()
    .map((file) => [file, readFileSync(SCENARIOS_DIR + file, 'utf8')]);
}

export function fixture(name: string): string {
  return readFileSync(FIXTURES_DIR + name, 'utf8');
}

/** 1-based line of the first occurrence of `snippet` (after `after`, if given). */
export function lineOf(text: string, snippet: string, after?: string): number {
  const start = after === undefined ? 0 : text.indexOf(after);
  const index = text.indexOf(snippet, Math.max(0, start));
  if (index < 0) throw new Error(`snippet not found: ${snippet}`);
  return text.slice(0, index).split('\n').length;
}

export function errorsOf(result: ScenarioResult): ScenarioIssue[] {
  if (result.ok) throw new Error('expected the scenario to be invalid, but it validated');
  return result.errors;
}

/** The one issue at `path`; fails the test if there is none or more than one. */
export function issueAt(result: ScenarioResult, path: string): ScenarioIssue {
  const matching = errorsOf(result).filter((issue) => issue.path === path);
  expect(matching, `issues at ${path}: ${JSON.stringify(errorsOf(result))}`).toHaveLength(1);
  return matching[0] as ScenarioIssue;
}
