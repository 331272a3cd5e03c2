// The laptop and the projector window talk over a BroadcastChannel (same browser, same origin;
// no server). The laptop sends only the public snapshot — never a decision — and answers a
// projector window's "hello" with the current one. Where BroadcastChannel is missing, the
// projector still follows the session through the browser's storage events.

import type { PublicSnapshot } from '../../engine/workshop/publicView';

export const CHANNEL_NAME = 'threshold:workshop:public';

export type ChannelMessage =
  { type: 'public'; snapshot: PublicSnapshot | null } | { type: 'hello' };

export interface PublicChannel {
  post(message: ChannelMessage): void;
  /** Returns an unsubscribe. */
  listen(handler: (message: ChannelMessage) => void): () => void;
  close(): void;
}

function isMessage(value: unknown): value is ChannelMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'hello' || type === 'public';
}

/** The page's channel, or null where BroadcastChannel is not available. */
export function openPublicChannel(name = CHANNEL_NAME): PublicChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  let channel: BroadcastChannel;
  try {
    channel = new BroadcastChannel(name);
  } catch {
    return null;
  }
  return {
    post(message) {
      try {
        channel.postMessage(message);
      } catch {
        // A closed channel or an uncloneable value: the projector catches up from storage.
      }
    },
    listen(handler) {
      const onMessage = (event: MessageEvent) => {
        if (isMessage(event.data)) handler(event.data);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close() {
      channel.close();
    },
  };
}
