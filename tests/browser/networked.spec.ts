// The networked workshop end to end, in real Chromium: the test starts the workshop server itself
// (in-process, a free loopback port, a database file in a fresh temporary folder), and every
// device is a browser context of its own — the facilitator's console, the projector and three
// teams. Teams join by link and decide in parallel; one team's device goes offline mid-decision
// and comes back (its unfinished decision is there); the server is stopped mid-quarter and started again on the same
// database (every device reconnects and the room resumes); the game runs to the report. Every
// WebSocket frame each team's page received is kept and checked: no other team's decision or
// eval numbers, ever, while the game is played.

import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replayGame } from '../../src/engine/game';
import type { RoomView, ServerMessage } from '../../src/lib/roomProtocol';
import { parseWorkshopText } from '../../src/lib/workshopSession';
import { startServer, type RunningServer } from '../../src/server/server';
import { joinLinkOf } from './join-links';

test.use({ contextOptions: { reducedMotion: 'reduce' } });

const TEAMS = ['Amber', 'Birch', 'Cedar'] as const;
type TeamName = (typeof TEAMS)[number];
/** Each team's capabilities share: distinct, so each team's budget split is its own. */
const SHARE: Record<TeamName, string> = { Amber: '30', Birch: '45', Cedar: '20' };
const QUARTERS = 3;
/** Errors any device's page reported (none expected: a refused connection is not an error). */
const pageErrors: string[] = [];

interface Device {
  context: BrowserContext;
  page: Page;
  /** Every frame this device's pages received, and sent (text), across reloads. */
  received: string[];
  sent: string[];
}

async function openDevice(context: BrowserContext, link: string, device?: Device) {
  const page = await context.newPage();
  const d: Device = device ?? { context, page, received: [], sent: [] };
  d.page = page;
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) => d.received.push(String(f.payload)));
    ws.on('framesent', (f) => d.sent.push(String(f.payload)));
  });
  page.on('pageerror', (error) => pageErrors.push(`${link}: ${error.message}`));
  page.on('console', (message) => {
    // While the server is down, Chromium itself logs each failed reconnection attempt.
    const expected = /WebSocket connection to .* failed/.test(message.text());
    if (message.type() === 'error' && !expected) pageErrors.push(`${link}: ${message.text()}`);
  });
  await page.goto(link);
  return d;
}

const status = (page: Page) => page.locator('[data-connection]');

async function lockIn(team: Device, name: TeamName) {
  const page = team.page;
  await expect(page.getByRole('heading', { name: 'Your decision' })).toBeVisible();
  // The tab says whose device this is (documentTitle.svelte.ts).
  await expect(page).toHaveTitle(`${name} · Threshold`);
  const share = page.getByRole('spinbutton', { name: 'Capabilities share (%)' });
  await share.fill(SHARE[name]);
  await share.press('Tab');
  await page.getByRole('button', { name: 'Lock in decision' }).click();
  await expect(page.getByText('Locked in:')).toBeVisible();
}

