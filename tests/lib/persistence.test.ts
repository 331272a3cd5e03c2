import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../src/engine/types';
import {
  createStore,
  FULL_WARNING,
  OTHER_TAB_WARNING,
  UNAVAILABLE_WARNING,
} from '../../src/lib/persistence';
import { makeSavedGame, type SavedGame } from '../../src/lib/saveFormat';
import { saveText } from '../../src/lib/savedGame';
import { decision, testScenario, withLadderPolicy } from '../engine/fixtures';

/** testScenario made to pass the scenario validator (ids, descriptions, sources). */
function validScenario(): Scenario {
  const base = testScenario();
  return withLadderPolicy({
    ...base,
    id: 'valid-ladder',
    domains: base.domains.map((d) => ({ ...d, description: `${d.name} capability.` })),
    levels: base.levels.map((l) => ({ ...l, id: l.id.toLowerCase() })),
    sources: [
      { element: 'If-then', title: 'Test source', url: 'https://example.org/', version: '1' },
    ],
    simplifications: ['Numbers invented for tests.'],
  });
}

function game(quarters: number, seed = 4): SavedGame {
  return makeSavedGame({
    savedAt: '2026-03-01T10:00:00.000Z',
    mode: 'solo',
    setup: { scenario: validScenario(), seed, humans: ['player'] },
    log: Array.from({ length: quarters }, () => ({ player: decision('restrict') })),
    pending: {},
    autoResolve: true,
  });
}

