// The rooms' database: one embedded SQLite file (libSQL's client: it installs with `npm ci` and
// needs no compiler). A room is stored as its setup, its decision log, the decisions locked in
// and its session record — the parts of a workshop session file — so the server rebuilds every
// room on start by replaying its log, and never keeps a game state it could not recompute.
// Tokens have their own table, each scoped to one room and one role.

import { createClient, type Client } from '@libsql/client';
import { pathToFileURL } from 'node:url';
import type { EventRole, Role } from '../lib/roomProtocol';
import type { RoomRecord } from './roomFlow';

export interface StoredToken {
  token: string;
  role: Role;
  /** The team's lab, for a team token. */
  lab: string | null;
}

export interface StoredRoom {
  id: string;
  createdAt: string;
  ended: boolean;
  /** The stored parts, as read (not yet checked): the caller checks them as a session file. */
  setup: unknown;
  log: unknown;
  pending: unknown;
  meta: unknown;
  tokens: StoredToken[];
  /** Each team's unfinished decision, by lab (as read: checked when a view is built). */
  drafts: Record<string, unknown>;
  /** In the policy step: the labs whose teams have handed in their policy (as read). */
  policySubmitted: unknown;
}

/**
 * The schema, one step per version (SQLite's `user_version` says which steps a file has had).
 * A database from before events (version 0: rooms and tokens only) gets the events' tables added
 * when it is opened; its rooms are left as they were.
 */
