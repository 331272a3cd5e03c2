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
  INFORMATION_LEVELS,
  SWEEP_PARAMETERS,
  applySettings,
  checkValue,
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
  'usage: sim batch <scenario> --runs N [--seed S] [--set key=value …] [--workers W] [--json]',
  'Plays N games with bots in every seat (game i with seed S + i) and prints how often each',
  'outcome happened, with Wilson 95% intervals. <scenario> is a file or a shipped scenario id.',
  '  --runs N         number of games, 1 to 1000000',
  '  --seed S         seed of the first game (default 1)',
  '  --set key=value  change a parameter first (repeatable): a sweep parameter such as',
  '                   labs, evalSensitivity, bindingShare, information, rounds, or any model',
  '                   parameter such as competitivePressure or regulationLag',
  '  --workers W      worker threads (default: one per 10,000 games, up to all cores; 1 = this thread)',
  '  --json           print one JSON object instead of a summary',
];

const MAX_RUNS = 1_000_000;
const MAX_WORKERS = 64;
const THREAD_KIND = 'threshold-batch';
/** Plain decimal or scientific notation only: no hex, no Infinity, no empty string. */
const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export interface BatchArgs {
  file: string;
  runs: number;
  seed: number;
  settings: { id: string; value: number }[];
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

function parseSetting(raw: string): { id: string; value: number } {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new CliError(`--set needs key=value, got "${raw}"`);
  const key = raw.slice(0, eq).trim();
  const text = raw.slice(eq + 1).trim();
  const param = sweepParameter(key);
  if (!param) {
    const guess = closest(
      key,
      SWEEP_PARAMETERS.map((p) => p.id),
    );
    throw new CliError(
      `--set: unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}; keys: ${SWEEP_PARAMETERS.map((p) => p.id).join(', ')}`,
    );
  }
  // The information regime may be given by name as well as by number.
  const named = param.id === 'information' ? INFORMATION_LEVELS.indexOf(text as never) : -1;
  if (named < 0 && !NUMBER_RE.test(text)) {
    throw new CliError(
      `--set ${key}: expected a number from ${param.min} to ${param.max}, got "${text}"`,
    );
  }
  const value = named >= 0 ? named : Number(text);
  const problem = checkValue(param, value);
  if (problem) throw new CliError(`--set ${problem}`);
  return { id: param.id, value };
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

export function parseBatchArgs(argv: string[], cores = availableParallelism()): BatchArgs {
  const { values, positionals } = parseCliArgs(argv, {
    runs: { type: 'string' },
    seed: { type: 'string' },
    set: { type: 'string', multiple: true },
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
  const settings = (values.set ?? []).map(parseSetting);
  const ids = settings.map((s) => s.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new CliError(`--set ${twice} given more than once`);
  return { file, runs, seed, settings, workers, json: values.json ?? false };
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
  try {
    args = parseBatchArgs(argv);
    scenario = applySettings(loadScenarioFile(args.file), args.settings);
  } catch (e) {
    err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const started = performance.now();
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
