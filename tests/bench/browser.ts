// Browser figures, on a build served in-process by Vite's preview() and headless Chromium:
// - first render: navigation start → the start screen's main heading in the DOM, and the frame
//   that paints it, over fresh loads (no cache, no service worker);
// - a round in the UI: a 24-round, 6-lab game loaded through the start screen's file input; for
//   each quarter, the click on "End quarter" → the quarter screen and the chart's table updated
//   (DOM) → the next animation frame.
// Figures only: nothing here fails on time.

import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Browser, type Page } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { stats, type Stats } from './round';

/** Same order as playwright.config.ts: $CHROME_PATH, Debian's Chromium, Playwright's own. */
export function chromiumPath(): string | undefined {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface FirstRender {
  loads: number;
  /** The page's scripts downloaded (so the rest is parsing, running and rendering). */
  script: Stats;
  heading: Stats;
  painted: Stats;
  fcp: Stats;
}

export interface UiRounds {
  rounds: number;
  dom: Stats;
  frame: Stats;
  confirmations: number;
  chartHook: boolean;
}

export interface BrowserBench {
  firstRender: FirstRender;
  rounds: UiRounds | { pending: string };
}

// Page scripts are plain JavaScript text: tsx compiles functions in this file with helpers
// (`__name`) that do not exist in the page, so they cannot be passed to the page as functions.

/** Records when the start screen's heading enters the DOM, and the frame after. */
const FIRST_RENDER_PROBE = `
  const observer = new MutationObserver(() => {
    const found = [...document.querySelectorAll('h1')].some((h) => h.textContent.trim() === 'Threshold');
    if (!found) return;
    observer.disconnect();
    const at = performance.now();
    const scripts = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js'));
    const script = Math.max(0, ...scripts.map((e) => e.responseEnd));
    requestAnimationFrame(() => {
      window.__firstRender = { script, heading: at, painted: performance.now() };
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
`;

async function measureFirstRender(
  browser: Browser,
  url: string,
  loads: number,
): Promise<FirstRender> {
  const script: number[] = [];
  const heading: number[] = [];
  const painted: number[] = [];
  const fcp: number[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript({ content: FIRST_RENDER_PROBE });
    await page.goto(url);
    await page.waitForFunction('window.__firstRender !== undefined');
    const result = (await page.evaluate(`({
      ...window.__firstRender,
      fcp: (performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint') || { startTime: NaN }).startTime,
    })`)) as { script: number; heading: number; painted: number; fcp: number };
    script.push(result.script);
    heading.push(result.heading);
    painted.push(result.painted);
    fcp.push(result.fcp);
    await context.close();
  }
  return {
    loads,
    script: stats(script),
    heading: stats(heading),
    painted: stats(painted),
    fcp: stats(fcp),
  };
}

/**
 * Click a button by its text and time, inside the page, the DOM update (quarter heading and chart
 * table changed, or a confirmation shown) and the next animation frame.
 */
const TIME_CLICK = `async (label) => {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === label);
  if (!button) throw new Error('no button "' + label + '"');
  const heading = () => (document.querySelector('main h1') || {}).textContent || '';
  const chart = () => {
    const title = document.getElementById('timeline-title');
    const section = title && title.closest('section');
    return section && section.querySelector('table tbody');
  };
  const confirmShown = () => [...document.querySelectorAll('button')].some(
    (b) => b.textContent.trim() === 'Break the commitment and end quarter');
  const chartHook = chart() != null;
  const before = { heading: heading(), chart: chartHook ? chart().textContent : null };
  let confirmation = false;
  const changed = () => {
    if (label !== 'Break the commitment and end quarter' && confirmShown()) {
      confirmation = true;
      return true;
    }
    const chartNow = chart() ? chart().textContent : null;
    return heading() !== before.heading && (!chartHook || chartNow !== before.chart);
  };
  const t0 = performance.now();
  let dom = 0;
  await new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!changed()) return;
      observer.disconnect();
      dom = performance.now();
      resolve();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    button.click();
  });
  const frame = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  return { dom: dom - t0, frame: frame - t0, confirmation, chartHook };
}`;

interface ClickTiming {
  dom: number;
  frame: number;
  confirmation: boolean;
  chartHook: boolean;
}

async function timeClick(page: Page, label: string): Promise<ClickTiming> {
  return (await page.evaluate(`(${TIME_CLICK})(${JSON.stringify(label)})`)) as ClickTiming;
}

async function measureRounds(
  browser: Browser,
  url: string,
  scenarioJson: unknown,
): Promise<UiRounds> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Threshold', exact: true }).waitFor();
  await page.getByLabel(/choose a scenario file/i).setInputFiles({
    name: 'bench-six-labs.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(scenarioJson)),
  });
  await page.getByRole('textbox', { name: /seed/i }).fill('1');
  await page.getByRole('button', { name: 'Start game' }).click();
  await page.getByRole('heading', { level: 1, name: /^Quarter 1 of/ }).waitFor();

  const dom: number[] = [];
  const frame: number[] = [];
  let confirmations = 0;
  let chartHook = true;
  for (let quarter = 0; quarter < 40; quarter++) {
    const quarterHeading = page.getByRole('heading', { level: 1, name: /^Quarter \d+ of/ });
    if (!(await quarterHeading.isVisible())) break; // the debrief: the game is over
    for (const step of ['See your eval results', 'Go to your decision']) {
      const button = page.getByRole('button', { name: step });
      if (await button.isVisible()) await button.click();
    }
    await page.getByRole('button', { name: 'End quarter', exact: true }).waitFor();
    let timing = await timeClick(page, 'End quarter');
    if (timing.confirmation) {
      confirmations++;
      timing = await timeClick(page, 'Break the commitment and end quarter');
    }
    chartHook &&= timing.chartHook;
    dom.push(timing.dom);
    frame.push(timing.frame);
  }
  await context.close();
  return { rounds: dom.length, dom: stats(dom), frame: stats(frame), confirmations, chartHook };
}

export async function benchBrowser(
  root: string,
  outDir: string,
  scenarioJson: unknown,
  loads = 5,
): Promise<BrowserBench> {
  const port = await freePort();
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await preview({
      root,
      logLevel: 'warn',
      build: { outDir },
      preview: { port, strictPort: true, host: '127.0.0.1', open: false },
    });
    const url = `http://127.0.0.1:${port}/`;
    browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
    const firstRender = await measureFirstRender(browser, url, loads);
    let rounds: BrowserBench['rounds'];
    try {
      rounds = await measureRounds(browser, url, scenarioJson);
    } catch (error) {
      rounds = { pending: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
    }
    return { firstRender, rounds };
  } finally {
    await browser?.close();
    await server?.close();
  }
}
