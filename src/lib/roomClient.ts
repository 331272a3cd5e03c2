// A device's connection to a networked workshop room, or to an event grouping rooms (the server:
// `npm run host`). Connect with the token from a join link; the client joins, keeps the latest
// view the server sent (a room's, or an event's for an event's link), and when
// the connection drops (Wi-Fi, a sleeping laptop, a restarted server) reconnects with growing,
// jittered waits and joins again — the server then sends the room as it is now, including the
// team's locked-in decision and its unfinished one (the device sends it as "draft").
//
// Its state is one immutable value replaced on every change, so a Svelte component can keep it in
// `$state.raw` (`client.subscribe((s) => (state = s))`) and tests can read it in Node.

import type {
  CreatedEvent,
  CreatedRoom,
  CreateRoomRequest,
  DeviceCommand,
  ErrorCode,
  EventRole,
  EventView,
  Role,
  RoomView,
  ServerMessage,
} from './roomProtocol';
import { API, ROOM_SOCKET_PATH } from './roomRoutes';
import type { Scenario } from '../engine/types';

/** `locked`: the console's link needs the room's PIN (see `unlock`). */
export type RoomConnection =
  'connecting' | 'open' | 'reconnecting' | 'refused' | 'locked' | 'closed';

export interface RoomClientState {
  connection: RoomConnection;
  role: Role | null;
  /** The team's lab, on a team's device. */
  lab: string | null;
  /** The latest view the server sent (kept while reconnecting, so the screen stays as it was). */
  view: RoomView | null;
  /** On an event's link: its role there, and the latest event view (the same way as `view`). */
  eventRole: EventRole | null;
  event: EventView | null;
  /** Why the server last refused something (or the token), in its words. */
  error: { code: ErrorCode | 'offline'; message: string } | null;
  /** Attempts since the connection was last joined. */
  attempts: number;
  /** The room's scenario, on a team's device (without its scripted events) and the console's. */
  scenario: Scenario | null;
  /** How the last (re)join went: the first join, back after a drop, or back after the server
   * itself restarted (it resumed the room from its database). */
  rejoined: 'first' | 'reconnected' | 'serverRestarted';
}

export type CommandResult =
  { ok: true } | { ok: false; code: ErrorCode | 'offline'; message: string };

/** The browser's WebSocket as this client uses it (the `ws` package's client fits too). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 15_000 };

export interface RoomClientOptions {
  /** The endpoint, e.g. from roomSocketUrl(location). */
  url: string;
  token: string;
  /** The facilitator's PIN, if the page already has it (the setup that created the room). */
  pin?: string;
  /** Opens a socket (default: the browser's WebSocket). */
  socket?: (url: string) => SocketLike;
  backoff?: Backoff;
  random?: () => number;
  /** The device's own network (default: the browser's `online`/`offline` events; none in Node). */
  network?: DeviceNetwork | null;
}

/**
 * Whether the device itself is online. When Wi-Fi drops, an open socket can look open for minutes
 * before TCP notices; the browser knows at once, so the client drops the socket then and
 * reconnects as soon as the device is back online.
 */
export interface DeviceNetwork {
  online(): boolean;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (online: boolean) => void): () => void;
}

function browserNetwork(): DeviceNetwork | null {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return null;
  return {
    online: () => navigator.onLine !== false,
    subscribe(listener) {
      const up = () => listener(true);
      const down = () => listener(false);
      window.addEventListener('online', up);
      window.addEventListener('offline', down);
      return () => {
        window.removeEventListener('online', up);
        window.removeEventListener('offline', down);
      };
    },
  };
}

const OPEN = 1;

