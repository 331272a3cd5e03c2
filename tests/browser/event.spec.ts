// Events end to end, in real Chromium against the real server (in-process, a free loopback port,
// a database in a fresh temporary folder): a facilitator groups two rooms into one event — the
// first from its room's console, the second by pasting its console link into the event's console
// (a room on another seed is refused, in the server's words) — and both rooms are played quickly
// to the end by WebSocket devices. The event's projector shows both tables and the pooled row, and
// every frame its page received is checked: no table's results before that table's game was over.

import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreatedRoom, CreateRoomRequest, ServerMessage } from '../../src/lib/roomProtocol';
import { startServer, type RunningServer } from '../../src/server/server';
import { createRoom, decision, socketUrl, TestDevice } from '../server/harness';
import { seriousViolations } from './fixtures';

test.use({ contextOptions: { reducedMotion: 'reduce' } });

const QUARTERS = 2;
const game = (overrides: Partial<CreateRoomRequest> = {}): CreateRoomRequest => ({
  scenario: 'eval-blind-spot',
  seed: 7,
  teams: [{ name: 'Amber' }, { name: 'Birch' }],
  timerSeconds: null,
  quarters: QUARTERS,
  ...overrides,
});
/** A budget no other message carries: it must never reach the event's screens. */
const MARKED = {
  ...decision(0.2),
  budget: { ...decision(0.2).budget, capabilities: 0.1234567, evals: 0.2765433 },
};

/**
 * Play a room to its end from Node devices, from wherever it is (decisions may be open already);
 * `beforeLast` runs just before the last resolve.
 */
async function playToTheEnd(server: RunningServer, room: CreatedRoom, beforeLast: () => void) {
  const url = socketUrl(server);
  const console = await TestDevice.join(url, room.tokens.facilitator);
  const teams = await Promise.all(room.tokens.teams.map((t) => TestDevice.join(url, t.token)));
  try {
    let view = console.view;
    while (!view.status.over) {
      if (!view.status.roundOpen) await console.device.act({ type: 'openDecisions' });
      // Each acknowledged once saved: the room carries out its commands in order.
      for (const team of teams) {
        const reply = await team.device.request({ type: 'submit', decision: MARKED });
        if (reply.type !== 'ack') throw new Error(`refused: ${JSON.stringify(reply)}`);
      }
      if (view.status.round === QUARTERS) beforeLast();
      view = await console.device.act({ type: 'resolve' });
    }
  } finally {
    await Promise.all([console, ...teams].map((d) => d.device.close()));
  }
}

