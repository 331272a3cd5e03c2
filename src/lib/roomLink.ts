// Join links for a networked room (`#room=<token>`) and for an event grouping rooms
// (`#event=<token>`). The token rides in the link's fragment: a browser never sends the fragment
// to any server, so the token stays out of request lines, proxy logs and Referer headers; the
// page reads it and presents it in its first WebSocket message.

/**
 * A room token: 18 random bytes (144 bits) in base64url, 24 characters. Here rather than in roomProtocol.ts (which re-exports it)
 * so that the page, which reads a join link, does not load the protocol's schemas.
 */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;

const ROOM_HASH = /^#room=([A-Za-z0-9_-]+)$/;

function tokenIn(hash: string, pattern: RegExp): string | null {
  const token = pattern.exec(hash)?.[1];
  return token !== undefined && TOKEN_PATTERN.test(token) ? token : null;
}

/** The token in a page's fragment, if it holds a room link (null: not a room link). */
export function roomTokenFrom(hash: string): string | null {
  return tokenIn(hash, ROOM_HASH);
}

/** Whether the fragment is meant as a room link (even a mistyped one, which gets an error). */
export function isRoomHash(hash: string): boolean {
  return hash.startsWith('#room=');
}

const EVENT_HASH = /^#event=([A-Za-z0-9_-]+)$/;

/** The token in a page's fragment, if it holds an event's link (null: not an event link). */
export function eventTokenFrom(hash: string): string | null {
  return tokenIn(hash, EVENT_HASH);
}

/** Whether the fragment is meant as an event's link (even a mistyped one, which gets an error). */
export function isEventHash(hash: string): boolean {
  return hash.startsWith('#event=');
}

/** An event's link: its console's or its projector's, by the token. */
export function eventLink(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/#event=${token}`;
}

/**
 * The token in what a facilitator pasted: a whole link of that kind (a room's console link, an
 * event's console link) or the token alone. Null when neither, or a link of the other kind.
 */
export function pastedToken(text: string, kind: 'room' | 'event'): string | null {
  const typed = text.trim();
  if (TOKEN_PATTERN.test(typed)) return typed;
  const hash = typed.slice(Math.max(0, typed.indexOf('#')));
  return kind === 'room' ? roomTokenFrom(hash) : eventTokenFrom(hash);
}

/** A pasted console link read for its token, or what to tell the facilitator instead. */
export function readPastedLink(
  text: string,
  kind: 'room' | 'event',
): { ok: true; token: string } | { ok: false; message: string } {
  const token = pastedToken(text, kind);
  if (token !== null) return { ok: true, token };
  const what = kind === 'room' ? 'the room’s console link' : 'the event console’s link';
  if (text.trim() === '') return { ok: false, message: `Paste ${what} first.` };
  const where =
    kind === 'room'
      ? 'Copy it again from that room’s console (under “Your console’s link”).'
      : 'Ask for it again from whoever runs the event.';
  return {
    ok: false,
    message: `This is not ${what}: it ends in “#${kind}=” and 24 letters, digits, “-” or “_”. ${where}`,
  };
}

/**
 * Where this tab keeps the console's PIN once typed (or set at setup), so a reload of the console
 * does not ask again. Session storage: it goes with the tab, never to another device.
 */
export const CONSOLE_PIN_KEY = 'threshold:room-pin';

/** The link a device opens: the server's address and the token in the fragment. */
export function roomLink(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/#room=${token}`;
}

export type ServerAddress = { ok: true; base: string } | { ok: false; message: string };

/**
 * The server's address as typed by the facilitator ("192.168.1.20:8080", "https://rsp.example"),
 * or the page's own origin when left empty. Only the origin is kept.
 */
export function readServerAddress(typed: string, pageOrigin: string): ServerAddress {
  const text = typed.trim();
  if (text === '') return { ok: true, base: pageOrigin };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `“${text}” is not a server address (e.g. 192.168.1.20:8080)` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: 'a server address starts with http:// or https://' };
  }
  return { ok: true, base: url.origin };
}
