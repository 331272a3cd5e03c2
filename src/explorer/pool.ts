// A pool of batch workers for the explorer: chunks of games go to whichever worker is free,
// results stream back one chunk at a time, and cancelling terminates every worker at once.
// Workers are reached through a small interface so tests can run the pool with in-thread fakes.

import type { GameSummary } from '../engine/batch/summary';
import type { SweepChunk } from '../engine/batch/sweepPlan';
import type { Scenario } from '../engine/types';
import type { ChunkReply, ChunkRequest } from './protocol';

export interface WorkerLike {
  post(message: ChunkRequest): void;
  /** Register the reply and failure handlers (called once, before the first post). */
  listen(onReply: (reply: ChunkReply) => void, onError: (message: string) => void): void;
  terminate(): void;
}

/** A module Web Worker running batchWorker.ts (bundled by Vite). */
export function browserWorker(): WorkerLike {
  const worker = new Worker(new URL('./batchWorker.ts', import.meta.url), { type: 'module' });
  return {
    post: (message) => worker.postMessage(message),
    listen: (onReply, onError) => {
      worker.onmessage = (event: MessageEvent<ChunkReply>) => onReply(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onError(event.message || 'a batch worker could not start');
      };
      worker.onmessageerror = () => onError('a batch worker sent a message that could not be read');
    },
    terminate: () => worker.terminate(),
  };
}

export const MAX_WORKERS = 8;

/** Workers to use: the machine's logical cores, at least 1 and at most 8. */
export function defaultWorkerCount(
  cores: number | undefined = typeof navigator === 'undefined'
    ? undefined
    : navigator.hardwareConcurrency,
): number {
  return clampWorkers(cores ?? 1);
}

export function clampWorkers(n: number): number {
  return Math.min(MAX_WORKERS, Math.max(1, Math.floor(Number.isFinite(n) ? n : 1)));
}

/** One chunk of work: games chunk.from … of the cell's scenario. */
export interface PoolTask {
  chunk: SweepChunk;
  scenario: Scenario;
  seed: number;
}

export interface PoolOptions {
  workers: number;
  onResult(task: PoolTask, summaries: GameSummary[]): void;
  createWorker?: () => WorkerLike;
}

export interface PoolRun {
  /** Stop now: every worker is terminated; `done` resolves to 'cancelled'. */
  cancel(): void;
  /** 'done' when every task has reported; rejects if a worker fails. */
  done: Promise<'done' | 'cancelled'>;
}

/** Run the tasks on up to `workers` workers, in order of the list, each worker taking the next free task. */
export function runPool(tasks: readonly PoolTask[], options: PoolOptions): PoolRun {
  const create = options.createWorker ?? browserWorker;
  const workers: WorkerLike[] = [];
  let settled = false;
  let resolveDone: (value: 'done' | 'cancelled') => void = () => {};
  let rejectDone: (error: Error) => void = () => {};
  const done = new Promise<'done' | 'cancelled'>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  const stopAll = (): void => {
    for (const w of workers) w.terminate();
    workers.length = 0;
  };
  const finish = (outcome: 'done' | 'cancelled' | Error): void => {
    if (settled) return;
    settled = true;
    stopAll();
    if (outcome instanceof Error) rejectDone(outcome);
    else resolveDone(outcome);
  };

  let next = 0;
  let finished = 0;
  const give = (worker: WorkerLike): void => {
    const job = next++;
    const task = tasks[job];
    if (!task) return;
    const { chunk, scenario, seed } = task;
    worker.post({ type: 'run', job, scenario, seed, from: chunk.from, count: chunk.count });
  };

  if (tasks.length === 0) finish('done');
  const count = Math.min(clampWorkers(options.workers), tasks.length);
  for (let i = 0; i < count && !settled; i++) {
    let worker: WorkerLike;
    try {
      worker = create();
    } catch (error) {
      finish(new Error(`could not start a batch worker: ${String(error)}`));
      break;
    }
    workers.push(worker);
    worker.listen(
      (reply) => {
        if (settled) return;
        if (reply.type === 'error') {
          finish(new Error(reply.message));
          return;
        }
        const task = tasks[reply.job];
        if (!task) return;
        options.onResult(task, reply.summaries);
        finished++;
        if (finished === tasks.length) finish('done');
        else give(worker);
      },
      (message) => finish(new Error(message)),
    );
    give(worker);
  }
  return { cancel: () => finish('cancelled'), done };
}
