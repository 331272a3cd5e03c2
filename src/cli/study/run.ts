// Running a study from the command line: print a scheduler's script (--emit), or play the whole
// study or one shard of it on worker threads, then print the report or write a part file (--out).

import { renameSync, writeFileSync } from 'node:fs';
import { shardUnits, unitRanges } from '../../engine/batch/shard';
import type { StudyTally } from '../../engine/batch/study';
import { ENGINE_VERSION } from '../../engine/record';
import { kubernetesManifest, slurmScript } from './emit';
import type { StudyOptions } from './options';
import { partText } from './part';
import { playStudy, unitGames } from './play';
import { applySettings } from '../../engine/batch/sweepParameters';
import { loadScenarioFile } from '../commands/scenarioFile';
import { checkLabs } from './settingArgs';
import { buildStudy, type Study, type StudySpec } from './spec';

/** How the figures were made: timing and threads, or the parts they were merged from. */
export interface RunInfo {
  seconds: number;
  threads: number;
  fallback: string | null;
  /** Merged from this many part files (null: played here). */
  parts: number | null;
}

export type Report = (tally: StudyTally, info: RunInfo) => void;

/** "this thread", "2 worker threads", or where a merge's games were played. */
export function whereText(info: RunInfo): string {
  if (info.parts !== null) return `${info.parts} parts, merged`;
  if (info.threads > 0) return `${info.threads} worker threads`;
  return info.fallback
    ? `this thread (worker threads unavailable: ${info.fallback})`
    : 'this thread';
}

/**
 * The opening of a study's --json (`sim batch`, `sim sweep`): the engine, the scenario, the seeds
 * and the --set settings every game shares, so the file says what reproduces it.
 */
export function studyJsonHead(study: Study) {
  const { scenario, spec } = study;
  return {
    engine: ENGINE_VERSION,
    scenario: { id: scenario.id, title: scenario.title },
    seed: spec.seed,
    runs: spec.runs,
    settings: Object.fromEntries(spec.settings.map((s) => [s.id, s.value])),
  };
}

/** Write `text` to `path` whole or not at all (a reader never sees half a part). */
function writeWhole(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

export function runStudy(
  study: Study,
  workers: number,
  options: StudyOptions,
  report: Report,
  out: (line: string) => void,
  err: (line: string) => void,
): number | Promise<number> {
  const { spec } = study;
  if (options.emit) {
    const { target, options: o } = options.emit;
    const text =
      target === 'slurm'
        ? slurmScript(spec, o)
        : `${JSON.stringify(kubernetesManifest(spec, o), null, 2)}\n`;
    for (const line of text.replace(/\n$/, '').split('\n')) out(line);
    return 0;
  }
  const shard = options.shard ?? { k: 1, n: 1 };
  const cells = study.cells.length;
  const units = shardUnits(cells, spec.runs, study.games.paired, shard.k, shard.n);
  const started = performance.now();
  const total = unitGames(units, cells);
  const progress = progressLine(total, started);
  return playStudy(study.games, units, workers, progress.update).then(
    (played) => {
      progress.clear();
      const seconds = (performance.now() - started) / 1000;
      if (options.out === null) {
        report(played.tally, {
          seconds,
          threads: played.threads,
          fallback: played.fallback,
          parts: null,
        });
        return 0;
      }
      const text = partText({
        engine: ENGINE_VERSION,
        spec,
        scenario: { id: study.written.id, title: study.written.title, data: study.written },
        shard,
        ranges: unitRanges(units, cells),
        tally: played.tally,
        seconds,
        threads: played.threads,
      });
      try {
        writeWhole(options.out, text);
      } catch (e) {
        err(`error: cannot write ${options.out}: ${e instanceof Error ? e.message : String(e)}`);
        return 1;
      }
      out(
        `wrote shard ${shard.k}/${shard.n} (${unitGames(units, cells)} games in ${seconds.toFixed(2)} s) to ${options.out}`,
      );
      return 0;
    },
    (e: unknown) => {
      progress.clear();
      err(`error: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    },
  );
}

/**
 * Progress on the terminal while games play: one line on stderr, rewritten at most once a
 * second, only when stderr is a terminal (never in pipes, files or tests), cleared at the end.
 */
function progressLine(
  total: number,
  started: number,
): { update: (done: number) => void; clear: () => void } {
  const tty = process.stderr.isTTY === true;
  let shown = 0;
  let last = started;
  return {
    update: (done) => {
      const now = performance.now();
      if (!tty || now - last < 1000) return;
      last = now;
      const rate = done / ((now - started) / 1000);
      const left = rate > 0 ? Math.round((total - done) / rate) : 0;
      const text = `${done} of ${total} games (${Math.round((100 * done) / total)}%), about ${left} s left`;
      process.stderr.write(`\r${text.padEnd(shown)}`);
      shown = text.length;
    },
    clear: () => {
      if (tty && shown > 0) process.stderr.write(`\r${' '.repeat(shown)}\r`);
    },
  };
}

/** A study command's reading of its command line. */
export interface StudyCommand {
  spec: StudySpec;
  workers: number;
  options: StudyOptions;
  /** What to print once the games are played (or merged). */
  report(study: Study, out: (line: string) => void): Report;
}

/** What every study command reads from its command line, whatever else it reads. */
export interface StudyArgs {
  file: string;
  runs: number;
  seed: number;
  settings: StudySpec['settings'];
  workers: number;
  /** --shard/--out/--emit. */
  study: StudyOptions;
}

/** A study command's reading, from the arguments all share and the command's own grid or arms. */
export function studyCommand(
  command: StudySpec['command'],
  args: StudyArgs,
  shape: Pick<StudySpec, 'grid' | 'arms'>,
  report: StudyCommand['report'],
): StudyCommand {
  return {
    // In this order: the spec is written into part files and read back by `sim merge`.
    spec: {
      command,
      file: args.file,
      settings: args.settings,
      grid: shape.grid,
      arms: shape.arms,
      runs: args.runs,
      seed: args.seed,
    },
    workers: args.workers,
    options: args.study,
    report,
  };
}

/**
 * `sim batch` and `sim sweep`: --help, or read the command line and the scenario (every lab a
 * setting names must exist), then run. Bad arguments or an unreadable scenario: one `error: …`
 * line and exit code 2, returned at once; otherwise a promise of the exit code.
 */
export function runStudyCommand(
  argv: string[],
  usage: readonly string[],
  parse: (argv: string[]) => StudyCommand,
  out: (line: string) => void,
  err: (line: string) => void,
): number | Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    for (const line of usage) out(line);
    return 0;
  }
  let command: StudyCommand;
  let study: Study;
  try {
    command = parse(argv);
    const { spec } = command;
    const written = loadScenarioFile(spec.file);
    checkLabs(
      written,
      spec.settings.map((s) => s.id),
      '--set',
    );
    const scenario = applySettings(written, spec.settings);
    checkLabs(
      scenario,
      spec.grid.map((a) => a.id),
      '--grid',
    );
    for (const arm of spec.arms) {
      checkLabs(
        scenario,
        arm.settings.map((s) => s.id),
        `--compare "${arm.text}":`,
      );
    }
    study = buildStudy(spec, written);
  } catch (e) {
    err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  return runStudy(study, command.workers, command.options, command.report(study, out), out, err);
}
