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

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  MAX_SCENARIO_BYTES,
  parseScenario,
  type ScenarioResult,
} from '../../engine/scenario/validate';

export const VALIDATE_USAGE = 'usage: npm run sim -- validate <scenario.json> [more files]';

export type LoadResult = ScenarioResult | { ok: false; readError: string };

/** Read and check one scenario file. Never throws. */
export function loadScenarioFile(path: string): LoadResult {
  let text: string;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return { ok: false, readError: `${path} is a folder, not a file` };
    if (stats.size > MAX_SCENARIO_BYTES) {
      return { ok: false, readError: `${path} is too large to be a scenario (over 5 MB)` };
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, readError: describeReadError(path, error) };
  }
  return parseScenario(text);
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

function describeReadError(path: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return `cannot read ${path}: no such file`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read ${path}: permission denied`;
  if (code === 'EISDIR') return `${path} is a folder, not a file`;
  const message = error instanceof Error ? error.message : String(error);
  return `cannot read ${path}: ${message}`;
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
        const { title, rounds, labs } = result.scenario;
        out(`ok: ${file} — ${title} (${rounds} rounds, ${labs.length} labs)`);
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
