// A whole workshop with the keyboard only: the facilitator sets up two teams, fires a scripted
// event early from the console, opens each quarter, the teams take their secret turns through the
// handover screens, the facilitator resolves, and the game ends at the after-action report. Tab,
// Shift+Tab, Enter, Space and the arrow keys; no mouse, no focus() calls. After every change of
// screen, focus must be on something visible and sensible (the new screen's title, or the control
// to press next), never lost on <body>; and axe finds nothing serious on each kind of screen.
import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { SCENARIO, SCENARIO_TITLE, expect, seriousViolations, test } from './fixtures';

const TEAM_A = 'Amber Table';
const TEAM_B = 'Blue Table';
const SEED = 12;
/** The Eval Blind Spot's breakthrough for Corvid, scripted for quarter 5: fired in quarter 1. */
const EARLY = SCENARIO.events.find((e) => e.effect.kind === 'breakthrough');

// Hundreds of key presses: a trace would snapshot the page after each one.
test.use({ trace: 'off', contextOptions: { reducedMotion: 'reduce' } });

const h1 = (page: Page): Locator => page.getByRole('heading', { level: 1 });

/** Whether this element has the keyboard focus. */
const isFocused = (target: Locator): Promise<boolean> =>
  target.evaluate((el) => el === document.activeElement).catch(() => false);

