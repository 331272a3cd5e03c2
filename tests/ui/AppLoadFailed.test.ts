import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/App.svelte';
import { shippedScenarios } from '../support/shippedScenarios';

// A window opened on a mode's own link (the projector here) fetches that mode's chunk; should the
// fetch fail (offline before the app was cached), the window says so instead of staying blank.
vi.mock('../../src/ui/workshop/ProjectorWindow.svelte', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('App when a window’s mode cannot be fetched', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('the projector window explains the failure', async () => {
    window.location.hash = '#projector';
    render(App, { loadScenarios: async () => ({ scenarios: [...shippedScenarios], errors: [] }) });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The projector view could not be loaded',
    );
  });
});
