// The networked workshop under a conference's load: a real server process (src/server/main.ts,
// what `npm run host` runs, on loopback with a temporary database), 50 rooms of 6 teams, a
// projector and a console each, every device a WebSocket of its own in this process. Each quarter
// the consoles open decisions, every team locks in at a random moment within a second, and the
// consoles resolve once they see every team locked in. Measured: the time from a team's lock-in
// to its room's console showing it, every view each device should have had and did not get, and
// the server process's memory and CPU time. Figures only: nothing here fails on time.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { CreatedRoom, RoomView, ServerMessage } from '../../src/lib/roomProtocol';
import { ROOM_SOCKET_PATH } from '../../src/lib/roomProtocol';
import { freePort } from './browser';
import { stats, type Stats } from './round';

export interface RoomsBenchOptions {
  rooms: number;
  teams: number;
  quarters: number;
  /** Teams lock in at a random moment within this many ms of decisions opening. */
  spreadMs: number;
}

export interface RoomsBench extends RoomsBenchOptions {
  scenario: string;
  devices: number;
  lockIns: number;
  /** Changes to rooms: every lock-in, every opening of decisions, every resolution. */
  changes: number;
  /** Lock-in sent → the room's console received a view showing it. */
  latency: Stats;
  /** Views a device should have received (one per change in its room) and never did. */
  lost: number;
  expectedViews: number;
  /** Lock-ins never acknowledged, or never shown on the console. */
  unconfirmed: number;
  rssStartMB: number;
  rssPeakMB: number;
  rssEndMB: number;
  /** The server's CPU time (user + system) while the quarters were played, and the wall time. */
  cpuSeconds: number;
  wallSeconds: number;
  /** False when /proc is not there to read (not Linux): no memory or CPU figures. */
  measured: boolean;
}

const SCENARIO = 'anthropic-rsp';
/** How long to wait for a message before counting it lost (the bench never fails on time). */
const GIVE_UP_MS = 30_000;

/** A process's CPU time in seconds and resident memory in MB, from /proc (Linux). */
function sample(pid: number): { cpu: number; rssMB: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after its closing bracket.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return { cpu: ticks / 100, rssMB: rss / 1024 };
  } catch {
    return null;
  }
}

/**
 * One device: a socket that counts its views and lets the bench wait for one that passes a test.
 * (roomPaths.ts drives a room's console and the other teams with it.)
 */
export class Device {
  views = 0;
  private waiters: {
    test: (m: ServerMessage) => boolean;
    done: (m: ServerMessage | null) => void;
  }[] = [];
  private nextId = 1;
  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (message.type === 'view') this.views++;
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(message)) return true;
        w.done(message);
        return false;
      });
    });
  }

  static async join(url: string, token: string): Promise<Device> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const device = new Device(socket);
    const joined = device.next((m) => m.type === 'view');
    socket.send(JSON.stringify({ type: 'join', token }));
    if (!(await joined)) throw new Error('a device could not join its room');
    return device;
  }

  /** The next message passing `test`, or null if none comes in time. */
  next(test: (m: ServerMessage) => boolean): Promise<ServerMessage | null> {
    return new Promise((resolve) => {
      const waiter = { test, done: resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        if (!this.waiters.includes(waiter)) return;
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(null);
      }, GIVE_UP_MS).unref();
    });
  }

  /** Send a command; resolves true on its ack. */
  send(command: Record<string, unknown>): Promise<boolean> {
    const id = this.nextId++;
    const reply = this.next((m) => (m.type === 'ack' || m.type === 'error') && m.id === id);
    this.socket.send(JSON.stringify({ ...command, id }));
    return reply.then((m) => m?.type === 'ack');
  }

  close(): void {
    this.socket.close();
  }
}

const isView = (m: ServerMessage): m is { type: 'view'; view: RoomView } => m.type === 'view';
const consoleShows = (lab: string) => (m: ServerMessage) =>
  isView(m) && m.view.kind === 'facilitator' && m.view.lockedIn.includes(lab);

/** A valid decision for any shipped scenario: restrict, an even-handed budget, no actions. */
export function decision() {
  return {
    posture: 'restrict',
    budget: { capabilities: 0.3, security: 0.2, deployment: 0.2, alignment: 0.15, evals: 0.15 },
    actions: [],
  };
}

