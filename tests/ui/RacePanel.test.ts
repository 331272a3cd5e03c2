import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import RacePanel from '../../src/ui/explorer/RacePanel.svelte';
import { closedFormDisaster } from '../../src/engine/race';

/** The public-information closed-form cell of the table's row for enmity `e`. */
function publicClosedCell(e: string): string {
  const table = within(screen.getByRole('region', { name: 'Race model table' }));
  const heads = table.getAllByRole('columnheader').map((h) => h.textContent?.trim());
  const col = heads.indexOf('Public information: closed form');
  const row = table.getAllByRole('row').find((r) => r.querySelector('th')?.textContent === e);
  if (!row || col < 0) throw new Error(`no row ${e} or column`);
  return row.querySelectorAll('th, td')[col].textContent?.trim() ?? '';
}

const pct = (p: number | null): string => `${((p ?? NaN) * 100).toFixed(2)}%`;

describe('RacePanel', () => {
  it('shows the subgame-perfect leader by default and can switch to the other rules', async () => {
    render(RacePanel);
    const select = screen.getByRole('combobox', { name: 'Public-information equilibrium' });
    expect(select).toHaveValue('subgame-perfect');
    expect(select).toHaveAccessibleDescription(/picks its safety first/);
    expect(screen.getByText(/public information: subgame-perfect leader/)).toBeInTheDocument();
    // Two teams, μ = 1, e = 0.5: 241/1500 under the subgame-perfect leader.
    expect(publicClosedCell('0.5')).toBe(
      pct(closedFormDisaster({ info: 'public', teams: 2, enmity: 0.5, skill: 1 })),
    );
    expect(publicClosedCell('0.5')).toBe('16.07%');

    await fireEvent.change(select, { target: { value: 'all-in' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Run race model' }));
    expect(select).toHaveAccessibleDescription(/runner-up would race at zero safety/);
    expect(screen.getByText(/public information: all-in equilibrium/)).toBeInTheDocument();
    expect(publicClosedCell('0.5')).toBe('66.67%');
  });
});
