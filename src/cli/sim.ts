// The headless runner: `npm run sim -- <command> …`. Every failure is one line and a non-zero
// exit, never a stack trace.
import { runAbs } from './commands/abs';
import { runBatch } from './commands/batch';
import { runMerge } from './commands/merge';
import { runSweep } from './commands/sweep';
import { runPlay } from './commands/play';
import { runScorecard } from './commands/scorecard';
import { CliError } from './commands/scenarioFile';
import { runValidate } from './commands/validate';
import { exitQuietlyWhenOutputCloses, lineWriter, type LineWriter } from './output';

const USAGE = [
  'usage: npm run sim -- <command> [options]',
  '  play <scenario-file> [--seed N] [--rounds N] [--json]   play a game with bots in every seat',
  '  validate <scenario-file> [...]                          check scenario files',
  '  batch <scenario> --runs N [--seed S] [--set key=value …] [--workers W] [--json]',
  '                                                          outcome frequencies over many bot games',
  '  sweep <scenario> --grid key=v1,v2,… [--grid …] --runs N [--json | --csv]',
  '                                                          the same at every combination of settings',
  '  scorecard <scenario> --lab <id> --policies a,b[,file.json] [--grid key=v1,v2 …] --runs N [--json | --csv]',
  '                                                          policies side by side for one lab, paired',
  '  merge <part.json> …                                     merge the parts of a --shard K/N run',
  '  abs --teams N --enmity E --skill MU --info none|private|public --runs R --seed S [--json]',
  '                                                          the Armstrong–Bostrom–Shulman race model',
].join('\n');

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  // Every line printed is made terminal-safe (src/cli/output.ts).
  const out = lineWriter(process.stdout);
  const err = lineWriter(process.stderr);
  const usage = (write: LineWriter) => USAGE.split('\n').forEach((line) => write(line));
  try {
    switch (command) {
      case 'play':
        return runPlay(rest, out);
      case 'validate':
        return runValidate(rest, out, err);
      case 'abs':
        return runAbs(rest, out);
      case 'batch':
      case 'sweep': {
        // A run is asynchronous (worker threads); its promise never rejects and sets the exit code.
        const result = (command === 'batch' ? runBatch : runSweep)(rest, out, err);
        if (typeof result === 'number') return result;
        void result.then((code) => (process.exitCode = code));
        return 0;
      }
      case 'merge':
        return runMerge(rest, out, err);
      case 'scorecard':
        return runScorecard(rest, out);
      case undefined:
      case 'help':
      case '--help':
        usage(out);
        return command === undefined ? 2 : 0;
      default:
        err(`error: unknown command "${command}"`);
        usage(err);
        return 2;
    }
  } catch (e) {
    // parseArgs and our own checks raise errors whose message is already the one line to show.
    const message = e instanceof Error ? e.message : String(e);
    err(`error: ${message}`);
    return e instanceof CliError || (e instanceof TypeError && 'code' in e) ? 2 : 1;
  }
}

exitQuietlyWhenOutputCloses();
process.exitCode = main(process.argv.slice(2));
