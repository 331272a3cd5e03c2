// `npm run sim -- batch <scenario> --runs N [--seed S] [--set key=value …] [--workers W] [--json]`:
// many bot games of one scenario, outcome frequencies with Wilson 95% intervals, and games/s.
//
// The games run on worker threads (../study/play.ts) and are counted into tallies that merge
// exactly (game i is always played with seed S + i), so the result is the same with any number of
// workers, and memory stays flat whatever --runs is. `--shard K/N --out FILE` plays one part for
// `sim merge`; `--emit slurm|kubernetes` prints a scheduler's script (../study).

import { availableParallelism } from 'node:os';
import {
  armLabel,
  emptyPairTally,
  pairRows,
  type ComparisonRow,
  type Setting,
} from '../../engine/batch/compare';
import { inertNote } from '../../engine/batch/inert';
import { HEADLINE_OUTCOMES, type OutcomeStats } from '../../engine/batch/runBatch';
import type { StudyTally } from '../../engine/batch/study';
import { emptyTally, tallyStats } from '../../engine/batch/tally';
import { sweepParameter } from '../../engine/batch/sweepParameters';
import { levelName } from '../../engine/scenarioNames';
import { percent, signedDifference } from '../../engine/numbers';
import { ENGINE_VERSION } from '../../engine/record';
import { PAUSE_CAUSES, type PauseCause, type Scenario } from '../../engine/types';
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
  parseArm,
  parseSetting,
} from '../study/settingArgs';
import type { Study, StudySpec } from '../study/spec';
import { CliError, loadScenarioFile } from './scenarioFile';
import { PAIRED_INTERVAL } from '../../explorer/exportHeader';

const PAUSE_CAUSE_WORDS: Record<PauseCause, string> = {
  ownPolicy: 'own policy',
  agreement: 'pause agreement',
  regulator: 'regulator',
  choice: 'own choice',
};

export const BATCH_USAGE = [
  'usage: sim batch <scenario> --runs N [--seed S] [--set key=value …] [--compare "<arm>" …] [--workers W] [--json] [--shard K/N --out FILE | --emit slurm|kubernetes]',
  'Plays N games with bots in every seat (game i with seed S + i) and prints how often each',
  'outcome happened, with Wilson 95% intervals. <scenario> is a file or a shipped scenario id.',
  '  --runs N         number of games, 1 to 1000000 (with --compare: 2 to 1000000 per arm)',
  '  --seed S         seed of the first game (default 1)',
  '  --set key=value  change a parameter first (repeatable): a sweep parameter such as',
  '                   labs, evalSensitivity, bindingShare, information, rounds, or any model',
  '                   parameter such as competitivePressure or regulationLag; or one lab:',
  '                   strategy.<lab>=<strategy>  pauseFrom.<lab>=<quarter, 0 = never>',
  '                   binding.<lab>=true|false   inPauseAgreement.<lab>=true|false',
  '                   policy.<lab>=<policy id>   (in scenarios with several policies)',
  '  --compare "<arm>" an arm to compare with the baseline (the scenario with its --sets):',
  '                   settings like the above, separated by spaces or commas, e.g.',
  '                   --compare "pauseFrom.aster=5" --compare "evalSensitivity=0.9 labs=3".',
  '                   Every arm plays the same seeds; each outcome is reported as arm − baseline',
  '                   with a paired 95% interval. Repeatable, up to 8 arms.',
  '  --workers W      worker threads (default: one per 10,000 games, up to all cores; 1 = this thread)',
  '  --json           print one JSON object instead of a summary',
  ...STUDY_USAGE,
];

const MAX_RUNS = 1_000_000;
const MAX_ARMS = 8;

export interface BatchArgs {
  file: string;
  runs: number;
  seed: number;
  settings: Setting[];
  /** Arms to compare with the baseline (empty: no comparison). */
  compare: { text: string; settings: Setting[] }[];
  workers: number;
  json: boolean;
  /** --shard/--out/--emit. */
  study: StudyOptions;
}

