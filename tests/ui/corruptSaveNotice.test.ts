// The notice for a saved game or workshop that cannot be resumed (issue 17, item 17): whole sentences, each
// ending with one full stop, and one account of where the save went — kept under a key, or (when
// storage is too full to hold a copy) left where it was, never both.
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { initialMeta } from '../../src/engine/workshop/flow';
import { createStore } from '../../src/lib/persistence';
import { WORKSHOP_KEY, loadWorkshop, makeWorkshopSave } from '../../src/lib/workshopSession';
import SoloGame from '../../src/ui/solo/SoloGame.svelte';
import { shippedScenarios } from '../support/shippedScenarios';
import { MemoryStorage, shortest } from './helpers';

const KEY = 'threshold:solo';
/** Damaged beyond reading: the store must set it aside. */
const BROKEN = '{"revision": 1, "save": {"kind": "threshold-save", "version": 1}}';

/** Storage that is too full to hold a copy of the save (any write of a set-aside key fails). */
class FullStorage extends MemoryStorage {
  override setItem(key: string, value: string) {
    if (key.includes(':corrupt:')) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    super.setItem(key, value);
  }
}

async function noticeText(storage: MemoryStorage): Promise<string> {
  storage.setItem(KEY, BROKEN);
  render(SoloGame, { scenarios: shippedScenarios, storage });
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Your saved game could not be resumed');
  return alert.textContent ?? '';
}

describe('the corrupt-save notice', () => {
  it('ends each sentence with one full stop, and says where the save was kept', async () => {
    const text = await noticeText(new MemoryStorage());
    expect(text).not.toMatch(/\.\./);
    expect(text).toMatch(/kept in this browser’s storage under “threshold:solo:corrupt:[^”]+”/);
    expect(text).not.toMatch(/could not be moved aside/);
    expect(text).toMatch(/You can start a new game\./);
  });

  it('for a save too big to set aside, says only that it could not be moved aside', async () => {
    const text = await noticeText(new FullStorage());
    expect(text).not.toMatch(/\.\./);
    expect(text).toMatch(/could not be moved aside/);
    expect(text).not.toMatch(/set aside|kept in this browser’s storage under/);
  });
});

describe('the corrupt-workshop notice', () => {
  /** A session that reads as a saved game but not as a workshop (two teams share a name). */
  function storedBadSession(storage: MemoryStorage): void {
    const [a, b] = shortest.labs.map((l) => l.id) as [string, string];
    const setup = { scenario: shortest, seed: 5, humans: [a, b] };
    const meta = initialMeta(
      [
        { lab: a, name: 'Team Amber' },
        { lab: b, name: 'team amber' },
      ],
      300,
    );
    createStore(storage).save(
      WORKSHOP_KEY,
      makeWorkshopSave({ setup, log: [], pending: {}, meta }),
    );
  }

  it('says once where the session went, in whole sentences', () => {
    for (const storage of [new MemoryStorage(), new FullStorage()]) {
      storedBadSession(storage);
      const loaded = loadWorkshop(createStore(storage), storage);
      expect(loaded.status).toBe('corrupt');
      if (loaded.status !== 'corrupt') continue;
      expect(loaded.message).toMatch(
        /^The saved workshop could not be resumed: extra\.teams\[1\]\.name/,
      );
      expect(loaded.message).not.toMatch(/\.\./);
      const kept = /kept in this browser’s storage under/.test(loaded.message);
      const notMoved = /could not be moved aside/.test(loaded.message);
      expect(kept !== notMoved).toBe(true);
      expect(notMoved).toBe(storage instanceof FullStorage);
    }
  });
});
