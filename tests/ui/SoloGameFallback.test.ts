// The last resort of issue 17, item 8: should a game screen ever fail to show, the page says so
// and offers a new game, and the save is moved aside untouched rather than lost. (The checks on
// saves keep this from happening; here the quarter screen itself is made to fail.)
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createStore } from '../../src/lib/persistence';
import { makeSavedGame } from '../../src/lib/saveFormat';
import SoloGame from '../../src/ui/solo/SoloGame.svelte';
import { shippedScenarios } from '../support/shippedScenarios';
import { MemoryStorage, decision, playerId, shortest } from './helpers';

vi.mock('../../src/ui/game/QuarterScreen.svelte', () => ({
  default: () => {
    throw new Error('the screen broke');
  },
}));

const KEY = 'threshold:solo';

describe('SoloGame when a game screen fails', () => {
  it('says so, keeps the save aside, and starts a new game', async () => {
    const storage = new MemoryStorage();
    const id = playerId(shortest);
    createStore(storage).save(
      KEY,
      makeSavedGame({
        mode: 'solo',
        setup: { scenario: shortest, seed: 5, humans: [id] },
        log: [{ [id]: decision('pause') }],
        pending: {},
        autoResolve: true,
      }),
    );
    const saved = storage.getItem(KEY);
    render(SoloGame, { scenarios: shippedScenarios, storage });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This game could not be shown');
    expect(alert).toHaveTextContent('the screen broke');

    await userEvent.click(screen.getByRole('button', { name: 'Start a new game' }));
    expect(await screen.findByRole('button', { name: 'Start game' })).toBeInTheDocument();
    const keys = [...Array(storage.length).keys()].map((i) => storage.key(i) ?? '');
    const aside = keys.find((k) => k.startsWith(`${KEY}:corrupt:`));
    expect(aside).toBeDefined();
    expect(storage.getItem(aside ?? '')).toBe(saved);
    expect(screen.getByRole('status')).toHaveTextContent(`“${aside}”`);
  });
});