interface BenchRoom {
  room: CreatedRoom;
  console: Device;
  projector: Device;
  teams: Device[];
}

async function startHost(root: string, dbPath: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/server/main.ts',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--db',
      dbPath,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('server is running')) resolve();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
  return child;
}

/** Play `quarters` quarters in every room at once; the server in its own process. */
export async function benchRooms(root: string, options: RoomsBenchOptions): Promise<RoomsBench> {
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    console.log('  (dist/ is missing: the server builds the app before it starts)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'threshold-bench-rooms-'));
  const port = await freePort();
  const host = await startHost(root, join(dir, 'bench.db'), port);
  const pid = host.pid ?? 0;
  const base = `http://127.0.0.1:${port}`;
  const url = `ws://127.0.0.1:${port}${ROOM_SOCKET_PATH}`;
  const rooms: BenchRoom[] = [];
  try {
    for (let i = 0; i < options.rooms; i++) {
      const res = await fetch(`${base}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          scenario: SCENARIO,
          seed: 7,
          teams: Array.from({ length: options.teams }, (_, t) => ({ name: `Team ${t + 1}` })),
          timerSeconds: null,
        }),
      });
      const body = (await res.json()) as CreatedRoom & { error?: string };
      if (res.status !== 201) throw new Error(`a room was not created: ${body.error}`);
      rooms.push({
        room: body,
        console: await Device.join(url, body.tokens.facilitator),
        projector: await Device.join(url, body.tokens.projector),
        teams: await Promise.all(body.tokens.teams.map((t) => Device.join(url, t.token))),
      });
    }
    const devices = rooms.flatMap((r) => [r.console, r.projector, ...r.teams]);
    const viewsBefore = devices.map((d) => d.views);
    const latencies: number[] = [];
    let unconfirmed = 0;
    let changes = 0;

    const start = sample(pid);
    let peak = start?.rssMB ?? NaN;
    const watch = setInterval(() => {
      const now = sample(pid);
      if (now) peak = Math.max(peak, now.rssMB);
    }, 100);
    const began = performance.now();

    for (let q = 0; q < options.quarters; q++) {
      await Promise.all(rooms.map((r) => r.console.send({ type: 'openDecisions' })));
      changes++;
      await Promise.all(
        rooms.map(async (r) => {
          const labs = r.room.tokens.teams.map((t) => t.lab);
          await Promise.all(
            r.teams.map(async (team, t) => {
              await new Promise((resolve) => setTimeout(resolve, Math.random() * options.spreadMs));
              const shown = r.console.next(consoleShows(labs[t] ?? ''));
              const sent = performance.now();
              const [acked, seen] = await Promise.all([
                team.send({ type: 'submit', decision: decision() }),
                shown.then((ok) => (ok ? performance.now() : null)),
              ]);
              if (!acked || seen === null) unconfirmed++;
              else latencies.push(seen - sent);
            }),
          );
          // Every device's view after the resolution, before the next quarter opens.
          const resolved = Promise.all(
            [r.console, r.projector, ...r.teams].map((d) =>
              d.next((m) => isView(m) && m.view.status.round === q + 2),
            ),
          );
          await r.console.send({ type: 'resolve' });
          await resolved;
        }),
      );
      changes += options.teams + 1;
    }
    const wallSeconds = (performance.now() - began) / 1000;
    clearInterval(watch);
    const end = sample(pid);

    const expectedViews = devices.length * changes;
    const lost = devices.reduce(
      (sum, d, i) => sum + Math.max(0, changes - (d.views - (viewsBefore[i] ?? 0))),
      0,
    );
    for (const d of devices) d.close();
    return {
      ...options,
      scenario: SCENARIO,
      devices: devices.length,
      lockIns: options.rooms * options.teams * options.quarters,
      changes: options.rooms * changes,
      latency: stats(latencies),
      lost,
      expectedViews,
      unconfirmed,
      rssStartMB: start?.rssMB ?? NaN,
      rssPeakMB: peak,
      rssEndMB: end?.rssMB ?? NaN,
      cpuSeconds: start && end ? end.cpu - start.cpu : NaN,
      wallSeconds,
      measured: start !== null,
    };
  } finally {
    host.kill('SIGTERM');
    await new Promise((resolve) => host.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}
