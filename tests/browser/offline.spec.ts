// Offline use (issue 7): after one visit the built app runs with no network, from the preview
// server's root and from a subfolder of any other static server.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { playQuarter, startGame, startHeading } from './resilience-helpers';

const DIST = resolve('dist');

/** Wait until a service worker has installed (precached everything) and controls the page. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((done) =>
      navigator.serviceWorker.addEventListener('controllerchange', () => done(), { once: true }),
    );
  });
}

/** The files dist/sw.js precaches (sw.js itself is not one: the browser fetches it online). */
async function precachedFiles(): Promise<string[]> {
  const text = await readFile(join(DIST, 'sw.js'), 'utf8');
  const match = /\}\)\(self, (\[[\s\S]*?\]), "[0-9a-f]+"\);/.exec(text);
  return match ? (JSON.parse(match[1] as string) as string[]) : [];
}

async function expectWorksOffline(page: Page): Promise<void> {
  await page.context().setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker(), 'the page came from the service worker').toBe(true);
  await expect(startHeading(page)).toBeVisible();
  // Control: the network really is off (sw.js is the one file the worker does not cache).
  const uncached = await page.evaluate(() =>
    fetch('./sw.js').then(
      () => 'fetched',
      () => 'failed',
    ),
  );
  expect(uncached).toBe('failed');

  // Every file of the build is there, not just the ones the start screen needed.
  const files = await precachedFiles();
  expect(files).toContain('index.html');
  expect(files.some((f) => f.endsWith('.js'))).toBe(true);
  const statuses = await page.evaluate(
    (list) => Promise.all(list.map(async (f) => [f, (await fetch(`./${f}`)).status] as const)),
    files,
  );
  for (const [file, status] of statuses) expect(status, file).toBe(200);

  // And the game plays.
  await startGame(page);
  await playQuarter(page);
}

test.describe('offline', () => {
  test('after one visit the app starts and plays a quarter with no network', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('./');
    await expect(startHeading(page)).toBeVisible();
    await waitForServiceWorker(page);
    await expectWorksOffline(page);

    // The Explorer is a separate, lazily loaded part of the build: it is cached too.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Explorer' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Explorer' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test.describe('from a subfolder of another static server', () => {
    let server: Server;
    let origin = '';
    const TYPES: Record<string, string> = {
      '.html': 'text/html; charset=utf-8',
      '.js': 'text/javascript; charset=utf-8',
      '.css': 'text/css; charset=utf-8',
      '.svg': 'image/svg+xml',
      '.json': 'application/json',
    };

    test.beforeAll(async () => {
      // A minimal static file server: dist/ served under /workshop/threshold/, nothing else.
      server = createServer((req, res) => {
        const prefix = '/workshop/threshold/';
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        if (!path.startsWith(prefix)) return void res.writeHead(404).end();
        const rel = path.slice(prefix.length) || 'index.html';
        const file = normalize(join(DIST, rel));
        if (!file.startsWith(DIST + sep)) return void res.writeHead(403).end();
        readFile(file).then(
          (body) =>
            res
              .writeHead(200, {
                'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
              })
              .end(body),
          () => res.writeHead(404).end(),
        );
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    test.afterAll(async () => {
      await new Promise((done) => server.close(done));
    });

    test('runs, and runs offline, from /workshop/threshold/', async ({ page }) => {
      await page.goto(`${origin}/workshop/threshold/`);
      await expect(startHeading(page)).toBeVisible();
      await waitForServiceWorker(page);
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(`${origin}/workshop/threshold/`);
      await expectWorksOffline(page);
    });
  });
});
