import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../src/App.svelte';
import { makeExploreLink } from '../../src/explorer/exploreLink';
import type { ShippedScenarios } from '../../src/lib/shippedScenarios';
import { shippedScenarioErrors, shippedScenarios } from '../support/shippedScenarios';

const fromDisk = async (): Promise<ShippedScenarios> => ({
  scenarios: [...shippedScenarios],
  errors: [...shippedScenarioErrors],
});

describe('App', () => {
  beforeEach(() => {
    localStorage.clear();
    window.location.hash = '';
  });

  it('shows the Threshold heading and a description', async () => {
    render(App, { loadScenarios: fromDisk });
    expect(
      await screen.findByRole('heading', { level: 1, name: /threshold/i }),
    ).toBeInTheDocument();
    expect(screen.getByText(/responsible scaling policies/i)).toBeVisible();
  });

  it('has a main navigation to Play solo, Workshop and Explorer', async () => {
    render(App, { loadScenarios: fromDisk });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav).toBeInTheDocument();
    const solo = screen.getByRole('button', { name: 'Play solo' });
    expect(solo).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('button', { name: 'Start game' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Workshop' }));
    expect(screen.getByRole('button', { name: 'Workshop' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(solo).not.toHaveAttribute('aria-current');
    // The solo screen is kept (hidden), so a game in progress survives a look elsewhere.
    expect(screen.queryByRole('button', { name: 'Start game' })).toBeNull();
    await userEvent.click(solo);
    expect(screen.getByRole('button', { name: 'Start game' })).toBeInTheDocument();
  });

  it('names a shipped scenario that could not be loaded, and still offers the others', async () => {
    const [first, ...rest] = shippedScenarios;
    render(App, {
      loadScenarios: async () => ({
        scenarios: rest,
        errors: [{ file: `${first?.id}.json`, messages: ['could not be loaded (offline)'] }],
      }),
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('One shipped scenario could not be used');
    expect(alert).toHaveTextContent(`${first?.id}.json: could not be loaded (offline)`);
    expect(await screen.findByRole('button', { name: 'Start game' })).toBeInTheDocument();
  });

  it('opens a sweep link in the Explorer, on load and when the link is followed later', async () => {
    const link = makeExploreLink({
      v: 1,
      scenario: 'anthropic-rsp',
      params: [{ id: 'labs', from: 2, to: 3, steps: 2 }],
      runs: 8,
      seed: 4,
    });
    window.location.hash = link;
    const first = render(App, { loadScenarios: fromDisk });
    expect(await screen.findByRole('heading', { level: 1, name: 'Explorer' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Explorer' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    first.unmount();

    window.location.hash = '';
    render(App, { loadScenarios: fromDisk });
    expect(await screen.findByRole('button', { name: 'Start game' })).toBeInTheDocument();
    window.location.hash = link;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Explorer' })).toBeInTheDocument();
  });
});
