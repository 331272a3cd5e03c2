// The browser's room client, run in Node against the real server (the `ws` client stands in for
// the browser's WebSocket). Waits are for states, never for time.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { CreatedEvent, FacilitatorView, TeamView } from '../../src/lib/roomProtocol';
import { addTableToEvent } from '../../src/lib/eventClient';
import {
  backoffDelay,
  connectRoom,
  createEvent,
  createRoom,
  exportRoom,
  importRoom,
  roomSocketUrl,
  type RoomClient,
  type RoomClientState,
  type SocketLike,
} from '../../src/lib/roomClient';
import type { RunningServer } from '../../src/server/server';
import { baseUrl, socketUrl, start, type TestPlace } from './harness';
import { openServer } from './fixture';

const wsSocket = (url: string) => new WebSocket(url) as unknown as SocketLike;
const FAST = { initialMs: 10, maxMs: 100 };

function until(
  client: RoomClient,
  test: (s: RoomClientState) => boolean,
): Promise<RoomClientState> {
  return new Promise((resolve) => {
    const stop = client.subscribe((s) => {
      if (test(s)) {
        queueMicrotask(() => stop());
        resolve(s);
      }
    });
  });
}

const decision = {
  posture: 'deploy',
  budget: { capabilities: 0.4, security: 0.15, deployment: 0.15, alignment: 0.15, evals: 0.15 },
  actions: [],
};

let place: TestPlace;
let server: RunningServer;
const clients: RoomClient[] = [];

/** A two-team room made through the client's own helper: its tokens. */
async function twoTeams(scenario: string, seed: number) {
  const created = await createRoom(baseUrl(server), {
    scenario,
    seed,
    teams: [{ name: 'North' }, { name: 'South' }],
  });
  if (!created.ok) throw new Error(created.message);
  return created.value.tokens;
}

function connect(token: string): RoomClient {
  const client = connectRoom({ url: socketUrl(server), token, socket: wsSocket, backoff: FAST });
  clients.push(client);
  return client;
}

beforeEach(async () => {
  ({ place, server } = await openServer());
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server.close();
  place.remove();
});

