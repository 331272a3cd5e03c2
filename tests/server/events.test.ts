// Events on a real server: a facilitator groups rooms into one event, the server refuses a room
// that plays a different game, the event's tokens are scoped, it survives a restart (and an old
// database gains its tables), and its screens get a table's results only once that table's game
// is over.

import { createClient } from '@libsql/client';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  CreatedEvent,
  CreatedRoom,
  CreateRoomRequest,
  EventView,
  FacilitatorView,
  ServerMessage,
} from '../../src/lib/roomProtocol';
import { SCHEMA_VERSION } from '../../src/server/database';
import type { RunningServer } from '../../src/server/server';
import {
  baseUrl,
  createRoom,
  decision,
  socketUrl,
  start,
  TestDevice,
  type TestPlace,
} from './harness';
import { openServer, closeServer, restartServer } from './fixture';

let place: TestPlace;
let server: RunningServer;
const devices: TestDevice[] = [];

beforeEach(async () => {
  ({ place, server } = await openServer());
});

afterEach(async () => {
  await closeServer(server, devices);
  place.remove();
});

const table = (overrides: Partial<CreateRoomRequest> = {}): CreateRoomRequest => ({
  scenario: 'eval-blind-spot',
  seed: 7,
  teams: [{ name: 'Amber' }, { name: 'Birch' }],
  timerSeconds: null,
  quarters: 2,
  ...overrides,
});

