// The explorer's Web Worker: plays the chunks of bot games it is sent and posts back their
// summaries. Started by pool.ts as a module worker; all the work is the engine's pure runGames.

import { runGames } from '../engine/batch/runBatch';
import type { ChunkReply, ChunkRequest } from './protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ChunkRequest>) => void) | null;
  postMessage(message: ChunkReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { job, scenario, seed, from, count } = event.data;
  try {
    const summaries = runGames(scenario, { runs: count, seed, from });
    scope.postMessage({ type: 'result', job, summaries });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ type: 'error', job, message });
  }
};
