// A networked room its facilitator ends while the game is still being played: the console then
// shows the after-action report of the quarters played, truth revealed, saying the game was cut
// short and claiming no outcome (src/presentation/revealed.ts: the 'endedEarly' reveal). The
// server runs in-process on a free loopback port with a fresh database.

import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/server';
import { joinLinkOf } from './join-links';

test('ending a room mid-game shows the report of the quarters played', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-ended-'));
  const server = await startServer({ port: 0, dbPath: join(dir, 'rooms.db'), warn: () => {} });
  const base = `http://127.0.0.1:${server.port}`;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const open = async (link: string): Promise<Page> => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`${link}: ${error.message}`));
    await page.goto(link);
    return page;
  };
  try {
    const fac = await open(`${base}/`);
    await fac.getByRole('button', { name: 'Workshop', exact: true }).click();
    for (const [i, name] of ['Amber', 'Birch'].entries()) {
      await fac.getByRole('textbox', { name: `Team ${i + 1} name` }).fill(name);
    }
    await fac.getByRole('spinbutton', { name: 'Quarters to play' }).fill('4');
    await fac.getByRole('button', { name: 'Run on every team’s device' }).click();
    await expect(
      fac.getByRole('heading', { level: 1, name: /Quarter 1 of 4/ }).first(),
    ).toBeVisible();
    const teams = [
      await open(await joinLinkOf(fac, 'Amber')),
      await open(await joinLinkOf(fac, 'Birch')),
    ];

    // One quarter played: no report yet, the game is still on.
    await fac.getByRole('button', { name: 'Open decisions' }).click();
    for (const team of teams) {
      await team.getByRole('button', { name: 'Lock in decision' }).click();
      await expect(team.getByText('Locked in:')).toBeVisible();
    }
    await fac.getByRole('button', { name: 'Resolve the quarter' }).click();
    await expect(
      fac.getByRole('heading', { level: 1, name: /Quarter 2 of 4/ }).first(),
    ).toBeVisible();
    await expect(fac.getByText('Threshold · workshop after-action report')).toHaveCount(0);

    // The facilitator ends the room: the report of that one quarter, cut short, no outcome.
    await fac.getByRole('button', { name: 'End the room' }).click();
    await fac.getByRole('dialog').getByRole('button', { name: 'End the room' }).click();
    const report = fac.getByRole('article', { name: /./ }).filter({
      hasText: 'Threshold · workshop after-action report',
    });
    await expect(report).toBeVisible();
    await expect(
      report.getByRole('heading', { name: 'Outcome: Ended by the facilitator after one quarter' }),
    ).toBeVisible();
    await expect(report.getByRole('heading', { name: 'Cut short' })).toBeVisible();
    await expect(
      report.getByText(/ended the session after quarter 1 of the 4 quarters planned/),
    ).toBeVisible();
    await expect(report.getByRole('heading', { name: /^Amber — / })).toBeVisible();
    await expect(fac.getByRole('button', { name: 'Download the report (Markdown)' })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    for (const context of contexts) await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
