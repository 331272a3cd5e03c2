// The networked room's paths: what a device opened from a join link fetches, on the same build as
// the modes' paths, served by the workshop server itself (src/server/server.ts, in this process,
// on a free loopback port with a temporary database, as the networked browser tests start it).
// The recorded page is one device; the rest of the room (the console, the other team) is driven
// over WebSockets, so only that device's fetches are counted. A team joins on a phone over a
// venue's Wi-Fi: its path is held to the same 110 kB as each mode's.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { CreateRoomRequest, CreatedRoom } from '../../src/lib/roomProtocol';
import { ROOM_SOCKET_PATH } from '../../src/lib/roomProtocol';
import { weigh, type PathWeight } from './pathWeight';
import { decision, Device } from './rooms';

const SCENARIO = 'eval-blind-spot';
const TEAMS = [{ name: 'Amber' }, { name: 'Birch' }];

/** The room being played: its links, and its console and second team as sockets. */
interface BenchRoom {
  room: CreatedRoom;
  /** The server's WebSocket address. */
  socket: string;
  console: Device;
  birch: Device;
  close: () => void;
}

async function createRoom(base: string, extra: Partial<CreateRoomRequest>): Promise<BenchRoom> {
  const request: CreateRoomRequest = {
    scenario: SCENARIO,
    seed: 7,
    teams: TEAMS,
    timerSeconds: null,
    ...extra,
  };
  const res = await fetch(new URL('api/rooms', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await res.json()) as CreatedRoom & { error?: string };
  if (res.status !== 201) throw new Error(`the bench's room was not created: ${body.error}`);
  const socket = new URL(ROOM_SOCKET_PATH, base.replace(/^http/, 'ws')).href;
  const console = await Device.join(socket, body.tokens.facilitator);
  const birch = await Device.join(socket, body.tokens.teams[1]?.token ?? '');
  return {
    room: body,
    socket,
    console,
    birch,
    close: () => {
      console.close();
      birch.close();
    },
  };
}

/** Send a command from a socket device; the bench stops if the server refuses it. */
async function command(device: Device, what: Record<string, unknown>): Promise<void> {
  if (!(await device.send(what))) throw new Error(`the server refused ${JSON.stringify(what)}`);
}

/** Both teams lock in over sockets of their own (the recorded page is the projector or console). */
async function teamsLockIn(room: BenchRoom): Promise<void> {
  const amber = await Device.join(room.socket, room.room.tokens.teams[0]?.token ?? '');
  try {
    for (const team of [amber, room.birch])
      await command(team, { type: 'submit', decision: decision() });
  } finally {
    amber.close();
  }
}

/** Amber's device locks in on its form; Birch locks in over its socket; the console resolves. */
async function playQuarter(page: Page, room: BenchRoom): Promise<void> {
  await command(room.console, { type: 'openDecisions' });
  await page.getByRole('button', { name: 'Lock in decision' }).click();
  await page.getByText('Locked in:').waitFor();
  await command(room.birch, { type: 'submit', decision: decision() });
  await command(room.console, { type: 'resolve' });
}

const quarterHeading = (page: Page, quarter: number) =>
  page.getByRole('heading', { level: 1, name: new RegExp(`^Quarter ${quarter}`) });

/** A team's device (Amber's) from its join link through quarter 1 to quarter 2's news. */
const teamQuarter = async (page: Page, base: string): Promise<void> => {
  const room = await createRoom(base, {});
  try {
    await page.goto(`${base}#room=${room.room.tokens.teams[0]?.token}`);
    await page.getByText('Waiting for the facilitator to open decisions').waitFor();
    await playQuarter(page, room);
    await quarterHeading(page, 2).waitFor();
  } finally {
    room.close();
  }
};

/**
 * A team's whole game: the policy step (the team hands in its lab's policy as it stands), two
 * quarters, and the game's end, where the device shows the public view with the reveal.
 */
const teamWholeGame = async (page: Page, base: string): Promise<void> => {
  const room = await createRoom(base, {
    quarters: 2,
    policyStep: { minutes: null, disclosure: 'asWritten' },
  });
  try {
    await page.goto(`${base}#room=${room.room.tokens.teams[0]?.token}`);
    await page.getByRole('button', { name: 'Hand in our policy' }).click();
    await page.getByText('Handed in.').waitFor();
    await command(room.birch, { type: 'policySubmit' });
    await command(room.console, { type: 'beginQuarterOne' });
    await page.getByText('Waiting for the facilitator to open decisions').waitFor();
    await playQuarter(page, room);
    await quarterHeading(page, 2).waitFor();
    await playQuarter(page, room);
    await page.getByRole('heading', { name: 'The game is over' }).waitFor();
    await page.getByText(/^Game over/).waitFor();
  } finally {
    room.close();
  }
};

/** The projector's link through a one-quarter game to the reveal. */
const projectorToReveal = async (page: Page, base: string): Promise<void> => {
  const room = await createRoom(base, { quarters: 1 });
  try {
    await page.goto(`${base}#room=${room.room.tokens.projector}`);
    await page.getByText('Read the news — decisions open soon').waitFor();
    await command(room.console, { type: 'openDecisions' });
    await teamsLockIn(room);
    await command(room.console, { type: 'resolve' });
    await page.getByText(/^Game over/).waitFor();
  } finally {
    room.close();
  }
};

/** The console's link, on the facilitator's laptop, through a one-quarter game to its report. */
const consoleToReport = async (page: Page, base: string): Promise<void> => {
  const room = await createRoom(base, { quarters: 1 });
  try {
    await page.goto(`${base}#room=${room.room.tokens.facilitator}`);
    await page.getByRole('button', { name: 'Open decisions' }).click();
    await teamsLockIn(room);
    const resolve = page.getByRole('button', { name: 'Resolve the quarter' });
    await page.getByText('Every team has locked in', { exact: true }).waitFor();
    await resolve.click();
    await page.getByRole('button', { name: 'Download the report (Markdown)' }).waitFor();
  } finally {
    room.close();
  }
};

export const ROOM_PATHS: [string, (page: Page, base: string) => Promise<void>][] = [
  ['a team’s device through a networked room’s quarter', teamQuarter],
  ['a team’s device through a whole game (policy step, 2 quarters, reveal)', teamWholeGame],
  ['the projector in a networked room, to the reveal', projectorToReveal],
  ['the console in a networked room, to the report', consoleToReport],
];

/** Every room path, each in a room of its own, on a server started for them and stopped after. */
export async function benchRoomPaths(browser: Browser, outDir: string): Promise<PathWeight[]> {
  const { startServer } = await import('../../src/server/server');
  const dir = mkdtempSync(join(tmpdir(), 'threshold-bench-paths-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dir, 'rooms.db'),
    distDir: outDir,
    warn: () => {},
  });
  try {
    const base = `http://127.0.0.1:${server.port}/`;
    const weights: PathWeight[] = [];
    for (const [name, session] of ROOM_PATHS)
      weights.push(await weigh(browser, base, outDir, name, session));
    return weights;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
