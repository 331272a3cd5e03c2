// Security (issue 7): the built app runs a whole session under its Content-Security-Policy with no
// violation, sends nothing beyond its own origin, and shows text from a scenario file as text.

import { expect, test, type Page } from '@playwright/test';
import {
  loadScenarioFile,
  playQuarter,
  quarterHeading,
  shippedScenario,
  startGame,
  startHeading,
} from './resilience-helpers';

declare global {
  interface Window {
    __cspViolations?: string[];
    __pwned?: string[];
  }
}

/** Record CSP violations from the first moment of every document in the page. */
async function watchCsp(page: Page): Promise<string[]> {
  const console: string[] = [];
  page.on('console', (msg) => {
    if (
      /content security policy|refused to (load|execute|evaluate|apply|create)/i.test(msg.text())
    ) {
      console.push(msg.text());
    }
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return console;
}

const violations = (page: Page) => page.evaluate(() => window.__cspViolations ?? []);

test('a whole session runs under the CSP with no violation, and every request stays on the origin', async ({
  page,
  context,
}) => {
  const cspConsole = await watchCsp(page);
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('./');
  const origin = new URL(page.url()).origin;
  await expect(startHeading(page)).toBeVisible();
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);

  // Play: start, two quarters, a share link, and open that link.
  await startGame(page);
  await playQuarter(page);
  await playQuarter(page);
  await page.getByRole('button', { name: 'Share link' }).first().click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).first().inputValue();
  expect(link.startsWith(origin)).toBe(true);
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByText('You opened a shared game')).toBeVisible();
  await expect(quarterHeading(page, 3)).toBeVisible();
  expect(await violations(page)).toEqual([]);

  // Explore: a small sweep runs in Web Workers.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Explorer' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Explorer' })).toBeVisible();
  // The Explorer opens on the pause question; the sweep is one tab along.
  await page.getByRole('tab', { name: 'Game sweeps' }).click();
  await page.getByRole('spinbutton', { name: 'Runs per setting' }).fill('4');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByRole('progressbar', { name: 'Sweep progress' })).toHaveAttribute(
    'aria-valuenow',
    '100',
    { timeout: 30_000 },
  );

  expect(await violations(page)).toEqual([]);
  expect(cspConsole).toEqual([]);
  expect(errors).toEqual([]);

  const elsewhere = requests.filter(
    (url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
  );
  expect(elsewhere).toEqual([]);
  expect(requests.length).toBeGreaterThan(3);
});

test('the policy is in force: an injected inline script and eval are blocked and reported', async ({
  page,
}) => {
  await watchCsp(page);
  await page.goto('./');
  await expect(startHeading(page)).toBeVisible();
  const outcome = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = ["inline script ran"]';
    document.body.append(script);
    // eval in a task of the page's own (the test's evaluate call itself is exempt from CSP).
    const evalResult = await new Promise<string>((done) =>
      setTimeout(() => {
        try {
          done(String(window.eval('"eval ran"')));
        } catch {
          done('blocked');
        }
      }, 0),
    );
    await new Promise((done) => setTimeout(done, 50));
    return { pwned: window.__pwned ?? null, evalResult };
  });
  expect(outcome).toEqual({ pwned: null, evalResult: 'blocked' });
  const seen = await violations(page);
  expect(seen.some((v) => v.startsWith('script-src'))).toBe(true);
});

test('a scenario whose text holds HTML and script shows it literally and runs nothing', async ({
  page,
}) => {
  const cspConsole = await watchCsp(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    errors.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });

  const hostile = (label: string) =>
    `<img src=x onerror="(window.__pwned=window.__pwned||[]).push('${label}')"><script>(window.__pwned=window.__pwned||[]).push('${label}')</script>`;
  const scenario = shippedScenario('eval-blind-spot');
  const title = `<b>Bold</b> ${hostile('title')}`.slice(0, 120);
  const pitch = `Pitch ${hostile('pitch')}`;
  const briefing = `Briefing <iframe src="javascript:alert(1)"></iframe> ${hostile('briefing')}`;
  const labs = scenario.labs as { role: string; name: string }[];
  const player = labs.find((l) => l.role === 'player') as { name: string };
  player.name = `<svg onload=alert(1)>Lab`;
  const events = (scenario.events as Record<string, unknown>[]) ?? [];
  const headline = `<a href="javascript:alert(2)">Breaking</a>`;
  events.unshift({
    round: 1,
    headline,
    body: `<script>alert(3)</script> ${hostile('event')}`,
    effect: { kind: 'news' },
  });
  Object.assign(scenario, { id: 'hostile-text', title, pitch, briefing, events });

  await page.goto('./');
  await expect(startHeading(page)).toBeVisible();
  await loadScenarioFile(page, 'hostile.json', scenario);

  // The start screen shows the file's text, character for character.
  await expect(page.getByText(title, { exact: true })).toBeVisible();
  await expect(page.getByText(pitch, { exact: true })).toBeVisible();
  await expect(page.getByText(briefing, { exact: true })).toBeAttached();

  await startGame(page);
  await expect(page.getByText(headline, { exact: true }).first()).toBeVisible();
  await expect(page.getByText(player.name).first()).toBeVisible();

  // None of it became markup, and none of it ran.
  const found = await page.evaluate(() => ({
    pwned: window.__pwned ?? [],
    img: document.querySelectorAll('img[src="x"]').length,
    iframe: document.querySelectorAll('iframe').length,
    svgOnload: document.querySelectorAll('svg[onload]').length,
    links: document.querySelectorAll('a[href^="javascript:"]').length,
    bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'Bold').length,
  }));
  expect(found).toEqual({ pwned: [], img: 0, iframe: 0, svgOnload: 0, links: 0, bold: 0 });
  expect(await violations(page)).toEqual([]);
  expect(cspConsole).toEqual([]);
  expect(errors).toEqual([]);
});
