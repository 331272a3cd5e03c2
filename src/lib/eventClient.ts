// Joining a room to an event from the room's own console: one short visit to the event with its
// console's token, to send `addTable` with the room's facilitator token, then gone. It uses the
// same client as every device (roomClient.ts), so its connection, retries and the server's
// refusals are read the same way.

import {
  connectRoom,
  type Backoff,
  type CommandResult,
  type RoomClientOptions,
} from './roomClient';

export interface AddTableRequest {
  /** The real-time endpoint (roomSocketUrl). */
  url: string;
  /** The event's console token (its facilitator's). */
  eventToken: string;
  /** The room's facilitator token: it proves the one adding the room runs it. */
  roomToken: string;
  /** The table's name in the event (default: "Table N"). */
  table?: string;
  socket?: RoomClientOptions['socket'];
  backoff?: Backoff;
}

/** The server's answer; when it added the room, the event's id (to keep its console link by). */
export type AddTableResult =
  { ok: true; eventId: string | null } | Extract<CommandResult, { ok: false }>;

/** Tries before giving up on an unreachable server: the facilitator is waiting on a button. */
const MAX_ATTEMPTS = 3;

/** Add a room to an event; resolves with the server's answer, in its words when it refuses. */
export function addTableToEvent(request: AddTableRequest): Promise<AddTableResult> {
  const client = connectRoom({
    url: request.url,
    token: request.eventToken,
    socket: request.socket,
    backoff: request.backoff ?? { initialMs: 300, maxMs: 2_000 },
  });
  return new Promise((resolve) => {
    let done = false;
    let sent = false;
    const finish = (result: CommandResult) => {
      if (done) return;
      done = true;
      queueMicrotask(() => {
        stop();
        client.close();
      });
      resolve(result.ok ? { ok: true, eventId: client.state.event?.eventId ?? null } : result);
    };
    const stop = client.subscribe((state) => {
      if (state.connection === 'refused') {
        finish({
          ok: false,
          code: 'badToken',
          message:
            'this link is not for any event on this server: copy the event console’s link again',
        });
      } else if (state.connection === 'locked' || (state.connection === 'open' && !sent)) {
        if (state.connection === 'locked' || state.role !== null) {
          finish({
            ok: false,
            code: 'badToken',
            message: 'this is a room’s link, not an event’s: paste the event console’s link',
          });
        } else if (state.eventRole === 'eventProjector') {
          finish({
            ok: false,
            code: 'forbidden',
            message:
              'this is the event’s projector link, which is read-only: paste the event console’s link',
          });
        } else if (state.eventRole === 'eventFacilitator') {
          sent = true;
          void client
            .send({
              type: 'addTable',
              roomToken: request.roomToken,
              ...(request.table ? { table: request.table } : {}),
            })
            .then(finish);
        }
      } else if (state.connection === 'reconnecting' && state.attempts >= MAX_ATTEMPTS) {
        finish({
          ok: false,
          code: 'offline',
          message: 'the workshop server did not answer: check the connection and try again',
        });
      }
    });
  });
}
