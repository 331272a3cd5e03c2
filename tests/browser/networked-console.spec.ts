// The networked console's own parts in real Chromium, each device a browser context of its own
// (the server in-process on a free loopback port, a fresh database): the teams' policy step on
// their own devices — one team writes a private threshold and hands in, the console sees who has
// handed in and starts quarter 1 — then an inject written on the spot, a commitment recorded at
// the table, "End after this quarter", the debrief, and the commitment marked. Every frame the
// other team's device and the projector received is checked for the private threshold.

import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/server/server';
import { joinLinkOf } from './join-links';

test.use({ contextOptions: { reducedMotion: 'reduce' } });

/** A threshold no scenario has (12.347%): where it travels, Amber's private policy travels. */
const SECRET = 12.347 / 100;
const SECRET_ON_WIRE = new RegExp(`:${JSON.stringify(SECRET).replace('.', '\\.')}[,}]`);

interface Device {
  page: Page;
  received: string[];
}

async function openDevice(context: BrowserContext, link: string, errors: string[]) {
  const page = await context.newPage();
  const device: Device = { page, received: [] };
  page.on('websocket', (ws) =>
    ws.on('framereceived', (f) => device.received.push(String(f.payload))),
  );
  page.on('pageerror', (error) => errors.push(`${link}: ${error.message}`));
  await page.goto(link);
  return device;
}

test('the networked console: the teams’ policy step, a written inject, a commitment, end after this quarter', async ({
  browser,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-console-'));
  const server: RunningServer = await startServer({
    port: 0,
    dbPath: join(dir, 'rooms.db'),
    warn: () => {},
  });
  const base = `http://127.0.0.1:${server.port}`;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const device = async (link: string, viewport = { width: 1280, height: 900 }) => {
    const context = await browser.newContext({ reducedMotion: 'reduce', viewport });
    contexts.push(context);
    return openDevice(context, link, errors);
  };
  try {
    // Set up with the policy step, and run it on every team's device.
    const fac = (await device(`${base}/`)).page;
    await fac.getByRole('button', { name: 'Workshop', exact: true }).click();
    for (const [i, name] of ['Amber', 'Birch'].entries()) {
      await fac.getByRole('textbox', { name: `Team ${i + 1} name` }).fill(name);
    }
    await fac.getByRole('spinbutton', { name: 'Quarters to play' }).fill('3');
    await fac
      .getByRole('checkbox', { name: 'Teams write their own policy before quarter 1' })
      .check();
    await fac.getByRole('button', { name: 'Run on every team’s device' }).click();
    const step = fac.getByRole('region', { name: 'The teams write their policies' });
    await expect(step).toBeVisible();

    const linkOf = (name: string) => joinLinkOf(fac, name);
    const amber = await device(await linkOf('Amber'), { width: 390, height: 844 });
    const birch = await device(await linkOf('Birch'));
    const projector = await device(await linkOf('Projector'));

    // Amber writes a private policy with a threshold of its own, and hands it in.
    const amberStep = amber.page.getByRole('region', { name: 'Amber: write your policy' });
    await expect(amberStep).toBeVisible();
    const threshold = amberStep
      .getByRole('group', { name: /^Thresholds/ })
      .getByRole('textbox')
      .first();
    // Private first: while a policy is public the room's board shows every edit as it is made
    // (as the pass-the-laptop projector does).
    await amberStep.getByRole('checkbox', { name: /^Public:/ }).uncheck();
    await expect(projector.page.getByText('Kept private', { exact: false })).toBeVisible();
    await threshold.fill('12.347');
    await amberStep.getByRole('button', { name: 'Hand in our policy' }).click();
    await expect(amber.page.getByText(/Handed in\./)).toBeVisible();
    const handedIn = step.getByRole('list', { name: 'Who has handed in' });
    await expect(handedIn.getByRole('listitem').filter({ hasText: 'Amber' })).toContainText(
      'Handed in',
    );
    await expect(handedIn.getByRole('listitem').filter({ hasText: 'Birch' })).toContainText(
      'Writing…',
    );
    const begin = step.getByRole('button', { name: 'Start quarter 1 under these policies' });
    await expect(begin).toBeDisabled();
    await expect(step.getByText('Waiting for Birch to hand in.')).toBeVisible();

    await birch.page.getByRole('button', { name: 'Hand in our policy' }).click();
    await expect(begin).toBeEnabled();
    await begin.click();
    await expect(
      fac.getByRole('heading', { level: 1, name: /Quarter 1 of 3/ }).first(),
    ).toBeVisible();

    // An inject written on the spot reaches the teams' news (the panel fetched when opened).
    await fac.getByRole('button', { name: 'Open the inject panel' }).click();
    const inject = fac.getByRole('region', { name: 'Fire an inject' });
    await inject.getByRole('textbox', { name: 'Headline' }).fill('A whistle-blower talks');
    await inject.getByRole('button', { name: 'Fire this inject' }).click();
    await expect(
      inject.getByText('Fired: “A whistle-blower talks”.', { exact: false }).first(),
    ).toBeVisible();
    await expect(birch.page.getByText('A whistle-blower talks')).toBeVisible();

    // A commitment announced at the table.
    await fac.getByRole('button', { name: 'Record a commitment' }).click();
    const commitments = fac.getByRole('region', { name: 'Commitments and agreements' });
    await commitments.getByRole('checkbox', { name: /^Amber/ }).check();
    await commitments.getByRole('checkbox', { name: /^Birch/ }).check();
    await commitments
      .getByRole('textbox', { name: 'What was said' })
      .fill('We publish every eval.');
    await commitments.getByRole('button', { name: 'Record commitment' }).click();
    await expect(
      projector.page.getByText('We publish every eval.', { exact: false }),
    ).toBeVisible();

    // This quarter becomes the last; the teams decide; resolving it opens the debrief.
    await fac.getByRole('button', { name: 'End after this quarter → debrief' }).click();
    await expect(fac.getByText('This is the last quarter.')).toBeVisible();
    await fac.getByRole('button', { name: 'Open decisions' }).click();
    for (const team of [amber, birch]) {
      await team.page.getByRole('button', { name: 'Lock in decision' }).click();
      await expect(team.page.getByText('Locked in:')).toBeVisible();
    }
    await fac.getByRole('button', { name: 'Resolve the quarter' }).click();
    await expect(fac.getByText('Threshold · workshop after-action report')).toBeVisible();

    // The facilitator settles the commitment at the debrief.
    const verdict = fac
      .getByRole('region', { name: 'Commitments and agreements' })
      .getByRole('combobox', { name: 'Your verdict on “We publish every eval.”' });
    await verdict.selectOption('kept');
    await expect(
      fac
        .getByRole('region', { name: 'Commitments and agreements' })
        .getByText(/Kept \(your mark\)/),
    ).toBeVisible();

    // Amber's private threshold reached no other device while the game was played.
    for (const other of [birch, projector]) {
      const during = other.received.filter((frame) => !frame.includes('"over":true'));
      expect(during.join('\n')).not.toMatch(SECRET_ON_WIRE);
    }
    // The check finds what is there: Amber's own device carried it.
    expect(amber.received.join('\n')).toMatch(SECRET_ON_WIRE);
    expect(errors).toEqual([]);
  } finally {
    for (const context of contexts) await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