/** An in-memory Storage that can be told to fail like a browser's. */
class FakeStorage implements Storage {
  readonly items = new Map<string, string>();
  /** Characters the storage holds before setItem throws QuotaExceededError. */
  quota = Infinity;
  broken = false;

  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    if (this.broken) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.broken) throw new DOMException('The operation is insecure.', 'SecurityError');
    let used = value.length;
    for (const [k, v] of this.items) if (k !== key) used += v.length;
    if (used > this.quota) throw new DOMException('Storage is full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    if (this.broken) throw new DOMException('The operation is insecure.', 'SecurityError');
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

const KEY = 'threshold:solo';
const now = () => Date.UTC(2026, 0, 2, 3, 4, 5);

describe('createStore', () => {
  it('saves after every decision and loads the latest game back', () => {
    const storage = new FakeStorage();
    const store = createStore(storage, { now });
    expect(store.load(KEY)).toEqual({ status: 'empty' });
    expect(store.save(KEY, game(1))).toEqual({ ok: true });
    expect(store.save(KEY, game(2))).toEqual({ ok: true });
    expect(JSON.parse(storage.items.get(KEY)!).revision).toBe(2);
    expect(createStore(storage).load(KEY)).toEqual({ status: 'ok', save: game(2) });
    expect(store.clear(KEY)).toEqual({ ok: true });
    expect(store.load(KEY)).toEqual({ status: 'empty' });
  });

  it('turns full storage into a warning and keeps the last good save', () => {
    const storage = new FakeStorage();
    const store = createStore(storage);
    expect(store.save(KEY, game(1))).toEqual({ ok: true });
    storage.quota = storage.items.get(KEY)!.length + 10;
    expect(store.save(KEY, game(3))).toEqual({ ok: false, warning: FULL_WARNING });
    expect(createStore(storage).load(KEY)).toEqual({ status: 'ok', save: game(1) });
  });

  it('works without storage at all (null, or a getter that throws in private mode)', () => {
    const none = createStore(null);
    expect(none.save(KEY, game(1))).toEqual({ ok: false, warning: UNAVAILABLE_WARNING });
    expect(none.load(KEY)).toEqual({ status: 'empty', warning: UNAVAILABLE_WARNING });
    expect(none.clear(KEY)).toEqual({ ok: false, warning: UNAVAILABLE_WARNING });

    const storage = new FakeStorage();
    storage.broken = true;
    const refusing = createStore(storage);
    expect(refusing.save(KEY, game(1))).toEqual({ ok: false, warning: UNAVAILABLE_WARNING });
    expect(refusing.load(KEY)).toEqual({ status: 'empty', warning: UNAVAILABLE_WARNING });
    expect(refusing.clear(KEY)).toEqual({ ok: false, warning: UNAVAILABLE_WARNING });
  });

  it('moves a corrupt save aside instead of losing it', () => {
    const storage = new FakeStorage();
    const cut = JSON.stringify({ revision: 3, save: game(2) }).slice(0, 120);
    storage.items.set(KEY, cut);
    const result = createStore(storage, { now }).load(KEY);
    const aside = `${KEY}:corrupt:2026-01-02T03:04:05.000Z`;
    expect(result).toEqual({
      status: 'corrupt',
      message: `The saved game could not be resumed: it is not valid JSON (it may have been cut short). It has been kept in this browser’s storage under “${aside}”, so nothing is lost.`,
      setAsideKey: aside,
    });
    expect(storage.items.get(aside)).toBe(cut);
    expect(storage.items.has(KEY)).toBe(false);

    // A second corrupt save in the same millisecond does not overwrite the first.
    storage.items.set(KEY, 'also broken');
    const again = createStore(storage, { now }).load(KEY);
    expect(again).toMatchObject({ status: 'corrupt', setAsideKey: `${aside}-2` });
    expect(storage.items.get(aside)).toBe(cut);
  });

  it('moves an outdated or invalid save aside with the reason', () => {
    const storage = new FakeStorage();
    const old = { ...game(1), version: 0 };
    storage.items.set(KEY, JSON.stringify({ revision: 1, save: old }));
    const result = createStore(storage, { now }).load(KEY);
    expect(result.status).toBe('corrupt');
    if (result.status !== 'corrupt') return;
    expect(result.message).toContain(
      'The saved game could not be resumed: version: this save was made by an older version of Threshold (save format 0)',
    );
    expect(JSON.parse(storage.items.get(result.setAsideKey)!).save.version).toBe(0);

    const bad = game(1);
    bad.log[0]!.player!.budget.evals = 0.9;
    storage.items.set(KEY, JSON.stringify({ revision: 1, save: bad }));
    expect(createStore(storage, { now }).load(KEY)).toMatchObject({
      status: 'corrupt',
      message: expect.stringContaining('log[0].player.budget: shares must add up to 100%'),
    });
  });

  it('keeps an unreadable save before a new game replaces it', () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, '{not json');
    expect(createStore(storage, { now }).save(KEY, game(1))).toEqual({ ok: true });
    expect(storage.items.get(`${KEY}:corrupt:2026-01-02T03:04:05.000Z`)).toBe('{not json');
  });

  it('refuses to overwrite a game another tab saved since this tab last read it', () => {
    const storage = new FakeStorage();
    const tabA = createStore(storage);
    const tabB = createStore(storage);
    expect(tabA.save(KEY, game(1))).toEqual({ ok: true });
    expect(tabB.load(KEY)).toEqual({ status: 'ok', save: game(1) });
    expect(tabA.load(KEY)).toEqual({ status: 'ok', save: game(1) });

    expect(tabA.save(KEY, game(2))).toEqual({ ok: true });
    expect(tabB.save(KEY, game(2, 99))).toEqual({ ok: false, warning: OTHER_TAB_WARNING });
    expect(OTHER_TAB_WARNING.startsWith('This game was changed in another tab')).toBe(true);
    expect(createStore(storage).load(KEY)).toEqual({ status: 'ok', save: game(2) });

    // Tab B catches up by reading the other tab's game, then may save again …
    expect(tabB.load(KEY)).toEqual({ status: 'ok', save: game(2) });
    expect(tabB.save(KEY, game(3))).toEqual({ ok: true });
    // … which tab A has not seen, so tab A is now the one refused.
    expect(tabA.save(KEY, game(3, 7))).toEqual({ ok: false, warning: OTHER_TAB_WARNING });
    // Overwriting on purpose is possible.
    expect(tabA.save(KEY, game(3, 7), { force: true })).toEqual({ ok: true });
    expect(createStore(storage).load(KEY)).toEqual({ status: 'ok', save: game(3, 7) });
  });

  it('resumes a save at its revision and, saving again, does not parse back what it wrote', () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, JSON.stringify({ revision: 7, save: game(1) }));
    const store = createStore(storage);
    expect(store.load(KEY)).toEqual({ status: 'ok', save: game(1) });
    const setup = game(1).setup;
    const parse = vi.spyOn(JSON, 'parse');
    try {
      for (let quarters = 2; quarters <= 4; quarters++) {
        const save = { ...game(quarters), setup };
        expect(store.save(KEY, save)).toEqual({ ok: true });
        // Exactly the text JSON.stringify writes, at the next revision.
        expect(storage.items.get(KEY)).toBe(JSON.stringify({ revision: 6 + quarters, save }));
      }
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
    // Another tab's write is still noticed (it is not the text this store wrote).
    expect(createStore(storage).load(KEY).status).toBe('ok');
    storage.items.set(KEY, JSON.stringify({ revision: 11, save: game(5) }));
    expect(store.save(KEY, { ...game(5), setup })).toEqual({
      ok: false,
      warning: OTHER_TAB_WARNING,
    });
  });

  it('protects a save a tab has never read', () => {
    const storage = new FakeStorage();
    expect(createStore(storage).save(KEY, game(1))).toEqual({ ok: true });
    expect(createStore(storage).save(KEY, game(2))).toEqual({
      ok: false,
      warning: OTHER_TAB_WARNING,
    });
  });

  it('never lets a tab overwrite a save it has not seen, in any order of operations', () => {
    type Op = { tab: 0 | 1; op: 'save' | 'load' | 'clear'; quarters: number };
    const op = fc.record({
      tab: fc.constantFrom<0 | 1>(0, 1),
      op: fc.constantFrom<Op['op']>('save', 'save', 'load', 'clear'),
      quarters: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const storage = new FakeStorage();
        const tabs = [createStore(storage), createStore(storage)] as const;
        /** What each tab last read or wrote under the key. */
        const seen: (string | null)[] = [null, null];
        const isTombstone = (raw: string | null) => raw !== null && JSON.parse(raw).save === null;
        let lastRevision = 0;
        for (const { tab, op, quarters } of ops) {
          const before = storage.items.get(KEY) ?? null;
          if (op === 'save') {
            const result = tabs[tab].save(KEY, game(quarters));
            if (result.ok) {
              // Only an empty (or cleared) slot or this tab's own last-seen save may be replaced.
              expect(before === null || isTombstone(before) || before === seen[tab]).toBe(true);
              seen[tab] = storage.items.get(KEY)!;
            } else {
              expect(result.warning).toBe(OTHER_TAB_WARNING);
              expect(storage.items.get(KEY) ?? null).toBe(before);
            }
          } else if (op === 'load') {
            const result = tabs[tab].load(KEY);
            expect(result.status).toBe(before === null || isTombstone(before) ? 'empty' : 'ok');
            seen[tab] = before;
          } else {
            expect(tabs[tab].clear(KEY)).toEqual({ ok: true });
            expect(tabs[tab].load(KEY)).toEqual({ status: 'empty' });
          }
          // Revisions only ever rise, across saves and clears.
          const stored = storage.items.get(KEY);
          if (stored) {
            const revision = JSON.parse(stored).revision as number;
            expect(revision).toBeGreaterThanOrEqual(lastRevision);
            lastRevision = revision;
          }
        }
      }),
    );
  });
});

describe('saveText', () => {
  it('writes what JSON.stringify writes, reusing the setup only while it is the same object', () => {
    const setups = [game(0, 1).setup, game(0, 2).setup];
    const step = fc.record({
      setup: fc.constantFrom(0, 1, 2),
      quarters: fc.integer({ min: 0, max: 3 }),
      extra: fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { nil: undefined }),
      revision: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), (steps) => {
        const toText = saveText();
        for (const { setup, quarters, extra, revision } of steps) {
          // Setup 2 is a fresh copy each time: equal in value, never the same object.
          const chosen = setups[setup] ?? structuredClone(setups[0]!);
          const save: SavedGame = { ...game(quarters), setup: chosen, extra };
          expect(toText(revision, save)).toBe(JSON.stringify({ revision, save }));
        }
      }),
    );
  });

  it('writes a changed setup afresh', () => {
    const toText = saveText();
    const save = game(1);
    toText(1, save);
    const changed = { ...save, setup: { ...save.setup, seed: 99 } };
    expect(JSON.parse(toText(2, changed)).save.setup.seed).toBe(99);
  });
});
