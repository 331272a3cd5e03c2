// `npm run sim -- batch <scenario> --runs N [--seed S] [--set key=value …] [--workers W] [--json]`:
// many bot games of one scenario, outcome frequencies with Wilson 95% intervals, and games/s.
//
// The games run on node:worker_threads, one per core by default. This file is also the worker's
// entry: started as a worker it waits for chunks of games and sends back their summaries. Game i
// is always played with seed S + i, so the result is the same with any number of workers.
//
// Under tsx (how `npm run sim` runs), a worker started with `execArgv: ['--import', 'tsx']` cannot
// load a .ts entry on Node 20 (ERR_UNKNOWN_FILE_EXTENSION: the hooks register after the entry
// loads). So the worker starts from a one-line ES module that registers tsx through its API, then
// imports this file. Without tsx, or if a worker fails, the games run in this thread instead.

import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  HEADLINE_OUTCOMES,
  aggregate,
  runGames,
  type GameSummary,
  type OutcomeStats,
} from '../../engine/batch/runBatch';
import { addChunk, cellSummaries, emptyProgress, planChunks } from '../../engine/batch/sweep';
import {
  armLabel,
  armScenario,
  compareSummaries,
  identicalGames,
  type ComparisonRow,
  type Setting,
} from '../../engine/batch/compare';
import { inertReason } from '../../engine/batch/inert';
import {
  LAB_LEVER_KINDS,
  SWEEP_PARAMETERS,
  allowedValues,
  applySettings,
  checkValue,
  parseValue,
  settingProblem,
  sweepParameter,
} from '../../engine/batch/sweepParameters';
import { levelName } from '../../engine/explain';
import { ENGINE_VERSION } from '../../engine/record';
import { closest } from '../../engine/scenario/schema';
import { PAUSE_CAUSES, type PauseCause, type Scenario } from '../../engine/types';
import { parseCliArgs, wholeNumberOption } from '../args';
import { CliError, loadScenarioFile } from './scenarioFile';

const PAUSE_CAUSE_WORDS: Record<PauseCause, string> = {
  ownPolicy: 'own policy',
  agreement: 'pause agreement',
  regulator: 'regulator',
  choice: 'own choice',
};

export const BATCH_USAGE = [
  'usage: sim batch <scenario> --runs N [--seed S] [--set key=value …] [--compare "<arm>" …] [--workers W] [--json]',
  'Plays N games with bots in every seat (game i with seed S + i) and prints how often each',
  'outcome happened, with Wilson 95% intervals. <scenario> is a file or a shipped scenario id.',
  '  --runs N         number of games, 1 to 1000000 (with --compare: 2 to 100000 per arm)',
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
  '                   with a paired 95% interval. Repeatable, up to 8 arms. Every game summary',
  '                   is kept in memory to pair them, hence the 100000-game limit per arm.',
  '  --workers W      worker threads (default: one per 10,000 games, up to all cores; 1 = this thread)',
  '  --json           print one JSON object instead of a summary',
];

const MAX_RUNS = 1_000_000;
/** Games per arm of a comparison: every summary is kept in memory to pair them. */
export const MAX_COMPARE_RUNS = 100_000;
const MAX_ARMS = 8;
const MAX_WORKERS = 64;
const THREAD_KIND = 'threshold-batch';

export interface BatchArgs {
  file: string;
  runs: number;
  seed: number;
  settings: Setting[];
  /** Arms to compare with the baseline (empty: no comparison). */
  compare: { text: string; settings: Setting[] }[];
  workers: number;
  json: boolean;
}

function wholeNumber(
  flag: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  return wholeNumberOption(flag, raw, min, max);
}

