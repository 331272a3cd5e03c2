// A reload keeps an unfinished decision: the posture chosen, the budget split and the policy
// actions ticked come back as they were; once the quarter ends, the next starts afresh.
import { expect, startGame, test } from './fixtures';

test('a reload mid-decision keeps the posture, the budget and the ticked actions', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await startGame(page, 12);
  await page.getByRole('button', { name: 'See your eval results' }).click();
  await page.getByRole('button', { name: 'Go to your decision' }).click();

  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  await expect(pause).toHaveAttribute('aria-pressed', 'false');
  await pause.click();
  const evals = page.getByRole('spinbutton', { name: 'Evals share (%)' });
  await evals.fill('30');
  await evals.press('Tab');
  await page.getByRole('checkbox', { name: 'Invite an external audit' }).check();
  await page.getByRole('checkbox', { name: 'Revise a threshold in your policy' }).check();
  await page.getByText('Quietly', { exact: true }).click();
  const threshold = page.getByRole('spinbutton', { name: 'New threshold (%)' });
  await threshold.fill('77');
  await threshold.press('Tab');
  const shares = async () =>
    Promise.all(
      ['Capabilities', 'Security', 'Deployment safeguards', 'Alignment evidence', 'Evals'].map(
        (name) => page.getByRole('spinbutton', { name: `${name} share (%)` }).inputValue(),
      ),
    );
  const before = await shares();
  expect(before[4]).toBe('30');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /Quarter 1 of/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(await shares()).toEqual(before);
  await expect(page.getByRole('checkbox', { name: 'Invite an external audit' })).toBeChecked();
  await expect(
    page.getByRole('checkbox', { name: 'Revise a threshold in your policy' }),
  ).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Quietly' })).toBeChecked();
  await expect(page.getByRole('spinbutton', { name: 'New threshold (%)' })).toHaveValue('77');

  // Ending the quarter uses it; the next quarter's form starts afresh, reload or not.
  await page.getByRole('button', { name: 'End quarter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Quarter 2 of/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /Quarter 1: what happened/ })).toContainText(
    /invited an external audit/,
  );
  await page.reload();
  await page.getByRole('button', { name: 'See your eval results' }).click();
  await page.getByRole('button', { name: 'Go to your decision' }).click();
  await expect(page.getByRole('checkbox', { name: 'Invite an external audit' })).not.toBeChecked();
  await expect(
    page.getByRole('checkbox', { name: 'Revise a threshold in your policy' }),
  ).not.toBeChecked();
});
