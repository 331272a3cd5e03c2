// Resilience (issue 7): random and damaged saved games fed to parseSavedGame and to the browser
// store that reads them. Each ends in a save or a clear message; nothing throws; the game in play
// and every other stored game are untouched; storage that fails gives a warning.

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/lib/persistence';
import { parseSavedGame, type SaveResult } from '../../src/lib/saveFormat';
import {
  damagedJson,
  damagedText,
  expectClearMessage,
  gameInPlay,
  runs,
  validSave,
  type Json,
} from './helpers';

const world = gameInPlay();
afterAll(() => world.untouched());

const SAVE = validSave();
const SAVE_TEXT = JSON.stringify(SAVE);

function expectHandled(result: SaveResult): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    // Accepted saves are whole: they pass the same check again after a JSON round trip.
    expect(parseSavedGame(JSON.parse(JSON.stringify(result.save))).ok).toBe(true);
  } else {
    expectClearMessage(result.message);
  }
}

/** In-memory Storage; `fail` makes every call throw like a browser with storage switched off. */
class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  fail: 'none' | 'all' | 'quota' = 'none';
  get length() {
    return this.items.size;
  }
  private check(write = false) {
    if (this.fail === 'all') throw new DOMException('The operation is insecure.', 'SecurityError');
    if (write && this.fail === 'quota') {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
  }
  key(i: number) {
    this.check();
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    this.check();
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.check(true);
    this.items.set(k, String(v));
  }
  removeItem(k: string) {
    this.check();
    this.items.delete(k);
  }
  clear() {
    this.check();
    this.items.clear();
  }
}

describe('saved games under random and damaged input', { timeout: 30_000 }, () => {
  it('the valid save this suite damages is accepted', () => {
    expect(parseSavedGame(JSON.parse(SAVE_TEXT)).ok).toBe(true);
  });

  it('parseSavedGame: any value at all', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ maxDepth: 3, withBigInt: true, withMap: true, withNullPrototype: true }),
          fc.record(
            { kind: fc.constant('threshold-save'), version: fc.constant(1) },
            { requiredKeys: [] },
          ),
        ),
        (value) => expectHandled(parseSavedGame(value)),
      ),
      { numRuns: runs(300) },
    );
    world.untouched();
  });

  it('parseSavedGame: a valid save damaged in structure', () => {
    fc.assert(
      fc.property(damagedJson(SAVE), (value) => expectHandled(parseSavedGame(value))),
      { numRuns: runs(150) },
    );
    world.untouched();
  });

  it('the store: damaged text under the save key is set aside with a message; other games stay', () => {
    const OTHER = 'threshold:solo:previous';
    fc.assert(
      fc.property(
        fc.oneof(
          damagedText(JSON.stringify({ revision: 3, save: SAVE })),
          damagedJson({ revision: 3, save: SAVE } as Json).map((v) => JSON.stringify(v)),
          fc.string({ maxLength: 50 }),
        ),
        (raw) => {
          const storage = new MemoryStorage();
          const otherText = JSON.stringify({ revision: 1, save: SAVE });
          storage.setItem('threshold:solo', raw);
          storage.setItem(OTHER, otherText);
          const store = createStore(storage, { now: () => 0 });
          const loaded = store.load('threshold:solo');
          if (loaded.status === 'corrupt') {
            expectClearMessage(loaded.message);
            // Nothing is lost: the unreadable text is kept, byte for byte.
            expect(storage.getItem(loaded.setAsideKey)).toBe(raw);
          } else if (loaded.status === 'ok') {
            expect(parseSavedGame(JSON.parse(JSON.stringify(loaded.save))).ok).toBe(true);
          }
          expect(storage.getItem(OTHER)).toBe(otherText);
          expect(store.load(OTHER).status).toBe('ok');
        },
      ),
      { numRuns: runs(150) },
    );
    world.untouched();
  });

  it('the store: storage switched off or full gives warnings, never an exception', () => {
    const save = parseSavedGame(JSON.parse(SAVE_TEXT));
    if (!save.ok) throw new Error('fixture');
    for (const fail of ['all', 'quota'] as const) {
      const storage = new MemoryStorage();
      storage.setItem('threshold:solo', JSON.stringify({ revision: 1, save: SAVE }));
      storage.fail = fail;
      const store = createStore(storage);
      const loaded = store.load('threshold:solo');
      if (fail === 'all') {
        expect(loaded.status).toBe('empty');
        if (loaded.status === 'empty') expectClearMessage(loaded.warning);
      } else {
        expect(loaded.status).toBe('ok');
      }
      const saved = store.save('threshold:solo', save.save);
      expect(saved.ok).toBe(false);
      if (!saved.ok) expectClearMessage(saved.warning);
      const cleared = store.clear('threshold:solo');
      if (fail === 'all') expect(cleared.ok).toBe(false);
    }
    const none = createStore(null);
    expect(none.load('threshold:solo').status).toBe('empty');
    expect(none.save('threshold:solo', save.save).ok).toBe(false);
  });
});
