// The scenarios that ship with the game (scenarios/*.json). The build copies each file as a static
// asset (not into the JavaScript, which keeps the scripts small) and the app fetches them at start.
// A shipped file that cannot be fetched or read is left out and reported; the others still load.
//
// Shipped files are validated before they ship, not in the browser: the build refuses a file the
// full validator rejects (vite.config.ts) and tests/engine/scenario/shipped.test.ts checks each
// with the full validator and checks the light reader (src/engine/scenario/shipped.ts: parse and
// resolve) gives the same scenario. So the page loads neither the schema nor valibot to open. A
// file the light reader cannot read (not JSON, say, from a broken server) is read again by the
// full text reader (validate.ts, fetched then), whose messages give lines.

import { formatIssue, type ScenarioResult } from '../engine/scenario/issue';
import { readShippedScenario } from '../engine/scenario/shipped';
import type { Scenario } from '../engine/types';

// The JSON Schema sits beside the scenarios for editors; it is not needed at run time.
const urls = import.meta.glob<string>(['../../scenarios/*.json', '!**/scenario.schema.json'], {
  eager: true,
  query: '?url',
  import: 'default',
});

/** Picker order: the quickest to grasp first, then the real frameworks, then the other lessons. */
export const SHIPPED_ORDER: readonly string[] = [
  'eval-blind-spot',
  'anthropic-rsp',
  'openai-preparedness',
  'deepmind-fsf',
  'rsp-v2-vs-v3',
  'three-frameworks',
  'race-to-the-bottom',
  'coordinated-pause',
  'quiet-revision',
];

export interface ShippedScenarioError {
  file: string;
  messages: string[];
}

export interface ShippedScenarios {
  scenarios: Scenario[];
  errors: ShippedScenarioError[];
}

/** A shipped file: its name and either its text or why it could not be read. */
export type ShippedFile = { file: string } & ({ text: string } | { failure: string });

/** Validate the shipped files with `parseText` (the text reader) and put them in picker order. */
export function parseShippedFiles(
  files: readonly ShippedFile[],
  parseText: (text: string) => ScenarioResult,
): ShippedScenarios {
  const scenarios: Scenario[] = [];
  const errors: ShippedScenarioError[] = [];
  for (const entry of files) {
    if ('failure' in entry) {
      errors.push({ file: entry.file, messages: [entry.failure] });
      continue;
    }
    const result = parseText(entry.text);
    if (result.ok) scenarios.push(result.scenario);
    else errors.push({ file: entry.file, messages: result.errors.map(formatIssue) });
  }
  const rank = (id: string) => {
    const index = SHIPPED_ORDER.indexOf(id);
    return index === -1 ? SHIPPED_ORDER.length : index;
  };
  scenarios.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  return { scenarios, errors };
}

export type FetchText = (url: string) => Promise<string>;

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return response.text();
}

/** The shipped scenario files this build has, by file name, with their URLs. */
export function shippedScenarioUrls(): { file: string; url: string }[] {
  return Object.entries(urls)
    .map(([path, url]) => ({ file: path.slice(path.lastIndexOf('/') + 1), url }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Fetch and validate every shipped scenario. Never rejects: failures are listed in `errors`. */
export async function loadShippedScenarios(read: FetchText = fetchText): Promise<ShippedScenarios> {
  const files = await Promise.all(
    shippedScenarioUrls().map(async ({ file, url }): Promise<ShippedFile> => {
      try {
        return { file, text: await read(url) };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { file, failure: `could not be loaded (${reason})` };
      }
    }),
  );
  // Each file is read once by the light reader; the text reader is fetched only for a bad one.
  const asValue = new Map<string, ScenarioResult | null>();
  for (const entry of files)
    if ('text' in entry) asValue.set(entry.text, readShippedScenario(entry.text));
  const parseText = [...asValue.values()].includes(null) ? await textReader() : null;
  return parseShippedFiles(files, (text) => asValue.get(text) ?? parseText?.(text) ?? unchecked);
}

/** Should the text reader itself fail to load (offline, say), a bad file is still named. */
const unchecked: ScenarioResult = {
  ok: false,
  errors: [{ path: '(file)', line: null, message: 'is not a valid scenario' }],
};

async function textReader(): Promise<((text: string) => ScenarioResult) | null> {
  try {
    return (await import('../engine/scenario/validate')).parseScenario;
  } catch {
    return null;
  }
}