/** The room endpoint on the server this page came from (wss: behind HTTPS). */
export function roomSocketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${ROOM_SOCKET_PATH}`;
}

/**
 * How long to wait before reconnection attempt `attempt` (0-based): doubling from `initialMs` up
 * to `maxMs`, then a random half to all of that, so devices that dropped together do not all
 * come back in the same instant.
 */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number): number {
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling * (0.5 + random() / 2));
}

function readMessage(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && 'type' in value
      ? (value as ServerMessage)
      : null;
  } catch {
    return null;
  }
}

export interface RoomClient {
  readonly state: RoomClientState;
  /** Called with every new state (and once at once); returns the unsubscribe function. */
  subscribe(listener: (state: RoomClientState) => void): () => void;
  /** Send a command; resolves with the server's answer, or `offline` if it cannot be sent. */
  send(command: DeviceCommand): Promise<CommandResult>;
  /** Join again with the facilitator's PIN (after `locked`); it is kept for reconnections. */
  unlock(pin: string): void;
  /** Stop for good (no more reconnecting). */
  close(): void;
}

export function connectRoom(options: RoomClientOptions): RoomClient {
  const open = options.socket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  const listeners = new Set<(state: RoomClientState) => void>();
  const waiting = new Map<number, (result: CommandResult) => void>();
  let state: RoomClientState = {
    connection: 'connecting',
    role: null,
    lab: null,
    view: null,
    eventRole: null,
    event: null,
    error: null,
    attempts: 0,
    scenario: null,
    rejoined: 'first',
  };
  let serverRun: string | null = null;
  let pin = options.pin;
  let socket: SocketLike | null = null;
  let joined = false;
  let everJoined = false;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let nextId = 1;

  function update(patch: Partial<RoomClientState>) {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  }

  function settleAll(result: CommandResult) {
    for (const resolve of waiting.values()) resolve(result);
    waiting.clear();
  }

  function handle(message: ServerMessage) {
    switch (message.type) {
      case 'welcome': {
        joined = true;
        const rejoined =
          serverRun === null
            ? 'first'
            : serverRun === message.server
              ? 'reconnected'
              : 'serverRestarted';
        serverRun = message.server;
        update({
          connection: 'open',
          role: message.role,
          lab: message.lab,
          attempts: 0,
          error: null,
          scenario: message.scenario ?? state.scenario,
          rejoined,
        });
        return;
      }
      case 'view':
        update({ view: message.view });
        return;
      case 'eventWelcome':
        // An event has no room whose server run to compare: a rejoin is a reconnection.
        joined = true;
        update({
          connection: 'open',
          eventRole: message.role,
          attempts: 0,
          error: null,
          rejoined: everJoined ? 'reconnected' : 'first',
        });
        everJoined = true;
        return;
      case 'event':
        update({ event: message.view });
        return;
      case 'scenario':
        update({ scenario: message.scenario });
        return;
      case 'ack':
        if (typeof message.id === 'number') waiting.get(message.id)?.({ ok: true });
        if (typeof message.id === 'number') waiting.delete(message.id);
        return;
      case 'error': {
        const result: CommandResult = { ok: false, code: message.code, message: message.message };
        if (typeof message.id === 'number' && waiting.has(message.id)) {
          waiting.get(message.id)?.(result);
          waiting.delete(message.id);
        }
        if (message.code === 'pinNeeded') {
          update({ connection: 'locked', error: { code: message.code, message: message.message } });
          return;
        }
        if (message.code === 'badToken') {
          stopped = true;
          update({
            connection: 'refused',
            error: { code: message.code, message: message.message },
          });
          socket?.close();
          return;
        }
        update({ error: { code: message.code, message: message.message } });
      }
    }
  }

  function connect() {
    retry = null;
    if (stopped) return;
    // Offline, a new socket cannot reach the server: wait (the `online` event tries at once).
    if (network && !network.online()) {
      scheduleRetry();
      return;
    }
    joined = false;
    let current: SocketLike;
    try {
      current = open(options.url);
    } catch {
      scheduleRetry();
      return;
    }
    socket = current;
    current.onopen = () => sendJoin(current);
    current.onmessage = (event) => {
      if (socket !== current) return;
      const message = readMessage(event.data);
      if (message) handle(message);
    };
    current.onerror = () => {};
    current.onclose = () => dropped(current);
  }

  /** The connection is gone (closed, or the device went offline): reconnect unless stopped. */
  function dropped(current: SocketLike) {
    if (socket !== current) return;
    socket = null;
    settleAll({
      ok: false,
      code: 'offline',
      message:
        'the connection dropped before the server answered: once reconnected, your screen shows whether it went through',
    });
    if (stopped) {
      if (state.connection !== 'refused') update({ connection: 'closed' });
      return;
    }
    scheduleRetry();
  }

  const network = options.network === undefined ? browserNetwork() : options.network;
  const unwatchNetwork = network?.subscribe((online) => {
    if (stopped) return;
    if (!online && socket) {
      const current = socket;
      dropped(current);
      current.close();
    } else if (online && retry) {
      // Back online: try at once rather than at the end of the backoff.
      clearTimeout(retry);
      connect();
    }
  });

  function sendJoin(to: SocketLike) {
    to.send(JSON.stringify({ type: 'join', token: options.token, ...(pin ? { pin } : {}) }));
  }

  function scheduleRetry() {
    const attempt = state.attempts;
    update({ connection: 'reconnecting', attempts: attempt + 1 });
    retry = setTimeout(connect, backoffDelay(attempt, backoff, random));
  }

  connect();

  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    send(command) {
      if (!socket || socket.readyState !== OPEN || !joined) {
        return Promise.resolve({
          ok: false,
          code: 'offline',
          message: `not connected to the ${state.eventRole ? 'event' : 'room'}: reconnecting…`,
        });
      }
      const id = nextId++;
      const sent = socket;
      return new Promise<CommandResult>((resolve) => {
        waiting.set(id, resolve);
        sent.send(JSON.stringify({ ...command, id }));
      });
    },
    unlock(typed) {
      pin = typed;
      if (socket && socket.readyState === OPEN) sendJoin(socket);
    },
    close() {
      stopped = true;
      unwatchNetwork?.();
      if (retry) clearTimeout(retry);
      retry = null;
      if (socket) socket.close();
      else update({ connection: 'closed' });
    },
  };
}

// ---------------------------------------------------------------- rooms over HTTP

export type HttpResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** One call to the server's API: its answer read by `read`, or its error in the server's words. */
async function call<T>(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
  read: (response: Response) => Promise<T>,
): Promise<HttpResult<T>> {
  let response: Response;
  try {
    response = await fetchFn(url, init);
  } catch {
    // The browser says only "Failed to fetch": what helps is where it tried and what to check.
    const where = URL.canParse(url) ? new URL(url).origin : url;
    return {
      ok: false,
      message: `no workshop server answered at ${where} — is \`npm run host\` running there, and is this the address it printed?`,
    };
  }
  if (response.ok) return { ok: true, value: await read(response) };
  const body: unknown = await response.json().catch(() => null);
  const error =
    typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : null;
  return { ok: false, message: error ?? `the server answered ${response.status}` };
}

