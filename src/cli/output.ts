// Everything the command line prints goes through here. Each printed line is exactly one line on
// the terminal: control characters — from scenario text, file names or anywhere else — are shown
// as visible escapes (ESC as \u001b) rather than sent raw, so a file cannot recolour, move the
// cursor, clear the screen or forge lines. JSON output stays valid JSON (such characters only
// occur inside its strings, where \uXXXX means the same character). And output piped to a reader
// that stops early (`sim validate … | head -c 50`) ends the program quietly, without Node's
// EPIPE stack trace.

/**
 * C0 and C1 control characters and DEL, line and paragraph separators, and the bidirectional
 * overrides and isolates that reorder what a terminal shows.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print on one terminal line: control characters become visible \uXXXX escapes. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export type LineWriter = (line: string) => void;

interface Writable {
  write(text: string): unknown;
  on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown;
}

/** A writer of whole lines to `stream`, each made terminal-safe. */
export function lineWriter(stream: Pick<Writable, 'write'>): LineWriter {
  return (line) => void stream.write(`${terminalText(line)}\n`);
}

/**
 * When a reader closes the pipe early (EPIPE), stop at once and quietly, with the exit code so
 * far; any other output error ends the program with one line on stderr, if it can be written.
 */
export function exitQuietlyWhenOutputCloses(
  streams: Writable[] = [process.stdout, process.stderr],
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  for (const stream of streams) {
    stream.on('error', (error) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
        exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
        return;
      }
      try {
        process.stderr.write(
          `error: could not write the output (${terminalText(error.message)})\n`,
        );
      } catch {
        // Nowhere left to say it.
      }
      exit(1);
    });
  }
}
