// The engine's headless figures (issue 21): bot games on one core, timed in CPU time
// (process.cpuUsage), several repeats, the median reported against its budget; and where the
// time goes, from a CPU profile of the same games (node:inspector, self time per function).
// Figures only: nothing here fails on time.

import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WITHOUT_TEXT, playWithBots, type PlayOptions } from '../../src/engine/game';
import type { Scenario } from '../../src/engine/types';

export interface EngineBench {
  games: number;
  seconds: number;
  gamesPerSecond: number;
  secondsFor10k: number;
  /** CPU seconds this process used: less distorted than wall time when other work shares the cores. */
  cpuSeconds: number;
}

/** The function that plays one game: the engine as this process loaded it. */
export type PlayGame = (
  scenario: Scenario,
  seed: number,
  rounds: number,
  options?: PlayOptions,
) => unknown;

const played: PlayGame = playWithBots;

/**
 * Headless bot games on one core (this process); warm the engine up first (engineFigure does). Batch
 * games by default (no news written, as `sim batch` and the Explorer play them); pass
 * `{ text: true }` for games with their news, as `sim play` plays them.
 */
export function benchEngine(
  scenario: Scenario,
  games: number,
  rounds = 20,
  options: PlayOptions = WITHOUT_TEXT,
  play: PlayGame = played,
): EngineBench {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < games; i++) play(scenario, i, rounds, options);
  const cpu = process.cpuUsage(cpuStart);
  const seconds = (performance.now() - start) / 1000;
  return {
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    games,
    seconds,
    gamesPerSecond: games / seconds,
    secondsFor10k: (10_000 / games) * seconds,
  };
}

/** One engine figure: CPU seconds per 10,000 games, median of the repeats, and its budget. */
export interface EngineFigure {
  label: string;
  budget: number;
  /** CPU seconds per 10,000 games, one per repeat. */
  repeats: number[];
  median: number;
  /** Games per second of wall time in the median repeat (inflated by a busy machine). */
  gamesPerSecond: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** `repeats` timings of `games` games, as CPU seconds per 10,000 games. */
export function engineFigure(
  label: string,
  budget: number,
  scenario: Scenario,
  rounds: number,
  games: number,
  repeats: number,
  options: PlayOptions = WITHOUT_TEXT,
  play: PlayGame = played,
): EngineFigure {
  // Warm-up: V8 optimises the engine's functions over the first thousand games or so.
  for (let i = 0; i < 1000; i++) play(scenario, 1_000_000 + i, rounds, options);
  const runs = Array.from({ length: repeats }, () =>
    benchEngine(scenario, games, rounds, options, play),
  );
  const per10k = runs.map((r) => (r.cpuSeconds / games) * 10_000);
  const mid = median(per10k);
  const closest = runs[per10k.indexOf(mid)] ?? runs[0];
  return {
    label,
    budget,
    repeats: per10k,
    median: mid,
    gamesPerSecond: closest?.gamesPerSecond ?? 0,
  };
}

export function formatFigure(f: EngineFigure): string {
  const verdict =
    f.median <= f.budget
      ? `within budget (${f.budget} s)`
      : `OVER budget (${f.budget} s) by ${(f.median - f.budget).toFixed(2)} s`;
  const all = f.repeats.map((r) => r.toFixed(2)).join(', ');
  return `  ${f.label}: ${f.median.toFixed(2)} CPU-s per 10,000 games (median of ${all}) → ${verdict}; ${f.gamesPerSecond.toFixed(0)} games/s wall`;
}

// ------------------------------------------------------------------ where the time goes

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A function's share of the profiled time, by itself (not counting what it called). */
export interface HotFunction {
  name: string;
  /** Where it is defined: a path under the project, or "(V8)" for the engine's own work. */
  place: string;
  share: number;
}

/** Marks the profiled work on the stack, so the profiler's own work can be left out. */
function profiledWork(fn: () => void): void {
  fn();
}

/** `fn` run under V8's sampling profiler (50 µs), summarised by self time per function. */
export async function profileSelfTime(fn: () => void, top = 15): Promise<HotFunction[]> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 50 });
    await session.post('Profiler.start');
    profiledWork(fn);
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    return hotFunctions(profile, top);
  } finally {
    session.disconnect();
  }
}

