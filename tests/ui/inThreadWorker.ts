// jsdom has no Web Workers: an in-thread fake that runs the same engine function on each chunk,
// for Explorer tests to put in place of `browserWorker` (see explorerScorecard.test.ts).
import { runGames } from '../../src/engine/batch/runBatch';
import type { WorkerLike } from '../../src/explorer/pool';
import type { ChunkRequest } from '../../src/explorer/protocol';

export function inThreadWorker(): WorkerLike {
  let reply: Parameters<WorkerLike['listen']>[0] = () => {};
  let stopped = false;
  return {
    listen: (onReply) => {
      reply = onReply;
    },
    post: (m: ChunkRequest) => {
      setTimeout(() => {
        if (stopped) return;
        const summaries = runGames(m.scenario, { runs: m.count, seed: m.seed, from: m.from });
        reply({ type: 'result', job: m.job, summaries });
      }, 0);
    },
    terminate: () => {
      stopped = true;
    },
  };
}
