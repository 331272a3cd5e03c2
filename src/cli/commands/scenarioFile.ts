import { formatIssue } from '../../engine/scenario/validate';
import type { Scenario } from '../../engine/types';
import { loadScenarioFile as readScenario, resolveScenarioPath } from './validate';

export class CliError extends Error {}

/**
 * A valid scenario from a path or shipped id, or a CliError whose message is the one line to
 * print (commands that need one scenario, unlike `validate`, stop at the first problem).
 */
export function loadScenarioFile(arg: string): Scenario {
  const path = resolveScenarioPath(arg);
  const result = readScenario(path);
  if (result.ok) return result.scenario;
  if ('readError' in result) throw new CliError(result.readError);
  const [first] = result.errors;
  const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : '';
  throw new CliError(`${path}: ${first ? formatIssue(first) : 'invalid scenario'}${more}`);
}
