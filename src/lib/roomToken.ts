// The token that ties a projector window to the workshop console that opened it
// (`#projector=<room>`), apart from the channel's message schema (publicSnapshot.ts) so that a
// console can make and keep one without fetching the schema.

/** A room token: letters, digits, - and _ (what `newRoom` makes). */
const ROOM_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export function isRoom(value: unknown): value is string {
  return typeof value === 'string' && ROOM_PATTERN.test(value);
}

/** A fresh room token: 128 random bits as 32 hexadecimal digits. */
export function newRoom(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The room in a projector URL's fragment (`#projector=<room>`), or null. */
export function roomFromHash(hash: string): string | null {
  const match = /^#projector=([^&#]*)$/.exec(hash);
  return match && isRoom(match[1]) ? (match[1] as string) : null;
}
