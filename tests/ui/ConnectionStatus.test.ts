import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { RoomClientState } from '../../src/lib/roomClient';
import ConnectionStatus from '../../src/ui/room/ConnectionStatus.svelte';

const base: RoomClientState = {
  connection: 'open',
  role: 'team',
  lab: 'lantern',
  view: null,
  eventRole: null,
  event: null,
  error: null,
  attempts: 0,
  scenario: null,
  rejoined: 'first',
};

const shown = (state: Partial<RoomClientState>) => {
  const { unmount } = render(ConnectionStatus, { state: { ...base, ...state } });
  const text = screen.getByRole('status').textContent?.trim() ?? '';
  unmount();
  return text;
};

describe('ConnectionStatus', () => {
  it('says plainly how the device’s link to the room stands', () => {
    expect(shown({})).toBe('Connected');
    expect(shown({ connection: 'reconnecting', attempts: 3 })).toMatch(
      /^Connection lost — reconnecting… \(attempt 3\)/,
    );
    expect(shown({ rejoined: 'reconnected' })).toBe('Connected again. Nothing was lost.');
    expect(shown({ rejoined: 'serverRestarted' })).toMatch(
      /The server restarted and your room resumed/,
    );
    expect(
      shown({
        connection: 'refused',
        error: { code: 'badToken', message: 'this link is not for any room on this server' },
      }),
    ).toBe('this link is not for any room on this server');
  });

  it('promises an event’s screen nothing about a decision it does not have', () => {
    const event = { role: null, lab: null, eventRole: 'eventProjector' as const };
    const text = shown({ ...event, connection: 'reconnecting', attempts: 2 });
    expect(text).toMatch(
      /^Connection lost — reconnecting… \(attempt 2\)\. What you see is kept\.$/,
    );
    expect(shown({ connection: 'reconnecting', attempts: 2 })).toMatch(/unfinished decision/);
  });
});
