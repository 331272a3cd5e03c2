// Reading a scenario: JSON text (a file, a drop, a paste) or an already-parsed value (a save, a
// share link) in; a typed `Scenario` or a list of located, plain-words issues out. Pure: no Node
// APIs, so the browser and the CLI share it. It never throws, whatever it is given.

import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import * as v from 'valibot';
import type { Scenario } from '../types';
import {
  MAX_SCENARIO_BYTES,
  decodeFileBytes,
  jsonTextDepthProblem,
  tooLargeMessage,
  valueDepthProblem,
} from './input';
import { resolveScenario } from './resolve';
import { SCENARIO_FORMAT, ScenarioSchema, describeValue, type ScenarioInput } from './schema';
import { semanticIssues, type PathSegment, type RawIssue } from './semantics';

export interface ScenarioIssue {
  /** Where the problem is, e.g. `levels[2].thresholds.cyber`; `(file)` for the whole file. */
  path: string;
  /** 1-based line in the file, when the input was text and the place could be found. */
  line: number | null;
  message: string;
}

/** `notes`: not problems, but worth telling the author (e.g. the file was read in the old format). */
export type ScenarioResult =
  { ok: true; scenario: Scenario; notes: string[] } | { ok: false; errors: ScenarioIssue[] };

/** Issues past this many are summarised in one last issue. */
export const MAX_ISSUES = 50;

const FILE = '(file)';

/** `levels[2].thresholds.cyber (line 41): expected a number between 0 and 1, got "high"` */
export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.line === null ? '' : ` (line ${issue.line})`;
  return `${issue.path}${where}: ${issue.message}`;
}

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

// ---------------------------------------------------------------- locating paths in the text

/** Finds the line of a value in the text it was parsed from. */
export class Locator {
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly text: string,
    private readonly root: JsonNode | undefined,
  ) {
    for (let index = 0; index < text.length; index += 1) {
      if (text.charCodeAt(index) === 10) this.lineStarts.push(index + 1);
    }
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  columnOf(offset: number): number {
    return offset - this.lineStarts[this.lineOf(offset) - 1] + 1;
  }

  /** The line of the value at `path`, or of its nearest existing ancestor. */
  lineAt(path: readonly PathSegment[]): number | null {
    let node = this.root;
    if (!node) return null;
    for (const segment of path) {
      const child = childOf(node, segment);
      if (!child) break;
      node = child;
    }
    return this.lineOf(node.offset);
  }
}

function childOf(node: JsonNode, segment: PathSegment): JsonNode | undefined {
  if (node.type === 'array' && typeof segment === 'number') return node.children?.[segment];
  if (node.type === 'object' && typeof segment === 'string') {
    // The last occurrence wins, as in JSON.parse.
    const properties = node.children ?? [];
    let property: JsonNode | undefined;
    for (const child of properties) if (child.children?.[0]?.value === segment) property = child;
    // Point at the key, so "unknown field" and "wrong value" both land on the field's line.
    return property?.children?.[1] ?? property?.children?.[0];
  }
  return undefined;
}

// ---------------------------------------------------------------- JSON syntax

/** jsonc-parser's ParseErrorCode (a const enum, which isolated modules cannot import). */
const ParseErrorCode = {
  InvalidSymbol: 1,
  InvalidNumberFormat: 2,
  PropertyNameExpected: 3,
  ValueExpected: 4,
  ColonExpected: 5,
  CommaExpected: 6,
  CloseBraceExpected: 7,
  CloseBracketExpected: 8,
  EndOfFileExpected: 9,
  InvalidCommentToken: 10,
  UnexpectedEndOfComment: 11,
  UnexpectedEndOfString: 12,
  UnexpectedEndOfNumber: 13,
  InvalidUnicode: 14,
  InvalidEscapeCharacter: 15,
  InvalidCharacter: 16,
} as const;

