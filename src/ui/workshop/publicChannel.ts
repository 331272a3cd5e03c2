// The laptop and the projector window talk over a BroadcastChannel (same browser, same origin;
// no server). The laptop sends only the public snapshot — never a decision — and answers a
// projector window's "hello" with the current one. Every message carries the room token of the
// console, and the projector takes snapshots only from its own console (src/lib/publicSnapshot.ts).
// Where BroadcastChannel is missing, the projector still follows the session through the
// browser's storage events.
//
// The message check (a valibot schema) is fetched when the first message arrives: a console whose
// room has no projector window never receives one.

import type { ChannelMessage } from '../../lib/publicSnapshot';

export type { ChannelMessage };

export const CHANNEL_NAME = 'threshold:workshop:public';

export interface PublicChannel {
  post(message: ChannelMessage): void;
  /** Returns an unsubscribe. The handler gets only messages that pass parseChannelMessage. */
  listen(handler: (message: ChannelMessage) => void): () => void;
  close(): void;
}

let checkLoading: Promise<typeof import('../../lib/publicSnapshot')> | null = null;
function messageCheck() {
  checkLoading ??= import('../../lib/publicSnapshot').catch((error: unknown) => {
    checkLoading = null; // the next message tries again
    throw error;
  });
  return checkLoading;
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
      let listening = true;
      const onMessage = (event: MessageEvent) => {
        // Any page of this origin can post here: only a well-formed message gets through. Messages
        // keep their order (each waits on the same fetch); if the check cannot be fetched, none
        // gets through, and the projector follows the browser's storage instead.
        void messageCheck().then(
          ({ parseChannelMessage }) => {
            const message = parseChannelMessage(event.data);
            if (message && listening) handler(message);
          },
          () => {},
        );
      };
      channel.addEventListener('message', onMessage);
      return () => {
        listening = false;
        channel.removeEventListener('message', onMessage);
      };
    },
    close() {
      channel.close();
    },
  };
}
