// What a workshop session is once read, and the limits and key its readers and writers share.
import type { DecisionLog, RoundDecisions } from '../../engine/game';
import type { GameSetup } from '../../engine/machines/gameMachine';
import type { WorkshopMeta } from '../../engine/workshop/types';

/** Where the browser keeps the workshop in progress. */
export const WORKSHOP_KEY = 'threshold:workshop';

/** Session files larger than this are refused before reading. */
export const MAX_SESSION_BYTES = 5 * 1024 * 1024;

export interface WorkshopSession {
  setup: GameSetup;
  log: DecisionLog;
  pending: RoundDecisions;
  meta: WorkshopMeta;
  savedAt: string;
}

export type SessionResult = { ok: true; session: WorkshopSession } | { ok: false; message: string };
