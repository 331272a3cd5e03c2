// Events: several rooms grouped by their facilitator so that their results are pooled at the
// debrief. An event has tokens of its own — its facilitator's, which adds and removes tables,
// and its projectors', read-only — scoped to the event: a room's tokens never open it, and its
// tokens never open a room. A room joins as a table only when the one adding it shows the room's
// facilitator token and the room plays the event's game (tableMismatch says why not otherwise).
// Kept in the database beside the rooms, so an event survives a restart with its tables.

import * as v from 'valibot';
import type { GameSetup } from '../engine/machines/gameMachine';
import { tableResult, type TableResult } from '../presentation/workshop/pooled';
import type { GameState } from '../engine/types';
import type { WorkshopMeta } from '../engine/workshop/types';
import {
  CreateEventSchema,
  MAX_EVENT_TABLES,
  type CreatedEvent,
  type EventCommand,
  type EventLinks,
  type EventRole,
  type Role,
  type TableOfEvent,
} from '../lib/roomProtocol';
import { problemMessage, problemsOf } from '../lib/saveFormat';
import type { RoomStore } from './database';
import { eventView, tableMismatch, type EventTable, type ResultOf } from './eventViews';
import { newRoomId, newToken } from './tokens';
import { errorReply, sendToAll, type Device } from './deviceReply';

/** What the events need of the rooms. */
export interface TableSource {
  /** The room a token opens and the role it gives there, or null. */
  roomOfToken(token: string): { roomId: string; role: Role } | null;
  /** A room's state now (null: no such room). */
  table(roomId: string): { setup: GameSetup; game: GameState; meta: WorkshopMeta } | null;
  /** A room became a table of an event or stopped being one. */
  tablesChanged(roomId: string): void;
}

interface LiveEvent {
  id: string;
  name: string;
  tokens: EventLinks;
  tables: { roomId: string; name: string }[];
  devices: Map<Device, EventRole>;
  /** Commands waiting their turn: each runs after the one before has been saved. */
  queue: Promise<void>;
  /** The last view sent, so a room's change that leaves the event's view as it was sends nothing. */
  lastSent: string | null;
}

type Outcome<T> = ({ ok: true } & T) | { ok: false; message: string };

export class EventBook {
  private readonly events = new Map<string, LiveEvent>();
  private readonly byToken = new Map<string, { event: LiveEvent; role: EventRole }>();
  private readonly joined = new Map<Device, { event: LiveEvent; role: EventRole }>();
  private readonly ofRoom = new Map<string, LiveEvent>();
  /** A finished game's result never changes: it is computed once per game state. */
  private readonly results = new WeakMap<GameState, TableResult | null>();

  private constructor(
    private readonly store: RoomStore,
    private readonly rooms: TableSource,
    private readonly now: () => number,
  ) {}

  /** The events in the database, each with the tables whose rooms were rebuilt. */
  static async open(
    store: RoomStore,
    rooms: TableSource,
    now: () => number,
    warn: (line: string) => void,
  ): Promise<EventBook> {
    const book = new EventBook(store, rooms, now);
    for (const stored of await store.loadEvents()) {
      const links = (role: EventRole) => stored.tokens.find((t) => t.role === role)?.token ?? '';
      const tables = stored.tables.filter((t) => {
        const there = rooms.table(t.roomId) !== null;
        if (!there) warn(`Event ${stored.id}: ${t.name} was left out (its room was not resumed)`);
        return there;
      });
      book.add(
        stored.id,
        stored.name,
        { facilitator: links('eventFacilitator'), projector: links('eventProjector') },
        tables,
      );
    }
    return book;
  }

  private add(id: string, name: string, tokens: EventLinks, tables: LiveEvent['tables']) {
    const event: LiveEvent = {
      id,
      name,
      tokens,
      tables,
      devices: new Map(),
      queue: Promise.resolve(),
      lastSent: null,
    };
    this.events.set(id, event);
    this.byToken.set(tokens.facilitator, { event, role: 'eventFacilitator' });
    this.byToken.set(tokens.projector, { event, role: 'eventProjector' });
    for (const table of tables) this.ofRoom.set(table.roomId, event);
    return event;
  }

  get count(): number {
    return this.events.size;
  }

  /** A new, empty event from a create request (POST /api/events). */
  async create(value: unknown): Promise<Outcome<{ created: CreatedEvent }>> {
    const parsed = v.safeParse(CreateEventSchema, value);
    if (!parsed.success) {
      return { ok: false, message: problemMessage(problemsOf(parsed.issues, [])) };
    }
    const id = newRoomId();
    const tokens: EventLinks = { facilitator: newToken(), projector: newToken() };
    await this.store.insertEvent(
      id,
      parsed.output.name,
      [
        { token: tokens.facilitator, role: 'eventFacilitator' },
        { token: tokens.projector, role: 'eventProjector' },
      ],
      new Date(this.now()),
    );
    this.add(id, parsed.output.name, tokens, []);
    return { ok: true, created: { eventId: id, tokens } };
  }

  owns(token: string): boolean {
    return this.byToken.has(token);
  }

  isJoined(device: Device): boolean {
    return this.joined.has(device);
  }

  /** A device presents an event token: it joins the event and gets its view. */
  join(device: Device, token: string): boolean {
    const found = this.byToken.get(token);
    if (!found) return false;
    this.leave(device);
    found.event.devices.set(device, found.role);
    this.joined.set(device, found);
    device.send({ type: 'eventWelcome', role: found.role, eventId: found.event.id });
    device.send({ type: 'event', view: this.viewOf(found.event, found.role) });
    return true;
  }