function syntaxMessage(error: ParseError, text: string, noun: string): string {
  const symbol = text.slice(error.offset, error.offset + Math.max(error.length, 1));
  const before = text.slice(0, error.offset).trimEnd().slice(-1);
  switch (error.error as number) {
    case ParseErrorCode.InvalidSymbol:
      if (symbol.startsWith("'")) {
        return `unexpected ${symbol} — JSON text and field names need "double quotes", not 'single quotes'`;
      }
      if ((before === '{' || before === ',') && /^[A-Za-z_$]/.test(symbol)) {
        return `unexpected ${symbol} — field names need "double quotes"`;
      }
      if (/^(NaN|-?Infinity|undefined)$/.test(symbol)) {
        return `unexpected ${symbol} — JSON allows only ordinary numbers like 0.5`;
      }
      if (/^-?\.\d/.test(symbol)) {
        return `unexpected ${symbol} — write numbers with a leading zero, like 0.5`;
      }
      return `unexpected ${JSON.stringify(symbol)} — expected "text in double quotes", a number like 0.5, true, false, null, a [list] or an {object}`;
    case ParseErrorCode.InvalidNumberFormat:
      return `${symbol} is not a number JSON accepts — write numbers like 0.5, 12 or -3`;
    case ParseErrorCode.PropertyNameExpected:
      if (before === ',' && symbol.startsWith('}')) {
        return 'a comma before } is not allowed in JSON — remove the last comma';
      }
      return 'expected a field name in "double quotes"';
    case ParseErrorCode.ValueExpected:
      if (before === ',' && symbol.startsWith(']')) {
        return 'a comma before ] is not allowed in JSON — remove the last comma';
      }
      if (before === ',' && symbol.startsWith('}')) {
        return 'a comma before } is not allowed in JSON — remove the last comma';
      }
      return 'expected a value here ("text", a number, true, false, null, a [list] or an {object})';
    case ParseErrorCode.ColonExpected:
      return 'expected a colon ":" between the field name and its value';
    case ParseErrorCode.CommaExpected:
      return 'expected a comma "," between two items — one is missing before this';
    case ParseErrorCode.CloseBraceExpected:
      return 'expected "," or "}" — an object is not closed properly';
    case ParseErrorCode.CloseBracketExpected:
      return 'expected "," or "]" — a list is not closed properly';
    case ParseErrorCode.EndOfFileExpected:
      return `unexpected text after the end of the ${noun} — a ${noun} file holds one {object}`;
    case ParseErrorCode.InvalidCommentToken:
    case ParseErrorCode.UnexpectedEndOfComment:
      return 'comments are not allowed in JSON — put notes in "simplifications" or a "description" instead';
    case ParseErrorCode.UnexpectedEndOfString:
      return 'this text is never closed — a closing double quote " is missing';
    case ParseErrorCode.UnexpectedEndOfNumber:
      return 'this number is incomplete';
    case ParseErrorCode.InvalidUnicode:
      return 'invalid \\u escape — it needs four hexadecimal digits, like \\u00e9';
    case ParseErrorCode.InvalidEscapeCharacter:
      return 'invalid escape after a backslash — in JSON text write \\\\ for a backslash, \\" for a quote, \\n for a new line';
    case ParseErrorCode.InvalidCharacter:
      return 'a tab or line break inside "text" is not allowed in JSON — write \\t or \\n instead';
    default:
      return 'this is not valid JSON';
  }
}

function syntaxIssue(
  errors: ParseError[],
  text: string,
  locator: Locator,
  noun: string,
): ScenarioIssue {
  const first = errors[0] as ParseError;
  const end = text.trimEnd().length;
  const runsToEnd =
    first.offset >= end ||
    ((first.error as number) === ParseErrorCode.UnexpectedEndOfString &&
      first.offset + first.length >= end);
  if (runsToEnd) {
    return {
      path: FILE,
      line: locator.lineOf(Math.min(first.offset, end)),
      message:
        'the file ends too early — is it truncated? Some text, list or object is never closed',
    };
  }
  const message = syntaxMessage(first, text, noun);
  // For a trailing comma, point at the comma itself, not at the bracket after it.
  const before = text.slice(0, first.offset).trimEnd();
  const offset =
    message.includes('remove the last comma') && before.endsWith(',')
      ? before.length - 1
      : first.offset;
  return {
    path: FILE,
    line: locator.lineOf(offset),
    message: `JSON syntax error at column ${locator.columnOf(offset)}: ${message}`,
  };
}

function duplicateKeyIssues(root: JsonNode, locator: Locator): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const visit = (node: JsonNode, path: PathSegment[]) => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        const key = keyNode.value;
        if (seen.has(key)) {
          issues.push({
            path: formatPath([...path, key]),
            line: locator.lineOf(keyNode.offset),
            message: `the field ${JSON.stringify(key)} appears twice in the same object — keep one`,
          });
        }
        seen.add(key);
        if (valueNode) visit(valueNode, [...path, key]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, index) => visit(child, [...path, index]));
    }
  };
  visit(root, []);
  return issues;
}

