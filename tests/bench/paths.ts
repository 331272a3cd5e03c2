// What each mode costs to reach its end, measured the way a browser pays for it: a scripted
// session in headless Chromium on the built app (fresh profile, no cache, no service worker), with
// every JavaScript file the page and its workers fetched recorded once and weighed gzipped, as a
// static server would send it (pathWeight.ts). Three paths: a solo game to its debrief, a two-team
// workshop to its report, an Explorer sweep to its results; then the networked room's devices
// (roomPaths.ts). Figures only: nothing here fails on size.

import { withServer } from './browser';
import { weigh, until, type PathWeight, type Session } from './pathWeight';
import { benchRoomPaths } from './roomPaths';
import { makeExploreLink } from '../../src/explorer/exploreLink';

export type { PathWeight } from './pathWeight';

export const PATH_BUDGET_KB = 110;
export const PAGE_BUDGET_KB = 70;

/** A solo game of the introductory scenario, the allowed posture every quarter, to its debrief. */
const soloToDebrief: Session = async (page, url) => {
  await page.goto(url);
  await page.getByRole('radio', { name: /The Eval Blind Spot/ }).check();
  await page.getByRole('button', { name: 'Start game' }).click();
  const heading = page.getByRole('heading', { level: 1 });
  const debrief = page.getByRole('heading', { name: 'Missed crossings' });
  for (let quarter = 1; quarter <= 40 && !(await debrief.isVisible()); quarter++) {
    const before = await heading.first().textContent();
    await page.getByRole('button', { name: 'See your eval results' }).click();
    await page.getByRole('button', { name: 'Go to your decision' }).click();
    await page.getByRole('button', { name: 'End quarter' }).click();
    await until(
      page,
      async () => (await debrief.isVisible()) || (await heading.first().textContent()) !== before,
      `quarter ${quarter} to end`,
    );
  }
  await debrief.waitFor();
};

/** A two-team workshop cut to three quarters, played through the console, to its report. */
const workshopToReport: Session = async (page, url) => {
  await page.goto(url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Workshop' })
    .click();
  await page.getByRole('radio', { name: /The Eval Blind Spot/ }).check();
  await page.getByRole('spinbutton', { name: 'Quarters to play' }).fill('3');
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  const debrief = page.getByRole('heading', { name: 'Every team’s path, with the truth revealed' });
  for (let quarter = 1; quarter <= 3; quarter++) {
    await page.getByRole('button', { name: `Open decisions for quarter ${quarter}` }).click();
    await page.getByRole('button', { name: /^Hand the laptop to / }).click();
    for (let team = 0; team < 2; team++) {
      await page.getByRole('button', { name: /^Start — / }).click();
      await page.getByRole('button', { name: 'Lock in decision' }).click();
    }
    await page.getByRole('button', { name: 'Facilitator console' }).click();
    await page
      .getByRole('button', { name: `Resolve quarter ${quarter} and reveal the results` })
      .click();
  }
  await debrief.waitFor();
  await page.getByRole('button', { name: 'Download the report (Markdown)' }).waitFor();
};

/** A small sweep from a link (2 settings × 8 games) run in the worker pool, to its results. */
const explorerSweep: Session = async (page, url) => {
  const link = makeExploreLink({
    v: 1,
    scenario: 'anthropic-rsp',
    params: [{ id: 'labs', from: 2, to: 3, steps: 2 }],
    runs: 8,
    seed: 4,
  });
  await page.goto(`${url}${link}`);
  const form = page.getByRole('form', { name: 'Sweep settings' });
  await form.getByRole('button', { name: 'Run sweep' }).click();
  await form.getByText(/^Done: 16 of 16 games/).waitFor({ timeout: 120_000 });
};

export const PATHS: [string, Session][] = [
  ['a solo game to its debrief', soloToDebrief],
  ['a workshop to its report', workshopToReport],
  ['an Explorer sweep', explorerSweep],
];

/** The page alone: the start screen, nothing clicked. */
const pageOnly: Session = async (page, url) => {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Threshold' }).waitFor();
};

/** The page alone, then each path and the networked room's, on a build already in `outDir`. */
export async function benchPaths(root: string, outDir: string): Promise<PathWeight[]> {
  return withServer(root, outDir, async (url, browser) => {
    const weights = [await weigh(browser, url, outDir, 'the page (start screen)', pageOnly)];
    for (const [name, session] of PATHS)
      weights.push(await weigh(browser, url, outDir, name, session));
    // The networked room's devices, served by the workshop server itself (same build, same browser).
    weights.push(...(await benchRoomPaths(browser, outDir)));
    return weights;
  });
}
