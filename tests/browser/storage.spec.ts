// Storage (issue 7): storage that is switched off or full degrades to a warning, not a crash; two
// tabs on the same game do not corrupt each other's save.

import { expect, test, type Page } from '@playwright/test';
import {
  currentRound,
  playQuarter,
  quarterHeading,
  startGame,
  startHeading,
} from './resilience-helpers';

const SAVE_KEY = 'threshold:solo';

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('storage switched off (private mode): the app starts, warns, and still plays', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.addInitScript(() => {
    // As in some private modes: touching localStorage throws.
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('./');
  await expect(startHeading(page)).toBeVisible();
  await expect(page.getByText(/not letting this page store anything/)).toBeVisible();
  await startGame(page);
  await playQuarter(page);
  await expect(quarterHeading(page, 2)).toBeVisible();
  await expect(page.getByText(/not letting this page store anything/).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('storage full: the app warns that the game was not saved, and plays on', async ({ page }) => {
  const errors = collectErrors(page);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('./');
  await expect(startHeading(page)).toBeVisible();
  await startGame(page);
  await expect(page.getByText(/storage for this page is full/)).toBeVisible();
  await playQuarter(page);
  await expect(quarterHeading(page, 2)).toBeVisible();
  expect(errors).toEqual([]);
});

/** The stored save's envelope: its revision and how many quarters its log holds. */
async function stored(page: Page): Promise<{ revision: number; quarters: number } | null> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    if (raw === null) return null;
    const { revision, save } = JSON.parse(raw) as { revision: number; save: { log: unknown[] } };
    return { revision, quarters: save.log.length };
  }, SAVE_KEY);
}

test('two tabs on the same game: neither overwrites the other, and the save stays whole', async ({
  context,
}) => {
  const a = await context.newPage();
  const errorsA = collectErrors(a);
  await a.goto('./');
  await expect(startHeading(a)).toBeVisible();
  await startGame(a);
  await playQuarter(a);
  expect(await stored(a)).toMatchObject({ quarters: 1 });

  // Tab B opens the same game and plays on.
  const b = await context.newPage();
  const errorsB = collectErrors(b);
  await b.goto('./');
  await expect(quarterHeading(b, 2)).toBeVisible();
  await playQuarter(b);
  const afterB = await stored(b);
  expect(afterB).toMatchObject({ quarters: 2 });

  // Tab A, now behind, plays its own quarter 2: it must not overwrite B's newer game.
  await a.bringToFront();
  await playQuarter(a);
  await expect(a.getByText(/changed in another tab/)).toBeVisible();
  expect(await stored(a)).toEqual(afterB);

  // The save is B's game, whole: a reload of either tab resumes it at quarter 3.
  await a.reload();
  await expect(quarterHeading(a, 3)).toBeVisible();
  expect(await currentRound(a)).toBe(3);
  await b.reload();
  await expect(quarterHeading(b, 3)).toBeVisible();
  await expect(a.getByText(/could not be resumed/)).toHaveCount(0);
  expect(errorsA).toEqual([]);
  expect(errorsB).toEqual([]);
});