async function postEvent(body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${baseUrl(server)}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function createEvent(name = 'Tuesday cohort'): Promise<CreatedEvent> {
  const { status, body } = await postEvent({ name });
  if (status !== 201) throw new Error(`event not created: ${JSON.stringify(body)}`);
  return body as CreatedEvent;
}

const isEvent = (m: ServerMessage): m is { type: 'event'; view: EventView } => m.type === 'event';

/** A device on an event's link: resolves once it has the event's first view. */
async function joinEvent(token: string): Promise<{ device: TestDevice; view: EventView }> {
  const device = await TestDevice.open(socketUrl(server));
  devices.push(device);
  const first = device.waitFor(isEvent);
  device.sendRaw(JSON.stringify({ type: 'join', token }));
  return { device, view: ((await first) as { view: EventView }).view };
}

async function joinRoom(token: string) {
  const joined = await TestDevice.join(socketUrl(server), token);
  devices.push(joined.device);
  return joined;
}

/** Send an event command; resolves with the reply and, when accepted, the view that follows. */
async function eventCommand(device: TestDevice, message: Record<string, unknown>) {
  const reply = await device.request(message);
  if (reply.type !== 'ack') return { reply, view: null };
  const after = device.received.indexOf(reply) + 1;
  const view = (await device.waitFor(isEvent, after)) as { view: EventView };
  return { reply, view: view.view };
}

/** Play a room to its end: every quarter, every team locks in, the console resolves. */
async function playToTheEnd(room: CreatedRoom, capabilities = 0.2) {
  const console = await joinRoom(room.tokens.facilitator);
  const teams = await Promise.all(room.tokens.teams.map((t) => joinRoom(t.token)));
  for (;;) {
    const opened = await console.device.act({ type: 'openDecisions' });
    if (opened.status.over) return;
    for (const team of teams) {
      await team.device.act({ type: 'submit', decision: decision(capabilities) });
    }
    const resolved = await console.device.act({ type: 'resolve' });
    if (resolved.status.over) return;
  }
}

describe('events', () => {
  it('creates an event with its own tokens, and refuses a bad request saying why', async () => {
    const event = await createEvent();
    expect(event.tokens.facilitator).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(event.tokens.projector).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(event.tokens.facilitator).not.toBe(event.tokens.projector);

    const empty = await postEvent({ name: '   ' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toMatch(/name: a name cannot be empty/);
    const extra = await postEvent({ name: 'x', scenario: 'y' });
    expect(extra.status).toBe(400);

    const { view } = await joinEvent(event.tokens.facilitator);
    expect(view).toMatchObject({ kind: 'event', name: 'Tuesday cohort', plays: null, tables: [] });
    expect(view.tokens).toEqual(event.tokens);
    const projector = await joinEvent(event.tokens.projector);
    expect(projector.view.tokens).toBeNull();
  });

  it('adds rooms as tables and refuses a room playing another scenario, seed or length', async () => {
    const event = await createEvent();
    const { device } = await joinEvent(event.tokens.facilitator);
    const first = await createRoom(server, table());
    const second = await createRoom(
      server,
      table({ teams: [{ name: 'Cedar' }, { name: 'Dune' }] }),
    );

    const added = await eventCommand(device, {
      type: 'addTable',
      roomToken: first.tokens.facilitator,
    });
    expect(added.view?.plays).toEqual({ scenarioTitle: expect.any(String), seed: 7, quarters: 2 });
    const named = await eventCommand(device, {
      type: 'addTable',
      roomToken: second.tokens.facilitator,
      table: 'Back row',
    });
    expect(named.view?.tables.map((t) => [t.roomId, t.table])).toEqual([
      [first.roomId, 'Table 1'],
      [second.roomId, 'Back row'],
    ]);

    const refusals: [CreateRoomRequest, RegExp][] = [
      [table({ seed: 8 }), /is on seed 8, but this event’s tables are on seed 7/],
      [table({ quarters: 3 }), /plays 3 quarters, but this event’s tables play 2/],
      [table({ scenario: 'race-to-the-bottom' }), /plays “.+”, but this event’s tables play “.+”/],
    ];
    for (const [request, message] of refusals) {
      const other = await createRoom(server, request);
      const { reply } = await eventCommand(device, {
        type: 'addTable',
        roomToken: other.tokens.facilitator,
      });
      expect(reply).toMatchObject({ type: 'error', code: 'notNow' });
      expect(reply.type === 'error' && reply.message).toMatch(message);
      expect(reply.type === 'error' && reply.message).toMatch(/only the teams’ decisions differ/);
    }
    const again = await eventCommand(device, {
      type: 'addTable',
      roomToken: first.tokens.facilitator,
    });
    expect(again.reply.type === 'error' && again.reply.message).toMatch(/already a table/);

    const removed = await eventCommand(device, { type: 'removeTable', roomId: second.roomId });
    expect(removed.view?.tables.map((t) => t.roomId)).toEqual([first.roomId]);
  });

  it('scopes its tokens: a room’s links cannot add tables or read the event, and the event’s open no room', async () => {
    const event = await createEvent();
    const room = await createRoom(server, table());
    const eventConsole = await joinEvent(event.tokens.facilitator);
    const eventProjector = await joinEvent(event.tokens.projector);

    // Only the room's facilitator token proves the room may be pooled.
    for (const token of [room.tokens.teams[0]!.token, room.tokens.projector]) {
      const { reply } = await eventCommand(eventConsole.device, {
        type: 'addTable',
        roomToken: token,
      });
      expect(reply.type === 'error' && reply.message).toMatch(/only a room’s facilitator link/);
    }
    // The event's projector is read-only.
    const fromProjector = await eventProjector.device.request({
      type: 'addTable',
      roomToken: room.tokens.facilitator,
    });
    expect(fromProjector).toMatchObject({ type: 'error', code: 'forbidden' });
    await eventCommand(eventConsole.device, {
      type: 'addTable',
      roomToken: room.tokens.facilitator,
    });

    // A team's device (and the room's console) cannot act on events, and is sent none.
    const team = await joinRoom(room.tokens.teams[0]!.token);
    const roomConsole = await joinRoom(room.tokens.facilitator);
    for (const device of [team.device, roomConsole.device]) {
      expect(await device.request({ type: 'removeTable', roomId: room.roomId })).toMatchObject({
        type: 'error',
        code: 'forbidden',
      });
    }
    await roomConsole.device.act({ type: 'openDecisions' });
    await team.device.act({ type: 'submit', decision: decision(0.2) });
    for (const device of [team.device, roomConsole.device]) {
      expect(device.received.some((m) => m.type === 'event' || m.type === 'eventWelcome')).toBe(
        false,
      );
      expect(device.raw.join('\n')).not.toContain(event.tokens.facilitator);
    }
    // The room's console links to the event's read-only pooled view; its teams are sent neither.
    expect(team.device.raw.join('\n')).not.toContain(event.tokens.projector);
    expect((roomConsole.device.lastView() as FacilitatorView).event?.projector).toBe(
      event.tokens.projector,
    );
    // The event's links open no room.
    for (const device of [eventConsole.device, eventProjector.device]) {
      expect(await device.request({ type: 'resolve' })).toMatchObject({
        type: 'error',
        code: 'forbidden',
      });
      expect(device.received.some((m) => m.type === 'view')).toBe(false);
    }
  });

  it('tells a table’s console which event it is in, as tables are added and removed', async () => {
    const event = await createEvent('Cohort 5');
    const a = await createRoom(server, table());
    const b = await createRoom(server, table());
    const consoleA = await joinRoom(a.tokens.facilitator);
    expect((consoleA.view as FacilitatorView).event).toBeNull();
    const { device } = await joinEvent(event.tokens.facilitator);

    const told = (from: number) =>
      consoleA.device.waitFor((m) => m.type === 'view', from) as Promise<{
        view: FacilitatorView;
      }>;
    let from = consoleA.device.received.length;
    await eventCommand(device, {
      type: 'addTable',
      roomToken: a.tokens.facilitator,
      table: 'North',
    });
    expect((await told(from)).view.event).toEqual({
      eventId: event.eventId,
      name: 'Cohort 5',
      table: 'North',
      tables: 1,
      projector: event.tokens.projector,
    });
    // Another table joining changes the count every table's console shows.
    from = consoleA.device.received.length;
    await eventCommand(device, { type: 'addTable', roomToken: b.tokens.facilitator });
    expect((await told(from)).view.event?.tables).toBe(2);

    from = consoleA.device.received.length;
    await eventCommand(device, { type: 'removeTable', roomId: a.roomId });
    expect((await told(from)).view.event).toBeNull();
  });

  it('sends a table’s results only once its game is over', async () => {
    const event = await createEvent();
    const a = await createRoom(server, table());
    const b = await createRoom(server, table());
    const eventConsole = await joinEvent(event.tokens.facilitator);
    const eventProjector = await joinEvent(event.tokens.projector);
    for (const room of [a, b]) {
      await eventCommand(eventConsole.device, {
        type: 'addTable',
        roomToken: room.tokens.facilitator,
      });
    }
    // Table B is mid-quarter with a decision no other message would carry.
    const consoleB = await joinRoom(b.tokens.facilitator);
    await consoleB.device.act({ type: 'openDecisions' });
    const teamB = await joinRoom(b.tokens.teams[0]!.token);
    await teamB.device.act({
      type: 'submit',
      decision: {
        ...decision(0.2),
        budget: { ...decision(0.2).budget, capabilities: 0.1234567, evals: 0.2765433 },
      },
    });

    const before = eventProjector.device.received.length;
    await playToTheEnd(a);
    const over = (await eventProjector.device.waitFor(
      (m) => isEvent(m) && m.view.results.results.length === 1,
      before,
    )) as { view: EventView };
    const { results } = over.view;
    expect(results.results[0]).toMatchObject({ roomId: a.roomId, table: 'Table 1' });
    expect(results.playing).toEqual([
      { roomId: b.roomId, table: 'Table 2', round: 1, totalRounds: 2 },
    ]);
    expect(results.pooled).toMatchObject({ tables: 2, finished: 1 });

    // Until then, no event message carried any table's result, and never table B's decision.
    for (const device of [eventConsole.device, eventProjector.device]) {
      const views = device.received.filter(isEvent).map((m) => m.view);
      const firstOver = views.findIndex((v) => v.results.results.length > 0);
      expect(views.slice(0, firstOver).every((v) => v.tables.every((t) => !t.over))).toBe(true);
      expect(device.raw.join('\n')).not.toContain('1234567');
    }
  });

  it('survives a restart with its tables, and an old database gains the events’ tables', async () => {
    const event = await createEvent('Cohort 3');
    const a = await createRoom(server, table());
    const { device } = await joinEvent(event.tokens.facilitator);
    await eventCommand(device, {
      type: 'addTable',
      roomToken: a.tokens.facilitator,
      table: 'North',
    });
    server = await restartServer(place, server, devices);
    const resumed = await joinEvent(event.tokens.facilitator);
    expect(resumed.view.name).toBe('Cohort 3');
    expect(resumed.view.tables.map((t) => [t.roomId, t.table])).toEqual([[a.roomId, 'North']]);
    await closeServer(server, devices);

    // The same file as a server from before events left it: no events' tables, version 0.
    const client = createClient({ url: pathToFileURL(place.dbPath).href });
    await client.batch(
      [
        'DROP TABLE event_tables',
        'DROP TABLE event_tokens',
        'DROP TABLE events',
        'PRAGMA user_version = 0',
      ],
      'write',
    );
    client.close();
    server = await start(place);
    expect(server.hub.roomCount).toBe(1);
    const later = await createEvent();
    const { device: again } = await joinEvent(later.tokens.facilitator);
    const added = await eventCommand(again, { type: 'addTable', roomToken: a.tokens.facilitator });
    expect(added.view?.tables).toHaveLength(1);
    const check = createClient({ url: pathToFileURL(place.dbPath).href });
    const version = await check.execute('PRAGMA user_version');
    check.close();
    expect(Number(version.rows[0]?.[0])).toBe(SCHEMA_VERSION);
  });
});
