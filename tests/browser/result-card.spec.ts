// "What happened, and why": after each quarter a result card explains it, and the quarter
// screen's one status region reads its gist out.
import { expect, playQuarter, startGame, test } from './fixtures';

test('after a quarter, a result card says what was chosen, what it cost and why the numbers moved', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await startGame(page, 5);
  await expect(page.getByRole('region', { name: /what happened, and why/ })).toHaveCount(0);
  await playQuarter(page);

  const card = page.getByRole('region', { name: 'Quarter 1: what happened, and why' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('term')).toHaveText([
    'You chose',
    'What it cost',
    'Budget',
    'Market share',
    'Reputation',
    'The world',
    'Risks',
  ]);
  await expect(card).toContainText(/Your budget of 100 went \d+ on capabilities/);
  await expect(card).toContainText(/base funding \d+ \+ \d+ × your market share \d+%/);
  await expect(card).toContainText(/Public trust \d+% → \d+%/);
  await expect(card).toContainText(
    /Your evals put the chance of (one|misuse|weight theft|loss of control)/,
  );

  // Read out through the quarter screen's single status region, not a second live region.
  const status = page.getByRole('status');
  await expect(status).toHaveCount(1);
  await expect(status).toContainText(
    /Quarter 1 ended for .*Budget 100 to \d+, from your market share of \d+%/,
  );
  expect(await page.locator('[aria-live]:not([role="status"])').count()).toBeLessThanOrEqual(1);

  // The next quarter replaces it.
  await playQuarter(page);
  await expect(
    page.getByRole('region', { name: 'Quarter 2: what happened, and why' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Quarter 1: what happened, and why' })).toHaveCount(
    0,
  );
});
