// The shipped scenarios, read from scenarios/ on disk and checked by the same validator as any
// scenario file (a file that fails is left out and reported). src/lib/shippedScenarios.ts does
// this for the browser, but finds the files with Vite's import.meta.glob, which plain Node lacks.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssue, parseScenario } from '../engine/scenario/validate';
import type { Scenario } from '../engine/types';

export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export interface ServerScenarios {
  scenarios: Scenario[];
  /** One line per file left out: its name and its first problem. */
  problems: string[];
}

export async function readShippedScenarios(dir: string = SCENARIOS_DIR): Promise<ServerScenarios> {
  const files = (await readdir(dir)).filter(
    (file) => file.endsWith('.json') && file !== 'scenario.schema.json',
  );
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  for (const file of files.sort()) {
    const result = parseScenario(await readFile(join(dir, file), 'utf8'));
    if (result.ok) scenarios.push(result.scenario);
    else problems.push(`${file}: ${result.errors.map(formatIssue)[0] ?? 'not a valid scenario'}`);
  }
  return { scenarios, problems };
}
