// Workshop mode in real Chromium: two teams on the shortest scenario, secret turns at one laptop,
// an inject written on the spot, a reload mid-workshop, the projector window, the after-action
// report naming both teams; a game set shorter than its scenario, "end after this quarter", and
// the facilitator's PIN.
import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { SCENARIO, SCENARIO_TITLE, expect, seriousViolations, test } from './fixtures';

const TEAM_A = 'Amber Table';
const TEAM_B = 'Blue Table';
/** Team A's capabilities share: a number nothing else on team B's screens shows. */
const SECRET_SHARE = '91';
/** The lab no team holds (the scenario's third): a bot. */
const BOT = SCENARIO.labs[2]?.name ?? '';
const WORKSHOP_KEY = 'threshold:workshop';
const INJECT = 'Halcyon weights found on a forum';

const h1 = (page: Page): Locator => page.getByRole('heading', { level: 1 });

/** Everything the page shows (rendered text: hidden sections of the app excluded). */
const shownText = (page: Page): Promise<string> => page.evaluate(() => document.body.innerText);

/** Serious and critical accessibility violations in the workshop and the projector window. */
const violations = (page: Page): Promise<string[]> =>
  seriousViolations(page, '.workshop, .projector-window');

/** The session kept in the browser, without its save time: the game, the decisions, the record. */
async function storedSession(page: Page): Promise<unknown> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), WORKSHOP_KEY);
  const { save } = JSON.parse(raw ?? '{}') as { save?: Record<string, unknown> };
  return { log: save?.log, pending: save?.pending, extra: save?.extra, setup: save?.setup };
}

/** The Workshop section: App may open it by itself (a workshop in progress) or via the nav. */
async function openWorkshop(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('button', {
    name: 'Workshop',
  });
  await expect(nav.or(h1(page))).not.toHaveCount(0);
  if ((await nav.getAttribute('aria-current')) !== 'page') await nav.click();
  await expect(page.locator('.workshop')).toBeVisible();
}

/** The setup form filled in for two teams (not started: a test may set more first). */
async function fillSetup(page: Page, seed: number, scenario = SCENARIO_TITLE): Promise<void> {
  await page.goto('/');
  await openWorkshop(page);
  await expect(h1(page)).toHaveText('Set up a workshop');
  await page.getByRole('radio', { name: new RegExp(scenario) }).check();
  await page.getByRole('textbox', { name: 'Team 1 name' }).fill(TEAM_A);
  await page.getByRole('textbox', { name: 'Team 2 name' }).fill(TEAM_B);
  await page.getByRole('textbox', { name: 'Seed' }).fill(String(seed));
}

async function setUpTwoTeams(page: Page, seed: number): Promise<void> {
  await fillSetup(page, seed);
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  await expect(h1(page)).toHaveText(`Quarter 1 of ${SCENARIO.rounds}`);
}

/** One team's turn with the decision the form starts from (its commitment's posture). */
async function takeTurn(page: Page, team: string): Promise<void> {
  await page.getByRole('button', { name: `Start — ${team}` }).click();
  await page.getByRole('button', { name: 'Lock in decision' }).click();
}

/** A whole quarter from the console: open, both teams in turn, resolve (few steps: it runs 12×). */
async function playQuarter(page: Page, quarter: number): Promise<void> {
  await page.getByRole('button', { name: `Open decisions for quarter ${quarter}` }).click();
  await page.getByRole('button', { name: `Hand the laptop to ${TEAM_A}` }).click();
  await takeTurn(page, TEAM_A);
  await takeTurn(page, TEAM_B);
  await page.getByRole('button', { name: 'Facilitator console' }).click();
  await page
    .getByRole('button', { name: `Resolve quarter ${quarter} and reveal the results` })
    .click();
}

// The four tests are independent; reduced motion skips chart animations (a dozen quarters' worth).
test.describe.configure({ mode: 'parallel' });
test.use({ contextOptions: { reducedMotion: 'reduce' } });

