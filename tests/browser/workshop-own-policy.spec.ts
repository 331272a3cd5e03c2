// The workshop's policy step in real Chromium (issue 14 item 5, "Done when"): two teams write
// their own policy before quarter 1 — one changes a threshold, the other keeps its policy private —
// the projector shows what the room may see, a reload resumes the step, the game plays under the
// teams' policies, and the debrief and the after-action report show each team's drift, with the
// stress test run on background workers.
import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { SCENARIO, SCENARIO_TITLE, expect, seriousViolations, test } from './fixtures';

const TEAM_A = 'Amber Table';
const TEAM_B = 'Blue Table';
const QUARTERS = 3;
const h1 = (page: Page): Locator => page.getByRole('heading', { level: 1 });
const SHOTS = process.env.OWNPOLICY_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

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

test('teams write their own policy, play under it, and the report shows each team’s drift', async ({
  page,
  context,
  consoleErrors,
}) => {
  void consoleErrors;
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('button', {
    name: 'Workshop',
  });
  await nav.click();
  await expect(h1(page)).toHaveText('Set up a workshop');
  await page.getByRole('radio', { name: new RegExp(SCENARIO_TITLE) }).check();
  await page.getByRole('textbox', { name: 'Team 1 name' }).fill(TEAM_A);
  await page.getByRole('textbox', { name: 'Team 2 name' }).fill(TEAM_B);
  await page.getByRole('textbox', { name: 'Seed' }).fill('5');
  await page.getByRole('spinbutton', { name: 'Quarters to play' }).fill(String(QUARTERS));
  await page
    .getByRole('checkbox', { name: 'Teams write their own policy before quarter 1' })
    .check();
  await page.getByRole('textbox', { name: 'Minutes to write the policies' }).fill('10');
  await page.getByRole('button', { name: 'Start: teams write their policies' }).click();

  // The step: Team A changes a threshold; Team B keeps its policy private.
  await expect(h1(page)).toHaveText('Teams write their policies');
  await expect(page.getByRole('timer')).toBeVisible();
  const level = SCENARIO.policies[0]?.levels[0];
  const domain = SCENARIO.domains.find((d) => d.id in (level?.thresholds ?? {}));
  const threshold = page.getByRole('textbox', { name: `${level?.name}: ${domain?.name}` });
  await threshold.fill('12');
  // A box that holds no number is named, and the policy keeps its last good value.
  await threshold.fill('lots');
  await expect(page.getByText('Type a number from 0 to 100.')).toBeVisible();
  await threshold.fill('12');
  await page.getByRole('button', { name: TEAM_B, exact: true }).click();
  await expect(page.getByRole('heading', { name: `${TEAM_B}’s policy` })).toBeVisible();
  await page.getByRole('checkbox', { name: /^Public/ }).uncheck();
  expect(await seriousViolations(page, '.workshop'), 'policy step').toEqual([]);
  await shot(page, 'step');

  // The projector: Team A's policy in full, Team B's by name only.
  const [projector] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Open projector window' }).click(),
  ]);
  await projector.waitForLoadState();
  await expect(projector.getByText('Teams are writing their own policies')).toBeVisible();
  await expect(projector.getByRole('heading', { name: 'The teams’ policies' })).toBeVisible();
  await expect(projector.getByText('12%').first()).toBeVisible();
  await expect(projector.getByText(/Kept private/)).toBeVisible();
  await shot(projector, 'projector');
  await projector.close();

  // A reload resumes the step as it was.
  await page.reload();
  await expect(h1(page)).toHaveText('Teams write their policies');
  await expect(page.getByRole('textbox', { name: `${level?.name}: ${domain?.name}` })).toHaveValue(
    '12',
  );

  await page.getByRole('button', { name: 'Start quarter 1 under these policies' }).click();
  await expect(h1(page)).toHaveText(`Quarter 1 of ${QUARTERS}`);
  const saved = await page.evaluate(() => localStorage.getItem('threshold:workshop'));
  const scenario = JSON.parse(saved ?? '{}').save.setup.scenario;
  const lab = SCENARIO.labs.find((l) => l.role === 'player')?.id ?? '';
  expect(scenario.labs.find((l: { id: string }) => l.id === lab).policy.use).toBe(`team-${lab}`);

  for (let q = 1; q <= QUARTERS; q++) await playQuarter(page, q);

  const section = page.getByRole('region', {
    name: 'Drift: what each team wrote, and what it did',
  });
  await expect(section).toBeVisible();
  await expect(section.getByText(`${TEAM_A}: ${TEAM_A}’s policy`)).toBeVisible();
  await expect(section.getByText(`${TEAM_B}: ${TEAM_B}’s policy`)).toBeVisible();
  await expect(section.getByText(/in (all )?\d+ (of \d+ )?quarters/).first()).toBeVisible();

  await page.getByRole('button', { name: 'Run the stress test' }).click();
  await expect(page.getByRole('button', { name: 'Run the stress test again' })).toBeVisible({
    timeout: 180_000,
  });
  await expect(section.getByRole('table').first()).toBeVisible();
  await expect(section.getByRole('caption').first()).toContainText('Against');
  expect(await seriousViolations(page, '.workshop'), 'debrief').toEqual([]);
  await shot(page, 'debrief');
  if (SHOTS) await section.screenshot({ path: `${SHOTS}/drift.png` });

  const [markdown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the report (Markdown)' }).click(),
  ]);
  const report = await readFile(await markdown.path(), 'utf8');
  expect(report).toContain('## Drift: what each team wrote, and what it did');
  expect(report).toContain(`### ${TEAM_A}: ${TEAM_A}’s policy`);
  expect(report).toContain(`### ${TEAM_B}: ${TEAM_B}’s policy`);
  expect(report).toContain('Stress test (bots at every seat');
});
