// The notice for a saved game that cannot be resumed (issue 17, item 17): whole sentences, each
// ending with one full stop, and one account of where the save went — kept under a key, or (when
// storage is too full to hold a copy) left where it was, never both.
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import SoloGame from '../../src/ui/solo/SoloGame.svelte';
import { shippedScenarios } from '../support/shippedScenarios';
import { MemoryStorage } from './helpers';

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
