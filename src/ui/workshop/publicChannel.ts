// The laptop and the projector window talk over a BroadcastChannel (same browser, same origin;
// no server). The laptop sends only the public snapshot — never a decision — and answers a
// projector window's "hello" with the current one. Every message carries the room token of the
// console, and the projector takes snapshots only from its own console (src/lib/publicSnapshot.ts).
// Where BroadcastChannel is missing, the projector still follows the session through the
// browser's storage events.

import { parseChannelMessage, type ChannelMessage } from '../../lib/publicSnapshot';

export type { ChannelMessage };

export const CHANNEL_NAME = 'threshold:workshop:public';

export interface PublicChannel {
  post(message: ChannelMessage): void;
  /** Returns an unsubscribe. The handler gets only messages that pass parseChannelMessage. */
  listen(handler: (message: ChannelMessage) => void): () => void;
  close(): void;
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
        // Any page of this origin can post here: only a well-formed message gets through.
        const message = parseChannelMessage(event.data);
        if (message) handler(message);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close() {
      channel.close();
    },
  };
}
