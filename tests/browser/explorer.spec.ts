import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { makeExploreLink } from '../../src/explorer/exploreLink';
import { seriousViolations } from './fixtures';

// A tiny sweep (2 settings × 8 games on a 6-quarter game) reproduced from a link.
const TINY = makeExploreLink({
  v: 1,
  scenario: 'anthropic-rsp',
  params: [
    { id: 'labs', from: 2, to: 3, steps: 2 },
    { id: 'rounds', from: 6, to: 6, steps: 1 },
  ],
  runs: 8,
  seed: 4,
});

async function openExplorer(page: Page, hash = ''): Promise<void> {
  await page.goto(`/${hash}`);
  const heading = page.getByRole('heading', { level: 1, name: 'Explorer' });
  // The shell routes #explore= links to the explorer; otherwise open it from the main menu.
  const nav = page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Explorer' });
  if ((await nav.getAttribute('aria-current')) !== 'page') await nav.click();
  await expect(heading).toBeVisible();
}

async function runAndDownloadJson(page: Page, workers: number): Promise<string> {
  const form = page.getByRole('form', { name: 'Sweep settings' });
  await form.getByRole('spinbutton', { name: 'Workers' }).fill(String(workers));
  await form.getByRole('button', { name: 'Run sweep' }).click();
  await expect(form.getByText(/^Done: 16 of 16 games/)).toBeVisible();
  await expect(form.getByRole('progressbar', { name: 'Sweep progress' })).toHaveAttribute(
    'aria-valuenow',
    '100',
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('threshold-sweep-anthropic-rsp.json');
  return readFile(await download.path(), 'utf8');
}

test('a tiny sweep runs in Web Workers; 1 and 2 workers give identical results', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));

  await openExplorer(page, TINY);
  await expect(page.getByText(/The sweep from the link is filled in below/)).toBeVisible();
  const form = page.getByRole('form', { name: 'Sweep settings' });
  await expect(form.getByRole('spinbutton', { name: 'Runs per setting' })).toHaveValue('8');

  const one = await runAndDownloadJson(page, 1);
  const two = await runAndDownloadJson(page, 2);
  expect(two).toBe(one);
  const data = JSON.parse(one) as {
    cells: { settings: Record<string, number>; stats: { games: number } }[];
  };
  expect(data.cells.map((c) => [c.settings.labs, c.stats.games])).toEqual([
    [2, 8],
    [3, 8],
  ]);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const lines = (await readFile(await csv.path(), 'utf8')).trimEnd().split('\n');
  expect(lines[0]).toMatch(/^labs,rounds,games,catastrophe,catastrophe_lo95,catastrophe_hi95,/);
  expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['2,6,8', '3,6,8']);

  // The table alternative and the heatmap with exact figures on focus.
  const table = page.getByRole('table', { name: /Outcome frequencies per setting/ });
  await expect(table.getByRole('row')).toHaveCount(3);
  const cell = page.getByRole('img', { name: /^Number of labs 2, Game length 6: Catastrophe/ });
  await cell.focus();
  await expect(page.locator('.tooltip').first()).toContainText('Number of labs 2');
  await expect(page.getByRole('link', { name: 'Link to this sweep' })).toHaveAttribute(
    'href',
    new RegExp(`${TINY}$`),
  );

  expect(await seriousViolations(page, 'main')).toEqual([]);
  expect(errors).toEqual([]);
});

test('a larger sweep streams progress and can be cancelled', async ({ page }) => {
  await openExplorer(page);
  // The Explorer opens on the pause question; the sweep is one tab along.
  await page.getByRole('tab', { name: 'Game sweeps' }).click();
  const form = page.getByRole('form', { name: 'Sweep settings' });
  await form.getByRole('spinbutton', { name: 'Runs per setting' }).fill('5000');
  await form.getByRole('button', { name: 'Run sweep' }).click();
  const bar = form.getByRole('progressbar', { name: 'Sweep progress' });
  await expect(form.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  // Results stream in while it runs: wait for the first chunk, then cancel.
  await expect(form.getByText(/^Running: [1-9][\d,]* of 25,000 games/)).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form.getByText(/^Cancelled after [\d,]+ of 25,000 games/)).toBeVisible();
  await expect(form.getByRole('button', { name: 'Run sweep' })).toBeEnabled();
  await expect(form.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
  // Partial results stay on screen.
  await expect(page.getByRole('table', { name: /Outcome frequencies per setting/ })).toBeVisible();
});

test('the race model and the model card tabs work from the keyboard and pass axe', async ({
  page,
}) => {
  await openExplorer(page);
  const serious = () => seriousViolations(page, 'main');

  // Arrow keys move between the tabs (the ARIA tabs pattern).
  await page.getByRole('tab', { name: 'Game sweeps' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Compare' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const race = page.getByRole('tab', { name: 'Race model' });
  await expect(race).toBeFocused();
  await expect(race).toHaveAttribute('aria-selected', 'true');
  const form = page.getByRole('form', { name: 'Race model settings' });
  await form.getByRole('button', { name: 'Run race model' }).press('Enter');
  await expect(page.getByRole('region', { name: 'Race model table' })).toBeVisible();
  expect(await serious()).toEqual([]);

  await race.press('ArrowRight');
  const card = page.getByRole('tab', { name: 'Model card' });
  await expect(card).toBeFocused();
  await expect(card).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Model card' })).toBeVisible();
  expect(await serious()).toEqual([]);
});
