// Messages between the explorer's page and its batch workers. Plain data only: a scenario goes to
// the worker as JSON-compatible data, summaries come back the same way.

import type { GameSummary } from '../engine/batch/summary';
import type { Scenario } from '../engine/types';

/** Page → worker: play games seed + from … seed + from + count − 1 of `scenario`. */
export interface ChunkRequest {
  type: 'run';
  /** The pool's id for this chunk (echoed back). */
  job: number;
  scenario: Scenario;
  seed: number;
  from: number;
  count: number;
}

/** Worker → page. */
export type ChunkReply =
  | { type: 'result'; job: number; summaries: GameSummary[] }
  | { type: 'error'; job: number; message: string };
