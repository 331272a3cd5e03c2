// The workshop's length in real Chromium: a 20-quarter scenario set to 8 quarters at setup ends
// at 8, and "End after this quarter" reaches the debrief with the report saying the game was cut
// short. (The turn-taking itself is covered by workshop.spec.ts.)
import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { SCENARIO, SCENARIO_TITLE, expect, seriousViolations, test } from './fixtures';

const TEAM_A = 'Team A';
const TEAM_B = 'Team B';
const LONG_TITLE = "Anthropic's Responsible Scaling Policy";

const h1 = (page: Page): Locator => page.getByRole('heading', { level: 1 });

async function openSetup(page: Page, title: string | RegExp, seed: number): Promise<void> {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Workshop' })
    .click();
  await expect(h1(page)).toHaveText('Set up a workshop');
  await page.getByRole('radio', { name: title }).check();
  await page.getByRole('textbox', { name: 'Seed' }).fill(String(seed));
}

/** A whole quarter from the console: open, both teams in turn, resolve. */
async function playQuarter(page: Page, quarter: number): Promise<void> {
  await page.getByRole('button', { name: `Open decisions for quarter ${quarter}` }).click();
  await page.getByRole('button', { name: `Hand the laptop to ${TEAM_A}` }).click();
  for (const team of [TEAM_A, TEAM_B]) {
    await page.getByRole('button', { name: `Start — ${team}` }).click();
    await page.getByRole('button', { name: 'Lock in decision' }).click();
  }
  await page.getByRole('button', { name: 'Facilitator console' }).click();
  await page
    .getByRole('button', { name: `Resolve quarter ${quarter} and reveal the results` })
    .click();
}

test.describe.configure({ mode: 'parallel' });
test.use({ contextOptions: { reducedMotion: 'reduce' } });

test('a 20-quarter scenario set to 8 quarters ends at quarter 8', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await openSetup(page, new RegExp(LONG_TITLE), 5);
  const quarters = page.getByRole('spinbutton', { name: 'Quarters to play' });
  await expect(quarters).toHaveValue('20');
  // A suggestion for the session's length fills the field; typing a number works too.
  await page.getByRole('button', { name: /^90 min: \d+ quarters$/ }).click();
  await expect(quarters).not.toHaveValue('20');
  await quarters.fill('8');
  await expect(page.getByText(`${LONG_TITLE} · 8 of 20 quarters · 2 teams`)).toBeVisible();
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  await expect(h1(page)).toHaveText('Quarter 1 of 8');

  const debrief = page.getByRole('heading', { name: 'Every team’s path, with the truth revealed' });
  for (let quarter = 1; quarter <= 8; quarter++) {
    await expect(h1(page).or(debrief)).not.toHaveCount(0);
    if (await debrief.isVisible()) break;
    await playQuarter(page, quarter);
  }
  await expect(debrief).toBeVisible();
  await expect(
    page.getByText('Played 8 of the scenario’s 20 quarters, as set at the start.').first(),
  ).toBeVisible();
  // The saved session keeps the length, so a reload (or another laptop) replays the same game.
  const saved = await page.evaluate(() => localStorage.getItem('threshold:workshop'));
  expect(JSON.parse(saved ?? '{}').save.setup.rounds).toBe(8);
  expect(JSON.parse(saved ?? '{}').save.log).toHaveLength(8);
  await page.reload();
  await expect(debrief).toBeVisible();
});

test('“End after this quarter” reaches the debrief, and the report says it was cut short', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await openSetup(page, new RegExp(SCENARIO_TITLE), 7);
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  await expect(h1(page)).toHaveText(`Quarter 1 of ${SCENARIO.rounds}`);
  await playQuarter(page, 1);

  // Mid-quarter: decisions open, one team locked in.
  await page.getByRole('button', { name: 'Open decisions for quarter 2' }).click();
  await page.getByRole('button', { name: `Hand the laptop to ${TEAM_A}` }).click();
  await page.getByRole('button', { name: `Start — ${TEAM_A}` }).click();
  await page.getByRole('button', { name: 'Lock in decision' }).click();
  await page.getByRole('button', { name: `Start — ${TEAM_B}` }).click();
  await page.getByRole('button', { name: 'Lock in decision' }).click();
  await page.getByRole('button', { name: 'Facilitator console' }).click();
  await page.getByRole('button', { name: 'End after this quarter → debrief' }).click();
  await expect(page.getByText('This is the last quarter.')).toBeVisible();
  // It can be taken back, and made again.
  await page.getByRole('button', { name: `Play on to quarter ${SCENARIO.rounds}` }).click();
  await expect(page.getByText('This is the last quarter.')).toHaveCount(0);
  await page.getByRole('button', { name: 'End after this quarter → debrief' }).click();
  await page.getByRole('button', { name: 'Resolve quarter 2 and reveal the results' }).click();

  await expect(
    page.getByRole('heading', { name: 'Every team’s path, with the truth revealed' }),
  ).toBeVisible();
  const cut = `The facilitator ended the game after quarter 2 of the ${SCENARIO.rounds} quarters planned.`;
  await expect(page.getByText(cut).first()).toBeVisible();
  expect(await seriousViolations(page, '.workshop'), 'debrief').toEqual([]);

  const [markdown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the report (Markdown)' }).click(),
  ]);
  const report = await readFile(await markdown.path(), 'utf8');
  expect(report).toContain('## Cut short');
  expect(report).toContain(cut);
  expect(report).toContain('What that leaves out:');
});
