// A connected device as the rooms and events see it (somewhere to send messages), and the error
// reply every refusal takes.

import type { ErrorCode, ServerMessage } from '../lib/roomProtocol';

export interface Device {
  send(message: ServerMessage): void;
  /**
   * A message already serialised: a room's change sends one view to many devices, so it is
   * written as JSON once (a device without this is sent the message itself).
   */
  sendText?(text: string): void;
}

/** Send the same message to many devices, serialising it once. */
export function sendToAll(devices: Iterable<Device>, message: ServerMessage): void {
  let text: string | null = null;
  for (const device of devices) {
    if (device.sendText) device.sendText((text ??= JSON.stringify(message)));
    else device.send(message);
  }
}

export function errorReply(
  id: string | number | undefined,
  code: ErrorCode,
  message: string,
): ServerMessage {
  return id === undefined ? { type: 'error', code, message } : { type: 'error', id, code, message };
}