test('a three-team networked workshop: join by link, decide in parallel, drop and rejoin, a server restart, to the report', async ({
  browser,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-networked-'));
  const dbPath = join(dir, 'rooms.db');
  let server: RunningServer = await startServer({ port: 0, dbPath, warn: () => {} });
  const port = server.port;
  const base = `http://127.0.0.1:${port}`;
  const contexts: BrowserContext[] = [];
  const newContext = async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    contexts.push(context);
    return context;
  };
  try {
    // The facilitator sets up three teams and three quarters, and runs it on every device.
    const fac = (await openDevice(await newContext(), `${base}/`)).page;
    await fac.getByRole('button', { name: 'Workshop', exact: true }).click();
    await fac.getByRole('button', { name: 'Add a team' }).click();
    for (const [i, name] of TEAMS.entries()) {
      await fac.getByRole('textbox', { name: `Team ${i + 1} name` }).fill(name);
    }
    await fac.getByRole('spinbutton', { name: 'Quarters to play' }).fill(String(QUARTERS));
    await fac.getByRole('textbox', { name: 'Seed' }).fill('11');
    await fac.getByLabel('Facilitator PIN').fill('2468');
    await fac.getByRole('button', { name: 'Run on every team’s device' }).click();
    const title = fac.getByRole('heading', { level: 1, name: /Quarter 1 of 3/ }).first();
    await expect(title).toBeVisible();
    // The console's page is at its own link now: the token in the fragment, never a query.
    expect(new URL(fac.url()).search).toBe('');
    expect(new URL(fac.url()).hash).toMatch(/^#room=[\w-]{24}$/);

    const links = fac.getByRole('region', { name: 'Join links' });
    const linkOf = (name: string) => joinLinkOf(fac, name);
    await expect(links.getByRole('img', { name: 'Join link for Amber' })).toBeVisible();

    const teams = {} as Record<TeamName, Device>;
    for (const name of TEAMS) {
      teams[name] = await openDevice(await newContext(), await linkOf(name));
    }
    const projector = await openDevice(await newContext(), await linkOf('Projector'));
    for (const name of TEAMS) {
      await expect(teams[name].page.getByText(`${name}`, { exact: true })).toBeVisible();
      await expect(teams[name].page.getByText(/Waiting for the facilitator/)).toBeVisible();
    }
    await expect(projector.page.getByText('Read the news — decisions open soon')).toBeVisible();

    // Quarter 1: every team decides at once.
    await fac.getByRole('button', { name: 'Open decisions' }).click();
    await Promise.all(TEAMS.map((name) => lockIn(teams[name], name)));
    const roster = fac.getByRole('list', { name: 'Who has locked in' });
    await expect(roster.getByText('Locked in')).toHaveCount(3);
    await fac.getByRole('button', { name: 'Resolve the quarter' }).click();
    await expect(
      fac.getByRole('heading', { level: 1, name: /Quarter 2 of 3/ }).first(),
    ).toBeVisible();

    // Quarter 2: Amber locks in; Birch starts a decision and its page is closed mid-way.
    await fac.getByRole('button', { name: 'Open decisions for quarter 2' }).click();
    await lockIn(teams.Amber, 'Amber');
    const birch = teams.Birch.page;
    await birch.getByRole('button', { name: 'Pause', exact: true }).click();
    const share = birch.getByRole('spinbutton', { name: 'Capabilities share (%)' });
    await share.fill('45');
    await share.press('Tab');
    // Wait until the server has acknowledged the draft with those figures.
    await expect
      .poll(() => {
        const sent = teams.Birch.sent
          .map((s) => JSON.parse(s) as { type: string; id?: number; draft?: unknown })
          .filter(
            (m) => m.type === 'draft' && JSON.stringify(m.draft).includes('"capabilities":45'),
          );
        const acked = new Set(
          teams.Birch.received
            .map((s) => JSON.parse(s) as ServerMessage)
            .flatMap((m) => (m.type === 'ack' ? [m.id] : [])),
        );
        return sent.some((m) => acked.has(m.id) && JSON.stringify(m.draft).includes('"pause"'));
      })
      .toBe(true);
    // Birch's device loses the network mid-decision (the page stays open, as a phone's does
    // when its Wi-Fi drops): it says so at once, and the console still shows Birch deciding.
    await teams.Birch.context.setOffline(true);
    await expect(status(birch)).toHaveAttribute('data-connection', 'reconnecting');
    await expect(roster.getByRole('listitem').filter({ hasText: 'Birch' })).toContainText(
      'Deciding…',
    );
    await teams.Birch.context.setOffline(false);
    await expect(status(birch)).toContainText('Connected again. Nothing was lost.');
    // Back in the room, its unfinished decision is on the form as it was.
    await expect(birch.getByRole('button', { name: 'Pause', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(birch.getByRole('spinbutton', { name: 'Capabilities share (%)' })).toHaveValue(
      '45',
    );

    // The server stops mid-quarter and starts again on the same database and port.
    await server.close();
    for (const page of [fac, teams.Amber.page, teams.Birch.page, projector.page]) {
      await expect(status(page)).toHaveAttribute('data-connection', 'reconnecting');
    }
    server = await startServer({ port, dbPath, warn: () => {} });
    for (const page of [
      fac,
      teams.Amber.page,
      teams.Birch.page,
      teams.Cedar.page,
      projector.page,
    ]) {
      await expect(status(page)).toContainText('The server restarted and your room resumed');
    }
    // The room is where it was: Amber locked in, Birch's draft still on its form.
    await expect(roster.getByRole('listitem').filter({ hasText: 'Amber' })).toContainText(
      'Locked in',
    );
    await expect(teams.Amber.page.getByText('Locked in:')).toBeVisible();
    await expect(
      teams.Birch.page.getByRole('spinbutton', { name: 'Capabilities share (%)' }),
    ).toHaveValue('45');
    await teams.Birch.page.getByRole('button', { name: 'Lock in decision' }).click();
    await lockIn(teams.Cedar, 'Cedar');
    await expect(roster.getByText('Locked in')).toHaveCount(3);
    await fac.getByRole('button', { name: 'Resolve the quarter' }).click();

    // The console reopened on another device: the link alone is not enough, the PIN is.
    const second = (await openDevice(await newContext(), fac.url())).page;
    const pin = second.getByLabel('Facilitator PIN');
    await pin.fill('1111');
    await pin.press('Enter');
    await expect(second.getByText('that is not this room’s PIN: try again')).toBeVisible();
    await pin.fill('2468');
    await second.getByRole('button', { name: 'Open the console' }).click();
    await expect(
      second.getByRole('button', { name: 'Open decisions for quarter 3' }),
    ).toBeVisible();
    await second.close();

    // Quarter 3, the last: then the debrief and the after-action report.
    await fac.getByRole('button', { name: 'Open decisions for quarter 3' }).click();
    await Promise.all(TEAMS.map((name) => lockIn(teams[name], name)));
    await fac.getByRole('button', { name: 'Resolve the quarter' }).click();
    await expect(fac.getByText('Threshold · workshop after-action report')).toBeVisible();
    for (const name of TEAMS) {
      await expect(
        teams[name].page.getByRole('heading', { name: 'The game is over' }),
      ).toBeVisible();
    }

    // Every frame each team received, checked against the game as the server kept it.
    const token = new URL(fac.url()).hash.slice('#room='.length);
    const exported = await fetch(`${base}/api/session`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const session = parseWorkshopText(await exported.text());
    if (!session.ok) throw new Error(session.message);
    const { setup, log, meta } = session.session;
    const game = replayGame(setup.scenario, setup, log, Infinity, meta.injects);
    expect(game.history).toHaveLength(QUARTERS);
    const labOf = (name: TeamName) => meta.teams.find((t) => t.name === name)?.lab ?? '';
    /** What only `lab`'s own device may carry: its decisions' budgets, its measured evals. */
    const secretsOf = (lab: string) => {
      const rows = game.history.flatMap((r) => r.labs.filter((l) => l.lab === lab));
      return [
        ...rows.map((r) => JSON.stringify(r.decision.budget)),
        ...rows.flatMap((r) =>
          Object.values(r.measured ?? {})
            .map((n) => JSON.stringify(n))
            .filter((text) => text.length >= 6),
        ),
      ];
    };
    for (const name of TEAMS) {
      const own = labOf(name);
      const messages = teams[name].received.map((s) => JSON.parse(s) as ServerMessage);
      // Before the game is over (the reveal then shows the room everything, by design).
      const during: string[] = [];
      for (const [i, m] of messages.entries()) {
        if (m.type === 'welcome') expect(m.lab).toBe(own);
        if (m.type !== 'view') continue;
        const view: RoomView = m.view;
        expect(view.kind).toBe('team');
        if (view.kind === 'team') expect(view.team.lab).toBe(own);
        if (!view.status.over) during.push(teams[name].received[i] ?? '');
      }
      const wire = during.join('\n');
      expect(wire.length).toBeGreaterThan(0);
      for (const other of TEAMS.filter((n) => n !== name)) {
        for (const secret of secretsOf(labOf(other))) {
          expect(wire, `${name}'s device received ${other}'s ${secret}`).not.toContain(secret);
        }
      }
      // The check finds what is there: each team's own figures did reach its own device.
      expect(secretsOf(own).some((secret) => wire.includes(secret))).toBe(true);
    }
    expect(pageErrors).toEqual([]);
  } finally {
    for (const context of contexts) await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