// ---------------------------------------------------------------- the value

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
function newerFormat(value: unknown, locator: Locator | null): ScenarioResult | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !(version > SCENARIO_FORMAT)) return null;
  return {
    ok: false,
    errors: [
      {
        path: 'schemaVersion',
        line: locator ? locator.lineAt(['schemaVersion']) : null,
        message: `this scenario was made by a newer version of Threshold (scenario format ${version}); this version reads format ${SCENARIO_FORMAT} — update Threshold, or ask for the file in format ${SCENARIO_FORMAT}`,
      },
    ],
  };
}

function check(value: unknown, locator: Locator | null): ScenarioResult {
  const newer = newerFormat(value, locator);
  if (newer) return newer;
  const { issues, scenario } = schemaIssues(value);
  const raw = scenario ? semanticIssues(scenario) : issues;
  if (scenario && raw.length === 0) return { ok: true, ...resolveScenario(scenario) };
  return { ok: false, errors: finish(raw.map((issue) => locate(issue, locator))) };
}

/** A raw issue with its path written out and, when the text is known, its line. */
export function locate(issue: RawIssue, locator: Locator | null): ScenarioIssue {
  return {
    path: formatPath(issue.path),
    line: locator ? locator.lineAt(issue.path) : null,
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

// ---------------------------------------------------------------- public API

/** JSON text read: its value, where each part is, and any field given twice (not yet fatal). */
export type JsonRead =
  | { ok: true; value: unknown; locator: Locator; duplicateKeys: ScenarioIssue[] }
  | { ok: false; errors: ScenarioIssue[] };

/**
 * Read the JSON text of a file (`noun`: "scenario", "policy"): a located syntax error, or the
 * value with a locator for its issues. Throws only on a bug (callers catch, see `unexpected`).
 */
export function readJsonText(text: string, noun: string): JsonRead {
  if (typeof text !== 'string')
    return failure(`expected the text of a JSON file, got ${describeValue(text)}`);
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') {
    return failure(`this file is empty — a ${noun} is a JSON object that starts with {`);
  }
  // Bounded before anything walks the text or the value (deep nesting overflows the stack).
  const deep = jsonTextDepthProblem(source);
  if (deep) return failure(`${deep.message} (column ${deep.column})`, deep.line);
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const locator = new Locator(source, root);
  if (errors.length > 0) return { ok: false, errors: [syntaxIssue(errors, source, locator, noun)] };
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failure(`this is not valid JSON (${detail})`);
  }
  const duplicateKeys = root ? duplicateKeyIssues(root, locator) : [];
  return { ok: true, value, locator, duplicateKeys };
}

/** Parse and check scenario JSON text. Never throws. */
export function parseScenario(text: string): ScenarioResult {
  try {
    const read = readJsonText(text, 'scenario');
    if (!read.ok) return read;
    const result = check(read.value, read.locator);
    if (read.duplicateKeys.length === 0) return result;
    return {
      ok: false,
      errors: finish([...read.duplicateKeys, ...(result.ok ? [] : result.errors)]),
    };
  } catch (error) {
    return unexpected(error);
  }
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

export { MAX_SCENARIO_BYTES };

/**
 * A file as the browser gives it: its size, and its bytes (or, in some tests, its text). A browser
 * `File` or `Blob` is one; the engine names no DOM type (it compiles without the DOM).
 */
export interface PickedFile {
  size: number;
  arrayBuffer?(): Promise<ArrayBuffer>;
  text?(): Promise<string>;
}

/**
 * A picked or dropped file's text, read and decoded the way the command line reads files
 * (src/engine/scenario/input.ts), refused over `limit` bytes. Never rejects.
 */
export async function readPickedFile(
  file: PickedFile,
  limit: number,
  what: string,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    if (file.size > limit) return { ok: false, message: tooLargeMessage(file.size, limit, what) };
    if (file.arrayBuffer) return decodeFileBytes(new Uint8Array(await file.arrayBuffer()));
    if (file.text) return { ok: true, text: await file.text() };
    return { ok: false, message: 'the file could not be read' };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `the file could not be read (${detail})` };
  }
}

/**
 * Check a file the user picked or dropped in the browser. Never rejects: a file that cannot be
 * read or is too large comes back as an issue, like any other problem.
 */
export async function parseScenarioFile(file: PickedFile): Promise<ScenarioResult> {
  const read = await readPickedFile(file, MAX_SCENARIO_BYTES, 'a scenario');
  return read.ok ? parseScenario(read.text) : failure(read.message);
}
