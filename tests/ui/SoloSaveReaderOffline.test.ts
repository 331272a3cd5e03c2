import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { createGameStore } from '../../src/lib/gameStore';
import { makeSavedGame } from '../../src/lib/savedGame';
import SoloGame from '../../src/ui/solo/SoloGame.svelte';
import { shippedScenarios } from '../support/shippedScenarios';
import { MemoryStorage, playerId, shortest } from './helpers';

// A new game never reads a save, so the save format's checks (valibot, the scenario validator) are
// fetched only when there is one. Should that fetch fail, the save is neither lost nor set aside:
// the page says so and the save stays where it is for a reload.
vi.mock('../../src/lib/saveFormat', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('SoloGame when the save reader cannot be fetched', () => {
  it('says so and keeps the save untouched', async () => {
    const storage = new MemoryStorage();
    const notCalled = () => ({ ok: false as const, message: 'not read in this test' });
    createGameStore(storage, notCalled).save(
      'threshold:solo',
      makeSavedGame({
        mode: 'solo',
        setup: { scenario: shortest, seed: 5, humans: [playerId(shortest)] },
        log: [],
        pending: {},
        autoResolve: true,
      }),
    );
    const before = storage.getItem('threshold:solo');
    render(SoloGame, { scenarios: shippedScenarios, storage });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your saved game could not be opened',
    );
    expect(storage.getItem('threshold:solo')).toBe(before);
    expect(storage.length).toBe(1);
  });
});
