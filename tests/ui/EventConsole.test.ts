import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CommandResult } from '../../src/lib/roomClient';
import type { EventCommand } from '../../src/lib/roomProtocol';
import EventConsole from '../../src/ui/room/EventConsole.svelte';
import { emptyEvent, TOKENS, twoTables } from './eventViews';

const BASE = 'http://10.0.0.2:8080';
const ROOM_TOKEN = 'r'.repeat(24);

function setup(view = twoTables(), answer: CommandResult = { ok: true }) {
  const send = vi.fn<(command: EventCommand) => Promise<CommandResult>>(() =>
    Promise.resolve(answer),
  );
  render(EventConsole, { view, base: BASE, send });
  return { send, user: userEvent.setup() };
}

describe('EventConsole', () => {
  it('shows each table’s progress, who has finished, and the pooled results so far', () => {
    setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Tuesday cohort' })).toBeVisible();
    expect(screen.getByText('1 of 2 tables finished')).toBeVisible();
    expect(
      screen.getByText('Every table plays “The Eval Blind Spot” on seed 7, for 3 quarters.'),
    ).toBeVisible();
    const tables = screen.getByRole('region', { name: 'Tables' });
    expect(within(tables).getByRole('row', { name: /^North/ })).toHaveTextContent(
      'Finished: its results are below',
    );
    expect(within(tables).getByRole('row', { name: /^South/ })).toHaveTextContent(
      'Playing quarter 2 of 3',
    );
    const side = screen.getByRole('table', { name: 'Tables side by side' });
    expect(within(side).getByRole('row', { name: /^North/ })).toHaveTextContent(
      'Amber (quarter 2)',
    );
    expect(within(side).getByRole('row', { name: /^South/ })).toHaveTextContent('Still playing');
  });

  it('adds a room by its pasted console link, with the table’s name', async () => {
    const { send, user } = setup();
    await user.type(
      screen.getByRole('textbox', { name: 'The room’s console link' }),
      `${BASE}/#room=${ROOM_TOKEN}`,
    );
    await user.type(screen.getByRole('textbox', { name: 'Table name (optional)' }), 'East');
    await user.click(screen.getByRole('button', { name: 'Add the table' }));
    expect(send).toHaveBeenCalledWith({ type: 'addTable', roomToken: ROOM_TOKEN, table: 'East' });
    expect(await screen.findByText('East was added as a table.')).toBeInTheDocument();
  });

  it('says what is wrong with a pasted link before sending, and shows the server’s refusal', async () => {
    const refusal = 'Table 3 is on seed 8, but this event’s tables are on seed 7';
    const { send, user } = setup(twoTables(), { ok: false, code: 'notNow', message: refusal });
    const link = screen.getByRole('textbox', { name: 'The room’s console link' });
    await user.type(link, 'http://10.0.0.2:8080/#event=nope');
    await user.click(screen.getByRole('button', { name: 'Add the table' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/not the room’s console link/);
    expect(link).toHaveAttribute('aria-invalid', 'true');
    expect(send).not.toHaveBeenCalled();

    await user.clear(link);
    await user.type(link, ROOM_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Add the table' }));
    expect(await screen.findByText(`The server refused: ${refusal}`)).toBeInTheDocument();
  });

  it('removes a table only after asking', async () => {
    const { send, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Remove South from the event' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove South from the event?' });
    expect(send).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Remove it' }));
    expect(send).toHaveBeenCalledWith({ type: 'removeTable', roomId: 'room-s' });
  });

  it('shows the event’s links, the projector’s with a code to scan', () => {
    setup();
    const links = screen.getByRole('region', { name: 'The event’s links' });
    expect(
      within(links).getByRole('img', { name: 'Event projector link (read-only)' }),
    ).toBeVisible();
    expect(
      within(links).getByRole('link', { name: `${BASE}/#event=${TOKENS.projector}` }),
    ).toBeVisible();
    expect(
      within(links).getByRole('link', { name: `${BASE}/#event=${TOKENS.facilitator}` }),
    ).toBeVisible();
  });

  it('with no table yet: explains how the first one fixes the game', () => {
    setup(emptyEvent());
    expect(screen.getByText('No table yet')).toBeVisible();
    expect(screen.getByText(/its scenario, seed and length become the event’s/)).toBeVisible();
    expect(screen.queryByRole('table', { name: 'Tables side by side' })).toBeNull();
  });
});
