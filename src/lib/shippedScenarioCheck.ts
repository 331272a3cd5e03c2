// A Vite build plugin, run in Node by `vite build`: every shipped scenario (scenarios/*.json) is
// read with the full validator before the build starts, and a file that does not validate stops
// the build with its located messages. The app can then read shipped files with the light reader
// (src/engine/scenario/shipped.ts), leaving the schema and valibot out of the page.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import { formatIssue, type ScenarioResult } from '../engine/scenario/issue.ts';

type ParseScenario = (text: string) => ScenarioResult;

/** The problems of each shipped file in `dir` that does not validate ("file: issue; issue"). */
export function shippedScenarioProblems(dir: string, parseScenario: ParseScenario): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && file !== 'scenario.schema.json')
    .sort()
    .flatMap((file) => {
      const result = parseScenario(readFileSync(join(dir, file), 'utf8'));
      return result.ok ? [] : [`${file}: ${result.errors.map(formatIssue).join('; ')}`];
    });
}

export function shippedScenarioCheck(dir = 'scenarios'): Plugin {
  return {
    name: 'threshold:shipped-scenario-check',
    apply: 'build',
    async buildStart() {
      // The validator is loaded through Vite's module runner, as the app's code is, rather than
      // imported by the config (whose loader wants file extensions the app's imports leave out).
      const { module } = await runnerImport<{ parseScenario: ParseScenario }>(
        '/src/engine/scenario/validate.ts',
        { configFile: false, logLevel: 'warn' },
      );
      const problems = shippedScenarioProblems(dir, module.parseScenario);
      if (problems.length > 0)
        this.error(
          `shipped scenarios must validate (the app reads them without checking again):\n  ${problems.join('\n  ')}`,
        );
    },
  };
}