/** Press Tab (or Shift+Tab) until `target` has the focus (bounded: a trap fails the test). */
async function tabTo(page: Page, target: Locator, back = false, max = 120): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  if (await isFocused(target)) return;
  const where = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${String(target)}; focus: ${where}`);
}

/** Focus is on `target`, it is visible, and it is not the page itself. */
async function expectFocusOn(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  await expect(target).toBeVisible();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
}

/** Serious and critical accessibility violations in the workshop. */
const violations = (page: Page): Promise<string[]> => seriousViolations(page, '.workshop');

/** Replace a text field's content by typing (the field has the focus). */
async function typeOver(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/**
 * One team's secret turn, from its handover screen to the next: Start, the banner's "Go to your
 * decision" (Shift+Tab from the title), optionally a posture, then "Lock in decision".
 */
async function teamTurn(
  page: Page,
  team: string,
  quarter: number,
  posture: 'Pause' | null,
  check: (step: 'handover' | 'team') => Promise<void> = async () => {},
): Promise<void> {
  await expectFocusOn(page, h1(page).filter({ hasText: `${team}, step up` }));
  await check('handover');
  await page.keyboard.press('Tab');
  await expectFocusOn(page, page.getByRole('button', { name: `Start — ${team}` }));
  await page.keyboard.press('Enter');

  // The team's own quarter screen: focus on its title.
  await expectFocusOn(
    page,
    h1(page).filter({ hasText: `Quarter ${quarter} of ${SCENARIO.rounds}` }),
  );
  await check('team');
  await tabTo(page, page.getByRole('button', { name: 'Go to your decision' }), true);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, page.getByRole('heading', { name: 'Your decision' }));
  if (posture) {
    const button = page.getByRole('button', { name: posture, exact: true });
    await tabTo(page, button);
    await page.keyboard.press('Space');
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }
  await tabTo(page, page.getByRole('button', { name: 'Lock in decision' }));
  await page.keyboard.press('Enter');
}

test('a facilitator runs a two-team workshop to the after-action report with the keyboard only', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  if (!EARLY) throw new Error('the scenario needs a scripted breakthrough');
  await page.goto('/');
  await expect(h1(page)).toBeVisible();

  // The main menu: Tab to "Workshop", Enter. The menu button keeps the focus.
  const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('button', {
    name: 'Workshop',
  });
  await tabTo(page, nav);
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Set up a workshop');
  await expect(nav).toHaveAttribute('aria-current', 'page');
  await expectFocusOn(page, nav);

  // ---------------------------------------------------------------- setup
  // The scenario: Tab into the radio group, arrow keys to the shortest scenario.
  await tabTo(page, page.getByRole('radio', { checked: true }));
  const wanted = page.getByRole('radio', { name: new RegExp(SCENARIO_TITLE) });
  for (let i = 0; i < 10 && !(await wanted.isChecked()); i++)
    await page.keyboard.press('ArrowDown');
  await expect(wanted).toBeChecked();
  await expectFocusOn(page, wanted);

  await tabTo(page, page.getByRole('textbox', { name: 'Team 1 name' }));
  await typeOver(page, TEAM_A);
  await tabTo(page, page.getByRole('textbox', { name: 'Team 2 name' }));
  await typeOver(page, TEAM_B);
  await tabTo(page, page.getByRole('textbox', { name: 'Seed' }));
  await typeOver(page, String(SEED));
  await expect(page.getByRole('textbox', { name: 'Team 1 name' })).toHaveValue(TEAM_A);
  await expect(page.getByRole('textbox', { name: 'Team 2 name' })).toHaveValue(TEAM_B);
  expect(await violations(page), 'setup').toEqual([]);
  await tabTo(page, page.getByRole('button', { name: 'Start the workshop' }));
  await page.keyboard.press('Enter');

  // ---------------------------------------------------------------- console, quarter 1
  const consoleTitle = (q: number) =>
    h1(page).filter({ hasText: `Quarter ${q} of ${SCENARIO.rounds}` });
  await expectFocusOn(page, consoleTitle(1));
  await expect(page.getByText('Decisions closed: the room reads the news')).toBeVisible();
  expect(await violations(page), 'console').toEqual([]);

  // Fire the scripted breakthrough now, four quarters early: open the inject panel, whose first
  // control (the list of scripted events) takes the focus, and open the list with Enter.
  await tabTo(page, page.getByRole('button', { name: 'Open the inject panel' }));
  await page.keyboard.press('Enter');
  await expectFocusOn(page, page.getByText(/^The scenario’s scripted events/));
  await page.keyboard.press('Enter');
  const fireNow = page.getByRole('button', {
    name: `Fire now instead of in quarter ${EARLY.round}: ${EARLY.headline}`,
  });
  await tabTo(page, fireNow);
  await page.keyboard.press('Enter');
  await expect(
    page.getByText(`Fired: “${EARLY.headline}”. It is in this quarter’s news`).last(),
  ).toBeVisible();
  // The button stays where it was (now "Fire again"), with the focus.
  await expectFocusOn(
    page,
    page.getByRole('button', { name: `Fire again now: ${EARLY.headline}` }),
  );
  await expect(
    page.getByRole('region', { name: 'News this quarter' }).getByText(EARLY.headline),
  ).toBeVisible();
  expect(await violations(page), 'console after an inject').toEqual([]);

  // Open the quarter: focus goes to the next thing to do, handing the laptop to the first team.
  await tabTo(page, page.getByRole('button', { name: 'Open decisions for quarter 1' }), true);
  await page.keyboard.press('Enter');
  const handTo = page.getByRole('button', { name: `Hand the laptop to ${TEAM_A}` });
  await expectFocusOn(page, handTo);
  await expect(page.getByText('Decisions open: 0 of 2 locked in')).toBeVisible();
  await page.keyboard.press('Enter');

  // ---------------------------------------------------------------- the two teams' turns
  const checked = new Set<string>();
  const checkOnce = async (step: 'handover' | 'team') => {
    if (checked.has(step)) return;
    checked.add(step);
    expect(await violations(page), step).toEqual([]);
  };
  await teamTurn(page, TEAM_A, 1, 'Pause', checkOnce);
  await teamTurn(page, TEAM_B, 1, null);

  // Every team locked in: back to the console with Tab and Enter.
  await expectFocusOn(page, h1(page).filter({ hasText: 'Every team has locked in' }));
  expect(await violations(page), 'handover, all locked in').toEqual([]);
  await page.keyboard.press('Tab');
  await expectFocusOn(page, page.getByRole('button', { name: 'Facilitator console' }));
  await page.keyboard.press('Enter');
  await expectFocusOn(page, consoleTitle(1));
  await expect(page.getByText('Every team has locked in')).toBeVisible();

  // Close the quarter: resolve it. Focus moves to the new quarter's title.
  await tabTo(page, page.getByRole('button', { name: 'Resolve quarter 1 and reveal the results' }));
  await page.keyboard.press('Enter');
  await expectFocusOn(page, consoleTitle(2));
  await expect(page.getByRole('heading', { name: 'Results of quarter 1' })).toBeVisible();

  // ---------------------------------------------------------------- the rest of the game
  const debriefPaths = page.getByRole('heading', {
    name: 'Every team’s path, with the truth revealed',
  });
  for (let quarter = 2; quarter <= SCENARIO.rounds; quarter++) {
    await tabTo(page, page.getByRole('button', { name: `Open decisions for quarter ${quarter}` }));
    await page.keyboard.press('Enter');
    await expectFocusOn(page, page.getByRole('button', { name: `Hand the laptop to ${TEAM_A}` }));
    await page.keyboard.press('Enter');
    await teamTurn(page, TEAM_A, quarter, null);
    await teamTurn(page, TEAM_B, quarter, null);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expectFocusOn(page, consoleTitle(quarter));
    const resolve = page.getByRole('button', {
      name: `Resolve quarter ${quarter} and reveal the results`,
    });
    await tabTo(page, resolve);
    await page.keyboard.press('Enter');
    await expect(consoleTitle(quarter + 1).or(debriefPaths)).toBeVisible();
    if (await debriefPaths.isVisible()) break;
    await expectFocusOn(page, consoleTitle(quarter + 1));
  }

  // ---------------------------------------------------------------- debrief and report
  await expect(debriefPaths).toBeVisible();
  await expectFocusOn(page, h1(page));
  // The after-action report, when asked for: each team named, and the early inject noted.
  await tabTo(page, page.getByRole('button', { name: 'Show the after-action report' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: new RegExp(`^${TEAM_A} — `) })).toBeVisible();
  await expect(page.getByRole('heading', { name: new RegExp(`^${TEAM_B} — `) })).toBeVisible();
  expect(await violations(page), 'debrief and report').toEqual([]);
  await tabTo(page, page.getByRole('button', { name: 'Download the report (Markdown)' }));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  const report = await readFile(await download.path(), 'utf8');
  expect(report).toContain(`— ${TEAM_A}`);
  expect(report).toContain(`— ${TEAM_B}`);
  expect(report).toContain(`${EARLY.headline} (scripted for quarter ${EARLY.round}, fired early)`);
});
