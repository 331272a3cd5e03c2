import { describe, expect, it } from 'vitest';
import type { GameSummary } from '../../src/engine/batch/runBatch';
import { runGames } from '../../src/engine/batch/runBatch';
import {
  addChunk,
  cellScenario,
  emptyProgress,
  planChunks,
  planSweep,
  runSweep,
  type SweepSpec,
} from '../../src/engine/batch/sweep';
import type { ChunkRequest } from '../../src/explorer/protocol';
import {
  clampWorkers,
  defaultWorkerCount,
  runPool,
  type PoolTask,
  type WorkerLike,
} from '../../src/explorer/pool';
import { testScenario } from '../engine/fixtures';

const scenario = testScenario({ rounds: 6 });

/** An in-thread stand-in for the module worker: answers each chunk after a seeded delay. */
function fakeWorkers(delays: number[] = [0]) {
  const started: FakeWorker[] = [];
  let n = 0;
  class FakeWorker implements WorkerLike {
    terminated = false;
    posted: ChunkRequest[] = [];
    #reply: Parameters<WorkerLike['listen']>[0] = () => {};
    #fail: Parameters<WorkerLike['listen']>[1] = () => {};
    readonly delay = delays[n++ % delays.length] ?? 0;
    listen(...[reply, fail]: Parameters<WorkerLike['listen']>): void {
      this.#reply = reply;
      this.#fail = fail;
    }
    post(m: ChunkRequest): void {
      this.posted.push(m);
      setTimeout(() => {
        if (this.terminated) return;
        const summaries = runGames(m.scenario, { runs: m.count, seed: m.seed, from: m.from });
        this.#reply({ type: 'result', job: m.job, summaries });
      }, this.delay);
    }
    crash(message: string): void {
      this.#fail(message);
    }
    terminate(): void {
      this.terminated = true;
    }
  }
  return {
    started,
    create: (): WorkerLike => {
      const w = new FakeWorker();
      started.push(w);
      return w;
    },
  };
}

const spec: SweepSpec = {
  scenarioId: scenario.id,
  params: [{ id: 'labs', values: [2, 3, 4] }],
  runs: 12,
  seed: 3,
};

function tasksFor(chunkSize: number): PoolTask[] {
  const cells = planSweep(spec);
  return planChunks(cells.length, spec.runs, chunkSize).map((chunk) => ({
    chunk,
    scenario: cellScenario(scenario, cells[chunk.cell]!),
    seed: spec.seed,
  }));
}

async function runWith(workers: number, delays: number[], chunkSize = 5) {
  const progress = emptyProgress(3, spec.runs);
  const fakes = fakeWorkers(delays);
  const run = runPool(tasksFor(chunkSize), {
    workers,
    createWorker: fakes.create,
    onResult: (task, summaries: GameSummary[]) => addChunk(progress, task.chunk, summaries),
  });
  expect(await run.done).toBe('done');
  return { progress, fakes };
}

describe('the explorer worker pool', () => {
  it('1, 2 or 3 workers, answering in any order, merge to the in-thread result', async () => {
    const reference = runSweep(spec, scenario, 12);
    const one = await runWith(1, [0]);
    const two = await runWith(2, [3, 0]);
    const three = await runWith(3, [0, 5, 1], 4);
    expect(one.progress.summaries).toEqual(reference.summaries);
    expect(two.progress.summaries).toEqual(reference.summaries);
    expect(three.progress.summaries).toEqual(reference.summaries);
    expect(two.fakes.started).toHaveLength(2);
    // Both workers did some of the work, and every worker was stopped at the end.
    expect(two.fakes.started.every((w) => w.posted.length > 0)).toBe(true);
    expect(three.fakes.started.every((w) => w.terminated)).toBe(true);
  });

  it('never starts more workers than there are chunks', async () => {
    const { fakes } = await runWith(8, [0], 100);
    expect(fakes.started).toHaveLength(3);
  });

  it('cancel terminates every worker at once and reports no more results', async () => {
    const fakes = fakeWorkers([5, 5]);
    let results = 0;
    const run = runPool(tasksFor(2), {
      workers: 2,
      createWorker: fakes.create,
      onResult: () => results++,
    });
    run.cancel();
    expect(await run.done).toBe('cancelled');
    expect(fakes.started.every((w) => w.terminated)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(results).toBe(0);
  });

  it('a failing worker stops the pool with its message', async () => {
    const fakes = fakeWorkers([50]);
    const run = runPool(tasksFor(5), {
      workers: 2,
      createWorker: fakes.create,
      onResult: () => {},
    });
    (fakes.started[1] as unknown as { crash(m: string): void }).crash('out of memory');
    await expect(run.done).rejects.toThrow('out of memory');
    expect(fakes.started.every((w) => w.terminated)).toBe(true);
  });

  it('a worker that cannot start is reported, not thrown', async () => {
    const run = runPool(tasksFor(5), {
      workers: 2,
      createWorker: () => {
        throw new Error('Worker is not defined');
      },
      onResult: () => {},
    });
    await expect(run.done).rejects.toThrow(/could not start a batch worker/);
  });

  it('no tasks: done at once', async () => {
    expect(await runPool([], { workers: 2, onResult: () => {} }).done).toBe('done');
  });

  it('uses the machine’s cores, at least 1 and at most 8', () => {
    expect(defaultWorkerCount(4)).toBe(4);
    expect(defaultWorkerCount(32)).toBe(8);
    expect(defaultWorkerCount(0)).toBe(1);
    expect(defaultWorkerCount()).toBe(clampWorkers(navigator.hardwareConcurrency));
    expect(clampWorkers(Number.NaN)).toBe(1);
    expect(clampWorkers(2.7)).toBe(2);
  });

  it('the summaries a worker sends are plain data (structured-clone safe)', () => {
    const [s] = runGames(scenario, { runs: 1, seed: 1 });
    expect(structuredClone(s)).toEqual(s);
  });
});
