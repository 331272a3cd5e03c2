// The facilitator's lock in real Chromium: with a PIN set at setup, the console opens from a
// team's screen only when it is typed; a wrong PIN says so and can be retried.
import type { Locator, Page } from '@playwright/test';
import { SCENARIO, SCENARIO_TITLE, expect, seriousViolations, test } from './fixtures';

const PIN = '2468';
const h1 = (page: Page): Locator => page.getByRole('heading', { level: 1 });

test.use({ contextOptions: { reducedMotion: 'reduce' } });

test('the console refuses a team without the PIN and opens with it', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Workshop' })
    .click();
  await page.getByRole('radio', { name: new RegExp(SCENARIO_TITLE) }).check();
  const pinField = page.getByRole('textbox', { name: /Facilitator PIN/ });
  await pinField.fill('12');
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  await expect(page.getByRole('alert')).toContainText('A PIN is 4 to 8 digits');
  await pinField.fill(PIN);
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  await expect(h1(page)).toHaveText(`Quarter 1 of ${SCENARIO.rounds}`);

  await page.getByRole('button', { name: 'Open decisions for quarter 1' }).click();
  await page.getByRole('button', { name: 'Hand the laptop to Team A' }).click();
  await expect(h1(page)).toHaveText('Team A, step up');

  // A team tries the console: a wrong PIN is refused, with a message, and can be retried.
  await page.getByRole('button', { name: 'Facilitator console (PIN)' }).click();
  const pin = page.getByLabel('Facilitator PIN');
  await pin.fill('1111');
  await page.getByRole('button', { name: 'Open the console' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'That is not the PIN set for this workshop. Try again.',
  );
  await expect(h1(page)).toHaveText('Team A, step up');
  await pin.fill('9999');
  await pin.press('Enter');
  await expect(h1(page)).toHaveText('Team A, step up');
  expect(await seriousViolations(page, '.workshop'), 'handover').toEqual([]);

  // A reload keeps the lock (the PIN is part of the saved session).
  await page.reload();
  await expect(h1(page)).toHaveText('Team A, step up');
  await expect(page.getByRole('button', { name: 'Facilitator console', exact: true })).toHaveCount(
    0,
  );
  await page.getByRole('button', { name: 'Facilitator console (PIN)' }).click();
  await page.getByLabel('Facilitator PIN').fill(PIN);
  await page.getByRole('button', { name: 'Open the console' }).click();
  await expect(h1(page)).toHaveText(`Quarter 1 of ${SCENARIO.rounds}`);
  await expect(
    page.getByRole('button', { name: 'End after this quarter → debrief' }),
  ).toBeVisible();
});
