import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import SoloGame from '../../src/ui/solo/SoloGame.svelte';
import { shippedScenarios } from '../support/shippedScenarios';
import { MemoryStorage, shortest } from './helpers';

// The page opens on the start screen alone; the game itself (SoloSession) is a chunk fetched when
// the player uses the page. Should that fetch fail, Start game says so instead of doing nothing.
vi.mock('../../src/ui/solo/SoloSession.svelte', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('SoloGame when the game cannot be fetched', () => {
  it('shows the start screen, then explains the failure on Start game', async () => {
    render(SoloGame, { scenarios: shippedScenarios, storage: new MemoryStorage() });
    await userEvent.click(await screen.findByRole('radio', { name: new RegExp(shortest.title) }));
    await userEvent.click(screen.getByRole('button', { name: 'Start game' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Solo play could not be loaded');
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
  });
});
