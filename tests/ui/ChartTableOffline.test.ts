import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ChartTable from '../../src/ui/chart/ChartTable.svelte';
import { TRACK_LABEL } from '../../src/ui/game/names';

// The table's code is fetched when its disclosure is first opened; should that fetch fail
// (offline before the app was cached), the disclosure says so instead of opening empty.
vi.mock('../../src/ui/chart/ChartTableBody.svelte', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('ChartTable when its table cannot be fetched', () => {
  it('explains the failure in the opened disclosure', async () => {
    render(ChartTable, {
      rows: [],
      reveal: false,
      domainName: 'Cyber',
      trackNames: TRACK_LABEL,
      caption: 'Quarter by quarter',
      summary: 'Show the data as a table',
    });
    await userEvent.click(screen.getByText('Show the data as a table'));
    expect(await screen.findByRole('alert')).toHaveTextContent('The table could not be loaded');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
