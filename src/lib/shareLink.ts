// Share links: a whole game in a URL fragment. The fragment carries (scenario, seed, human seats,
// decision log), which replays the game exactly; the page never sends it to a server. A shipped
// scenario travels by id (with a fingerprint, so a link made with a different edition of that
// scenario is recognised); any other scenario travels whole. The JSON is compressed with the
// platform's CompressionStream('deflate-raw') and written in base64url.
//
// Decoding never throws: a damaged, truncated or tampered link gets a plain message, and what it
// decodes to goes through the same checks as a saved game, replay included.

import * as v from 'valibot';
import type { DecisionLog } from '../engine/game';
import type { GameSetup } from '../engine/machines/gameMachine';
import { valueDepthProblem } from '../engine/scenario/input';
import { describeValue } from '../engine/scenario/words';
import type { Scenario } from '../engine/types';
import {
  checkEmbeddedScenario,
  checkPlayable,
  gameSchemas,
  problemMessage,
  problemsOf,
} from './saveFormat';
import { fromBase64Url, toBase64Url } from './base64Url';

export { fromBase64Url, toBase64Url };

export const SHARE_LINK_VERSION = 1;
export const SHARE_LINK_PREFIX = '#play=';
/** Longest link text accepted (characters after "play="). */
export const MAX_LINK_LENGTH = 2_000_000;
/** Most bytes a link may unpack to: stops a "zip bomb" link from exhausting memory. */
export const MAX_UNPACKED_BYTES = 5_000_000;

export type ShareLinkResult =
  { ok: true; setup: GameSetup; log: DecisionLog } | { ok: false; message: string };

// ---------------------------------------------------------------- compression

async function pipe(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array> {
  // A plain ReadableStream, not Blob.stream(): jsdom's Blob (in component tests) has no stream().
  const source = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
  const reader = source.pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

// ---------------------------------------------------------------- scenario fingerprint

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** FNV-1a over the scenario's canonical JSON: the same content gives the same fingerprint. */
export function scenarioFingerprint(scenario: Scenario): string {
  const text = canonical(scenario);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

// ---------------------------------------------------------------- encode / decode

/**
 * The URL fragment (`#play=…`) that replays this game. Shipped scenarios (ids in `shippedIds`)
 * travel by id; any other scenario is embedded whole.
 */
export async function encodeShareLink(
  setup: GameSetup,
  log: DecisionLog,
  shippedIds: string[],
): Promise<string> {
  const shipped = shippedIds.includes(setup.scenario.id);
  const payload = {
    v: SHARE_LINK_VERSION,
    ...(shipped
      ? { scenarioId: setup.scenario.id, scenarioHash: scenarioFingerprint(setup.scenario) }
      : { scenario: setup.scenario }),
    seed: setup.seed,
    humans: setup.humans,
    log,
  };
  const json = new TextEncoder().encode(JSON.stringify(payload));
  const packed = await pipe(json, new CompressionStream('deflate-raw'), Infinity);
  return `${SHARE_LINK_PREFIX}${toBase64Url(packed)}`;
}

const damaged = (why: string): ShareLinkResult => ({
  ok: false,
  message: `This link is damaged: ${why}. Ask for the link again, and copy all of it.`,
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Read a share link: a fragment (`#play=…`), the part after `#`, or a whole URL. Checks it like a
 * saved game (decisions against the scenario, and a full replay). Never throws.
 */
export async function decodeShareLink(
  fragment: string,
  shipped: Scenario[],
): Promise<ShareLinkResult> {
  try {
    const match = /(?:^|[#&?])play=([^&#]*)/.exec(String(fragment).trim());
    if (!match) {
      return { ok: false, message: 'This is not a Threshold game link: it has no "#play=" part.' };
    }
    const text = match[1] ?? '';
    if (text.length === 0) return damaged('it is empty');
    if (text.length > MAX_LINK_LENGTH) return damaged('it is far longer than any game link');
    const bytes = fromBase64Url(text);
    if (!bytes) return damaged('it contains characters a game link cannot have');

    let unpacked: Uint8Array;
    try {
      unpacked = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_UNPACKED_BYTES);
    } catch {
      return damaged('it could not be unpacked (it may have been cut short when copied)');
    }
    let payload: unknown;
    try {
      payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(unpacked));
    } catch {
      return damaged('its contents could not be read');
    }
    const deep = valueDepthProblem(payload);
    if (deep) return damaged(deep);
    if (!isObject(payload)) return damaged('its contents are not a game');
    if (payload.v !== SHARE_LINK_VERSION) {
      return {
        ok: false,
        message: `This link was made by a different version of Threshold (link format ${describeValue(payload.v)}); this version reads format ${SHARE_LINK_VERSION}.`,
      };
    }

    let scenario: Scenario;
    if (typeof payload.scenarioId === 'string') {
      const found = shipped.find((s) => s.id === payload.scenarioId);
      if (!found) {
        return {
          ok: false,
          message: `This link names a scenario this version doesn't have: ${describeValue(payload.scenarioId)}.`,
        };
      }
      if (payload.scenarioHash !== undefined && typeof payload.scenarioHash !== 'string') {
        return damaged(
          `scenarioHash: expected the scenario's fingerprint as text, got ${describeValue(payload.scenarioHash)}`,
        );
      }
      if (
        payload.scenarioHash !== undefined &&
        payload.scenarioHash !== scenarioFingerprint(found)
      ) {
        return {
          ok: false,
          message: `This link was made with a different edition of the scenario "${found.title}" than this version has, so it would not replay the same game.`,
        };
      }
      scenario = found;
    } else if (payload.scenario !== undefined) {
      const checked = checkEmbeddedScenario(payload.scenario, ['scenario']);
      if (!checked.ok) return damaged(checked.message);
      scenario = checked.scenario;
    } else {
      return damaged('it names no scenario');
    }

    const { Seed, Humans, Log } = gameSchemas(scenario);
    const parsed = v.safeParse(v.object({ seed: Seed, humans: Humans, log: Log }), payload);
    if (!parsed.success) {
      return damaged(problemMessage(problemsOf(parsed.issues, [])));
    }
    const { seed, humans } = parsed.output;
    const log = parsed.output.log as DecisionLog;
    const unplayable = checkPlayable(scenario, seed, humans, log, null, {
      log: ['log'],
      pending: [],
    });
    if (unplayable) return damaged(unplayable);
    return { ok: true, setup: { scenario, seed, humans }, log };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `This link could not be opened (${detail}).` };
  }
}
