import {
  SAVE_KEY,
  SCENARIO,
  expect,
  playQuarter,
  seriousViolations,
  startGame,
  storeFinishedGame,
  storeGameAtCommitment,
  test,
} from './fixtures';

test('breaking the commitment is confirmed in a dialog; Esc cancels it', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await page.goto('/');
  const quarter = await storeGameAtCommitment(page, 4);
  await page.reload();
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toHaveText(`Quarter ${quarter} of ${SCENARIO.rounds}`);
  const deploy = page.getByRole('button', { name: 'Deploy', exact: true });
  // The commitment's posture is preselected; Deploy goes past it.
  await expect(deploy).toHaveAttribute('aria-pressed', 'false');
  await deploy.click();
  await expect(deploy).toHaveAttribute('aria-pressed', 'true');
  const end = page.getByRole('button', { name: 'End quarter' });
  await end.click();
  const dialog = page.getByRole('dialog', { name: 'This breaks your own commitment' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Go back' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(end).toBeFocused();
  await expect(title).toHaveText(`Quarter ${quarter} of ${SCENARIO.rounds}`);

  await end.click();
  await dialog.getByRole('button', { name: 'Break the commitment and end quarter' }).click();
  await expect(title).toHaveText(`Quarter ${quarter + 1} of ${SCENARIO.rounds}`);
});

test('reloading mid-game resumes the same quarter with the same numbers', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await startGame(page, 42);
  await playQuarter(page);
  await playQuarter(page);
  await page.getByRole('button', { name: 'See your eval results' }).click();
  await page.getByRole('button', { name: 'Go to your decision' }).click();
  const heading = await page.getByRole('heading', { level: 1 }).textContent();
  const evals = await page.locator('.eval').innerText();
  await page.getByText('Show the data as a table').click();
  const table = await page.locator('table').first().textContent();
  expect(heading).toBe(`Quarter 3 of ${SCENARIO.rounds}`);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading ?? '');
  await expect(page.getByRole('button', { name: 'End quarter' })).toBeVisible();
  expect(await page.locator('.eval').innerText()).toBe(evals);
  await page.getByText('Show the data as a table').click();
  expect(await page.locator('table').first().textContent()).toBe(table);

  // A reload at the briefing step resumes at the briefing, not further on.
  await page.getByRole('button', { name: 'End quarter' }).click();
  await expect(page.getByRole('button', { name: 'See your eval results' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Quarter 4 of ${SCENARIO.rounds}`,
  );
  await expect(page.getByRole('button', { name: 'See your eval results' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'End quarter' })).toHaveCount(0);
});

test('rewinds from the debrief to an earlier quarter and shows the original path as a ghost', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await page.goto('/');
  await storeFinishedGame(page, 3);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Questions to discuss' })).toBeVisible();
  await expect(page.getByText('Original path (before rewind)')).toHaveCount(0);

  await page.getByRole('combobox', { name: /rewind to the start of/i }).selectOption('4');
  await page.getByRole('button', { name: 'Rewind to quarter 4' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Quarter 4 of ${SCENARIO.rounds}`,
  );
  await expect(page.getByText('Original path (before rewind)')).toBeVisible();
  await expect(page.locator('svg .series path[stroke="#7B8794"]').first()).toBeAttached();

  // The branch and its ghost survive a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Quarter 4 of ${SCENARIO.rounds}`,
  );
  await expect(page.getByText('Original path (before rewind)')).toBeVisible();
  const saved = await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY);
  expect(saved).toContain('ghostLog');
});

test('a share link replays the same game in a fresh browser; a tampered one is explained', async ({
  page,
  browser,
  consoleErrors,
}) => {
  void consoleErrors;
  await startGame(page, 99);
  await playQuarter(page);
  await playQuarter(page);
  await page.getByRole('button', { name: 'Share link' }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#play=/);
  const link = await field.inputValue();
  await page.getByRole('button', { name: 'See your eval results' }).click();
  const evals = await page.locator('.eval').innerText();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors: string[] = [];
  other.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await other.goto(link);
  await expect(other.getByText('You opened a shared game')).toBeVisible();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(
    `Quarter 3 of ${SCENARIO.rounds}`,
  );
  expect(await other.locator('.eval').innerText()).toBe(evals);
  expect(new URL(other.url()).hash).toBe('');

  const tampered = link.replace(
    /#play=(.{10})(.)/,
    (_, head: string, c: string) => `#play=${head}${c === 'A' ? 'B' : 'A'}`,
  );
  await fresh.close();
  expect(errors).toEqual([]);

  // A tampered link in a browser with no game of its own: a clear message and the start screen.
  const clean = await browser.newContext();
  const third = await clean.newPage();
  await third.goto(tampered.replace(/.$/, '*'));
  await expect(third.getByRole('alert')).toContainText('This share link could not be opened');
  await expect(third.getByRole('alert')).toContainText(/damaged/);
  await expect(third.getByRole('button', { name: 'Start game' })).toBeVisible();
  await clean.close();
});

test.describe('no serious or critical accessibility violations', () => {
  test('start screen', async ({ page, consoleErrors }) => {
    void consoleErrors;
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Start game' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('quarter screen, deciding', async ({ page, consoleErrors }) => {
    void consoleErrors;
    await startGame(page, 5);
    await page.getByRole('button', { name: 'See your eval results' }).click();
    await page.getByRole('button', { name: 'Go to your decision' }).click();
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('debrief', async ({ page, consoleErrors }) => {
    void consoleErrors;
    await page.goto('/');
    await storeFinishedGame(page, 8);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Questions to discuss' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
