// Reading a workshop session file: the saved-game part through the saved-game checks, then the
// log, the decisions waiting and the session record checked together (parseMeta.ts). Reading
// never throws: a bad file gets one message naming what is wrong and where.
import * as v from 'valibot';
import type { DecisionLog, RoundDecisions } from '../../engine/game';
import {
  jsonTextDepthProblem,
  readPickedFile,
  valueDepthProblem,
  type PickedFile,
} from '../../engine/scenario/input';
import { isObject } from '../plainObject';
import { gameSchemas, parseSavedGame, problemMessage, SAVE_KIND } from '../saveFormat';
import { parseWorkshopMeta } from './parseMeta';
import { problemsOf } from './recordSchema';
import { MAX_SESSION_BYTES, type SessionResult } from './sessionTypes';

/**
 * Read a workshop session (already parsed from JSON). The saved-game part goes through the
 * saved-game checks; the log, the decisions waiting and the session record are then checked
 * together, with the live injects replayed where they were fired. Never throws.
 */
export function parseWorkshopSession(value: unknown): SessionResult {
  try {
    const deep = valueDepthProblem(value);
    if (deep) return { ok: false, message: `this is not a Threshold workshop session: ${deep}` };
    if (!isObject(value) || value.kind !== SAVE_KIND) {
      return { ok: false, message: 'this is not a Threshold workshop session file' };
    }
    if (value.mode === 'solo') {
      return {
        ok: false,
        message:
          'mode: this is a solo saved game, not a workshop session — open it from “Play solo”',
      };
    }
    // The saved-game checks, on everything but the log: the log is checked below, replayed with
    // the injects (the saved-game check replays it without them).
    const base = parseSavedGame({ ...value, log: [], pending: {} });
    if (!base.ok) return base;
    const save = base.save;
    if (save.mode !== 'workshop') {
      return { ok: false, message: 'mode: expected "workshop"' };
    }
    if (save.autoResolve) {
      return {
        ok: false,
        message:
          'autoResolve: a workshop waits for the facilitator to resolve each quarter (false)',
      };
    }
    const scenario = save.setup.scenario;
    const { Log, Decisions } = gameSchemas(scenario);
    const log = v.safeParse(Log, value.log);
    if (!log.success)
      return { ok: false, message: problemMessage(problemsOf(log.issues, ['log'])) };
    const pending = v.safeParse(Decisions, value.pending);
    if (!pending.success) {
      return { ok: false, message: problemMessage(problemsOf(pending.issues, ['pending'])) };
    }
    if (save.extra === undefined) {
      return { ok: false, message: 'extra: the workshop record (teams, timer …) is missing' };
    }
    const meta = parseWorkshopMeta(
      save.extra,
      save.setup,
      log.output as DecisionLog,
      pending.output as RoundDecisions,
    );
    if (!meta.ok) return meta;
    return {
      ok: true,
      session: {
        setup: save.setup,
        log: log.output as DecisionLog,
        pending: pending.output as RoundDecisions,
        meta: meta.meta,
        savedAt: save.savedAt,
      },
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `the session could not be checked (${detail})` };
  }
}

/** Read a session file's text: JSON first, then the session checks. Never throws. */
export function parseWorkshopText(text: string): SessionResult {
  if (typeof text !== 'string' || text.trim() === '') {
    return { ok: false, message: 'this file is empty — a session file is JSON that starts with {' };
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = jsonTextDepthProblem(source);
  if (deep) return { ok: false, message: `line ${deep.line}: ${deep.message}` };
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `this file is not valid JSON (${detail}) — was it cut short or edited by hand?`,
    };
  }
  return parseWorkshopSession(value);
}

/** Read a file the facilitator picked. Never rejects. */
export async function parseWorkshopFile(file: PickedFile): Promise<SessionResult> {
  const read = await readPickedFile(file, MAX_SESSION_BYTES, 'a session file');
  return read.ok ? parseWorkshopText(read.text) : read;
}
