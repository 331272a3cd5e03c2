// The rooms' database: one embedded SQLite file (libSQL's client: it installs with `npm ci` and
// needs no compiler). A room is stored as its setup, its decision log, the decisions locked in
// and its session record — the parts of a workshop session file — so the server rebuilds every
// room on start by replaying its log, and never keeps a game state it could not recompute.
// Tokens have their own table, each scoped to one room and one role.

import { createClient, type Client } from '@libsql/client';
import { pathToFileURL } from 'node:url';
import type { Role } from '../lib/roomProtocol';
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
}

const SCHEMA = [
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
  // A team's unfinished decision (its device sends it as the team edits), one per team.
  `CREATE TABLE IF NOT EXISTS drafts (
     room_id TEXT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
     lab TEXT NOT NULL,
     draft TEXT NOT NULL,
     PRIMARY KEY (room_id, lab)
   )`,
];

const parseJson = (text: unknown): unknown => {
  try {
    return typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

export class RoomStore {
  private constructor(private readonly client: Client) {}

  /** Open (or create) the database file at `path`. */
  static async open(path: string): Promise<RoomStore> {
    const client = createClient({ url: pathToFileURL(path).href });
    // WAL: a crash mid-write leaves the last committed state, and reads never wait for writes.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.batch(SCHEMA, 'write');
    return new RoomStore(client);
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

  /** Save a room after a change (its setup never changes). */
  async saveRoom(id: string, record: RoomRecord, ended: boolean, now: Date): Promise<void> {
    await this.client.execute({
      sql: 'UPDATE rooms SET updated_at = ?, ended = ?, log = ?, pending = ?, meta = ? WHERE id = ?',
      args: [
        now.toISOString(),
        ended ? 1 : 0,
        JSON.stringify(record.log),
        JSON.stringify(record.pending),
        JSON.stringify(record.meta),
        id,
      ],
    });
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
    }));
  }

  close(): void {
    this.client.close();
  }
}
