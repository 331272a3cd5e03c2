// `npm run sim -- sweep <scenario> --grid key=v1,v2,… [--grid …] --runs N …`: the Explorer's sweep
// on the command line. Every combination of the grid's values (first --grid major) plays the same
// seeds; the table, --json and --csv come from the same code as the Explorer's table and exports.
// Memory grows with the number of settings, not of games (each setting is a tally).

import { availableParallelism } from 'node:os';
import { inertNote } from '../../engine/batch/inert';
import type { SweepAxis, SweepSpec } from '../../engine/batch/sweep';
import type { StudyTally } from '../../engine/batch/study';
import { tallyStats } from '../../engine/batch/tally';
import { ENGINE_VERSION } from '../../engine/record';
import type { Scenario } from '../../engine/types';
import {
  cellsJson,
  pct,
  REPORTED_OUTCOMES,
  resultsCsv,
  type CellResult,
} from '../../explorer/results';
import { sweepParameter } from '../../engine/batch/sweepParameters';
import { parseCliArgs, wholeNumberOption } from '../args';
import { parseStudyOptions, STUDY_OPTIONS, STUDY_USAGE, type StudyOptions } from '../study/options';
import {
  runStudyCommand,
  studyCommand,
  studyJsonHead,
  whereText,
  type Report,
  type RunInfo,
} from '../study/run';
import {
  MAX_WORKERS,
  defaultWorkers,
  noRepeats,
  parseAxis,
  parseSetting,
} from '../study/settingArgs';
import type { Study } from '../study/spec';
import { CliError, loadScenarioFile } from './scenarioFile';

export const SWEEP_USAGE = [
  'usage: sim sweep <scenario> --grid key=v1,v2,… [--grid …] --runs N [--seed S] [--set key=value …] [--workers W] [--json | --csv] [--shard K/N --out FILE | --emit slurm|kubernetes]',
  'Plays N games at every combination of the grid (game i with seed S + i at every setting, so',
  'settings differ by their effect, not their luck) and prints how often each outcome happened.',
  '  --grid key=v1,v2 a lever and its values (repeatable: every combination is played). Keys as',
  '                   for sim batch --set, per-lab levers too: --grid strategy.aster=safety-first,',
  '                   race-to-deploy  --grid pauseFrom.aster=0,5,10  --grid evalSensitivity=0.3,0.9',
  '  --runs N         games per setting, 1 to 1000000',
  '  --seed S         seed of the first game (default 1)',
  '  --set key=value  change a parameter of every setting first (repeatable)',
  '  --workers W      worker threads (default: one per 10,000 games, up to all cores; 1 = this thread)',
  '  --json           print one JSON object (the Explorer\'s "cells": settings and statistics)',
  "  --csv            print the Explorer's CSV export of the same sweep",
  ...STUDY_USAGE,
];

export const SWEEP_CLI_LIMITS = { axes: 10, valuesPerAxis: 100, cells: 1_000_000, runs: 1_000_000 };

export interface SweepArgs {
  file: string;
  grid: SweepAxis[];
  runs: number;
  seed: number;
  settings: { id: string; value: number }[];
  workers: number;
  format: 'text' | 'json' | 'csv';
  study: StudyOptions;
}

