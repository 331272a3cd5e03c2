// The shipped scenarios for tests that run outside a browser: read from scenarios/ on disk and
// validated by the same function the app uses after fetching them.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/engine/scenario/validate';
import { parseShippedFiles } from '../../src/lib/shippedScenarios';
import type { Scenario } from '../../src/engine/types';

// Vitest runs from the project root (and jsdom's import.meta.url is not a file: URL).
const SCENARIOS_DIR = join(process.cwd(), 'scenarios/');

const loaded = parseShippedFiles(
  readdirSync(SCENARIOS_DIR)
    .filter((file) => file.endsWith('.json') && file !== 'scenario.schema.json')
    .map((file) => ({ file, text: readFileSync(SCENARIOS_DIR + file, 'utf8') })),
  parseScenario,
);

export const shippedScenarios: readonly Scenario[] = loaded.scenarios;
export const shippedScenarioErrors = loaded.errors;
