// The workshop fetches its session reader (the saved-game and session checks) only when there is
// something to read: never for a new workshop, always before a kept session is used — and if it
// cannot be fetched, it says so and saves nothing over the kept session.
import { render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { initialMeta } from '../../src/engine/workshop/flow';
import { WORKSHOP_KEY } from '../../src/lib/workshopFile/sessionTypes';
import { makeWorkshopSave } from '../../src/lib/workshopFile/writeSession';
import Workshop from '../../src/ui/workshop/Workshop.svelte';
import { MemoryStorage, shortest } from './helpers';

const READER = '../../src/lib/workshopFile/sessionReader';
/** How many times the reader module was fetched. */
const reader = vi.hoisted(() => ({ fetched: 0 }));
vi.mock(import('../../src/lib/workshopFile/sessionReader'), async (original) => {
  reader.fetched += 1;
  return original();
});

beforeEach(() => {
  reader.fetched = 0;
  vi.resetModules();
});

function open(storage: MemoryStorage) {
  render(Workshop, { scenarios: [shortest], storage, channel: null, randomSeed: () => 7 });
}

function keptSetup(storage: MemoryStorage): string {
  const [a, b] = shortest.labs.map((l) => l.id) as [string, string];
  const save = makeWorkshopSave({
    setup: { scenario: shortest, seed: 7, humans: [a, b] },
    log: [],
    pending: {},
    meta: initialMeta(
      [
        { lab: a, name: 'Amber' },
        { lab: b, name: 'Blue' },
      ],
      300,
    ),
  });
  const raw = JSON.stringify({ revision: 3, save });
  storage.setItem(WORKSHOP_KEY, raw);
  return raw;
}

describe('the workshop’s session reader', () => {
  it('is not fetched for a new workshop', async () => {
    open(new MemoryStorage());
    expect(await screen.findByRole('heading', { name: 'Set up a workshop' })).toBeInTheDocument();
    expect(reader.fetched).toBe(0);
  });

  it('is fetched, and the kept session checked, before it is resumed', async () => {
    const storage = new MemoryStorage();
    keptSetup(storage);
    open(storage);
    expect(await screen.findByText('Your saved setup was reopened.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Team 1 name' })).toHaveValue('Amber');
    expect(reader.fetched).toBe(1);
  });

  it('says so when it cannot be fetched, and leaves the kept session as it was', async () => {
    vi.doMock(READER, () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const storage = new MemoryStorage();
    const raw = keptSetup(storage);
    open(storage);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The workshop kept in this browser could not be opened',
    );
    expect(screen.queryByRole('heading', { name: 'Set up a workshop' })).toBeNull();
    expect(storage.getItem(WORKSHOP_KEY)).toBe(raw);
  });
});
