import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { eventResults, type TableResult } from '../../src/presentation/workshop/pooled';
import PooledResults from '../../src/ui/workshop/PooledResults.svelte';
import { finishedTable } from '../support/tableResults';

const finished = (table: string, overrides: Partial<TableResult>) =>
  finishedTable({ roomId: table, table, ...overrides });

const three = eventResults(
  [
    finished('North', {
      paused: [{ team: 'Amber', labName: 'Lantern Labs', quarters: [2, 3] }],
      firstPause: 2,
      missed: { count: 1, rounds: [4] },
    }),
    finished('South', {
      outcome: { title: 'Catastrophe', reason: 'catastrophe', round: 4 },
      catastrophe: {
        round: 4,
        labName: 'Halcyon Systems',
        team: null,
        text: 'Catastrophe: misuse (Halcyon Systems)',
      },
    }),
  ],
  [{ roomId: 'East', table: 'East', round: 3, totalRounds: 6 }],
  6,
);

describe('PooledResults', () => {
  it('shows the finished tables side by side, the others only by their quarter', () => {
    render(PooledResults, { results: three, quarters: 6 });
    expect(screen.getByRole('heading', { name: 'Results across tables' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Tables side by side' });
    const north = within(table).getByRole('row', { name: /^North/ });
    expect(north).toHaveTextContent('Amber (quarters 2, 3)');
    expect(north).toHaveTextContent('1 (quarter 4)');
    const south = within(table).getByRole('row', { name: /^South/ });
    expect(south).toHaveTextContent(
      'Quarter 4: Catastrophe: misuse (Halcyon Systems), caused by a rival lab run by the game',
    );
    const east = within(table).getByRole('row', { name: /^East/ });
    expect(east).toHaveTextContent('Still playing: quarter 3 of 6');
    expect(east).not.toHaveTextContent(/paused|catastrophe/i);
    const pooled = within(table).getByRole('row', { name: /^All 2 finished tables/ });
    expect(pooled).toHaveTextContent('1 of 2; half of them by quarter 2');
  });

  it('says what the tables add up to, with a chart of the quarters', () => {
    render(PooledResults, { results: three, quarters: 6 });
    expect(
      screen.getByText(
        '2 of 3 tables finished. Teams paused at 1 of 2 finished tables, half of them by quarter 2. 1 missed crossing at 1 table. 1 catastrophe.',
      ),
    ).toBeInTheDocument();
    const chart = screen.getByRole('img', { name: /with a team paused.*by quarter/ });
    // One star for South's catastrophe.
    expect(chart.querySelectorAll('path[transform]')).toHaveLength(1);
  });

  it('says a table’s outcome was one draw of many, once two tables can be set side by side', () => {
    render(PooledResults, { results: three, quarters: 6 });
    expect(
      screen.getByText(
        'The same game, on the same seed, ended 2 different ways: each table’s outcome was one draw of many.',
      ),
    ).toBeInTheDocument();
  });

  it('before any table has finished: no chart, and says so', () => {
    render(PooledResults, {
      results: eventResults([], [{ roomId: 'a', table: 'A', round: 1, totalRounds: 6 }], 6),
      quarters: 6,
      level: 3,
    });
    expect(screen.getByRole('heading', { level: 3, name: 'Results across tables' })).toBeVisible();
    expect(screen.getByText('No table has finished yet (1 table).')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('shows names typed at the tables as text, never as markup', () => {
    const name = '<img src=x onerror="alert(1)">';
    render(PooledResults, {
      results: eventResults(
        [finished(name, { paused: [{ team: name, labName: 'L', quarters: [1] }], firstPause: 1 })],
        [],
        6,
      ),
      quarters: 6,
    });
    expect(screen.getByRole('rowheader', { name })).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});
