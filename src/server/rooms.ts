// The server's rooms: created, imported, rebuilt from the database on start, and the devices
// joined to each. A command goes through its room's flow (roomFlow.ts), is saved to the database,
// and only then is every device sent its new view — so a change a device saw is never lost, and
// commands to one room are carried out one at a time, in the order they arrived.

import { slug } from '../lib/download';
import {
  EVENT_COMMANDS,
  type CreatedEvent,
  type CreatedRoom,
  type DeviceCommand,
  type EventCommand,
  type JoinLinks,
  type RoomCommand,
  type Role,
  type RoomView,
} from '../lib/roomProtocol';
import * as v from 'valibot';
import type { Scenario } from '../engine/types';
import { DecisionDraftSchema, type DecisionDraft } from '../lib/decisionDraftSave';
import { SAVE_KIND } from '../lib/saveFormat';
import {
  makeWorkshopSave,
  parseWorkshopSession,
  parseWorkshopText,
  sessionFileName,
} from '../lib/workshopSession';
import type { RoomStore, StoredToken } from './database';
import { errorReply, sendToAll, type Device } from './deviceReply';
import { EventBook } from './events';

export { errorReply, type Device } from './deviceReply';
import { RoomFlow, type Principal, type RoomRecord } from './roomFlow';
import { readRoomRequest } from './roomRequest';
import { scenarioForTeam } from './teamScenario';
import { newRoomId, newToken } from './tokens';
import { facilitatorView, projectorView, teamView, type RoomSnapshot } from './views';

interface LiveRoom {
  id: string;
  flow: RoomFlow;
  tokens: JoinLinks;
  devices: Map<Device, Principal>;
  /** Each team's unfinished decision, by lab (saved as it comes; see keepDraft). */
  drafts: Record<string, DecisionDraft>;
  /** Commands waiting their turn: each runs after the one before has been saved. */
  queue: Promise<void>;
}

export interface HubOptions {
  store: RoomStore;
  scenarios: readonly Scenario[];
  now: () => number;
  /** Where the hub reports rooms it could not rebuild (default: stderr). */
  warn?: (line: string) => void;
  randomSeed?: () => number;
}

type Outcome<T> = ({ ok: true } & T) | { ok: false; message: string };

function principalOf(token: StoredToken): Principal {
  return token.role === 'team' ? { role: 'team', lab: token.lab ?? '' } : { role: token.role };
}

function linksOf(tokens: readonly StoredToken[], record: RoomRecord): JoinLinks {
  const of = (role: StoredToken['role']) => tokens.find((t) => t.role === role)?.token ?? '';
  return {
    facilitator: of('facilitator'),
    projector: of('projector'),
    teams: record.meta.teams.map((team) => ({
      lab: team.lab,
      name: team.name,
      token: tokens.find((t) => t.role === 'team' && t.lab === team.lab)?.token ?? '',
    })),
  };
}

export class RoomHub {
  private readonly rooms = new Map<string, LiveRoom>();
  private readonly byToken = new Map<string, { room: LiveRoom; principal: Principal }>();
  private readonly joined = new Map<Device, { room: LiveRoom; principal: Principal }>();
  /** This run of the server (see the welcome's `server`). */
  private readonly startedAs = newRoomId();
  /** The events grouping rooms into tables (set once the rooms are rebuilt). */
  private events!: EventBook;

  private constructor(private readonly options: HubOptions) {}

