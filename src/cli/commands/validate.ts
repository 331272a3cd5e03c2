// `npm run sim -- validate <file> [more files]`: check scenario files and explain what is wrong.
//
//   ok: scenarios/anthropic-rsp.json — Anthropic's Responsible Scaling Policy (20 rounds, 4 labs)
//   scenarios/my.json:41: levels[2].thresholds.cyber: expected a number between 0 and 1, got "high"
//
// Exit codes: 0 every file is valid; 1 some file has problems; 2 a file could not be read or no
// file was given. Never prints a stack trace.
//
// Node-only helpers for reading scenario files live here too (`loadScenarioFile`,
// `resolveScenarioPath`), so that node:fs never enters src/engine.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_SCENARIO_BYTES, decodeFileBytes } from '../../engine/scenario/input';
import { parseScenario, type ScenarioResult } from '../../engine/scenario/validate';
import { readInputFile } from '../readInput';

export const VALIDATE_USAGE = 'usage: npm run sim -- validate <scenario.json> [more files]';

export type LoadResult = ScenarioResult | { ok: false; readError: string };

/** Read and check one scenario file (read and decoded as the browser does). Never throws. */
export function loadScenarioFile(path: string): LoadResult {
  const read = readInputFile(path, MAX_SCENARIO_BYTES, 'a scenario');
  if (!read.ok) return { ok: false, readError: read.message };
  const decoded = decodeFileBytes(read.bytes);
  if (!decoded.ok) {
    return { ok: false, errors: [{ path: '(file)', line: null, message: decoded.message }] };
  }
  return parseScenario(decoded.text);
}

/**
 * A scenario argument as a path: an existing file as given, otherwise a shipped scenario id
 * (`anthropic-rsp` → `scenarios/anthropic-rsp.json` under `root`). Returns the argument
 * unchanged when neither exists, so the caller reports the missing file.
 */
export function resolveScenarioPath(arg: string, root = process.cwd()): string {
  if (existsSync(arg)) return arg;
  const shipped = join(root, 'scenarios', `${arg}.json`);
  return /^[a-z0-9-]+$/.test(arg) && existsSync(shipped) ? shipped : arg;
}

export function runValidate(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void,
): number {
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      out(VALIDATE_USAGE);
      out('Checks each scenario file and explains every problem with its field path and line.');
      return 0;
    }
    const files = argv.filter((arg) => arg !== '--');
    if (files.length === 0) {
      err(`error: no scenario file given — ${VALIDATE_USAGE}`);
      return 2;
    }
    let worst = 0;
    for (const file of files) {
      const result = loadScenarioFile(file);
      if (result.ok) {
        const { title, rounds, labs, policies } = result.scenario;
        const ruled = policies.length > 1 ? `, ${policies.length} policies` : '';
        out(`ok: ${file} — ${title} (${rounds} rounds, ${labs.length} labs${ruled})`);
        for (const note of result.notes) out(`note: ${file}: ${note}`);
      } else if ('readError' in result) {
        err(`error: ${result.readError}`);
        worst = 2;
      } else {
        for (const issue of result.errors) {
          const where = issue.line === null ? file : `${file}:${issue.line}`;
          err(`${where}: ${issue.path}: ${issue.message}`);
        }
        const count = result.errors.length;
        err(`${file}: ${count} problem${count === 1 ? '' : 's'} found`);
        worst = Math.max(worst, 1);
      }
    }
    return worst;
  } catch (error) {
    err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