/** Read the command line, or throw a CliError whose message is the one line to print. */
export function parseBatchArgs(
  argv: string[],
  cores = availableParallelism(),
  scenarioOf?: (file: string) => Scenario,
): BatchArgs {
  const { values, positionals } = parseCliArgs(argv, {
    runs: { type: 'string' },
    seed: { type: 'string' },
    set: { type: 'string', multiple: true },
    compare: { type: 'string', multiple: true },
    workers: { type: 'string' },
    json: { type: 'boolean', default: false },
    ...STUDY_OPTIONS,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError(BATCH_USAGE[0] as string);
  const runs = wholeNumberOption('runs', values.runs, 1, MAX_RUNS);
  if (runs === undefined) throw new CliError('--runs N is required (how many games to play)');
  const seed = wholeNumberOption('seed', values.seed, 0, 2 ** 32 - 1) ?? 1;
  // The scenario names the choices of levers that depend on it (a lab's policy).
  const scenario = scenarioOf?.(file);
  const settings = (values.set ?? []).map((raw) => parseSetting(raw, '--set', scenario));
  noRepeats(settings, '--set');
  const compare = (values.compare ?? []).map((raw) => parseArm(raw, scenario));
  if (compare.length > MAX_ARMS) {
    throw new CliError(`--compare: at most ${MAX_ARMS} arms, got ${compare.length}`);
  }
  if (compare.length > 0 && runs < 2) {
    throw new CliError(
      `--runs must be from 2 to ${MAX_RUNS} with --compare (pairs need two games), got ${runs}`,
    );
  }
  const workers =
    wholeNumberOption('workers', values.workers, 1, MAX_WORKERS) ??
    defaultWorkers(runs * (compare.length + 1), cores);
  const study = parseStudyOptions(values);
  return { file, runs, seed, settings, compare, workers, json: values.json ?? false, study };
}

const pct = (x: number): string => percent(x, 1);

function summaryLines(
  scenario: Scenario,
  args: Pick<StudySpec, 'settings' | 'seed'>,
  stats: OutcomeStats,
  info: RunInfo,
): string[] {
  const settings = args.settings.length
    ? args.settings
        .map((s) => `${s.id}=${sweepParameter(s.id)?.format(s.value) ?? s.value}`)
        .join(', ')
    : 'as written';
  const lines = [
    `${scenario.title} (${scenario.id}) — ${stats.games} games, seeds ${args.seed}…${args.seed + stats.games - 1}, engine ${ENGINE_VERSION}`,
    `settings: ${settings}; ${scenario.labs.length} labs, ${scenario.rounds} quarters`,
    '',
    'outcome                              share    95% interval',
  ];
  const row = (label: string, p: OutcomeStats['catastrophe'], extra = ''): string =>
    `${label.padEnd(34)} ${pct(p.p).padStart(7)}    ${pct(p.lo)} – ${pct(p.hi)}${extra}`;
  for (const { key, label } of HEADLINE_OUTCOMES) lines.push(row(label.toLowerCase(), stats[key]));
  lines.push(row('regulator halt', stats.regulatorHalt));
  lines.push(
    row(
      'crossings missed',
      stats.crossingsMissed,
      `   (${stats.crossingsMissed.count} of ${stats.crossingsMissed.n} crossings, at the first eval after each)`,
    ),
  );
  lines.push(
    row(
      'crossings unseen',
      stats.crossingsUnseen,
      `   (${stats.crossingsUnseen.count} of ${stats.crossingsUnseen.n} quarters past a threshold, by the latest evals)`,
    ),
  );
  lines.push('', 'paused lab-quarters, by cause (share of all lab-quarters):');
  for (const cause of PAUSE_CAUSES) {
    lines.push(row(`  ${PAUSE_CAUSE_WORDS[cause]}`, stats.pauseByCause[cause]));
  }
  lines.push(
    '',
    `${'per lab'.padEnd(42)} own-policy pause  breaking commitment  caused catastrophe   leads  mean final share`,
  );
  for (const lab of scenario.labs) {
    const l = stats.perLab[lab.id];
    if (!l) continue;
    lines.push(
      `  ${`${lab.name} (${lab.strategy})`.slice(0, 40).padEnd(40)} ${pct(l.ownPolicyPause.p).padStart(16)}  ${pct(l.brokenCommitment.p).padStart(19)}  ${pct(l.catastrophesCaused.p).padStart(18)}  ${pct(l.leads.p).padStart(6)}  ${pct(l.meanFinalShare).padStart(16)}`,
    );
  }
  lines.push('', 'first full deployment of a model truly at or above each level:');
  for (const d of stats.firstDeployment) {
    const name = levelName(scenario, d.levelId);
    lines.push(
      `  ${name.padEnd(18)} in ${pct(d.deployed.p).padStart(6)} of games` +
        (d.median === null ? '' : `, median quarter ${d.median}`),
    );
  }
  lines.push(
    '',
    `${stats.games} games in ${info.seconds.toFixed(2)} s: ${Math.round(stats.games / info.seconds)} games/s on ${whereText(info)}`,
  );
  return lines;
}

// ---------------------------------------------------------------- comparisons

/** "+1.2 points (−0.4 to +2.8)" or "+0.31 (…)" for means. */
function signedNumber(x: number, share: boolean): string {
  return signedDifference(x, share);
}

function comparisonLine(row: ComparisonRow): string {
  const share = row.kind === 'share';
  const level = (x: number): string => (share ? pct(x) : x.toFixed(2));
  const interval =
    row.lo === null || row.hi === null
      ? 'no interval'
      : `${signedNumber(row.lo, share)} to ${signedNumber(row.hi, share)}`;
  return `  ${row.label.slice(0, 58).padEnd(58)} ${level(row.a).padStart(7)} → ${level(row.b).padEnd(7)} ${signedNumber(row.diff, share).padStart(7)}${share ? ' pts' : '    '}  (${interval})`;
}

function comparisonReport(
  study: Study,
  tally: StudyTally,
  info: RunInfo,
  json: boolean,
  out: (line: string) => void,
): void {
  const { spec, scenario } = study;
  const arms = study.cells.slice(1);
  const results = arms.map((arm, i) => {
    const pair = tally.pairs?.[i] ?? emptyPairTally();
    const note =
      pair.differing === 0
        ? inertNote(
            scenario,
            arm.settings.map((s) => ({ id: s.id, values: [s.value] })),
          )
        : null;
    return { arm, rows: pairRows(arm.name, pair, scenario), note };
  });
  const baseName = spec.settings.length ? armLabel(spec.settings, scenario) : 'as written';
  if (json) {
    out(
      JSON.stringify({
        ...studyJsonHead(study),
        baseline: baseName,
        arms: results.map((r) => ({
          arm: r.arm.name,
          settings: Object.fromEntries(r.arm.settings.map((s) => [s.id, s.value])),
          identicalToBaseline: r.note !== null,
          note: r.note,
        })),
        interval: PAIRED_INTERVAL,
        neverDeployed: `time to first deployment counts a game where it never happened as rounds + 1`,
        workers: info.threads,
        seconds: info.seconds,
        comparisons: results.flatMap((r) =>
          r.rows.map(({ arm, outcome, a, b, diff, lo, hi, n }) => ({
            arm,
            outcome,
            a,
            b,
            diff,
            lo,
            hi,
            n,
          })),
        ),
      }),
    );
    return;
  }
  out(
    `${scenario.title} (${scenario.id}) — paired comparison, ${spec.runs} games per arm, seeds ${spec.seed}…${spec.seed + spec.runs - 1}, engine ${ENGINE_VERSION}`,
  );
  out(`baseline: ${baseName}; every arm plays the same seeds`);
  out(
    'each row: baseline → arm, the difference (arm − baseline; shares in percentage points) and its paired 95% interval',
  );
  for (const r of results) {
    out('');
    out(`arm: ${r.arm.name}`);
    if (r.note) {
      out(`  note: every game came out exactly as in the baseline: ${r.note}.`);
    }
    for (const row of r.rows) out(comparisonLine(row));
  }
  out('');
  out(
    `time to first deployment: mean quarter; a game where it never happened counts as the last quarter + 1 (${scenario.rounds + 1}).`,
  );
  out(
    `${spec.runs * study.cells.length} games in ${info.seconds.toFixed(2)} s (${study.cells.length} arms) on ${whereText(info)}.`,
  );
}

/** What `sim batch` prints for a study's tally: also what `sim merge` prints for its parts. */
export function batchReport(study: Study, json: boolean, out: (line: string) => void): Report {
  return (tally, info) => {
    if (study.games.paired) {
      comparisonReport(study, tally, info, json, out);
      return;
    }
    const stats = tallyStats(tally.cells[0] ?? emptyTally(study.games.levelIds));
    if (json) {
      out(
        JSON.stringify({
          ...studyJsonHead(study),
          workers: info.threads,
          fallback: info.fallback,
          seconds: info.seconds,
          gamesPerSecond: stats.games / info.seconds,
          stats,
        }),
      );
    } else {
      for (const line of summaryLines(study.scenario, study.spec, stats, info)) out(line);
    }
  };
}

/**
 * `sim batch`. Bad arguments or an unreadable scenario: one `error: …` line through `err` and
 * exit code 2, returned at once. Otherwise a promise of 0 once the games are played and printed.
 */
export function runBatch(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void = out,
): Promise<number> | number {
  return runStudyCommand(
    argv,
    BATCH_USAGE,
    (words) => {
      const args = parseBatchArgs(words, undefined, loadScenarioFile);
      return studyCommand('batch', args, { grid: [], arms: args.compare }, (study, print) =>
        batchReport(study, args.json, print),
      );
    },
    out,
    err,
  );
}
