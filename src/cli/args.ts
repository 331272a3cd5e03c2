// Command-line arguments, read the same way by every command: node:util's parseArgs, with a
// negative number accepted as an option's value (`--runs -5` reaches the range check and gets
// its one-line error, rather than parseArgs's three-line "ambiguous" message), every parse error
// turned into one line, and whole numbers accepted only as plain decimal integers ("16", not
// "0x10", "1e1", "" or " 16").

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './commands/scenarioFile';

/** A plain decimal integer, optionally negative: what a whole-number option accepts. */
const WHOLE_NUMBER = /^-?\d+$/;
/** A token that is a negative number, not an option ("-5", "-0.5"). */
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?([eE][+-]?\d+)?$/;

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs` for `argv` with `options` (positionals allowed). A string option followed by a
 * negative number takes it as its value. Throws a CliError with one line on any problem.
 */
export function parseCliArgs<T extends Options>(argv: string[], options: T) {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (
      name !== null &&
      !name.includes('=') &&
      options[name]?.type === 'string' &&
      next !== undefined &&
      NEGATIVE_NUMBER.test(next)
    ) {
      args.push(`${arg}=${next}`);
      i++;
    } else {
      args.push(arg);
    }
  }
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(message.split('\n')[0] ?? message);
  }
}

/**
 * A whole-number option's value: undefined when not given; otherwise a plain decimal integer
 * from `min` to `max`, or a CliError saying what was expected and what was given.
 */
export function wholeNumberOption(
  flag: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const n = WHOLE_NUMBER.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new CliError(`--${flag} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}
