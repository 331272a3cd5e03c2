// The scenarios that ship with the game (scenarios/*.json), bundled as text by Vite and checked
// with the same validator a user's own file goes through. A shipped file that fails validation
// is left out of `shippedScenarios` and reported in `shippedScenarioErrors` (tests keep that
// list empty).

import { formatIssue, parseScenario } from '../engine/scenario/validate';
import type { Scenario } from '../engine/types';

// The JSON Schema sits beside the scenarios for editors; it is not needed at run time.
const files = import.meta.glob<string>(['../../scenarios/*.json', '!**/scenario.schema.json'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** Picker order: the quickest to grasp first, then the real frameworks, then the other lessons. */
export const SHIPPED_ORDER: readonly string[] = [
  'eval-blind-spot',
  'anthropic-rsp',
  'openai-preparedness',
  'deepmind-fsf',
  'race-to-the-bottom',
  'coordinated-pause',
  'quiet-revision',
];

export interface ShippedScenarioError {
  file: string;
  messages: string[];
}

function load(): { scenarios: Scenario[]; errors: ShippedScenarioError[] } {
  const scenarios: Scenario[] = [];
  const errors: ShippedScenarioError[] = [];
  for (const [path, text] of Object.entries(files)) {
    const file = path.slice(path.lastIndexOf('/') + 1);
    const result = parseScenario(text);
    if (result.ok) scenarios.push(result.scenario);
    else errors.push({ file, messages: result.errors.map(formatIssue) });
  }
  const rank = (id: string) => {
    const index = SHIPPED_ORDER.indexOf(id);
    return index === -1 ? SHIPPED_ORDER.length : index;
  };
  scenarios.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  return { scenarios, errors };
}

const loaded = load();

export const shippedScenarios: readonly Scenario[] = loaded.scenarios;
export const shippedScenarioErrors: readonly ShippedScenarioError[] = loaded.errors;

export function findShippedScenario(id: string): Scenario | undefined {
  return shippedScenarios.find((scenario) => scenario.id === id);
}
