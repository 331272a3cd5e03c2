import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createStore } from '../../src/lib/persistence';
import SoloGame from '../../src/ui/solo/SoloGame.svelte';
import { shippedScenarios } from '../support/shippedScenarios';
import { MemoryStorage, shortest } from './helpers';

// The quarter and debrief screens are a chunk of their own, fetched when solo play mounts. If that
// fetch fails (the network dropped before the app was cached), starting a game says so, keeps the
// game saved, and offers a reload instead of showing nothing.
vi.mock('../../src/ui/solo/gameScreens', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('SoloGame when the game screens cannot be fetched', () => {
  it('explains it after Start game, with the game saved for a reload', async () => {
    const storage = new MemoryStorage();
    render(SoloGame, { scenarios: shippedScenarios, storage });
    await userEvent.click(await screen.findByRole('radio', { name: new RegExp(shortest.title) }));
    await userEvent.click(screen.getByRole('button', { name: 'Start game' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The game screens could not be loaded. Your game is saved',
    );
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
    const saved = createStore(storage).load('threshold:solo');
    expect(saved.status).toBe('ok');
    if (saved.status === 'ok') expect(saved.save.setup.scenario.id).toBe(shortest.id);
  });
});