function parseSetting(raw: string, flag = '--set', scenario?: Scenario): Setting {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new CliError(`${flag} needs key=value, got "${raw}"`);
  const key = raw.slice(0, eq).trim();
  const text = raw.slice(eq + 1).trim();
  // The scenario names the choices of levers that depend on it (a lab's policy).
  const param = sweepParameter(key, scenario);
  if (!param) {
    const kind = key.split('.')[0] ?? '';
    if ((LAB_LEVER_KINDS as readonly string[]).includes(kind)) {
      throw new CliError(`${flag}: "${key}" must name a lab by its id, e.g. ${kind}.aster`);
    }
    const guess = closest(
      key,
      SWEEP_PARAMETERS.map((p) => p.id),
    );
    throw new CliError(
      `${flag}: unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}; keys: ${SWEEP_PARAMETERS.map((p) => p.id).join(', ')}, or per lab: ${LAB_LEVER_KINDS.map((k) => `${k}.<lab>`).join(', ')}`,
    );
  }
  const value = parseValue(param, text);
  if (value === null) {
    throw new CliError(`${flag} ${key}: expected ${allowedValues(param)}, got "${text}"`);
  }
  const problem = checkValue(param, value);
  if (problem) throw new CliError(`${flag} ${problem}`);
  return { id: param.id, value };
}

function noRepeats(settings: readonly Setting[], flag: string): void {
  const ids = settings.map((s) => s.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new CliError(`${flag} ${twice} given more than once`);
}

/** One `--compare` arm: settings separated by spaces or commas. */
function parseArm(raw: string, scenario?: Scenario): { text: string; settings: Setting[] } {
  const parts = raw.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length === 0) throw new CliError('--compare needs at least one key=value setting');
  const settings = parts.map((p) => parseSetting(p, `--compare "${raw}":`, scenario));
  noRepeats(settings, `--compare "${raw}":`);
  return { text: parts.join(' '), settings };
}

/** Read the command line, or throw a CliError whose message is the one line to print. */
/**
 * Worker threads only pay off for big batches: each needs ~3 s to load the engine through tsx
 * (measured: 10,000 games took 6.6 s in one thread and 11.5 s on two), so use one thread per
 * 10,000 games, up to the number of cores.
 */
export const GAMES_PER_WORKER = 10_000;

export function defaultWorkers(runs: number, cores: number): number {
  return Math.max(1, Math.min(MAX_WORKERS, cores, Math.floor(runs / GAMES_PER_WORKER)));
}

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
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError(BATCH_USAGE[0] as string);
  const runs = wholeNumber('runs', values.runs, 1, MAX_RUNS);
  if (runs === undefined) throw new CliError('--runs N is required (how many games to play)');
  const seed = wholeNumber('seed', values.seed, 0, 2 ** 32 - 1) ?? 1;
  const workers =
    wholeNumber('workers', values.workers, 1, MAX_WORKERS) ?? defaultWorkers(runs, cores);
  const scenario = scenarioOf?.(file);
  const settings = (values.set ?? []).map((raw) => parseSetting(raw, '--set', scenario));
  noRepeats(settings, '--set');
  const compare = (values.compare ?? []).map((raw) => parseArm(raw, scenario));
  if (compare.length > MAX_ARMS) {
    throw new CliError(`--compare: at most ${MAX_ARMS} arms, got ${compare.length}`);
  }
  if (compare.length > 0 && (runs < 2 || runs > MAX_COMPARE_RUNS)) {
    throw new CliError(
      `--runs must be from 2 to ${MAX_COMPARE_RUNS} with --compare (every game of every arm is kept in memory to pair them), got ${runs}`,
    );
  }
  return { file, runs, seed, settings, compare, workers, json: values.json ?? false };
}

// ---------------------------------------------------------------- running the games

interface ThreadData {
  kind: typeof THREAD_KIND;
  scenario: Scenario;
  seed: number;
}

interface ChunkRequest {
  from: number;
  count: number;
}

interface ChunkReply {
  from: number;
  count: number;
  summaries: GameSummary[];
}

/** Inside a worker thread: play each chunk asked for and send back its summaries. */
function serveChunks(data: ThreadData): void {
  parentPort?.on('message', (req: ChunkRequest) => {
    const summaries = runGames(data.scenario, { runs: req.count, seed: data.seed, from: req.from });
    parentPort?.postMessage({ from: req.from, count: req.count, summaries } satisfies ChunkReply);
  });
}