function placeOf(url: string, line: number): string {
  if (!url) return '(V8)';
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || rel.startsWith('node:')
    ? rel.split('/').slice(-2).join('/')
    : `${rel}:${line + 1}`;
}

/**
 * Self time per function (by name and file), largest first: samples taken in the profiled work
 * and in the garbage collector; the profiler's own work, idle time and the rest left out.
 */
export function hotFunctions(profile: CpuProfile, top: number): HotFunction[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inWork = (node: ProfileNode): boolean => {
    for (let n: ProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1))
      if (n.callFrame.functionName === profiledWork.name) return true;
    return false;
  };
  const self = new Map<string, { name: string; place: string; time: number }>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    const name = node?.callFrame.functionName || '(anonymous)';
    if (!node || (name !== '(garbage collector)' && !inWork(node))) return;
    total += dt;
    const place = placeOf(node.callFrame.url, node.callFrame.lineNumber);
    const file = place.replace(/:\d+$/, '');
    const key = `${name} ${file}`;
    const entry = self.get(key) ?? { name, place: file, time: 0 };
    entry.time += dt;
    self.set(key, entry);
  });
  return [...self.values()]
    .sort((a, b) => b.time - a.time)
    .slice(0, top)
    .map((e) => ({ name: e.name, place: e.place, share: total > 0 ? e.time / total : 0 }));
}

export function formatHotFunctions(rows: readonly HotFunction[]): string {
  return rows
    .map((r) => `    ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.name}  ${r.place}`)
    .join('\n');
}

// ------------------------------------------------------------------ the bench's report

/** Budgets of issue 21: CPU seconds per 10,000 games on one core. */
export const ENGINE_BUDGETS = { fourLabs: 2, sixLabs: 4 } as const;

export interface EngineReportOptions {
  /** The four-lab figure's scenario (anthropic-rsp unless --scenario says otherwise). */
  scenario: Scenario;
  /** The six-lab, 24-quarter bench game. */
  sixLabs: Scenario;
  games: number;
  repeats: number;
  /** Games profiled for "where the time goes" (0: no profile). */
  profileGames: number;
}

/** The engine section of `npm run bench`: both figures against their budgets, then the profile. */
export async function reportEngine(o: EngineReportOptions): Promise<void> {
  const labs = o.scenario.labs.length;
  console.log(
    `\nEngine: headless bot games on one core, CPU time (process.cpuUsage), median of ${o.repeats} repeats of ${o.games} games, batch games (no news written, as sim batch plays them)`,
  );
  const four = engineFigure(
    `${o.scenario.id}, ${labs} labs, 20 quarters`,
    ENGINE_BUDGETS.fourLabs,
    o.scenario,
    20,
    o.games,
    o.repeats,
  );
  console.log(formatFigure(four));
  const six = engineFigure(
    `${o.sixLabs.id}, ${o.sixLabs.labs.length} labs, ${o.sixLabs.rounds} quarters`,
    ENGINE_BUDGETS.sixLabs,
    o.sixLabs,
    o.sixLabs.rounds,
    o.games,
    o.repeats,
  );
  console.log(formatFigure(six));
  const withText = engineFigure(
    `${o.scenario.id} with its news written (sim play, the app)`,
    ENGINE_BUDGETS.fourLabs,
    o.scenario,
    20,
    Math.max(1, Math.round(o.games / 2)),
    o.repeats,
    { text: true },
  );
  console.log(formatFigure(withText).replace(/ → .*?;/, ';'));
  console.log(
    '  CPU time still grows when other processes share the cores (caches, frequency): compare figures taken on the same machine under the same load.',
  );
  if (o.profileGames <= 0) return;
  const rows = await profileSelfTime(() => {
    for (let i = 0; i < o.profileGames; i++)
      playWithBots(o.sixLabs, i, o.sixLabs.rounds, WITHOUT_TEXT);
  });
  console.log(
    `  Where the time goes: ${o.profileGames} six-lab batch games under V8's sampling profiler, self time by function (GC is the garbage collector: allocation):`,
  );
  console.log(formatHotFunctions(rows));
}
