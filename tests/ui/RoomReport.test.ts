// The networked room's report: the console fetches the room as a session file and replays it.
// Its reveal comes once the game is over, or once the facilitator has ended the room.
import { render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeWorkshopSave } from '../../src/lib/workshopSession';
import RoomReport from '../../src/ui/room/RoomReport.svelte';
import { shortest } from './helpers';
import { playedWorkshop } from './workshopGames';

/** The server's answer to the facilitator's export: the room as a session file. */
function serveRoom(quarters: number) {
  const { setup, log, meta } = playedWorkshop(quarters);
  const text = JSON.stringify(makeWorkshopSave({ setup, log, pending: {}, meta }));
  const fetch = vi.fn(async () => new Response(text, { status: 200 }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const props = { base: 'http://room.test', token: 'facilitator-token' };

describe('RoomReport', () => {
  it('shows the report of a finished game, with its Markdown download', async () => {
    const fetch = serveRoom(shortest.rounds);
    render(RoomReport, { ...props, resolved: shortest.rounds });
    const report = await screen.findByRole('article', { name: shortest.title });
    expect(fetch).toHaveBeenCalledOnce();
    expect(within(report).getByRole('heading', { name: /^Outcome: / })).toBeInTheDocument();
    expect(within(report).queryByRole('heading', { name: 'Cut short' })).toBeNull();
    const actions = screen.getByRole('group', { name: 'After-action report' });
    expect(
      within(actions).getByRole('button', { name: 'Download the report (Markdown)' }),
    ).toBeEnabled();
  });

  it('shows the quarters played of a room ended early, saying so', async () => {
    serveRoom(2);
    render(RoomReport, { ...props, resolved: 2, endedEarly: true });
    const report = await screen.findByRole('article', { name: shortest.title });
    expect(
      within(report).getByRole('heading', {
        name: 'Outcome: Ended by the facilitator after 2 quarters',
      }),
    ).toBeInTheDocument();
    expect(within(report).getByRole('heading', { name: 'Cut short' })).toBeInTheDocument();
    // Two quiet quarters: nothing the debrief looks for happened, and the report says so.
    const moments = within(report).getByRole('heading', { name: 'Key moments' }).closest('section');
    expect(moments).toHaveTextContent('None stood out in the quarters played.');
  });

  it('reveals nothing of a game still being played in a room still open', async () => {
    serveRoom(2);
    render(RoomReport, { ...props, resolved: 2 });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The report could not be prepared: the game is still being played',
    );
    expect(screen.queryByRole('article')).toBeNull();
  });
});