  /** The hub with every room in the database rebuilt (its log replayed and checked). */
  static async open(options: HubOptions): Promise<RoomHub> {
    const hub = new RoomHub(options);
    const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
    for (const stored of await options.store.loadRooms()) {
      const session = parseWorkshopSession({
        kind: SAVE_KIND,
        version: 1,
        savedAt: stored.createdAt,
        mode: 'workshop',
        setup: stored.setup,
        log: stored.log,
        pending: stored.pending,
        autoResolve: false,
        extra: stored.meta,
      });
      if (!session.ok) {
        warn(`Room ${stored.id} could not be resumed and was left out: ${session.message}`);
        continue;
      }
      // A stored draft that no longer reads is dropped: the team's form starts afresh.
      const drafts: Record<string, DecisionDraft> = {};
      for (const [lab, draft] of Object.entries(stored.drafts)) {
        const parsed = v.safeParse(DecisionDraftSchema, draft);
        if (parsed.success) drafts[lab] = parsed.output;
      }
      const submitted = v.safeParse(v.array(v.string()), stored.policySubmitted);
      const flow = RoomFlow.restore(
        session.session,
        stored.ended,
        submitted.success ? submitted.output : [],
      );
      hub.add(stored.id, flow, stored.tokens, drafts);
    }
    hub.events = await EventBook.open(options.store, hub.tableSource(), options.now, warn);
    return hub;
  }

  get roomCount(): number {
    return this.rooms.size;
  }

  get eventCount(): number {
    return this.events.count;
  }

  /** What the events may read of the rooms: whose a token is, and a room's state. */
  private tableSource() {
    return {
      roomOfToken: (token: string): { roomId: string; role: Role } | null => {
        const found = this.byToken.get(token);
        return found ? { roomId: found.room.id, role: found.principal.role } : null;
      },
      table: (roomId: string) => {
        const flow = this.rooms.get(roomId)?.flow;
        return flow ? { setup: flow.setup, game: flow.game, meta: flow.meta } : null;
      },
      // A room added to or taken from an event: its console's view says so (and links to it).
      tablesChanged: (roomId: string) => {
        const room = this.rooms.get(roomId);
        if (room) this.broadcast(room);
      },
    };
  }

  /** A new event (POST /api/events). */
  createEvent(
    value: unknown,
  ): Promise<{ ok: true; created: CreatedEvent } | { ok: false; message: string }> {
    return this.events.create(value);
  }

  private add(
    id: string,
    flow: RoomFlow,
    tokens: readonly StoredToken[],
    drafts: Record<string, DecisionDraft> = {},
  ): LiveRoom {
    const room: LiveRoom = {
      id,
      flow,
      tokens: linksOf(tokens, flow.record()),
      devices: new Map(),
      drafts,
      queue: Promise.resolve(),
    };
    this.rooms.set(id, room);
    for (const token of tokens)
      this.byToken.set(token.token, { room, principal: principalOf(token) });
    return room;
  }

  private async open(record: RoomRecord): Promise<Outcome<{ created: CreatedRoom }>> {
    const id = newRoomId();
    const tokens: StoredToken[] = [
      { token: newToken(), role: 'facilitator', lab: null },
      { token: newToken(), role: 'projector', lab: null },
      ...record.meta.teams.map((t) => ({ token: newToken(), role: 'team' as const, lab: t.lab })),
    ];
    // The record is rebuilt by the flow (an imported setup starts; the game is replayed).
    const flow = RoomFlow.restore(record);
    await this.options.store.insertRoom(id, flow.record(), tokens, new Date(this.options.now()));
    const room = this.add(id, flow, tokens);
    return { ok: true, created: { roomId: id, tokens: room.tokens } };
  }

  /** A new room from a create request (POST /api/rooms). */
  async createRoom(value: unknown): Promise<Outcome<{ created: CreatedRoom }>> {
    const request = readRoomRequest(value, this.options.scenarios, this.options.randomSeed);
    return request.ok ? this.open(request.record) : request;
  }

  /** A new room from a workshop session file's text: it carries on where the file was saved. */
  async importRoom(text: string): Promise<Outcome<{ created: CreatedRoom }>> {
    const session = parseWorkshopText(text);
    return session.ok ? this.open(session.session) : session;
  }