describe('room client', () => {
  it('backs off, doubling to a ceiling, with jitter', () => {
    const b = { initialMs: 500, maxMs: 15_000 };
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, b, () => 1))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelay(20, b, () => 1)).toBe(15_000);
    expect(backoffDelay(0, b, () => 0)).toBe(250);
    expect(roomSocketUrl({ protocol: 'https:', host: 'example.org' })).toBe(
      'wss://example.org/live',
    );
    expect(roomSocketUrl({ protocol: 'http:', host: '192.168.1.5:8080' })).toBe(
      'ws://192.168.1.5:8080/live',
    );
  });

  it('joins, sends, and keeps the views as they come', async () => {
    const base = baseUrl(server);
    const tokens = await twoTeams('race-to-the-bottom', 3);
    const console = connect(tokens.facilitator);
    const team = connect(tokens.teams[0]!.token);
    const joined = await until(team, (s) => s.connection === 'open' && s.view !== null);
    expect(joined).toMatchObject({ role: 'team', lab: tokens.teams[0]!.lab });

    // Before decisions open, the server says why not.
    expect(await team.send({ type: 'submit', decision })).toMatchObject({
      ok: false,
      code: 'notNow',
    });
    await until(console, (s) => s.view !== null);
    expect(await console.send({ type: 'openDecisions' })).toEqual({ ok: true });
    expect(await team.send({ type: 'submit', decision })).toEqual({ ok: true });
    const mine = await until(team, (s) => (s.view as TeamView | null)?.decision !== null);
    expect((mine.view as TeamView).decision?.posture).toBe('deploy');
    const seen = await until(console, (s) => (s.view as FacilitatorView).lockedIn.length === 1);
    expect((seen.view as FacilitatorView).waiting).toEqual([tokens.teams[1]!.lab]);

    // Export and import through the same helpers.
    const file = await exportRoom(base, tokens.facilitator);
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    const copy = await importRoom(base, file.value);
    expect(copy.ok).toBe(true);
    expect(await exportRoom(base, tokens.projector)).toMatchObject({ ok: false });
  });

  it('drops the socket when the device goes offline, waits, and rejoins once it is back', async () => {
    const tokens = await twoTeams('eval-blind-spot', 11);
    let online = true;
    const listeners = new Set<(online: boolean) => void>();
    const network = {
      online: () => online,
      subscribe(listener: (online: boolean) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const setOnline = (value: boolean) => {
      online = value;
      for (const listener of listeners) listener(value);
    };
    let opened = 0;
    const socket = (url: string) => {
      opened++;
      return wsSocket(url);
    };
    const team = connectRoom({
      url: socketUrl(server),
      token: tokens.teams[0]!.token,
      socket,
      backoff: FAST,
      network,
    });
    clients.push(team);
    await until(team, (s) => s.connection === 'open' && s.view !== null);
    expect(opened).toBe(1);

    setOnline(false);
    // At once, without waiting for the socket to time out: and nothing can be sent meanwhile.
    expect(team.state.connection).toBe('reconnecting');
    expect(await team.send({ type: 'withdraw' })).toMatchObject({ ok: false, code: 'offline' });
    // While offline it does not try the network (a few backoff periods pass with no new socket).
    await until(team, (s) => s.attempts >= 3);
    expect(opened).toBe(1);

    setOnline(true);
    const back = await until(team, (s) => s.connection === 'open');
    expect(back.rejoined).toBe('reconnected');
    expect(opened).toBe(2);
    expect(back.view?.kind).toBe('team');
  });

  it('reconnects after the server restarts and finds the room as it was', async () => {
    const tokens = await twoTeams('eval-blind-spot', 11);
    const console = connect(tokens.facilitator);
    await until(console, (s) => s.connection === 'open');
    await console.send({ type: 'openDecisions' });
    const team = connect(tokens.teams[1]!.token);
    await until(team, (s) => s.connection === 'open');
    expect(await team.send({ type: 'submit', decision })).toEqual({ ok: true });

    const port = server.port;
    const dropped = until(team, (s) => s.connection === 'reconnecting');
    await server.close();
    await dropped;
    // While the server is away, a command cannot go: the client says so at once.
    expect(await team.send({ type: 'withdraw' })).toMatchObject({ ok: false, code: 'offline' });
    // The screen keeps the last view while reconnecting.
    expect((team.state.view as TeamView).decision?.posture).toBe('deploy');

    const before = team.state.view;
    server = await start(place, { port });
    const back = await until(team, (s) => s.connection === 'open');
    expect(back.attempts).toBe(0);
    // The page can say the server itself restarted (not just this device's connection).
    expect(back.rejoined).toBe('serverRestarted');
    // A fresh view from the restarted server, rebuilt from its database.
    const view = await until(team, (s) => s.view !== before);
    expect((view.view as TeamView).decision?.posture).toBe('deploy');
    expect((view.view as TeamView).status.roundOpen).toBe(true);
  });

  it('a team token is refused, through the client, for another team and for the console', async () => {
    const tokens = await twoTeams('eval-blind-spot', 5);
    const console = connect(tokens.facilitator);
    await until(console, (s) => s.connection === 'open');
    expect(await console.send({ type: 'openDecisions' })).toEqual({ ok: true });
    const north = connect(tokens.teams[0]!.token);
    const joined = await until(north, (s) => s.connection === 'open' && s.view !== null);
    expect(joined.rejoined).toBe('first');
    // The team's device is given the scenario for its forms, without the facilitator's injects.
    expect(joined.scenario?.events).toEqual([]);
    const south = tokens.teams[1]!.lab;
    const forbidden = { ok: false, code: 'forbidden' };
    expect(await north.send({ type: 'submit', lab: south, decision })).toMatchObject(forbidden);
    expect(await north.send({ type: 'withdraw', lab: south })).toMatchObject(forbidden);
    for (const type of ['resolve', 'undo', 'pause', 'end', 'openDecisions'] as const) {
      expect(await north.send({ type }), type).toMatchObject(forbidden);
    }
    expect(await north.send({ type: 'reopenTeam', lab: south })).toMatchObject(forbidden);
    expect(await north.send({ type: 'fireInject', scripted: 0 })).toMatchObject(forbidden);
    // Nothing changed: South has not decided, the room is open and not paused.
    const room = await until(console, (s) => s.view?.kind === 'facilitator');
    expect((room.view as FacilitatorView).lockedIn).toEqual([]);
    expect(room.view?.status).toMatchObject({ roundOpen: true, paused: false, ended: false });
    // Its own lab it may decide for.
    expect(await north.send({ type: 'submit', decision })).toEqual({ ok: true });
  });

  it('stops for good when the token is refused', async () => {
    const client = connect('B'.repeat(24));
    const refused = await until(client, (s) => s.connection === 'refused');
    expect(refused.error?.code).toBe('badToken');
    expect(refused.error?.message).toMatch(/not for any room/);
  });
});

describe('event client', () => {
  async function newEvent(name: string): Promise<CreatedEvent> {
    const created = await createEvent(baseUrl(server), name);
    if (!created.ok) throw new Error(created.message);
    return created.value;
  }

  it('joins an event’s link and keeps its view; a room is added in one visit', async () => {
    const event = await newEvent('Cohort 9');
    const room = await twoTeams('eval-blind-spot', 4);
    const eventConsole = connect(event.tokens.facilitator);
    const joined = await until(eventConsole, (s) => s.event !== null);
    expect(joined).toMatchObject({ connection: 'open', eventRole: 'eventFacilitator', role: null });
    expect(joined.event?.tables).toEqual([]);

    const added = await addTableToEvent({
      url: socketUrl(server),
      eventToken: event.tokens.facilitator,
      roomToken: room.facilitator,
      table: 'North',
      socket: wsSocket,
      backoff: FAST,
    });
    expect(added).toEqual({ ok: true, eventId: event.eventId });
    const seen = await until(eventConsole, (s) => s.event?.tables.length === 1);
    expect(seen.event?.tables[0]?.table).toBe('North');

    // The client sends event commands too, and reads a refusal in the server's words.
    const again = await eventConsole.send({ type: 'addTable', roomToken: room.facilitator });
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/already a table/) });
  });

  it('says which link it was given when it is not the event console’s', async () => {
    const event = await newEvent('Cohort 10');
    const room = await twoTeams('eval-blind-spot', 4);
    const attempt = (eventToken: string) =>
      addTableToEvent({
        url: socketUrl(server),
        eventToken,
        roomToken: room.facilitator,
        socket: wsSocket,
        backoff: FAST,
      });
    expect(await attempt(event.tokens.projector)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/projector link, which is read-only/),
    });
    expect(await attempt(room.projector)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/a room’s link, not an event’s/),
    });
    expect(await attempt('A'.repeat(24))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not for any event on this server/),
    });
  });
});
