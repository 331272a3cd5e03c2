import { expect, test } from '@playwright/test';
import { seriousViolations } from './fixtures';

test('app loads with its heading, no console errors and no serious a11y violations', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Threshold' })).toBeVisible();
  // The shipped page carries its Content-Security-Policy (violations would show as console errors).
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);

  expect.soft(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
