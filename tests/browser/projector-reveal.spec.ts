// The end of a workshop on the projector, in real Chromium: six teams on a four-lab scenario
// start and play a quarter; a finished six-team workshop's reveal is stepped through from the
// laptop (buttons and keys) and the projector window follows, section by section.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { shippedScenario, storedWorkshop, WORKSHOP_KEY } from './workshop-sessions';

const FOUR_LABS = shippedScenario('coordinated-pause.json');
const SHOTS = process.env.SCREENSHOT_DIR;

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

test('six teams on a four-lab scenario: labs are added, the workshop starts and plays', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Workshop' })
    .click();
  await expect(h1(page)).toHaveText('Set up a workshop');
  await page.getByRole('radio', { name: new RegExp(FOUR_LABS.title) }).check();
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Add a team' }).click();
  await expect(page.getByRole('textbox', { name: 'Team 6 name' })).toHaveValue('Team F');
  await expect(page.getByText(/2 labs were added for the extra teams/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a team' })).toBeDisabled();
  await page.getByRole('textbox', { name: 'Team 6’s lab' }).fill('Sixth Street AI');
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  await expect(h1(page)).toHaveText(`Quarter 1 of ${FOUR_LABS.rounds}`);

  // One quarter with all six teams at the laptop.
  await page.getByRole('button', { name: 'Open decisions for quarter 1' }).click();
  await page.getByRole('button', { name: 'Hand the laptop to Team A' }).click();
  for (const team of ['A', 'B', 'C', 'D', 'E', 'F']) {
    await page.getByRole('button', { name: `Start — Team ${team}` }).click();
    if (team === 'F') await expect(page.getByText('Sixth Street AI').first()).toBeVisible();
    await page.getByRole('button', { name: 'Lock in decision' }).click();
  }
  await page.getByRole('button', { name: 'Facilitator console' }).click();
  await page.getByRole('button', { name: 'Resolve quarter 1 and reveal the results' }).click();
  await expect(h1(page)).toHaveText(`Quarter 2 of ${FOUR_LABS.rounds}`);
});

test('the projector steps through the reveal as the facilitator paces it', async ({
  page,
  context,
  consoleErrors,
}) => {
  void consoleErrors;
  const saved = storedWorkshop(FOUR_LABS, 6, Infinity);
  await page.goto('/');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [WORKSHOP_KEY, saved]);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'The reveal on the projector' })).toBeVisible();
  const room = await page.evaluate(() => sessionStorage.getItem('threshold:workshop:room'));
  expect(room).toBeTruthy();

  const projector = await context.newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(`/#projector=${room}`);
  const slide = projector.locator('#reveal-h');
  await expect(slide).toHaveText('How it ended');
  // Teams side by side: all six, above the fold.
  const teams = projector.locator('.reveal .team');
  await expect(teams).toHaveCount(6);
  if (SHOTS) await projector.screenshot({ path: `${SHOTS}/reveal-1.png` });
  for (const box of await teams.all()) {
    const b = await box.boundingBox();
    expect((b?.y ?? 9999) + (b?.height ?? 0)).toBeLessThanOrEqual(1080);
  }

  const controls = page.getByRole('group', { name: 'The reveal on the projector' });
  await expect(controls.getByRole('button', { name: '← Previous section' })).toBeDisabled();
  await controls.getByRole('button', { name: 'Next section →' }).click();
  await expect(slide).toHaveText('What the evals showed, against the truth');
  if (SHOTS) await projector.screenshot({ path: `${SHOTS}/reveal-2.png` });
  // A clicker's keys (and the arrows) step too.
  await page.keyboard.press('PageDown');
  await expect(slide).toHaveText('Missed crossings');
  if (SHOTS) await projector.screenshot({ path: `${SHOTS}/reveal-3.png` });
  await page.keyboard.press('ArrowRight');
  await expect(slide).toHaveText('Commitments: kept and broken');
  await page.keyboard.press('ArrowRight');
  await expect(slide).toHaveText('Questions to discuss');
  if (SHOTS) await projector.screenshot({ path: `${SHOTS}/reveal-5.png` });
  await expect(controls.getByRole('button', { name: 'Next section →' })).toBeDisabled();
  await page.keyboard.press('ArrowLeft');
  await expect(slide).toHaveText('Commitments: kept and broken');
  await expect(controls).toContainText('4 of 5');
});