  /** The room a facilitator token opens, as a session file. */
  exportRoom(token: string): Outcome<{ fileName: string; text: string }> {
    const found = this.byToken.get(token);
    if (!found || found.principal.role !== 'facilitator') {
      return { ok: false, message: 'only the facilitator’s token can export a room' };
    }
    const { flow } = found.room;
    const record = flow.record();
    return {
      ok: true,
      fileName: sessionFileName(slug(record.setup.scenario.title), record.meta, flow.game.round),
      text: `${JSON.stringify(makeWorkshopSave(record), null, 2)}\n`,
    };
  }

  /** A device presents its token: it joins its room and gets its view (false: refused). */
  join(device: Device, token: string, id?: string | number, pin?: string): boolean {
    const found = this.byToken.get(token);
    if (!found && this.events.owns(token)) {
      this.leave(device);
      return this.events.join(device, token);
    }
    if (!found) {
      device.send({
        type: 'error',
        id,
        code: 'badToken',
        message: 'this link is not for any room on this server (ask the facilitator for a new one)',
      });
      return false;
    }
    const { room, principal } = found;
    const roomPin = room.flow.meta.pin;
    if (principal.role === 'facilitator' && roomPin !== null && pin !== roomPin) {
      device.send({
        type: 'error',
        id,
        code: 'pinNeeded',
        message:
          pin === undefined
            ? 'this room’s console is locked: type the facilitator’s PIN'
            : 'that is not this room’s PIN: try again',
      });
      return false;
    }
    this.leave(device);
    room.devices.set(device, principal);
    this.joined.set(device, found);
    device.send({
      type: 'welcome',
      role: principal.role,
      roomId: room.id,
      lab: principal.role === 'team' ? principal.lab : null,
      scenario: this.scenarioFor(room, principal),
      server: this.startedAs,
    });
    device.send({ type: 'view', view: this.viewFor(room, principal, this.snapshot(room)) });
    return true;
  }

  /** The scenario a device's forms need: none for the projector, without the scripted events for
   * a team (the facilitator reveals those), in full for the console (its inject panel lists them). */
  private scenarioFor(room: LiveRoom, principal: Principal): Scenario | null {
    const { scenario } = room.flow.setup;
    if (principal.role === 'projector') return null;
    return principal.role === 'team' ? scenarioForTeam(scenario, principal.lab) : scenario;
  }

  leave(device: Device): void {
    this.events.leave(device);
    const found = this.joined.get(device);
    if (!found) return;
    found.room.devices.delete(device);
    this.joined.delete(device);
  }

  /** Carry out a joined device's command, after any command before it in its room or event. */
  command(device: Device, command: DeviceCommand): Promise<void> {
    const isEventCommand = (c: DeviceCommand): c is EventCommand => EVENT_COMMANDS.has(c.type);
    if (this.events.isJoined(device)) {
      if (isEventCommand(command)) return this.events.command(device, command);
      device.send(
        errorReply(
          command.id,
          'forbidden',
          `an event’s link cannot “${command.type}”: it opens no room`,
        ),
      );
      return Promise.resolve();
    }
    const found = this.joined.get(device);
    if (found && isEventCommand(command)) {
      device.send(
        errorReply(
          command.id,
          'forbidden',
          `a room’s link cannot “${command.type}”: only the event’s facilitator link can`,
        ),
      );
      return Promise.resolve();
    }
    if (!found || isEventCommand(command)) {
      device.send(errorReply(command.id, 'notJoined', 'send "join" with your token first'));
      return Promise.resolve();
    }
    const { room, principal } = found;
    const run = () => this.run(room, device, principal, command);
    room.queue = room.queue.then(run, run);
    return room.queue;
  }