  leave(device: Device): void {
    const found = this.joined.get(device);
    if (!found) return;
    found.event.devices.delete(device);
    this.joined.delete(device);
  }

  /** Carry out an event device's command, after any before it in its event. */
  command(device: Device, command: EventCommand): Promise<void> {
    const found = this.joined.get(device);
    if (!found) {
      device.send(errorReply(command.id, 'notJoined', 'send "join" with your token first'));
      return Promise.resolve();
    }
    const { event, role } = found;
    const run = async () => {
      const refusal =
        role !== 'eventFacilitator'
          ? 'the event’s projector link is read-only: only its facilitator’s link adds or removes tables'
          : command.type === 'addTable'
            ? await this.addTable(event, command.roomToken, command.table)
            : await this.removeTable(event, command.roomId);
      if (refusal !== null) {
        const code = role === 'eventFacilitator' ? 'notNow' : 'forbidden';
        device.send(errorReply(command.id, code, refusal));
        return;
      }
      device.send({ type: 'ack', id: command.id });
      this.broadcast(event, true);
      const changed = command.type === 'removeTable' ? [command.roomId] : [];
      // Every table's console shows how many tables its event has, so each is told.
      for (const roomId of new Set([...event.tables.map((t) => t.roomId), ...changed])) {
        this.rooms.tablesChanged(roomId);
      }
    };
    event.queue = event.queue.then(run, run);
    return event.queue;
  }

  /** Add a room as a table: null when done, or why not. */
  private async addTable(
    event: LiveEvent,
    roomToken: string,
    name: string | undefined,
  ): Promise<string | null> {
    const found = this.rooms.roomOfToken(roomToken);
    if (!found) return 'this token is not for any room on this server';
    if (found.role !== 'facilitator') {
      return 'only a room’s facilitator link can add the room to an event (this is a team’s or a projector’s)';
    }
    const room = this.rooms.table(found.roomId);
    if (!room) return 'this token is not for any room on this server';
    const already = this.ofRoom.get(found.roomId);
    if (already === event) return 'this room is already a table of this event';
    if (already) return 'this room is already a table of another event';
    if (event.tables.length >= MAX_EVENT_TABLES) {
      return `an event pools at most ${MAX_EVENT_TABLES} tables`;
    }
    const taken = new Set(event.tables.map((t) => t.name));
    let table = name ?? `Table ${event.tables.length + 1}`;
    if (taken.has(table)) {
      if (name !== undefined) return `this event already has a table called “${name}”`;
      for (let n = event.tables.length + 2; taken.has(table); n++) table = `Table ${n}`;
    }
    const first = event.tables[0] && this.rooms.table(event.tables[0].roomId);
    const mismatch = first ? tableMismatch(table, room, first) : null;
    if (mismatch) return mismatch;
    await this.store.addEventTable(event.id, found.roomId, table, new Date(this.now()));
    event.tables.push({ roomId: found.roomId, name: table });
    this.ofRoom.set(found.roomId, event);
    return null;
  }

  private async removeTable(event: LiveEvent, roomId: string): Promise<string | null> {
    if (!event.tables.some((t) => t.roomId === roomId)) {
      return `room ${JSON.stringify(roomId)} is not a table of this event`;
    }
    await this.store.removeEventTable(event.id, roomId);
    event.tables = event.tables.filter((t) => t.roomId !== roomId);
    this.ofRoom.delete(roomId);
    return null;
  }

  private readonly resultOf: ResultOf = ({ roomId, table, room }) => {
    let result = this.results.get(room.game);
    if (result === undefined) {
      result = tableResult(roomId, table, room.setup.scenario, room.game, room.meta);
      this.results.set(room.game, result);
    }
    // The table's name is the event's, and can change when a table is removed and added again.
    return result && { ...result, roomId, table };
  };

  private viewOf(event: LiveEvent, role: EventRole) {
    const tables: EventTable[] = event.tables.map((t) => ({
      roomId: t.roomId,
      table: t.name,
      room: this.rooms.table(t.roomId),
    }));
    return eventView(
      { eventId: event.id, name: event.name, tokens: event.tokens },
      tables,
      role,
      this.resultOf,
    );
  }

  /** Every device of the event gets its view, if it changed (or `always`). */
  private broadcast(event: LiveEvent, always = false): void {
    if (event.devices.size === 0) return;
    const projector = this.viewOf(event, 'eventProjector');
    const key = JSON.stringify(projector);
    if (!always && key === event.lastSent) return;
    event.lastSent = key;
    const facilitator = this.viewOf(event, 'eventFacilitator');
    const devices = [...event.devices];
    const of = (role: EventRole) => devices.filter(([, r]) => r === role).map(([d]) => d);
    sendToAll(of('eventFacilitator'), { type: 'event', view: facilitator });
    sendToAll(of('eventProjector'), { type: 'event', view: projector });
  }

  /** The event a room is a table of, as that room's console is shown it (null: none). */
  tableOf(roomId: string): TableOfEvent | null {
    const event = this.ofRoom.get(roomId);
    const table = event?.tables.find((t) => t.roomId === roomId);
    if (!event || !table) return null;
    return {
      eventId: event.id,
      name: event.name,
      table: table.name,
      tables: event.tables.length,
      projector: event.tokens.projector,
    };
  }

  /** A room changed: its event's screens follow (a table's progress, a table now over). */
  roomChanged(roomId: string): void {
    const event = this.ofRoom.get(roomId);
    if (event) this.broadcast(event);
  }

  async settle(): Promise<void> {
    await Promise.allSettled([...this.events.values()].map((e) => e.queue));
  }
}
