// The networked workshop's server: serves the built app (dist/), a small HTTP API to create,
// import and export rooms, and the real-time endpoint every device joins (WebSocket, `ws`).
// Every message is size-limited, rate-limited and checked before the rooms see it; a bad message
// gets an error reply and the server carries on.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { jsonTextDepthProblem, valueDepthProblem } from '../engine/scenario/input';
import { problemMessage, problemsOf } from '../lib/saveFormat';
import {
  API,
  ClientMessageSchema,
  MAX_MESSAGE_BYTES,
  ROOM_SOCKET_PATH,
  type ServerMessage,
} from '../lib/roomProtocol';
import { MAX_SESSION_BYTES } from '../lib/workshopSession';
import { RoomStore } from './database';
import { DEVICE_RATE, fullBucket, take, type RateLimit } from './rateLimit';
import { errorReply, RoomHub, type Device } from './rooms';
import { readShippedScenarios, SCENARIOS_DIR } from './scenarios';
import { serveStatic } from './staticFiles';

export interface ServerOptions {
  /** 0 (the default): any free port. */
  port?: number;
  host?: string;
  /** The SQLite database file (created if missing). */
  dbPath: string;
  /** The built app to serve (default: dist/ beside src/). */
  distDir?: string;
  scenariosDir?: string;
  now?: () => number;
  rate?: RateLimit;
  /** A connection that has not joined a room by then is closed (default 30 s). */
  joinTimeoutMs?: number;
  warn?: (line: string) => void;
}

export interface RunningServer {
  port: number;
  host: string;
  hub: RoomHub;
  /** Scenario files left out at start (each a line naming the file and its problem). */
  scenarioProblems: string[];
  close(): Promise<void>;
}

export const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

/** A create request carries at most a scenario file (1 MB) and a little more. */
const MAX_CREATE_BYTES = 2 * 1024 * 1024;
/** A hard ceiling: a frame larger than this closes the connection (smaller ones get an error). */
const MAX_FRAME_BYTES = 1024 * 1024;
/** A device that goes on flooding after this many refusals in a row is disconnected. */
const MAX_REFUSED_IN_A_ROW = 200;
/** Dead connections (a laptop that slept, Wi-Fi gone) are found by pinging. */
const HEARTBEAT_MS = 30_000;

