import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../src/App.svelte';

describe('App', () => {
  beforeEach(() => localStorage.clear());

  it('shows the Threshold heading and a description', async () => {
    render(App);
    expect(
      await screen.findByRole('heading', { level: 1, name: /threshold/i }),
    ).toBeInTheDocument();
    expect(screen.getByText(/responsible scaling policies/i)).toBeVisible();
  });

  it('has a main navigation to Play solo, Workshop and Explorer', async () => {
    render(App);
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
});