const MIGRATIONS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE IF NOT EXISTS rooms (
       id TEXT PRIMARY KEY,
       created_at TEXT NOT NULL,
       updated_at TEXT NOT NULL,
       ended INTEGER NOT NULL DEFAULT 0,
       setup TEXT NOT NULL,
       log TEXT NOT NULL,
       pending TEXT NOT NULL,
       meta TEXT NOT NULL
     )`,
    `CREATE TABLE IF NOT EXISTS tokens (
       token TEXT PRIMARY KEY,
       room_id TEXT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
       role TEXT NOT NULL CHECK (role IN ('team', 'projector', 'facilitator')),
       lab TEXT
     )`,
    'CREATE INDEX IF NOT EXISTS tokens_by_room ON tokens(room_id)',
  ],
  [
    `CREATE TABLE IF NOT EXISTS events (
       id TEXT PRIMARY KEY,
       created_at TEXT NOT NULL,
       name TEXT NOT NULL
     )`,
    // An event's own tokens: a room's tokens never open an event, nor these a room.
    `CREATE TABLE IF NOT EXISTS event_tokens (
       token TEXT PRIMARY KEY,
       event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
       role TEXT NOT NULL CHECK (role IN ('eventFacilitator', 'eventProjector'))
     )`,
    // A room is a table of at most one event.
    `CREATE TABLE IF NOT EXISTS event_tables (
       room_id TEXT PRIMARY KEY REFERENCES rooms(id) ON DELETE CASCADE,
       event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
       name TEXT NOT NULL,
       added_at TEXT NOT NULL
     )`,
  ],
  [
    // A team's unfinished decision (its device sends it as the team edits), one per team.
    `CREATE TABLE IF NOT EXISTS drafts (
       room_id TEXT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
       lab TEXT NOT NULL,
       draft TEXT NOT NULL,
       PRIMARY KEY (room_id, lab)
     )`,
  ],
  [
    // In the policy step: the teams that have handed in their policy (a JSON list of labs).
    `CREATE TABLE IF NOT EXISTS policy_submissions (
       room_id TEXT PRIMARY KEY REFERENCES rooms(id) ON DELETE CASCADE,
       labs TEXT NOT NULL
     )`,
  ],
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

export interface StoredEvent {
  id: string;
  name: string;
  tokens: { token: string; role: EventRole }[];
  /** Its tables in the order they were added. */
  tables: { roomId: string; name: string }[];
}

const parseJson = (text: unknown): unknown => {
  try {
    return typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

/** Bring a database file up to SCHEMA_VERSION, one step at a time, each step in one transaction. */
async function migrate(client: Client): Promise<void> {
  const result = await client.execute('PRAGMA user_version');
  const version = Number(result.rows[0]?.[0] ?? 0);
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `the database was written by a newer version of Threshold (schema ${version}; this one reads up to ${SCHEMA_VERSION})`,
    );
  }
  // Version 0 is also a file from before versions were kept: its first step's tables exist, and
  // CREATE TABLE IF NOT EXISTS leaves them be.
  for (let step = version; step < SCHEMA_VERSION; step++) {
    await client.batch([...(MIGRATIONS[step] ?? []), `PRAGMA user_version = ${step + 1}`], 'write');
  }
}

export class RoomStore {
  private constructor(private readonly client: Client) {}

  /** Open (or create) the database file at `path`. */
  static async open(path: string): Promise<RoomStore> {
    const client = createClient({ url: pathToFileURL(path).href });
    // WAL: a crash mid-write leaves the last committed state, and reads never wait for writes.
    await client.execute('PRAGMA journal_mode = WAL');
    // In WAL mode NORMAL still keeps every commit through a crash of the server's process; only
    // the operating system failing (power lost) can take the last moments' commits. FULL syncs
    // the disk on every change, and libSQL's calls block the event loop while it does: with 50
    // rooms deciding at once that wait, not the game, was most of a lock-in's time (npm run bench).
    await client.execute('PRAGMA synchronous = NORMAL');
    await migrate(client);
    return new RoomStore(client);
  }

  async insertEvent(
    id: string,
    name: string,
    tokens: readonly { token: string; role: EventRole }[],
    now: Date,
  ): Promise<void> {
    await this.client.batch(
      [
        {
          sql: 'INSERT INTO events (id, created_at, name) VALUES (?, ?, ?)',
          args: [id, now.toISOString(), name],
        },
        ...tokens.map((t) => ({
          sql: 'INSERT INTO event_tokens (token, event_id, role) VALUES (?, ?, ?)',
          args: [t.token, id, t.role],
        })),
      ],
      'write',
    );
  }

  async addEventTable(eventId: string, roomId: string, name: string, now: Date): Promise<void> {
    await this.client.execute({
      sql: 'INSERT INTO event_tables (room_id, event_id, name, added_at) VALUES (?, ?, ?, ?)',
      args: [roomId, eventId, name, now.toISOString()],
    });
  }

  async removeEventTable(eventId: string, roomId: string): Promise<void> {
    await this.client.execute({
      sql: 'DELETE FROM event_tables WHERE event_id = ? AND room_id = ?',
      args: [eventId, roomId],
    });
  }

  async loadEvents(): Promise<StoredEvent[]> {
    const events = await this.client.execute('SELECT id, name FROM events ORDER BY created_at');
    const tokens = await this.client.execute('SELECT token, event_id, role FROM event_tokens');
    const tables = await this.client.execute(
      'SELECT room_id, event_id, name FROM event_tables ORDER BY added_at, rowid',
    );
    return events.rows.map((row) => {
      const id = String(row.id);
      return {
        id,
        name: String(row.name),
        tokens: tokens.rows
          .filter((t) => String(t.event_id) === id)
          .map((t) => ({ token: String(t.token), role: String(t.role) as EventRole })),
        tables: tables.rows
          .filter((t) => String(t.event_id) === id)
          .map((t) => ({ roomId: String(t.room_id), name: String(t.name) })),
      };
    });
  }

  async insertRoom(
    id: string,
    record: RoomRecord,
    tokens: readonly StoredToken[],
    now: Date,
  ): Promise<void> {
    const at = now.toISOString();
    await this.client.batch(
      [
        {
          sql: 'INSERT INTO rooms (id, created_at, updated_at, ended, setup, log, pending, meta) VALUES (?, ?, ?, 0, ?, ?, ?, ?)',
          args: [
            id,
            at,
            at,
            JSON.stringify(record.setup),
            JSON.stringify(record.log),
            JSON.stringify(record.pending),
            JSON.stringify(record.meta),
          ],
        },
        ...tokens.map((t) => ({
          sql: 'INSERT INTO tokens (token, room_id, role, lab) VALUES (?, ?, ?, ?)',
          args: [t.token, id, t.role, t.lab],
        })),
      ],
      'write',
    );
  }

  /**
   * Save a room after a change. Its setup changes once at most — when the policy step ends, the
   * teams' policies join its scenario — and only then is it written again (`setupChanged`).
   * `policySubmitted`, given in the policy step, is who has handed in its policy.
   */
  async saveRoom(
    id: string,
    record: RoomRecord,
    ended: boolean,
    now: Date,
    options: { policySubmitted?: readonly string[]; setupChanged?: boolean } = {},
  ): Promise<void> {
    const args = [
      now.toISOString(),
      ended ? 1 : 0,
      JSON.stringify(record.log),
      JSON.stringify(record.pending),
      JSON.stringify(record.meta),
    ];
    const room = options.setupChanged
      ? {
          sql: 'UPDATE rooms SET updated_at = ?, ended = ?, log = ?, pending = ?, meta = ?, setup = ? WHERE id = ?',
          args: [...args, JSON.stringify(record.setup), id],
        }
      : {
          sql: 'UPDATE rooms SET updated_at = ?, ended = ?, log = ?, pending = ?, meta = ? WHERE id = ?',
          args: [...args, id],
        };
    if (options.policySubmitted === undefined) {
      await this.client.execute(room);
      return;
    }
    const submitted = {
      sql: 'INSERT INTO policy_submissions (room_id, labs) VALUES (?, ?) ON CONFLICT (room_id) DO UPDATE SET labs = excluded.labs',
      args: [id, JSON.stringify(options.policySubmitted)],
    };
    await this.client.batch([room, submitted], 'write');
  }

  /** Keep a team's unfinished decision (replacing the one before). */
  async saveDraft(roomId: string, lab: string, draft: unknown): Promise<void> {
    await this.client.execute({
      sql: 'INSERT INTO drafts (room_id, lab, draft) VALUES (?, ?, ?) ON CONFLICT (room_id, lab) DO UPDATE SET draft = excluded.draft',
      args: [roomId, lab, JSON.stringify(draft)],
    });
  }

  async loadRooms(): Promise<StoredRoom[]> {
    const rooms = await this.client.execute(
      'SELECT id, created_at, ended, setup, log, pending, meta FROM rooms ORDER BY created_at',
    );
    const tokens = await this.client.execute('SELECT token, room_id, role, lab FROM tokens');
    const byRoom = new Map<string, StoredToken[]>();
    for (const row of tokens.rows) {
      const list = byRoom.get(String(row.room_id)) ?? [];
      list.push({
        token: String(row.token),
        role: String(row.role) as Role,
        lab: row.lab === null ? null : String(row.lab),
      });
      byRoom.set(String(row.room_id), list);
    }
    const drafts = await this.client.execute('SELECT room_id, lab, draft FROM drafts');
    const draftsByRoom = new Map<string, Record<string, unknown>>();
    for (const row of drafts.rows) {
      const room = draftsByRoom.get(String(row.room_id)) ?? {};
      room[String(row.lab)] = parseJson(row.draft);
      draftsByRoom.set(String(row.room_id), room);
    }
    const submissions = await this.client.execute('SELECT room_id, labs FROM policy_submissions');
    const submittedByRoom = new Map(
      submissions.rows.map((row) => [String(row.room_id), parseJson(row.labs)]),
    );
    return rooms.rows.map((row) => ({
      id: String(row.id),
      createdAt: String(row.created_at),
      ended: Number(row.ended) === 1,
      setup: parseJson(row.setup),
      log: parseJson(row.log),
      pending: parseJson(row.pending),
      meta: parseJson(row.meta),
      tokens: byRoom.get(String(row.id)) ?? [],
      drafts: draftsByRoom.get(String(row.id)) ?? {},
      policySubmitted: submittedByRoom.get(String(row.id)) ?? [],
    }));
  }

  close(): void {
    this.client.close();
  }
}