function sendJson(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  res.writeHead(status, {
    ...CORS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** The request's body as text, or null once it passes `limit` bytes (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function tooLarge(limit: number): string {
  return `the request is larger than ${Math.round(limit / 1024 / 1024)} MB`;
}

/**
 * A facilitator may create a room from the app served elsewhere (a laptop's own copy, typing this
 * server's address): creating and importing rooms is open to any page. Nothing rides on cookies
 * (a token is sent only by whoever holds it), so any origin may call the API.
 */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization',
  'access-control-max-age': '600',
};

async function handleApi(hub: RoomHub, req: IncomingMessage, res: ServerResponse, path: string) {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS);
    res.end();
    return;
  }
  if (path === API.rooms && req.method === 'POST') {
    const text = await readBody(req, MAX_CREATE_BYTES);
    if (text === null) return sendJson(res, 413, { error: tooLarge(MAX_CREATE_BYTES) });
    const deep = jsonTextDepthProblem(text);
    if (deep) return sendJson(res, 400, { error: `line ${deep.line}: ${deep.message}` });
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return sendJson(res, 400, { error: 'the request is not valid JSON' });
    }
    const created = await hub.createRoom(value);
    return created.ok
      ? sendJson(res, 201, created.created)
      : sendJson(res, 400, { error: created.message });
  }
  if (path === API.importRoom && req.method === 'POST') {
    const text = await readBody(req, MAX_SESSION_BYTES);
    if (text === null) return sendJson(res, 413, { error: tooLarge(MAX_SESSION_BYTES) });
    const imported = await hub.importRoom(text);
    return imported.ok
      ? sendJson(res, 201, imported.created)
      : sendJson(res, 400, { error: imported.message });
  }
  if (path === API.session && req.method === 'GET') {
    const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    const exported = hub.exportRoom(auth?.[1] ?? '');
    if (!exported.ok) return sendJson(res, 403, { error: exported.message });
    res.writeHead(200, {
      ...CORS,
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${exported.fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(exported.text);
    return;
  }
  if (path === '/api/health' && req.method === 'GET') {
    return sendJson(res, 200, { ok: true, rooms: hub.roomCount });
  }
  sendJson(res, 404, { error: `no such API: ${req.method} ${path}` });
}

function rawSize(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}

/** Wire one WebSocket to the hub: every message checked, every failure answered. */
interface Limits {
  rate: RateLimit;
  joinTimeoutMs: number;
}

function connect(socket: WebSocket, hub: RoomHub, now: () => number, limits: Limits): void {
  const { rate } = limits;
  const device: Device = {
    send(message: ServerMessage) {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    },
  };
  let bucket = fullBucket(rate, now());
  let refusedInARow = 0;
  let alive = true;
  socket.on('pong', () => (alive = true));
  const heartbeat = setInterval(() => {
    if (!alive) {
      socket.terminate();
      return;
    }
    alive = false;
    socket.ping();
  }, HEARTBEAT_MS);
  heartbeat.unref();
  // A connection that never joins holds nothing: it is closed, so idle sockets cannot pile up.
  let joinWait: ReturnType<typeof setTimeout> | null = setTimeout(() => {
    socket.close(4001, 'join with a token first');
  }, limits.joinTimeoutMs);
  joinWait.unref();

  socket.on('message', (data, isBinary) => {
    try {
      const taken = take(bucket, rate, now());
      bucket = taken.bucket;
      if (!taken.allowed) {
        if (++refusedInARow > MAX_REFUSED_IN_A_ROW) socket.close(1008, 'too many messages');
        else device.send(errorReply(undefined, 'rateLimited', 'too many messages: wait a moment'));
        return;
      }
      refusedInARow = 0;
      const size = rawSize(data);
      if (size > MAX_MESSAGE_BYTES) {
        device.send(
          errorReply(
            undefined,
            'tooLarge',
            `the message is ${size} bytes; a message is at most ${MAX_MESSAGE_BYTES}`,
          ),
        );
        return;
      }
      if (isBinary) {
        device.send(errorReply(undefined, 'invalid', 'send messages as JSON text'));
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(rawText(data));
      } catch {
        device.send(errorReply(undefined, 'invalid', 'the message is not valid JSON'));
        return;
      }
      const deep = valueDepthProblem(value, 16);
      if (deep) {
        device.send(errorReply(undefined, 'invalid', `the message cannot be read: ${deep}`));
        return;
      }
      const parsed = v.safeParse(ClientMessageSchema, value);
      if (!parsed.success) {
        const id = (value as { id?: unknown } | null)?.id;
        const echo = typeof id === 'string' || typeof id === 'number' ? id : undefined;
        device.send(errorReply(echo, 'invalid', problemMessage(problemsOf(parsed.issues, []))));
        return;
      }
      const message = parsed.output;
      if (message.type === 'join') {
        if (hub.join(device, message.token, message.id, message.pin) && joinWait) {
          clearTimeout(joinWait);
          joinWait = null;
        }
      } else
        hub.command(device, message).catch((error: unknown) => {
          const detail = error instanceof Error ? error.message : String(error);
          device.send(errorReply(message.id, 'server', `the server could not do that (${detail})`));
        });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      device.send(errorReply(undefined, 'server', `the server could not read that (${detail})`));
    }
  });
  socket.on('close', () => {
    clearInterval(heartbeat);
    if (joinWait) clearTimeout(joinWait);
    hub.leave(device);
  });
  // A connection's own failure (a reset, a bad frame) ends that connection, nothing else.
  socket.on('error', () => socket.terminate());
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const now = options.now ?? (() => Date.now());
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const distDir = options.distDir ?? DIST_DIR;
  const shipped = await readShippedScenarios(options.scenariosDir ?? SCENARIOS_DIR);
  const store = await RoomStore.open(options.dbPath);
  const hub = await RoomHub.open({ store, scenarios: shipped.scenarios, now, warn });

  const http: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const handled = path.startsWith('/api/')
      ? handleApi(hub, req, res, path)
      : serveStatic(distDir, req, res, path);
    Promise.resolve(handled).catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendJson(res, 500, { error: `the server failed (${detail})` });
      else res.destroy();
    });
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  http.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== ROOM_SOCKET_PATH) {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) =>
      connect(ws, hub, now, {
        rate: options.rate ?? DEVICE_RATE,
        joinTimeoutMs: options.joinTimeoutMs ?? 30_000,
      }),
    );
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  const address = http.address() as AddressInfo;

  return {
    port: address.port,
    host: address.address,
    hub,
    scenarioProblems: shipped.problems,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await hub.settle();
      store.close();
    },
  };
}
