// Reading a scenario: JSON text (a file, a drop, a paste) or an already-parsed value (a save, a
// share link) in; a typed `Scenario` or a list of located, plain-words issues out. Pure: no Node
// APIs, so the browser and the CLI share it. It never throws, whatever it is given. Checking a
// value is checkValue.ts; this file adds reading text, with lines and columns for every issue
// (jsonc-parser), which the browser fetches only when it has a text to read.

import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import {
  FILE,
  check,
  failure,
  finish,
  formatPath,
  locate as locateAt,
  unexpected,
  type ScenarioIssue,
  type ScenarioResult,
} from './checkValue';
import { MAX_SCENARIO_BYTES, jsonTextDepthProblem, readPickedFile, type PickedFile } from './input';
import { describeValue } from './words';
import type { PathSegment, RawIssue } from './semantics';

export {
  MAX_ISSUES,
  failure,
  finish,
  formatIssue,
  formatPath,
  pathOf,
  toRawIssue,
  unexpected,
  validateScenarioValue,
  type ScenarioIssue,
  type ScenarioResult,
} from './checkValue';
export { MAX_SCENARIO_BYTES, readPickedFile, type PickedFile };

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

// ---------------------------------------------------------------- public API

/** A raw issue with its path written out and, when the text is known, its line. */
export function locate(issue: RawIssue, locator: Locator | null): ScenarioIssue {
  return locateAt(issue, locator ? (path) => locator.lineAt(path) : null);
}

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
    const result = check(read.value, (path) => read.locator.lineAt(path));
    if (read.duplicateKeys.length === 0) return result;
    return {
      ok: false,
      errors: finish([...read.duplicateKeys, ...(result.ok ? [] : result.errors)]),
    };
  } catch (error) {
    return unexpected(error);
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
