// Checking a scenario that is already a value (a save, a share link, a shipped file, or the value
// of a text the text reader has parsed): a typed `Scenario` or a list of plain-words issues out,
// each located by its path, and by its line when the caller can say where a path is in its text.
// This is everything the validator does except reading JSON text (validate.ts), so the browser
// loads the JSON-with-locations parser only when it has a text to read. Pure; never throws.

import * as v from 'valibot';
import { formatIssue, type ScenarioIssue, type ScenarioResult } from './issue';
import { valueDepthProblem } from './input';
import { resolveScenario } from './resolve';
import { SCENARIO_FORMAT } from './limits';
import { ScenarioSchema, type ScenarioInput } from './schema';
import { describeValue } from './words';

export { formatIssue, type ScenarioIssue, type ScenarioResult };
import { semanticIssues, type PathSegment, type RawIssue } from './semantics';

/** Issues past this many are summarised in one last issue. */
export const MAX_ISSUES = 50;

/** The path of an issue about the whole file. */
export const FILE = '(file)';

/** `levels[2].thresholds.cyber` from `['levels', 2, 'thresholds', 'cyber']`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || FILE;
}

/** The 1-based line of the value at a path in the text the value was read from. */
export type LineAt = (path: readonly PathSegment[]) => number | null;

/** Where in the value a schema issue is: its keys and indexes, outermost first. */
export function pathOf(issue: v.BaseIssue<unknown>): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === 'string' || typeof key === 'number') segments.push(key);
  }
  return segments;
}

function schemaIssues(value: unknown): { issues: RawIssue[]; scenario?: ScenarioInput } {
  const result = v.safeParse(ScenarioSchema, value);
  if (result.success) return { issues: [], scenario: result.output };
  const issues: RawIssue[] = [];
  const seen = new Set<string>();
  for (const issue of result.issues) {
    const raw = toRawIssue(issue);
    const key = `${formatPath(raw.path)}\u0000${raw.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(raw);
    }
  }
  return { issues };
}

/** A schema issue as a path and a plain-words message (`noun`: what the whole value is). */
export function toRawIssue(
  issue: v.BaseIssue<unknown>,
  noun = 'a scenario object {id, title, …}',
): RawIssue {
  const path = pathOf(issue);
  // An object schema receiving a list still "finds" no fields: say what is really wrong.
  const last = issue.path?.[issue.path.length - 1] as
    { input?: unknown; origin?: string } | undefined;
  if (
    (issue.type === 'strict_object' || issue.type === 'object') &&
    last?.origin === 'key' &&
    Array.isArray(last.input)
  ) {
    const parent = path.slice(0, -1);
    const what = parent.length === 0 ? noun : 'an object {…}';
    return { path: parent, message: `expected ${what}, got ${describeValue(last.input)}` };
  }
  return { path, message: issue.message || 'this value is not valid' };
}

/** A file that says it is of a newer scenario format: one issue saying so, or null. */
function newerFormat(value: unknown, lineAt: LineAt | null): ScenarioResult | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !(version > SCENARIO_FORMAT)) return null;
  return {
    ok: false,
    errors: [
      {
        path: 'schemaVersion',
        line: lineAt ? lineAt(['schemaVersion']) : null,
        message: `this scenario was made by a newer version of Threshold (scenario format ${version}); this version reads format ${SCENARIO_FORMAT} — update Threshold, or ask for the file in format ${SCENARIO_FORMAT}`,
      },
    ],
  };
}

/** Check a parsed value; `lineAt` (when there was text) finds the line of a path in it. */
export function check(value: unknown, lineAt: LineAt | null): ScenarioResult {
  const newer = newerFormat(value, lineAt);
  if (newer) return newer;
  const { issues, scenario } = schemaIssues(value);
  const raw = scenario ? semanticIssues(scenario) : issues;
  if (scenario && raw.length === 0) return { ok: true, ...resolveScenario(scenario) };
  return { ok: false, errors: finish(raw.map((issue) => locate(issue, lineAt))) };
}

/** A raw issue with its path written out and, when there was text, its line. */
export function locate(issue: RawIssue, lineAt: LineAt | null): ScenarioIssue {
  return {
    path: formatPath(issue.path),
    line: lineAt ? lineAt(issue.path) : null,
    message: issue.message,
  };
}

/** Issues in file order, at most MAX_ISSUES of them. */
export function finish(issues: ScenarioIssue[]): ScenarioIssue[] {
  const sorted = issues
    .map((issue, order) => ({ issue, order }))
    .sort(
      (a, b) => (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) || a.order - b.order || 0,
    )
    .map(({ issue }) => issue);
  if (sorted.length <= MAX_ISSUES) return sorted;
  return [
    ...sorted.slice(0, MAX_ISSUES),
    {
      path: FILE,
      line: null,
      message: `…and ${sorted.length - MAX_ISSUES} more problems; fix these first`,
    },
  ];
}

export function failure(
  message: string,
  line: number | null = null,
): { ok: false; errors: ScenarioIssue[] } {
  return { ok: false, errors: [{ path: FILE, line, message }] };
}

export function unexpected(error: unknown): { ok: false; errors: ScenarioIssue[] } {
  const detail = error instanceof Error ? error.message : String(error);
  return failure(`the validator could not check this file (${detail}) — please report this`);
}

/** Check an already-parsed value (a save, a share link). Never throws; issues have no line. */
export function validateScenarioValue(value: unknown): ScenarioResult {
  try {
    const deep = valueDepthProblem(value);
    if (deep) return failure(deep);
    return check(value, null);
  } catch (error) {
    return unexpected(error);
  }
}
