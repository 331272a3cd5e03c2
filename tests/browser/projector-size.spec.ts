// Projectors come in every size: the projector window's type grows with the window, so the
// public view reads from the back of a room on a 4K wall as on a laptop.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const rootFontPx = (page: Page): Promise<number> =>
  page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const headingPx = (page: Page): Promise<number> =>
  page
    .getByRole('heading', { level: 1 })
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test('the projector view scales its type with the window; the app itself does not', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/#projector');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await rootFontPx(page)).toBe(16);
  const small = await headingPx(page);

  await page.setViewportSize({ width: 3840, height: 2160 });
  await expect.poll(() => rootFontPx(page)).toBeGreaterThan(27);
  expect(await headingPx(page)).toBeGreaterThan(small * 1.6);

  // The app's own pages keep the usual size at any width.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await rootFontPx(page)).toBe(16);
});
