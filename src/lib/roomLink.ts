// Join links for a networked room. The token rides in the link's fragment (`#room=<token>`): a
// browser never sends the fragment to any server, so the token stays out of request lines, proxy
// logs and Referer headers; the page reads it and presents it in its first WebSocket message.

/**
 * A room token: 18 random bytes (144 bits) in base64url, 24 characters. Here rather than in roomProtocol.ts (which re-exports it)
 * so that the page, which reads a join link, does not load the protocol's schemas.
 */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;

const ROOM_HASH = /^#room=([A-Za-z0-9_-]+)$/;

/** The token in a page's fragment, if it holds a room link (null: not a room link). */
export function roomTokenFrom(hash: string): string | null {
  const token = ROOM_HASH.exec(hash)?.[1];
  return token !== undefined && TOKEN_PATTERN.test(token) ? token : null;
}

/** Whether the fragment is meant as a room link (even a mistyped one, which gets an error). */
export function isRoomHash(hash: string): boolean {
  return hash.startsWith('#room=');
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
