// A real server for tests: in-process on a free loopback port, with a database file in a fresh
// temporary folder, and devices that are real WebSocket clients (the `ws` package: Node 20 has no
// WebSocket of its own). Nothing here waits on wall-clock time: every wait is for a message.

import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import {
  ROOM_SOCKET_PATH,
  type CreatedRoom,
  type CreateRoomRequest,
  type RoomView,
  type ServerMessage,
} from '../../src/lib/roomProtocol';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/server';

export interface TestPlace {
  dir: string;
  dbPath: string;
  distDir: string;
  remove(): void;
}

/** A temporary folder with a database path and a tiny built app to serve. */
export function testPlace(): TestPlace {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-server-'));
  const distDir = join(dir, 'dist');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Threshold</title>');
  return {
    dir,
    dbPath: join(dir, 'rooms.db'),
    distDir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function start(
  place: TestPlace,
  options: Partial<ServerOptions> = {},
): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: place.dbPath,
    distDir: place.distDir,
    warn: () => {},
    ...options,
  });
}

export const baseUrl = (server: RunningServer) => `http://127.0.0.1:${server.port}`;
export const socketUrl = (server: RunningServer) =>
  `ws://127.0.0.1:${server.port}${ROOM_SOCKET_PATH}`;

export async function createRoom(
  server: RunningServer,
  request: CreateRoomRequest,
): Promise<CreatedRoom> {
  const res = await fetch(`${baseUrl(server)}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await res.json()) as CreatedRoom & { error?: string };
  if (res.status !== 201) throw new Error(`room not created: ${body.error}`);
  return body;
}

/** A device: a WebSocket that keeps every message it receives, and waits for the next ones. */
export class TestDevice {
  readonly received: ServerMessage[] = [];
  readonly raw: string[] = [];
  private waiters: {
    test: (m: ServerMessage) => boolean;
    resolve: (m: ServerMessage) => void;
    from: number;
  }[] = [];
  private nextId = 1;
  readonly closed: Promise<void>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString();
      this.raw.push(text);
      const message = JSON.parse(text) as ServerMessage;
      this.received.push(message);
      const index = this.received.length - 1;
      this.waiters = this.waiters.filter((w) => {
        if (index >= w.from && w.test(message)) {
          w.resolve(message);
          return false;
        }
        return true;
      });
    });
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
  }

  static async open(url: string): Promise<TestDevice> {
    const socket = new WebSocket(url);
    const device = new TestDevice(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return device;
  }

  /** Open and join with a token: resolves with the first view. */
  static async join(url: string, token: string): Promise<{ device: TestDevice; view: RoomView }> {
    const device = await TestDevice.open(url);
    const view = device.waitFor((m) => m.type === 'view');
    device.sendRaw(JSON.stringify({ type: 'join', token }));
    return { device, view: ((await view) as { view: RoomView }).view };
  }

  /** The next message (from now on) that passes `test`. */
  waitFor(
    test: (m: ServerMessage) => boolean,
    from = this.received.length,
  ): Promise<ServerMessage> {
    const seen = this.received.slice(from).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ test, resolve, from }));
  }

  sendRaw(data: string | Buffer): void {
    this.socket.send(data);
  }

  /** Send a command; resolves with its ack or error reply. */
  async request(message: Record<string, unknown>): Promise<ServerMessage> {
    const id = this.nextId++;
    const reply = this.waitFor((m) => (m.type === 'ack' || m.type === 'error') && m.id === id);
    this.socket.send(JSON.stringify({ ...message, id }));
    return reply;
  }

  /** Send a command and wait for the view it brings (the server sends it right after the ack). */
  async act(message: Record<string, unknown>): Promise<RoomView> {
    const reply = await this.request(message);
    if (reply.type !== 'ack') throw new Error(`refused: ${JSON.stringify(reply)}`);
    const view = await this.waitFor((m) => m.type === 'view', this.received.indexOf(reply) + 1);
    return (view as { view: RoomView }).view;
  }

  lastView(): RoomView | null {
    for (let i = this.received.length - 1; i >= 0; i--) {
      const m = this.received[i] as ServerMessage;
      if (m.type === 'view') return m.view;
    }
    return null;
  }

  close(): Promise<void> {
    this.socket.close();
    return this.closed;
  }
}

/** A valid decision for any shipped scenario: restrict, with `capabilities` of the budget. */
export const decision = (capabilities: number) => ({
  posture: 'restrict',
  budget: {
    capabilities,
    security: 0.2,
    deployment: 0.2,
    alignment: 0.2,
    evals: Math.round((0.4 - capabilities) * 1000) / 1000,
  },
  actions: [],
});