  private async run(
    room: LiveRoom,
    device: Device,
    principal: Principal,
    command: RoomCommand,
  ): Promise<void> {
    if (command.type === 'draft') return this.keepDraft(room, device, principal, command);
    const before = room.flow.record();
    const wasEnded = room.flow.ended;
    const wasSubmitted = room.flow.submitted;
    const stageBefore = room.flow.stage;
    const now = this.options.now();
    const result = room.flow.apply(command, principal, now);
    if (!result.ok) {
      device.send(errorReply(command.id, result.code, result.message));
      return;
    }
    const setupChanged = room.flow.stage !== stageBefore;
    if (result.changed) {
      try {
        await this.options.store.saveRoom(
          room.id,
          room.flow.record(),
          room.flow.ended,
          new Date(now),
          stageBefore === 'policies'
            ? { policySubmitted: room.flow.submitted, setupChanged }
            : { setupChanged },
        );
      } catch (error) {
        // Not saved, so not done: the room goes back to how it was, and the device is told.
        room.flow = RoomFlow.restore(before, wasEnded, wasSubmitted);
        const detail = error instanceof Error ? error.message : String(error);
        device.send(errorReply(command.id, 'server', `the change could not be saved (${detail})`));
        return;
      }
    }
    device.send({ type: 'ack', id: command.id });
    // Quarter 1 started under the teams' policies: every form needs the scenario they joined.
    if (setupChanged) {
      for (const [other, who] of room.devices) {
        const scenario = this.scenarioFor(room, who);
        if (scenario) other.send({ type: 'scenario', scenario });
      }
    }
    if (result.changed) {
      this.broadcast(room);
      this.events.roomChanged(room.id);
    }
  }

  /**
   * A team's unfinished decision: kept (in memory and the database) so its device finds it after
   * a reload or a dropped connection. Only acknowledged — nobody else's view changes.
   */
  private async keepDraft(
    room: LiveRoom,
    device: Device,
    principal: Principal,
    command: Extract<RoomCommand, { type: 'draft' }>,
  ): Promise<void> {
    if (principal.role !== 'team') {
      device.send(errorReply(command.id, 'forbidden', 'only a team’s device keeps a draft'));
      return;
    }
    if (command.lab !== undefined && command.lab !== principal.lab) {
      device.send(
        errorReply(command.id, 'forbidden', 'a team’s device keeps only its own team’s draft'),
      );
      return;
    }
    if (room.flow.ended || command.draft.round !== room.flow.game.round) {
      device.send(errorReply(command.id, 'notNow', 'this draft is not for the quarter in play'));
      return;
    }
    try {
      await this.options.store.saveDraft(room.id, principal.lab, command.draft);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      device.send(errorReply(command.id, 'server', `the draft could not be saved (${detail})`));
      return;
    }
    room.drafts[principal.lab] = command.draft;
    device.send({ type: 'ack', id: command.id });
  }

  private snapshot(room: LiveRoom): RoomSnapshot {
    return room.flow.snapshot(room.id, room.drafts, this.options.now());
  }

  private viewFor(room: LiveRoom, principal: Principal, snapshot: RoomSnapshot): RoomView {
    if (principal.role === 'team') return teamView(snapshot, principal.lab);
    if (principal.role === 'projector') return projectorView(snapshot);
    return facilitatorView(snapshot, room.tokens, this.events.tableOf(room.id));
  }

  /** Every device in the room gets its own view (each view built once per role and team). */
  private broadcast(room: LiveRoom): void {
    const snapshot = this.snapshot(room);
    const audiences = new Map<string, { principal: Principal; devices: Device[] }>();
    for (const [device, principal] of room.devices) {
      const key = principal.role === 'team' ? `team:${principal.lab}` : principal.role;
      const audience = audiences.get(key);
      if (audience) audience.devices.push(device);
      else audiences.set(key, { principal, devices: [device] });
    }
    for (const { principal, devices } of audiences.values()) {
      sendToAll(devices, { type: 'view', view: this.viewFor(room, principal, snapshot) });
    }
  }

  /** Wait for every room's queued commands (before closing the database). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.rooms.values()].map((room) => room.queue));
    await this.events.settle();
  }
}