test('two rooms grouped into an event: the projector pools them as each finishes, never before', async ({
  browser,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-event-'));
  const server = await startServer({ port: 0, dbPath: join(dir, 'rooms.db'), warn: () => {} });
  const base = `http://127.0.0.1:${server.port}`;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const open = async (link: string): Promise<Page> => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(link);
    return page;
  };
  try {
    const north = await createRoom(server, game());
    const south = await createRoom(server, game({ teams: [{ name: 'Cedar' }, { name: 'Dune' }] }));
    const elsewhere = await createRoom(server, game({ seed: 8 }));

    // North's console starts the event; North is its first table.
    const northConsole = await open(`${base}/#room=${north.tokens.facilitator}`);
    const panel = northConsole.getByRole('region', { name: 'Group tables into an event' });
    await panel.getByRole('textbox', { name: 'Event name' }).fill('Tuesday cohort');
    await panel
      .getByRole('textbox', { name: 'This room’s table name (optional)' })
      .first()
      .fill('North');
    await panel.getByRole('button', { name: 'Create the event and add this room' }).click();
    const inEvent = northConsole.getByRole('region', { name: 'Results across tables' });
    await expect(inEvent).toContainText('one of 1 table in the event');
    const eventLinks = inEvent.getByRole('region', { name: 'The event’s links' });
    const consoleLink = await eventLinks
      .getByRole('link', { name: /#event=/ })
      .nth(1)
      .getAttribute('href');
    const projectorLink = await inEvent
      .getByRole('link', { name: 'See every table’s results' })
      .getAttribute('href');
    expect(consoleLink).toMatch(/#event=[\w-]{24}$/);
    expect(projectorLink).toMatch(/#event=[\w-]{24}$/);

    // The event's projector: every frame it receives is kept.
    const projector = await open('about:blank');
    const frames: string[] = [];
    projector.on('websocket', (ws) =>
      ws.on('framereceived', (f) => frames.push(String(f.payload))),
    );
    await projector.goto(projectorLink ?? '');
    await expect(
      projector.getByRole('heading', { level: 1, name: 'Tuesday cohort' }),
    ).toBeVisible();

    // The event's console adds South by its console link, and is refused a room on another seed.
    const eventConsole = await open(consoleLink ?? '');
    await expect(
      eventConsole.getByRole('heading', { level: 1, name: 'Tuesday cohort' }),
    ).toBeVisible();
    const link = eventConsole.getByRole('textbox', { name: 'The room’s console link' });
    await link.fill(`${base}/#room=${elsewhere.tokens.facilitator}`);
    await eventConsole.getByRole('button', { name: 'Add the table' }).click();
    await expect(eventConsole.getByRole('alert')).toContainText(
      'is on seed 8, but this event’s tables are on seed 7',
    );
    await link.fill(`${base}/#room=${south.tokens.facilitator}`);
    await eventConsole.getByRole('textbox', { name: 'Table name (optional)' }).fill('South');
    await eventConsole.getByRole('button', { name: 'Add the table' }).click();
    await expect(eventConsole.getByText('South was added as a table.')).toBeVisible();
    await expect(inEvent).toContainText('one of 2 tables in the event');
    await expect(projector.getByText('0 of 2 tables finished', { exact: true })).toBeVisible();
    expect(await seriousViolations(eventConsole)).toEqual([]);
    expect(await seriousViolations(projector)).toEqual([]);

    // North plays to its end; South is still in quarter 1 with its decisions locked in.
    const southFac = await TestDevice.join(socketUrl(server), south.tokens.facilitator);
    await southFac.device.act({ type: 'openDecisions' });
    const southTeam = await TestDevice.join(socketUrl(server), south.tokens.teams[0]!.token);
    await southTeam.device.act({ type: 'submit', decision: MARKED });
    await southFac.device.close();
    await southTeam.device.close();
    let beforeNorthOver = 0;
    await playToTheEnd(server, north, () => (beforeNorthOver = frames.length));
    await expect(projector.getByText('1 of 2 tables finished', { exact: true })).toBeVisible();
    const side = projector.getByRole('table', { name: 'Tables side by side' });
    await expect(side.getByRole('row', { name: /^North/ })).not.toContainText('Still playing');
    await expect(side.getByRole('row', { name: /^South/ })).toContainText('Still playing');
    await expect(northConsole.getByText(/Your table’s outcome was one draw of many/)).toBeVisible();

    // South joins it at the end (its console's open quarter is played out from where it was).
    let beforeSouthOver = 0;
    await playToTheEnd(server, south, () => (beforeSouthOver = frames.length));
    await expect(projector.getByText('2 of 2 tables finished', { exact: true })).toBeVisible();
    await expect(side.getByRole('row', { name: /^All 2 finished tables/ })).toBeVisible();
    await expect(eventConsole.getByText('2 of 2 tables finished', { exact: true })).toBeVisible();
    expect(await seriousViolations(projector)).toEqual([]);

    // The wire: no frame carried a table's results before its game was over.
    const views = frames
      .map((f) => JSON.parse(f) as ServerMessage)
      .flatMap((m, i) => (m.type === 'event' ? [{ i, view: m.view }] : []));
    expect(views.length).toBeGreaterThan(3);
    const resultsOf = (roomId: string, upTo: number) =>
      views.filter((v) => v.i < upTo && v.view.results.results.some((r) => r.roomId === roomId));
    expect(resultsOf(north.roomId, beforeNorthOver)).toEqual([]);
    expect(resultsOf(south.roomId, beforeSouthOver)).toEqual([]);
    for (const { view } of views) {
      const over = new Set(view.tables.filter((t) => t.over).map((t) => t.roomId));
      expect(view.results.results.every((r) => over.has(r.roomId))).toBe(true);
    }
    expect(frames.join('\n')).not.toContain('1234567');
    expect(frames.join('\n')).not.toContain(north.tokens.facilitator);
    expect(pageErrors).toEqual([]);
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
