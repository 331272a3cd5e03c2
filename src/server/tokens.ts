// Room ids and device tokens. A token is the only proof of who a device is, so it is unguessable:
// 18 bytes (144 bits) from the operating system's secure random source, in base64url (24
// characters, safe in a link). A room id only names the room; it grants nothing.

import { randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

export function newRoomId(): string {
  return randomBytes(9).toString('base64url');
}