test('each team decides in secret, an inject fires, and a reload resumes at the same place', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await setUpTwoTeams(page, 7);

  // An inject written on the spot: it takes effect now and shows in the news. The panel is
  // fetched when the facilitator opens it.
  await page.getByRole('button', { name: 'Open the inject panel' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill(INJECT);
  await page.getByRole('combobox', { name: 'What it does' }).selectOption('weightsStolen');
  await page.getByRole('combobox', { name: 'Lab', exact: true }).selectOption({ label: BOT });
  await page.getByRole('button', { name: 'Fire this inject' }).click();
  await expect(
    page.getByRole('region', { name: 'News this quarter' }).getByText(INJECT),
  ).toBeVisible();

  // Team A: Pause, and a distinctive budget split.
  await page.getByRole('button', { name: 'Open decisions for quarter 1' }).click();
  await page.getByRole('button', { name: `Hand the laptop to ${TEAM_A}` }).click();
  await expect(h1(page)).toHaveText(`${TEAM_A}, step up`);
  await page.getByRole('button', { name: `Start — ${TEAM_A}` }).click();
  await expect(page.getByText(TEAM_A, { exact: true })).toBeVisible();
  await expect(page.getByText(INJECT)).toBeVisible();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const capabilities = page.getByRole('spinbutton', { name: 'Capabilities share (%)' });
  await capabilities.fill(SECRET_SHARE);
  await capabilities.press('Tab');
  await expect(capabilities).toHaveValue(SECRET_SHARE);
  await page.getByRole('button', { name: 'Lock in decision' }).click();

  // The handover screen shows nothing of team A's choice.
  await expect(h1(page)).toHaveText(`${TEAM_B}, step up`);
  expect(await shownText(page)).not.toContain(SECRET_SHARE);
  expect(await shownText(page)).not.toMatch(/pause/i);
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toHaveCount(0);
  await expect(page.getByRole('spinbutton')).toHaveCount(0);
  expect(await violations(page), 'handover').toEqual([]);

  // Team B's own screen: its own defaults, nothing of A's.
  await page.getByRole('button', { name: `Start — ${TEAM_B}` }).click();
  await expect(page.getByRole('button', { name: 'Lock in decision' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  for (const input of await page.getByRole('spinbutton').all()) {
    await expect(input).not.toHaveValue(SECRET_SHARE);
  }
  expect(await shownText(page)).not.toContain(`${SECRET_SHARE}%`);
  expect(await shownText(page)).not.toContain(`≈ ${SECRET_SHARE}`);
  expect(await violations(page), 'team screen').toEqual([]);
  await page.getByRole('button', { name: 'Lock in decision' }).click();

  // Both locked in: the facilitator resolves, results revealed together.
  await expect(h1(page)).toHaveText('Every team has locked in');
  await page.getByRole('button', { name: 'Facilitator console' }).click();
  await expect(page.getByText('Every team has locked in')).toBeVisible();
  await page.getByRole('button', { name: 'Resolve quarter 1 and reveal the results' }).click();
  await expect(h1(page)).toHaveText(`Quarter 2 of ${SCENARIO.rounds}`);
  await expect(page.getByRole('heading', { name: 'Results of quarter 1' })).toBeVisible();
  const resultsBefore = await page
    .getByRole('region', { name: 'Results of quarter 1' })
    .innerText();

  // Reload mid-quarter, with team A called to the laptop: the same place, the same game.
  await page.getByRole('button', { name: 'Open decisions for quarter 2' }).click();
  await page.getByRole('button', { name: `Hand the laptop to ${TEAM_A}` }).click();
  await expect(h1(page)).toHaveText(`${TEAM_A}, step up`);
  const saved = await storedSession(page);
  await page.reload();
  await openWorkshop(page);
  await expect(h1(page)).toHaveText(`${TEAM_A}, step up`);
  expect(await storedSession(page)).toEqual(saved);
  await page.getByRole('button', { name: 'Facilitator console' }).click();
  await expect(h1(page)).toHaveText(`Quarter 2 of ${SCENARIO.rounds}`);
  await expect(page.getByText('Decisions open: 0 of 2 locked in')).toBeVisible();
  expect(await page.getByRole('region', { name: 'Results of quarter 1' }).innerText()).toBe(
    resultsBefore,
  );
  await expect(page.getByText(INJECT)).toBeVisible();
  expect(await violations(page), 'console').toEqual([]);
});

test('a two-team workshop plays to the debrief and the report names both teams', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  // About 30 s on an idle 2-core machine (a dozen quarters, two teams each).
  await setUpTwoTeams(page, 3);
  const debrief = page.getByRole('heading', { name: 'Every team’s path, with the truth revealed' });
  for (let quarter = 1; quarter <= SCENARIO.rounds; quarter++) {
    await expect(h1(page).or(debrief)).not.toHaveCount(0);
    if (await debrief.isVisible()) break;
    await playQuarter(page, quarter);
  }
  await expect(debrief).toBeVisible();
  // Side by side: each team's path, and each team's table in the printable report.
  await expect(page.getByRole('heading', { name: new RegExp(`^${TEAM_A} · `) })).toBeVisible();
  await expect(page.getByRole('heading', { name: new RegExp(`^${TEAM_B} · `) })).toBeVisible();
  await page.getByRole('button', { name: 'Show the after-action report' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^${TEAM_A} — `) })).toBeVisible();
  expect(await violations(page), 'debrief').toEqual([]);

  const [markdown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the report (Markdown)' }).click(),
  ]);
  expect(markdown.suggestedFilename()).toMatch(/\.md$/);
  const report = await readFile(await markdown.path(), 'utf8');
  expect(report).toContain(`— ${TEAM_A}`);
  expect(report).toContain(`— ${TEAM_B}`);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download every decision (CSV)' }).click(),
  ]);
  const rows = await readFile(await csv.path(), 'utf8');
  expect(rows).toContain(`,${TEAM_A},human,`);
  expect(rows).toContain(`,${TEAM_B},human,`);
});

test('the projector window shows who has locked in, never what', async ({
  page,
  context,
  consoleErrors,
}) => {
  void consoleErrors;
  await setUpTwoTeams(page, 11);
  const [projector] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Open projector window' }).click(),
  ]);
  await projector.waitForLoadState();
  await expect(projector.getByRole('heading', { level: 1 })).toHaveText(
    `Quarter 1 of ${SCENARIO.rounds}`,
  );
  await expect(projector.getByText(TEAM_A).first()).toBeVisible();
  await expect(projector.getByRole('navigation')).toHaveCount(0);

  await page.getByRole('button', { name: 'Open decisions for quarter 1' }).click();
  await expect(projector.getByText('Teams are deciding in secret: 0 of 2 locked in')).toBeVisible();
  await expect(projector.getByRole('timer')).toBeVisible();
  await page.getByRole('button', { name: `Hand the laptop to ${TEAM_A}` }).click();
  await page.getByRole('button', { name: `Start — ${TEAM_A}` }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Lock in decision' }).click();
  await expect(projector.getByText('Teams are deciding in secret: 1 of 2 locked in')).toBeVisible();
  expect(await shownText(projector)).not.toMatch(/paused/i);
  expect(await violations(projector), 'projector').toEqual([]);

  // A fresh projector window reads the saved session by itself.
  const second = await context.newPage();
  await second.goto('/#projector');
  await expect(second.getByText('Teams are deciding in secret: 1 of 2 locked in')).toBeVisible();
});

test('a bad session file gets a message that says what is wrong and where', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await page.goto('/');
  await openWorkshop(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a setup or session file' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"kind": "threshold-save", "version": 1'),
  });
  await expect(page.getByRole('alert')).toContainText('“broken.json” could not be opened.');
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
  await expect(h1(page)).toHaveText('Set up a workshop');
});

// ---------------------------------------------------------------- length, end now, the PIN

const LONG_TITLE = "Anthropic's Responsible Scaling Policy";
const PIN = '2468';

test('a 20-quarter scenario set to 8 quarters ends at quarter 8', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await fillSetup(page, 5, LONG_TITLE);
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
  await setUpTwoTeams(page, 7);
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
  expect(await violations(page), 'debrief').toEqual([]);

  const [markdown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the report (Markdown)' }).click(),
  ]);
  const report = await readFile(await markdown.path(), 'utf8');
  expect(report).toContain('## Cut short');
  expect(report).toContain(cut);
  expect(report).toContain('What that leaves out:');
});

test('the console refuses a team without the PIN and opens with it', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await fillSetup(page, 13);
  const pinField = page.getByRole('textbox', { name: /Facilitator PIN/ });
  await pinField.fill('12');
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  await expect(page.getByRole('alert')).toContainText('A PIN is 4 to 8 digits');
  await pinField.fill(PIN);
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  await expect(h1(page)).toHaveText(`Quarter 1 of ${SCENARIO.rounds}`);

  await page.getByRole('button', { name: 'Open decisions for quarter 1' }).click();
  await page.getByRole('button', { name: `Hand the laptop to ${TEAM_A}` }).click();
  await expect(h1(page)).toHaveText(`${TEAM_A}, step up`);

  // A team tries the console: a wrong PIN is refused, with a message, and can be retried.
  await page.getByRole('button', { name: 'Facilitator console (PIN)' }).click();
  const pin = page.getByLabel('Facilitator PIN');
  await pin.fill('1111');
  await page.getByRole('button', { name: 'Open the console' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'That is not the PIN set for this workshop. Try again.',
  );
  await expect(h1(page)).toHaveText(`${TEAM_A}, step up`);
  await pin.fill('9999');
  await pin.press('Enter');
  await expect(h1(page)).toHaveText(`${TEAM_A}, step up`);
  expect(await violations(page), 'handover').toEqual([]);

  // A reload keeps the lock (the PIN is part of the saved session).
  await page.reload();
  await expect(h1(page)).toHaveText(`${TEAM_A}, step up`);
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
