import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { scorecardLinkWith } from '../../src/explorer/scorecardLink';
import Explorer from '../../src/ui/explorer/Explorer.svelte';
import { shippedScenarios } from '../support/shippedScenarios';

// The sweep ships with the Explorer; the other tabs are chunks fetched when first needed (a tab
// shown, or one of its links opened). Should such a fetch fail, the tab says so in its place, and
// the rest of the Explorer keeps working.
vi.mock('../../src/ui/explorer/scorecardTab', () => {
  throw new Error('Failed to fetch dynamically imported module');
});
vi.mock('../../src/ui/explorer/RacePanel.svelte', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

beforeEach(() => {
  history.replaceState(null, '', '/');
});

describe('Explorer when a tab cannot be fetched', () => {
  it('a scorecard link opens its tab, which says its code could not be loaded', async () => {
    const v2v3 = shippedScenarios.find((s) => s.id === 'rsp-v2-vs-v3')!;
    history.replaceState(null, '', `/${scorecardLinkWith('rsp-v2-vs-v3', v2v3.policies[0]!)}`);
    render(Explorer, { scenarios: shippedScenarios });
    expect(screen.getByRole('tab', { name: 'Policies side by side' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const panel = screen.getByRole('tabpanel', { name: 'Policies side by side' });
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'This view could not be loaded. Check the connection and reload the page.',
    );
  });

  it('a tab that cannot be fetched says so; the sweep still opens', async () => {
    const user = userEvent.setup();
    render(Explorer, { scenarios: shippedScenarios });
    await user.click(screen.getByRole('tab', { name: 'Race model' }));
    const race = screen.getByRole('tabpanel', { name: 'Race model' });
    expect(await within(race).findByRole('alert')).toHaveTextContent(
      'This view could not be loaded',
    );
    await user.click(screen.getByRole('tab', { name: 'Game sweeps' }));
    expect(screen.getByRole('form', { name: 'Sweep settings' })).toBeVisible();
  });
});
