// Limits on every JSON input — scenario files, saved games, share links, session files, projector
// messages — shared by the browser and the command line so that both accept and refuse the same
// files with the same words. Pure: no Node APIs, no DOM (TextDecoder is in both).

/** Scenario files larger than this are refused before reading (a scenario is a few kB). */
export const MAX_SCENARIO_BYTES = 1_000_000;

/**
 * Deepest nesting of lists and objects accepted in any JSON input. A scenario nests about 5
 * levels and a saved game about 9; past this, input is refused before anything walks it (deep
 * enough input would otherwise overflow the call stack of the checks that walk it).
 */
export const MAX_JSON_DEPTH = 64;

/** "1 MB", "5 MB", "850 kB": a byte count in the words the messages use. */
export function bytesInWords(bytes: number): string {
  if (bytes >= 1_000_000) {
    const mb = bytes / 1_000_000;
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

/** The message for a file over `limit` bytes (`what`: "a scenario", "a session file"). */
export function tooLargeMessage(size: number, limit: number, what: string): string {
  return `this file is too large to be ${what} (${bytesInWords(size)}; the limit is ${bytesInWords(limit)}) — is it the right file?`;
}

export interface DepthProblem {
  /** 1-based line and column of the bracket that goes one level too deep. */
  line: number;
  column: number;
  message: string;
}

function depthMessage(max: number): string {
  return `lists and objects are nested more than ${max} levels deep here — no Threshold file nests this deep; is it the right file?`;
}

/**
 * The first place where JSON text nests lists and objects deeper than `max`, or null. Reads the
 * text once, without recursion, skipping brackets inside "strings".
 */
export function jsonTextDepthProblem(text: string, max = MAX_JSON_DEPTH): DepthProblem | null {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      else if (c === 10) {
        line++;
        lineStart = i + 1;
      }
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth > max) return { line, column: i - lineStart + 1, message: depthMessage(max) };
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth = Math.max(0, depth - 1);
    }
  }
  return null;
}

/** Most lists, objects and values one input may hold (a large saved game holds about 100,000). */
export const MAX_JSON_NODES = 2_000_000;

/**
 * Why a value (already parsed, or structured-cloned from another window) cannot be checked: it
 * nests deeper than `max`, refers to itself, or is far too large — or null. Walks it without
 * recursion.
 */
export function valueDepthProblem(value: unknown, max = MAX_JSON_DEPTH): string | null {
  const ancestors = new Set<object>();
  // [value, depth] to visit it; [object, -1] to leave it.
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== 'object' || item === null) continue;
    if (depth < 0) {
      ancestors.delete(item);
      continue;
    }
    if (ancestors.has(item)) return 'it refers to itself, which no Threshold file does';
    if (depth >= max) return depthMessage(max);
    if (++nodes > MAX_JSON_NODES) return 'it holds far more than any Threshold file does';
    ancestors.add(item);
    stack.push([item, -1]);
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return null;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * A file's bytes as text, the same way in the browser and the command line: a byte-order mark
 * says UTF-8, UTF-16LE or UTF-16BE (and is dropped); without one the file must be UTF-8.
 */
export function decodeFileBytes(bytes: Uint8Array): DecodeResult {
  const [a, b, c] = bytes;
  let encoding = 'utf-8';
  let start = 0;
  if (a === 0xef && b === 0xbb && c === 0xbf) start = 3;
  else if (a === 0xff && b === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (a === 0xfe && b === 0xff) [encoding, start] = ['utf-16be', 2];
  try {
    return {
      ok: true,
      text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(
        bytes.subarray(start),
      ),
    };
  } catch {
    return {
      ok: false,
      message:
        encoding === 'utf-8'
          ? 'this file is not UTF-8 text — save it as UTF-8 (any text editor can) and try again'
          : `this file says it is ${encoding.toUpperCase()} text but is not — save it as UTF-8 and try again`,
    };
  }
}

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
 * (below), refused over `limit` bytes. Never rejects.
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