if (!isMainThread && (workerData as Partial<ThreadData> | null)?.kind === THREAD_KIND) {
  serveChunks(workerData as ThreadData);
}

/**
 * URL of tsx's registration API. `import.meta.resolve` exists when this file is loaded as an ES
 * module (always, via `npm run sim`); without it the caller falls back to this thread.
 */
function resolveTsxApi(): string {
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (typeof resolve !== 'function') throw new Error('import.meta.resolve is not available');
  return resolve('tsx/esm/api');
}

/** A worker thread running this file (via a tsx bootstrap when this file is TypeScript). */
function startThread(data: ThreadData): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(self), { workerData: data });
  const tsx = resolveTsxApi();
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(self)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData: data,
  });
}

export interface BatchRun {
  summaries: GameSummary[];
  /** Worker threads used (0: ran in this thread). */
  threads: number;
  /** Why it fell back to this thread, if it did. */
  fallback: string | null;
}

function inProcess(
  scenario: Scenario,
  runs: number,
  seed: number,
  fallback: string | null,
): BatchRun {
  return { summaries: runGames(scenario, { runs, seed }), threads: 0, fallback };
}

/**
 * Play `runs` games on `workers` threads (1: in this thread). Chunks go to whichever thread is
 * free; summaries are put back in game order, so the result does not depend on the split.
 */
