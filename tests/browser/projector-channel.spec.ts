// The projector window and its channel (issue 17, item 11): any page of the same origin can post
// on the BroadcastChannel, so the projector takes a snapshot only from the console that opened it
// (its room token, in the projector's URL) and only once the snapshot passes the schema. A forged
// or malformed message changes nothing and throws nothing; the console still drives the view.
import type { Page } from '@playwright/test';
import { SCENARIO, SCENARIO_TITLE, expect, test } from './fixtures';

const TEAM_A = 'Amber Table';
const TEAM_B = 'Blue Table';
const CHANNEL = 'threshold:workshop:public';
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

async function setUpTwoTeams(page: Page): Promise<void> {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Workshop' })
    .click();
  await expect(h1(page)).toHaveText('Set up a workshop');
  await page.getByRole('radio', { name: new RegExp(SCENARIO_TITLE) }).check();
  await page.getByRole('textbox', { name: 'Team 1 name' }).fill(TEAM_A);
  await page.getByRole('textbox', { name: 'Team 2 name' }).fill(TEAM_B);
  await page.getByRole('textbox', { name: 'Seed' }).fill('11');
  await page.getByRole('button', { name: 'Start the workshop' }).click();
  await expect(h1(page)).toHaveText(`Quarter 1 of ${SCENARIO.rounds}`);
}

/** Post messages on the projector's channel from another page of the same origin. */
async function post(page: Page, messages: unknown[]): Promise<void> {
  await page.evaluate(
    ([name, list]) => {
      const channel = new BroadcastChannel(name as string);
      for (const m of list as unknown[]) channel.postMessage(m);
      channel.close();
    },
    [CHANNEL, messages] as const,
  );
}

test('the projector ignores forged and malformed channel messages, and follows its console', async ({
  page,
  context,
  consoleErrors,
}) => {
  void consoleErrors;
  await setUpTwoTeams(page);
  const [projector] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Open projector window' }).click(),
  ]);
  await projector.waitForLoadState();
  await expect(h1(projector)).toHaveText(`Quarter 1 of ${SCENARIO.rounds}`);
  const room = /#projector=([0-9a-f]+)$/.exec(projector.url())?.[1] ?? '';
  expect(room).toMatch(/^[0-9a-f]{32}$/);

  // A whole, well-formed snapshot as the console would send it, but from another page.
  const snapshot = {
    kind: 'threshold-public',
    scenarioTitle: 'FORGED',
    round: 9,
    totalRounds: 12,
    phase: 'over',
    outcomeTitle: 'Everyone lost',
    timer: null,
    teams: [],
    publicTrust: 0,
    regulation: { level: 3, name: 'moratorium' },
    pauseAgreementActive: false,
    thisQuarter: [],
    lastResults: null,
    labs: [],
    history: [],
    commitments: [],
  };
  const attacker = await context.newPage();
  await attacker.goto('/');
  const messages: unknown[] = [
    // No room, another room, a room that is not a token.
    { type: 'public', snapshot },
    { type: 'public', room: 'f'.repeat(32), snapshot },
    { type: 'public', room: { toString: room }, snapshot },
    // The right room, but malformed: each would throw in the view or show nonsense.
    { type: 'public', room, snapshot: { ...snapshot, teams: 5 } },
    { type: 'public', room, snapshot: { ...snapshot, labs: [{ id: 'x' }] } },
    { type: 'public', room, snapshot: { ...snapshot, thisQuarter: [{ kind: 'nonsense' }] } },
    { type: 'public', room, snapshot: { ...snapshot, phase: 'hacked' } },
    { type: 'public', room, snapshot: { ...snapshot, round: Number.NaN } },
    { type: 'public', room, snapshot: 'x'.repeat(100) },
    { type: 'public', room, snapshot: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) },
    null,
    42,
    'public',
    // Last, so that on its own it would be what the room sees.
    { type: 'public', room: 'f'.repeat(32), snapshot },
  ];
  // A listener of our own in the projector page tells when every message has been delivered.
  const delivered = projector.evaluate(
    ([name, count]) =>
      new Promise<void>((resolve) => {
        const spy = new BroadcastChannel(name as string);
        let seen = 0;
        spy.onmessage = () => {
          if (++seen === count) resolve();
        };
      }),
    [CHANNEL, messages.length] as const,
  );
  await projector.waitForTimeout(100);
  await post(attacker, messages);
  await delivered;
  await projector.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))),
  );
  await attacker.close();

  // None of it reached the view.
  await expect(projector.getByText('FORGED')).toHaveCount(0);
  await expect(h1(projector)).toHaveText(`Quarter 1 of ${SCENARIO.rounds}`);

  // Nothing changed, nothing threw; the console's own next action still reaches the projector.
  await page.getByRole('button', { name: 'Open decisions for quarter 1' }).click();
  await expect(projector.getByText('Teams are deciding in secret: 0 of 2 locked in')).toBeVisible();
  await expect(h1(projector)).toHaveText(`Quarter 1 of ${SCENARIO.rounds}`);
  await expect(projector.getByText('FORGED')).toHaveCount(0);
  await expect(projector.getByText(TEAM_A).first()).toBeVisible();
});
