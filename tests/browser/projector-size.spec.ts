// Projectors come in every size: the projector window's type grows with the window, so the
// public view reads from the back of a room on a 4K wall as on a laptop.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { shippedScenario, storedWorkshop, WORKSHOP_KEY } from './workshop-sessions';

const SHOTS = process.env.SCREENSHOT_DIR;

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

/** The bottom edge of an element, in page pixels (Infinity if it is not there). */
const bottomOf = async (page: Page, selector: string): Promise<number> => {
  const box = await page.locator(selector).first().boundingBox();
  return box ? box.y + box.height : Infinity;
};

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
  [3840, 2160],
] as const) {
  test(`at ${width}×${height} everything that matters is above the fold, during play and at the reveal`, async ({
    page,
    consoleErrors,
  }) => {
    void consoleErrors;
    await page.setViewportSize({ width, height });
    await page.goto('/#projector');
    // Five teams mid-game on a five-lab scenario: the fullest lab table and timeline.
    const midGame = storedWorkshop(shippedScenario('race-to-the-bottom.json'), 5, 6);
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [WORKSHOP_KEY, midGame]);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Quarter 7 of/);
    await expect(page.locator('.ptl .box svg')).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/projector-${width}.png` });
    for (const what of ['.head', '.labs table', '.world', '.ptl .box svg', '.ptl .legend']) {
      expect(await bottomOf(page, what), what).toBeLessThanOrEqual(height);
    }

    // The reveal: six teams on a four-lab scenario, each section's title and cards in view.
    const over = storedWorkshop(shippedScenario('coordinated-pause.json'), 6, Infinity);
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [WORKSHOP_KEY, over]);
    await page.reload();
    await expect(page.locator('#reveal-h')).toHaveText('How it ended');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reveal-${width}.png` });
    expect(await bottomOf(page, '.reveal .teams')).toBeLessThanOrEqual(height);
  });
}
