import { readFileSync } from 'node:fs';
import { formatIssue, parseScenario } from '../../engine/scenario/validate';
import type { Scenario } from '../../engine/types';

export class CliError extends Error {}

/** Read and validate a scenario file, or throw a CliError whose message is the one line to print. */
export function loadScenarioFile(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`cannot read scenario file "${path}"`);
  }
  const result = parseScenario(text);
  if (!result.ok) {
    const first = result.errors[0];
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : '';
    throw new CliError(`${path}: ${first ? formatIssue(first) : 'invalid scenario'}${more}`);
  }
  return result.scenario;
}