const json = <T>(response: Response) => response.json() as Promise<T>;

/** Create a room on the server at `base` (e.g. location.origin). */
export function createRoom(
  base: string,
  request: CreateRoomRequest,
  fetchFn: typeof fetch = fetch,
): Promise<HttpResult<CreatedRoom>> {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  };
  return call(fetchFn, `${base}${API.rooms}`, init, json<CreatedRoom>);
}

/** Create an event on the server at `base`: empty until its facilitator adds tables. */
export function createEvent(
  base: string,
  name: string,
  fetchFn: typeof fetch = fetch,
): Promise<HttpResult<CreatedEvent>> {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  };
  return call(fetchFn, `${base}${API.events}`, init, json<CreatedEvent>);
}

/** A new room from a workshop session file's text. */
export function importRoom(
  base: string,
  sessionText: string,
  fetchFn: typeof fetch = fetch,
): Promise<HttpResult<CreatedRoom>> {
  const init = { method: 'POST', body: sessionText };
  return call(fetchFn, `${base}${API.importRoom}`, init, json<CreatedRoom>);
}

/** The room as a session file's text (the facilitator's token only). */
export function exportRoom(
  base: string,
  facilitatorToken: string,
  fetchFn: typeof fetch = fetch,
): Promise<HttpResult<string>> {
  const init = { headers: { authorization: `Bearer ${facilitatorToken}` } };
  return call(fetchFn, `${base}${API.session}`, init, (response) => response.text());
}
