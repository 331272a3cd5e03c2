// A connected device as the rooms and events see it (somewhere to send messages), and the error
// reply every refusal takes.

import type { ErrorCode, ServerMessage } from '../lib/roomProtocol';

export interface Device {
  send(message: ServerMessage): void;
}

export function errorReply(
  id: string | number | undefined,
  code: ErrorCode,
  message: string,
): ServerMessage {
  return id === undefined ? { type: 'error', code, message } : { type: 'error', id, code, message };
}
