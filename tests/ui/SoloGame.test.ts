import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { shippedScenarios } from '../support/shippedScenarios';
import { createStore } from '../../src/lib/persistence';
import { makeSavedGame } from '../../src/lib/saveFormat';
import SoloGame from '../../src/ui/solo/SoloGame.svelte';
import { MemoryStorage, decision, playerId, shortest } from './helpers';

const KEY = 'threshold:solo';

/** Storage holding a solo game saved after `quarters` paused quarters, at the next briefing. */
function savedPausing(quarters: number): MemoryStorage {
  const storage = new MemoryStorage();
  const id = playerId(shortest);
  createStore(storage).save(
    KEY,
    makeSavedGame({
      mode: 'solo',
      setup: { scenario: shortest, seed: 5, humans: [id] },
      log: Array.from({ length: quarters }, () => ({ [id]: decision('pause') })),
      pending: {},
      autoResolve: true,
      extra: { step: 'briefing' },
    }),
  );
  return storage;
}

describe('SoloGame', () => {
  it('starts a game, saves after every decision and resumes it', async () => {
    const storage = new MemoryStorage();
    const first = render(SoloGame, { scenarios: shippedScenarios, storage });
    await userEvent.click(await screen.findByRole('radio', { name: new RegExp(shortest.title) }));
    await userEvent.click(screen.getByRole('button', { name: 'Start game' }));
    // The quarter screens are fetched once the start screen is used: wait for them, however slow.
    await userEvent.click(
      await screen.findByRole('button', { name: 'See your eval results' }, { timeout: 60_000 }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Go to your decision' }));
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await userEvent.click(screen.getByRole('button', { name: 'End quarter' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: /Quarter 2 of/ }),
    ).toBeInTheDocument();

    const saved = createStore(storage).load(KEY);
    expect(saved.status).toBe('ok');
    if (saved.status === 'ok') expect(saved.save.log).toHaveLength(1);
    first.unmount();

    render(SoloGame, { scenarios: shippedScenarios, storage });
    expect(
      await screen.findByRole('heading', { level: 1, name: /Quarter 2 of/ }),
    ).toBeInTheDocument();
    // It was saved at quarter 2's briefing, so it resumes there, not further on.
    expect(screen.getByRole('button', { name: 'See your eval results' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'End quarter' })).toBeNull();
  });

  it('reports a corrupt save, sets it aside and offers a new game', async () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, '{"revision": 1, "save": {"kind": "threshold-save", "version": 1}}');
    render(SoloGame, { scenarios: shippedScenarios, storage });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your saved game could not be resumed');
    expect(alert).toHaveTextContent(
      /kept in this browser’s storage under “threshold:solo:corrupt:/,
    );
    expect(screen.getByRole('button', { name: 'Start game' })).toBeInTheDocument();
    expect([...Array(storage.length).keys()].map((i) => storage.key(i))).toContainEqual(
      expect.stringMatching(/^threshold:solo:corrupt:/),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('resumes a finished game at the debrief', async () => {
    const storage = savedPausing(shortest.rounds);
    render(SoloGame, { scenarios: shippedScenarios, storage });
    expect(
      await screen.findByRole('heading', { name: 'Questions to discuss' }),
    ).toBeInTheDocument();
  });

  it('speaks each quarter once, and the end of the game when the last quarter is played', async () => {
    const storage = savedPausing(shortest.rounds - 2);
    const { container } = render(SoloGame, { scenarios: shippedScenarios, storage });
    const live = () => container.querySelector('[aria-live="polite"]');
    const playQuarter = async () => {
      await userEvent.click(await screen.findByRole('button', { name: 'See your eval results' }));
      await userEvent.click(screen.getByRole('button', { name: 'Go to your decision' }));
      await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
      await userEvent.click(screen.getByRole('button', { name: 'End quarter' }));
    };

    await playQuarter();
    const last = shortest.rounds;
    await screen.findByRole('heading', { level: 1, name: new RegExp(`Quarter ${last} of`) });
    // The quarter screen's status region says how the quarter went; the game adds nothing.
    await waitFor(() =>
      expect(container.querySelector('.quarter > [role="status"]')).toHaveTextContent(
        `Quarter ${last - 1} ended for`,
      ),
    );
    expect(live()).toHaveTextContent(/^$/);

    await playQuarter();
    await screen.findByRole('heading', { name: 'Questions to discuss' });
    expect(live()).toHaveTextContent(
      new RegExp(`^Quarter ${last} ended\\..*The game is over: see the debrief\\.$`),
    );
  }, 20_000);

  it('asks before a new game replaces the one in play, and keeps it when told to', async () => {
    const storage = savedPausing(2);
    render(SoloGame, { scenarios: shippedScenarios, storage });
    const quarter3 = await screen.findByRole('heading', { level: 1, name: /Quarter 3 of/ });
    await userEvent.click(screen.getByRole('button', { name: 'New game' }));
    const dialog = screen.getByRole('dialog', { name: 'Start a new game?' });
    expect(within(dialog).getByRole('button', { name: 'Keep playing' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep playing' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(quarter3).toBeInTheDocument();
    expect(createStore(storage).load(KEY).status).toBe('ok');

    await userEvent.click(screen.getByRole('button', { name: 'New game' }));
    await userEvent.click(screen.getByRole('button', { name: 'Start a new game' }));
    expect(await screen.findByRole('button', { name: 'Start game' })).toBeInTheDocument();
    expect(createStore(storage).load(KEY).status).toBe('empty');
  });
});
