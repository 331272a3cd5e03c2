import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import EventLinkPanel from '../../src/ui/room/EventLinkPanel.svelte';

const BASE = 'http://10.0.0.2:8080';
const ROOM = 'r'.repeat(24);
const event = {
  eventId: 'ev1',
  name: 'Tuesday cohort',
  table: 'North',
  tables: 3,
  projector: 'P'.repeat(24),
};

afterEach(() => localStorage.clear());

describe('EventLinkPanel', () => {
  it('in no event: offers to start one or join one, and explains what an event is for', () => {
    render(EventLinkPanel, { event: null, over: false, token: ROOM, base: BASE });
    expect(screen.getByRole('heading', { name: 'Group tables into an event' })).toBeVisible();
    expect(screen.getByText(/same scenario, on the same seed, for as many quarters/)).toBeVisible();
    expect(
      screen.getByRole('button', { name: 'Create the event and add this room' }),
    ).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'The event console’s link' })).toBeVisible();
  });

  it('asks for a name, and for an event’s link, before going to the server', async () => {
    const user = userEvent.setup();
    render(EventLinkPanel, { event: null, over: false, token: ROOM, base: BASE });
    await user.click(screen.getByRole('button', { name: 'Create the event and add this room' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Name the event first');
    await user.type(
      screen.getByRole('textbox', { name: 'The event console’s link' }),
      `${BASE}/#room=${ROOM}`,
    );
    await user.click(screen.getByRole('button', { name: 'Add this room to the event' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/not the event console’s link/);
  });

  it('in an event: links to every table’s results, and at the debrief says this was one draw', () => {
    const { unmount } = render(EventLinkPanel, { event, over: false, token: ROOM, base: BASE });
    expect(screen.getByText(/one of 3 tables in the event/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'See every table’s results' })).toHaveAttribute(
      'href',
      `${BASE}/#event=${event.projector}`,
    );
    expect(screen.queryByText(/one draw of many/)).toBeNull();
    // The event's console link is not the room's to see, unless this browser started the event.
    expect(screen.queryByRole('region', { name: 'The event’s links' })).toBeNull();
    unmount();

    localStorage.setItem('threshold:event-console:ev1', 'F'.repeat(24));
    render(EventLinkPanel, { event, over: true, token: ROOM, base: BASE });
    expect(screen.getByText(/Your table’s outcome was one draw of many/)).toBeVisible();
    expect(screen.getByRole('region', { name: 'The event’s links' })).toBeVisible();
  });
});