export function parseSweepArgs(
  argv: string[],
  cores = availableParallelism(),
  scenarioOf?: (file: string) => Scenario,
): SweepArgs {
  const { values, positionals } = parseCliArgs(argv, {
    grid: { type: 'string', multiple: true },
    runs: { type: 'string' },
    seed: { type: 'string' },
    set: { type: 'string', multiple: true },
    workers: { type: 'string' },
    json: { type: 'boolean', default: false },
    csv: { type: 'boolean', default: false },
    ...STUDY_OPTIONS,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError(SWEEP_USAGE[0] as string);
  // The scenario names the choices of levers that depend on it (a lab's policy).
  const scenario = scenarioOf?.(file);
  const grid = (values.grid ?? []).map((raw) =>
    parseAxis(raw, SWEEP_CLI_LIMITS.valuesPerAxis, scenario),
  );
  if (grid.length === 0) throw new CliError('--grid key=v1,v2,… is required (what to sweep)');
  if (grid.length > SWEEP_CLI_LIMITS.axes) {
    throw new CliError(`--grid: at most ${SWEEP_CLI_LIMITS.axes} levers, got ${grid.length}`);
  }
  noRepeats(grid, '--grid');
  const cells = grid.reduce((n, a) => n * a.values.length, 1);
  if (cells > SWEEP_CLI_LIMITS.cells) {
    throw new CliError(`--grid: ${cells} settings; the limit is ${SWEEP_CLI_LIMITS.cells}`);
  }
  const runs = wholeNumberOption('runs', values.runs, 1, SWEEP_CLI_LIMITS.runs);
  if (runs === undefined) throw new CliError('--runs N is required (games per setting)');
  const seed = wholeNumberOption('seed', values.seed, 0, 2 ** 32 - 1) ?? 1;
  const settings = (values.set ?? []).map((raw) => parseSetting(raw, '--set', scenario));
  noRepeats(settings, '--set');
  const both = settings.find((s) => grid.some((a) => a.id === s.id));
  if (both) throw new CliError(`${both.id} is both --set and --grid: give it in one of them`);
  if (values.json && values.csv) throw new CliError('--json or --csv, not both');
  const workers =
    wholeNumberOption('workers', values.workers, 1, MAX_WORKERS) ??
    defaultWorkers(runs * cells, cores);
  return {
    file,
    grid,
    runs,
    seed,
    settings,
    workers,
    format: values.json ? 'json' : values.csv ? 'csv' : 'text',
    study: parseStudyOptions(values),
  };
}

/** The Explorer's view of a finished sweep: its spec and each setting's statistics. */
function sweepResults(study: Study, tally: StudyTally): { spec: SweepSpec; cells: CellResult[] } {
  const spec: SweepSpec = {
    scenarioId: study.scenario.id,
    params: study.spec.grid,
    runs: study.spec.runs,
    seed: study.spec.seed,
  };
  const cells = study.cells.map((c, index) => {
    const t = tally.cells[index];
    return {
      cell: { index, at: [], settings: c.settings },
      stats: t ? tallyStats(t) : null,
    };
  });
  return { spec, cells };
}

/** Every setting played every game and they all gave the same games (by fingerprint). */
function allIdentical(study: Study, tally: StudyTally): boolean {
  const [first, ...rest] = tally.cells;
  if (!first || rest.length === 0) return false;
  return tally.cells.every(
    (t) =>
      t !== null &&
      t.games === study.spec.runs &&
      t.fingerprint[0] === first.fingerprint[0] &&
      t.fingerprint[1] === first.fingerprint[1],
  );
}

/** The table's columns: the headline outcomes and the regulator, under short names. */
const COLUMNS = REPORTED_OUTCOMES.slice(0, 5).map((o, i) => ({
  ...o,
  short: ['catastrophe', 'any incident', 'any pause', 'broken commit.', 'regulator halt'][
    i
  ] as string,
}));

/** What `sim sweep` prints for a study's tally: also what `sim merge` prints for its parts. */
export function sweepReport(
  study: Study,
  format: SweepArgs['format'],
  out: (line: string) => void,
): Report {
  return (tally: StudyTally, info: RunInfo) => {
    const { spec, cells } = sweepResults(study, tally);
    const { scenario } = study;
    const identical = allIdentical(study, tally);
    const note = identical ? inertNote(scenario, study.spec.grid) : null;
    if (format === 'csv') {
      const text = resultsCsv(
        spec,
        scenario.levels.map((l) => l.id),
        cells,
        scenario.labs.map((l) => l.id),
      );
      // The Explorer's CSV row for row; lines end as the terminal's do (LF), not RFC 4180's CRLF.
      for (const line of text.replace(/\r\n$/, '').split('\r\n')) out(line);
      return;
    }
    if (format === 'json') {
      out(
        JSON.stringify({
          ...studyJsonHead(study),
          sweep: spec,
          identical,
          note,
          workers: info.threads,
          fallback: info.fallback,
          seconds: info.seconds,
          cells: cellsJson(cells),
        }),
      );
      return;
    }
    const set = study.spec.settings.length
      ? study.spec.settings
          .map((s) => `${s.id}=${sweepParameter(s.id)?.format(s.value) ?? s.value}`)
          .join(', ')
      : 'as written';
    const axes = study.spec.grid.map((a) => `${a.id} (${a.values.length})`).join(' × ');
    out(
      `${scenario.title} (${scenario.id}) — sweep of ${axes}: ${cells.length} settings × ${study.spec.runs} games, seeds ${study.spec.seed}…${study.spec.seed + study.spec.runs - 1}, engine ${ENGINE_VERSION}`,
    );
    out(
      `settings of every cell: ${set}; share of games (or of lab-quarters), 95% intervals in the --json and --csv`,
    );
    out('');
    const names = study.cells.map((c) => c.name);
    const width = Math.min(60, Math.max(7, ...names.map((n) => n.length)));
    out(
      `${'setting'.padEnd(width)}  ${'games'.padStart(7)}  ${COLUMNS.map((c) => c.short.padStart(14)).join('  ')}`,
    );
    cells.forEach(({ stats }, i) => {
      const name = (names[i] as string).slice(0, width).padEnd(width);
      const figures = COLUMNS.map((c) => (stats ? pct(c.value(stats).p) : '–').padStart(14));
      out(`${name}  ${String(stats?.games ?? 0).padStart(7)}  ${figures.join('  ')}`);
    });
    if (note) {
      out('');
      out(`note: every setting gave exactly the same games: ${note}.`);
    }
    const games = cells.reduce((n, c) => n + (c.stats?.games ?? 0), 0);
    out('');
    out(
      `${games} games in ${info.seconds.toFixed(2)} s: ${Math.round(games / info.seconds)} games/s on ${whereText(info)}`,
    );
  };
}

/**
 * `sim sweep`. Bad arguments or an unreadable scenario: one `error: …` line and exit code 2.
 * Otherwise a promise of 0 once the games are played and printed (or the part written).
 */
export function runSweep(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void = out,
): Promise<number> | number {
  return runStudyCommand(
    argv,
    SWEEP_USAGE,
    (words) => {
      const args = parseSweepArgs(words, undefined, loadScenarioFile);
      return studyCommand('sweep', args, { grid: args.grid, arms: [] }, (study, print) =>
        sweepReport(study, args.format, print),
      );
    },
    out,
    err,
  );
}
