// Where a networked room's server answers: the real-time endpoint's path and the HTTP API's.
// Apart from the protocol's message schemas (roomProtocol.ts, which re-exports these), so a
// device's client (roomClient.ts) reads them without fetching the schemas and valibot, which only
// the server runs: every phone that joins a room would otherwise fetch them for two constants.

/** The path of the real-time endpoint on the server. */
export const ROOM_SOCKET_PATH = '/live';

export const API = {
  rooms: '/api/rooms',
  importRoom: '/api/rooms/import',
  /** GET with `Authorization: Bearer <facilitator token>`: the room as a session file. */
  session: '/api/session',
  /** POST {name}: a new event (CreatedEvent). */
  events: '/api/events',
} as const;
