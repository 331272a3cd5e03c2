import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import EventProjector from '../../src/ui/room/EventProjector.svelte';
import { TOKENS, twoTables } from './eventViews';

describe('EventProjector', () => {
  it('shows every table’s progress and the pooled results, read-only', () => {
    render(EventProjector, { view: twoTables('eventProjector') });
    expect(screen.getByRole('heading', { level: 1, name: 'Tuesday cohort' })).toBeVisible();
    expect(screen.getByText('1 of 2 tables finished')).toBeVisible();
    const tables = screen.getByRole('list', { name: 'Tables' });
    expect(within(tables).getByText('North').parentElement).toHaveTextContent('Finished');
    expect(within(tables).getByText('South').parentElement).toHaveTextContent('Quarter 2 of 3');
    expect(screen.getByRole('table', { name: 'Tables side by side' })).toBeVisible();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove|Add/ })).toBeNull();
    expect(document.body.textContent).not.toContain(TOKENS.facilitator);
  });

  it('before any table finishes: says results come only as each game ends', () => {
    const view = twoTables('eventProjector');
    render(EventProjector, {
      view: {
        ...view,
        tables: view.tables.map((t) => ({ ...t, over: false })),
        results: { ...view.results, results: [], pooled: { ...view.results.pooled, finished: 0 } },
      },
    });
    expect(screen.getByText('0 of 2 tables finished')).toBeVisible();
    expect(screen.getByText(/appear here the moment its own game is over/)).toBeVisible();
  });
});
