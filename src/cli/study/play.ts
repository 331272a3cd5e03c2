// Playing a study's units of work on node:worker_threads, one per core by default. This file is
// also the worker's entry: started as a worker it waits for units and sends back their tallies
// (small, whatever the number of games). Game i is always played with seed S + i and tallies
// merge exactly, so the result is the same bytes with any number of workers, in any order.
//
// Under tsx (how `npm run sim` runs), a worker started with `execArgv: ['--import', 'tsx']` cannot
// load a .ts entry on Node 20 (ERR_UNKNOWN_FILE_EXTENSION: the hooks register after the entry
// loads). So the worker starts from a one-line ES module that registers tsx through its API, then
// imports this file. Without tsx, or if a worker fails, the games run in this thread instead.

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { chunkUnits, type WorkUnit } from '../../engine/batch/shard';
import {
  emptyStudyTally,
  mergeStudyTally,
  playUnit,
  type StudyGames,
  type StudyTally,
} from '../../engine/batch/study';

const THREAD_KIND = 'threshold-study';

interface ThreadData {
  kind: typeof THREAD_KIND;
  study: StudyGames;
}

interface UnitReply {
  unit: WorkUnit;
  tally: StudyTally;
}

if (!isMainThread && (workerData as Partial<ThreadData> | null)?.kind === THREAD_KIND) {
  const { study } = workerData as ThreadData;
  parentPort?.on('message', (unit: WorkUnit) => {
    parentPort?.postMessage({ unit, tally: playUnit(study, unit) } satisfies UnitReply);
  });
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

export interface PlayedStudy {
  tally: StudyTally;
  /** Worker threads used (0: ran in this thread). */
  threads: number;
  /** Why it fell back to this thread, if it did. */
  fallback: string | null;
}

/** Games a list of units plays (a paired unit plays every cell). */
export function unitGames(units: readonly WorkUnit[], cells: number): number {
  return units.reduce((n, u) => n + u.count * (u.cell === null ? cells : 1), 0);
}

/** Called with the number of games played so far, after each chunk. */
export type Progress = (games: number) => void;

function inProcess(
  study: StudyGames,
  units: readonly WorkUnit[],
  fallback: string | null,
  progress: Progress,
): PlayedStudy {
  const tally = emptyStudyTally(study);
  let done = 0;
  // Small pieces, so that no more than a few hundred games are in flight at once.
  for (const unit of chunkUnits(units, 500)) {
    mergeStudyTally(tally, playUnit(study, unit));
    done += unitGames([unit], study.scenarios.length);
    progress(done);
  }
  return { tally, threads: 0, fallback };
}

/**
 * Play `units` of `study` on `workers` threads (1: in this thread). Units are cut into chunks
 * that go to whichever thread is free; their tallies merge as they come back.
 */
export async function playStudy(
  study: StudyGames,
  units: readonly WorkUnit[],
  workers: number,
  progress: Progress = () => {},
): Promise<PlayedStudy> {
  const games = unitGames(units, study.scenarios.length);
  const threads = Math.min(workers, games);
  if (threads <= 1) return inProcess(study, units, null, progress);
  const perGame = units.some((u) => u.cell === null) ? study.scenarios.length : 1;
  const chunkSize = Math.min(500, Math.max(10, Math.ceil(games / perGame / (threads * 8))));
  const chunks = chunkUnits(units, chunkSize);
  const tally = emptyStudyTally(study);
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      let done = 0;
      const give = (w: Worker): void => {
        const chunk = chunks[next++];
        if (chunk) w.postMessage(chunk);
      };
      for (let t = 0; t < Math.min(threads, chunks.length); t++) {
        const w = startThread({ kind: THREAD_KIND, study });
        pool.push(w);
        w.on('message', (reply: UnitReply) => {
          mergeStudyTally(tally, reply.tally);
          done += unitGames([reply.unit], study.scenarios.length);
          progress(done);
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
    return inProcess(study, units, why, progress);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { tally, threads: pool.length, fallback: null };
}
