import type { Page } from '@playwright/test';
import { SCENARIO, SCENARIO_TITLE, expect, test } from './fixtures';

// Hundreds of key presses: a trace would snapshot the page after each one.
test.use({ trace: 'off' });

/** The accessible name of the focused element (aria-label or text). */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  });
}

/** Press Tab until the focused element has this accessible name (keyboard only, bounded). */
async function tabTo(page: Page, name: string, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`Could not reach "${name}" with the Tab key`);
}

test('plays a whole game to the debrief with the keyboard only', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Threshold' })).toBeVisible();
  // The shortest scenario is listed first and preselected.
  await expect(page.getByRole('radio', { name: new RegExp(SCENARIO_TITLE) })).toBeChecked();
  await tabTo(page, 'Start game');
  await page.keyboard.press('Enter');

  for (let quarter = 1; quarter <= SCENARIO.rounds; quarter++) {
    const title = page.getByRole('heading', { level: 1 });
    await expect(title).toContainText(/Quarter \d+ of|./);
    if (await page.getByRole('heading', { name: /The truth revealed/ }).isVisible()) break;
    await expect(title).toHaveText(`Quarter ${quarter} of ${SCENARIO.rounds}`);
    await tabTo(page, 'See your eval results');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Go to your decision');
    await page.keyboard.press('Enter');
    // The posture the commitment allows is preselected: ending the quarter keeps it.
    await tabTo(page, 'End quarter');
    await expect(page.locator(':focus')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(title).not.toHaveText(`Quarter ${quarter} of ${SCENARIO.rounds}`);
  }
  await expect(page.getByRole('heading', { name: 'Questions to discuss' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /The truth revealed/ })).toBeVisible();
  // The chart's table opens from the keyboard too.
  await tabTo(page, 'Show the data as a table');
  await page.keyboard.press('Enter');
  await expect(page.locator('th', { hasText: 'true capability' })).toBeVisible();
});