export async function playBatch(
  scenario: Scenario,
  runs: number,
  seed: number,
  workers: number,
): Promise<BatchRun> {
  const threads = Math.min(workers, runs);
  if (threads <= 1) return inProcess(scenario, runs, seed, null);
  const chunkSize = Math.min(500, Math.max(10, Math.ceil(runs / (threads * 8))));
  const chunks = planChunks(1, runs, chunkSize);
  const progress = emptyProgress(1, runs);
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      const give = (w: Worker): void => {
        const chunk = chunks[next++];
        if (chunk) w.postMessage({ from: chunk.from, count: chunk.count } satisfies ChunkRequest);
      };
      for (let t = 0; t < threads; t++) {
        const w = startThread({ kind: THREAD_KIND, scenario, seed });
        pool.push(w);
        w.on('message', (reply: ChunkReply) => {
          addChunk(progress, { cell: 0, from: reply.from, count: reply.count }, reply.summaries);
          finished++;
          if (finished === chunks.length) resolve();
          else give(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (finished < chunks.length)
            reject(new Error(`a worker thread stopped (exit code ${code})`));
        });
        give(w);
      }
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return inProcess(scenario, runs, seed, why);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { summaries: cellSummaries(progress, 0), threads, fallback: null };
}

// ---------------------------------------------------------------- output

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function summaryLines(
  scenario: Scenario,
  args: BatchArgs,
  stats: OutcomeStats,
  run: BatchRun,
  seconds: number,
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
  const where =
    run.threads > 0
      ? `${run.threads} worker threads`
      : run.fallback
        ? `this thread (worker threads unavailable: ${run.fallback})`
        : 'this thread';
  lines.push(
    '',
    `${stats.games} games in ${seconds.toFixed(2)} s: ${Math.round(stats.games / seconds)} games/s on ${where}`,
  );
  return lines;
}

/** Throw a CliError naming the lab a per-lab setting asks for that the scenario does not have. */
function checkLabs(scenario: Scenario, settings: readonly Setting[], flag: string): void {
  for (const { id } of settings) {
    const problem = settingProblem(scenario, id);
    if (problem) throw new CliError(`${flag} ${id}: ${problem}`);
  }
}

// ---------------------------------------------------------------- comparisons

/** "+1.2 points (−0.4 to +2.8)" or "+0.31 (…)" for means. */
function signedNumber(x: number, share: boolean): string {
  const text = share ? (100 * Math.abs(x)).toFixed(1) : Math.abs(x).toFixed(2);
  const zero = Number(text) === 0;
  return `${zero ? '' : x < 0 ? '−' : '+'}${text}`;
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

function runComparison(
  args: BatchArgs,
  scenario: Scenario,
  arms: { name: string; settings: Setting[]; scenario: Scenario }[],
  started: number,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const play = async () => {
    const base = await playBatch(scenario, args.runs, args.seed, args.workers);
    const results = [];
    for (const arm of arms) {
      const run = await playBatch(arm.scenario, args.runs, args.seed, args.workers);
      const rows = compareSummaries(arm.name, base.summaries, run.summaries, {
        baseline: scenario,
        roundsA: scenario.rounds,
        roundsB: arm.scenario.rounds,
      });
      const inert = identicalGames(base.summaries, run.summaries);
      const note = inert
        ? arm.settings.length === 1
          ? inertReason(scenario, (arm.settings[0] as Setting).id, [
              (arm.settings[0] as Setting).value,
            ])
          : 'these settings did not change any game in this scenario'
        : null;
      results.push({ arm, rows, note, threads: run.threads });
    }
    return { base, results };
  };
  return play().then(
    ({ base, results }) => {
      const seconds = (performance.now() - started) / 1000;
      const baseName = args.settings.length ? armLabel(args.settings, scenario) : 'as written';
      if (args.json) {
        out(
          JSON.stringify({
            engine: ENGINE_VERSION,
            scenario: { id: scenario.id, title: scenario.title },
            seed: args.seed,
            runs: args.runs,
            settings: Object.fromEntries(args.settings.map((s) => [s.id, s.value])),
            baseline: baseName,
            arms: results.map((r) => ({
              arm: r.arm.name,
              settings: Object.fromEntries(r.arm.settings.map((s) => [s.id, s.value])),
              identicalToBaseline: r.note !== null,
              note: r.note,
            })),
            interval: 'paired 95% (mean ± 1.96 standard errors of the per-seed differences)',
            neverDeployed: `time to first deployment counts a game where it never happened as rounds + 1`,
            workers: base.threads,
            seconds,
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
        return 0;
      }
      out(
        `${scenario.title} (${scenario.id}) — paired comparison, ${args.runs} games per arm, seeds ${args.seed}…${args.seed + args.runs - 1}, engine ${ENGINE_VERSION}`,
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
        `${args.runs * (arms.length + 1)} games in ${seconds.toFixed(2)} s (${results.length + 1} arms).`,
      );
      return 0;
    },
    (e: unknown) => {
      err(`error: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    },
  );
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
  if (argv.includes('--help') || argv.includes('-h')) {
    for (const line of BATCH_USAGE) out(line);
    return 0;
  }
  let args: BatchArgs;
  let scenario: Scenario;
  let arms: { name: string; settings: Setting[]; scenario: Scenario }[];
  try {
    args = parseBatchArgs(argv, undefined, loadScenarioFile);
    const written = loadScenarioFile(args.file);
    checkLabs(written, args.settings, '--set');
    scenario = applySettings(written, args.settings);
    arms = args.compare.map((arm) => {
      checkLabs(scenario, arm.settings, `--compare "${arm.text}":`);
      return {
        name: armLabel(arm.settings, scenario),
        settings: arm.settings,
        scenario: armScenario(scenario, arm.settings),
      };
    });
  } catch (e) {
    err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const started = performance.now();
  if (arms.length > 0) return runComparison(args, scenario, arms, started, out, err);
  return playBatch(scenario, args.runs, args.seed, args.workers).then(
    (run) => {
      const seconds = (performance.now() - started) / 1000;
      const stats = aggregate(
        run.summaries,
        scenario.levels.map((l) => l.id),
      );
      if (args.json) {
        out(
          JSON.stringify({
            engine: ENGINE_VERSION,
            scenario: { id: scenario.id, title: scenario.title },
            seed: args.seed,
            runs: args.runs,
            settings: Object.fromEntries(args.settings.map((s) => [s.id, s.value])),
            workers: run.threads,
            fallback: run.fallback,
            seconds,
            gamesPerSecond: stats.games / seconds,
            stats,
          }),
        );
      } else {
        for (const line of summaryLines(scenario, args, stats, run, seconds)) out(line);
      }
      return 0;
    },
    (e: unknown) => {
      err(`error: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    },
  );
}
