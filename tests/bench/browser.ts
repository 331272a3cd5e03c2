// Browser figures, on a build served in-process by Vite's preview() and headless Chromium:
// - first render: navigation start → the start screen's main heading in the DOM, and the frame
//   that paints it, over fresh loads (no cache, no service worker);
// - a round in the UI: a 24-round, 6-lab game loaded through the start screen's file input, with
//   a seed whose game lasts all 24 quarters, played several times. For each quarter, from the
//   (real, trusted) click on "End quarter": the quarter screen and the chart updated in the DOM →
//   the next animation frame starts → that frame's rendering (style, layout, paint) is done (the
//   end of the main-thread task that ran it, read from a trace of the click), and
//   the browser's own Event Timing figure for the click (what INP reports). Then the longest
//   frame of the chart's transition that follows.
// Figures only: nothing here fails on time.

import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import {
  analyseRound,
  mainThreadCpu,
  paintedFromTrace,
  type MainThreadCpu,
  type RoundProfile,
  type TraceEvent,
} from './profile';
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

/** A port nothing listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
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

/** Serve a built folder on a free local port while `use` runs. */
export async function withServer<T>(
  root: string,
  outDir: string,
  use: (url: string, browser: Browser) => Promise<T>,
): Promise<T> {
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
    browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
    return await use(`http://127.0.0.1:${port}/`, browser);
  } finally {
    await browser?.close();
    await server?.close();
  }
}

/**
 * Wait until a page expression is truthy, polling with page.evaluate: the app's Content Security
 * Policy forbids the string evaluation page.waitForFunction would do inside the page.
 */
async function waitFor(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface FirstRender {
  loads: number;
  /** The page's scripts downloaded (so the rest is parsing, running and rendering). */
  script: Stats;
  heading: Stats;
  painted: Stats;
  fcp: Stats;
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
    await waitFor(page, 'window.__firstRender !== undefined');
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

const CONFIRM = 'Break the commitment and end quarter';

/**
 * Arms the page before a click on `label`: from the click event's time stamp, when the DOM shows
 * the change (a new quarter heading and the chart section updated, or the confirmation dialog),
 * when the next animation frame starts (marked "bench-frame": the trace's task holding the mark
 * is the frame, whose end is when the change is painted), and a message posted from the frame
 * callback, which runs after style, layout and paint (but possibly after other tasks too: the
 * trace's figure is the one used when there is one). Then the longest frame in
 * the transition that follows, and the Event Timing entries for the click.
 */
const ARM = `(label) => {
  const heading = () => (document.querySelector('main h1') || {}).textContent || '';
  const chart = () => {
    const title = document.getElementById('timeline-title');
    const section = title && title.closest('section');
    const slider = section && section.querySelector('[role="slider"]');
    return { section, max: slider ? slider.getAttribute('aria-valuemax') : null };
  };
  const confirmShown = () => [...document.querySelectorAll('button')].some(
    (b) => b.textContent.trim() === ${JSON.stringify(CONFIRM)});
  const before = { heading: heading(), chart: chart() };
  const chartHook = before.chart.section != null;
  let t0 = null;
  addEventListener('click', (e) => {
    t0 = e.timeStamp;
    performance.mark('bench-click', { startTime: t0 });
  }, { capture: true, once: true });
  const events = [];
  let observer = null;
  if (PerformanceObserver.supportedEntryTypes.includes('event')) {
    observer = new PerformanceObserver((list) => events.push(...list.getEntries()));
    observer.observe({ type: 'event', durationThreshold: 16 });
  }
  window.__round = new Promise((resolve) => {
    let confirmation = false;
    const changed = () => {
      if (label !== ${JSON.stringify(CONFIRM)} && confirmShown()) {
        confirmation = true;
        return true;
      }
      const now = chart();
      const chartChanged = now.section !== before.chart.section || now.max !== before.chart.max;
      return heading() !== before.heading && (!chartHook || chartChanged);
    };
    const mutations = new MutationObserver(() => {
      if (t0 === null || !changed()) return;
      mutations.disconnect();
      const dom = performance.now();
      requestAnimationFrame(() => {
        const frame = performance.now();
        performance.mark('bench-frame');
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const painted = performance.now();
          performance.mark('bench-painted');
          // The transition after: the longest gap between frames for the next 600 ms.
          let last = painted;
          let longest = 0;
          const step = (t) => {
            longest = Math.max(longest, t - last);
            last = t;
            if (t - painted < 600) requestAnimationFrame(step);
            else setTimeout(() => {
              if (observer) observer.disconnect();
              const click = events.filter((e) => e.name === 'click' && e.startTime >= t0 - 1);
              resolve({
                dom: dom - t0, frame: frame - t0, painted: painted - t0, animation: longest,
                eventTiming: click.length ? Math.max(...click.map((e) => e.duration)) : null,
                confirmation, chartHook,
              });
            }, 50);
          };
          requestAnimationFrame(step);
        };
        channel.port2.postMessage(0);
      });
    });
    mutations.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}`;

interface ClickTiming {
  dom: number;
  frame: number;
  painted: number;
  /** CPU time of the page's main thread from the click to painted (from a trace), by kind. */
  cpu: MainThreadCpu;
  /**
   * The same up to the message posted from the frame callback (how the bench measured before 7
   * December 2026: it may include tasks the browser ran after the frame; see mainThreadWindow).
   */
  cpuToMessage: number;
  animation: number;
  /** The Event Timing API's duration for the click (null: under its 16 ms threshold). */
  eventTiming: number | null;
  confirmation: boolean;
  chartHook: boolean;
}

/** Options for sampling where the time goes (--profile): CDP Profiler and Tracing per click. */
export interface ProfileOptions {
  /** Profile quarters from this one on (of the first game only). */
  fromQuarter: number;
}

async function timeClick(
  page: Page,
  label: string,
  cdp: CDPSession,
  profiles: RoundProfile[] | null,
  quarter: number,
): Promise<ClickTiming> {
  await page.evaluate(`(${ARM})(${JSON.stringify(label)})`);
  const stop = await startRecording(cdp, profiles !== null);
  await page.getByRole('button', { name: label, exact: true }).click();
  const timing = (await page.evaluate('window.__round')) as Omit<
    ClickTiming,
    'cpu' | 'cpuToMessage'
  >;
  const recording = await stop();
  const trace = recording.trace as TraceEvent[];
  // The end of the frame as the trace shows it (the page's own figure is the message after it).
  const painted = paintedFromTrace(trace) ?? timing.painted;
  if (profiles) profiles.push(analyseRound(recording, painted, quarter));
  return {
    ...timing,
    painted,
    cpu: mainThreadCpu(trace),
    cpuToMessage: mainThreadCpu(trace, { untilMessage: true }).total,
  };
}

/**
 * Start a trace of the page's tasks (each with its thread time, so the CPU time of the main
 * thread can be told apart from time spent waiting for a core on a busy machine) and, when
 * profiling, a CPU profile (50 µs sampling) with more trace detail; the result stops them.
 */
async function startRecording(
  cdp: CDPSession,
  profiling: boolean,
): Promise<() => Promise<{ profile: unknown; trace: unknown[] }>> {
  const trace: unknown[] = [];
  const onData = (e: { value: unknown[] }) => trace.push(...e.value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    categories: profiling
      ? 'toplevel,blink.user_timing,devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink'
      : 'toplevel,blink.user_timing,devtools.timeline',
    transferMode: 'ReportEvents',
  });
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
  }
  return async () => {
    const profile = profiling ? (await cdp.send('Profiler.stop')).profile : null;
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return { profile, trace };
  };
}

export interface UiRounds {
  seed: number;
  games: number;
  /** Quarters played per game (the last one ends the game and opens the debrief). */
  quarters: number;
  dom: Stats;
  frame: Stats;
  painted: Stats;
  /** Event Timing durations of the clicks that reached its 16 ms threshold, and how many. */
  eventTiming: Stats | null;
  eventTimingCount: number;
  animation: Stats;
  /** The last quarter: "End quarter" → the debrief. */
  last: Stats;
  /** The quarters before it, from the 20th on (the chart at its fullest during play). */
  late: Stats;
  /** Median "painted" per quarter, across games. */
  byQuarter: number[];
  /** Median main-thread CPU per quarter, across games (which quarters make the p95). */
  cpuByQuarter: number[];
  /** The main thread's CPU time from the click to painted (trace thread time), all quarters. */
  cpu: Stats;
  cpuLate: Stats;
  cpuLast: Stats;
  /** All quarters' CPU up to the message after the frame (the bench's window before 7 Dec 2026). */
  cpuToMessage: Stats;
  /** Mean CPU milliseconds per round by kind of work, largest first: quarters before the last. */
  cpuByKind: [string, number][];
  /** The same for the last quarter (→ the debrief). */
  cpuLastByKind: [string, number][];
  worst: { quarter: number; game: number; painted: number };
  confirmations: number;
  chartHook: boolean;
}

async function playRounds(
  browser: Browser,
  url: string,
  scenarioJson: unknown,
  seed: number,
  profile: { options: ProfileOptions; out: RoundProfile[] } | null,
): Promise<(ClickTiming & { quarter: number })[]> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Threshold', exact: true }).waitFor();
  await page.getByLabel(/choose a scenario file/i).setInputFiles({
    name: 'bench-six-labs.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(scenarioJson)),
  });
  await page.getByRole('textbox', { name: /seed/i }).fill(String(seed));
  await page.getByRole('button', { name: 'Start game' }).click();
  await page.getByRole('heading', { level: 1, name: /^Quarter 1 of/ }).waitFor();

  const out: (ClickTiming & { quarter: number })[] = [];
  for (let quarter = 1; quarter <= 40; quarter++) {
    const quarterHeading = page.getByRole('heading', { level: 1, name: /^Quarter \d+ of/ });
    if (!(await quarterHeading.isVisible())) break; // the debrief: the game is over
    for (const step of ['See your eval results', 'Go to your decision']) {
      const button = page.getByRole('button', { name: step });
      if (await button.isVisible()) await button.click();
    }
    await page.getByRole('button', { name: 'End quarter', exact: true }).waitFor();
    // Let the previous step's scrolling and transitions settle, as a reader's pause would.
    await page.waitForTimeout(300);
    const profiles = profile && quarter >= profile.options.fromQuarter ? profile.out : null;
    let timing = await timeClick(page, 'End quarter', cdp, profiles, quarter);
    if (timing.confirmation) timing = await timeClick(page, CONFIRM, cdp, profiles, quarter);
    out.push({ ...timing, quarter });
  }
  await context.close();
  return out;
}

async function measureRounds(
  browser: Browser,
  url: string,
  scenarioJson: unknown,
  seed: number,
  games: number,
): Promise<UiRounds> {
  const all: (ClickTiming & { quarter: number; game: number })[] = [];
  for (let game = 1; game <= games; game++) {
    const rounds = await playRounds(browser, url, scenarioJson, seed, null);
    all.push(...rounds.map((r) => ({ ...r, game })));
  }
  const quarters = Math.max(...all.map((r) => r.quarter));
  const pick = (f: (r: (typeof all)[number]) => boolean, value = (r: ClickTiming) => r.painted) =>
    stats(all.filter(f).map(value));
  const cpu = (r: ClickTiming) => r.cpu.total;
  const byKind = (rounds: typeof all): [string, number][] => {
    const kinds = new Map<string, number>();
    for (const r of rounds)
      for (const [kind, v] of Object.entries(r.cpu.byKind))
        kinds.set(kind, (kinds.get(kind) ?? 0) + v);
    return [...kinds]
      .map(([kind, v]): [string, number] => [kind, v / Math.max(1, rounds.length)])
      .sort((a, b) => b[1] - a[1]);
  };
  const timed = all.map((r) => r.eventTiming).filter((d): d is number => d !== null);
  const worst = all.reduce((a, b) => (b.painted > a.painted ? b : a));
  return {
    seed,
    games,
    quarters,
    dom: stats(all.map((r) => r.dom)),
    frame: stats(all.map((r) => r.frame)),
    painted: stats(all.map((r) => r.painted)),
    eventTiming: timed.length ? stats(timed) : null,
    eventTimingCount: timed.length,
    animation: stats(all.map((r) => r.animation)),
    last: pick((r) => r.quarter === quarters),
    late: pick((r) => r.quarter >= 20 && r.quarter < quarters),
    byQuarter: Array.from({ length: quarters }, (_, i) => pick((r) => r.quarter === i + 1).median),
    cpuByQuarter: Array.from(
      { length: quarters },
      (_, i) => pick((r) => r.quarter === i + 1, cpu).median,
    ),
    cpu: pick(() => true, cpu),
    cpuLate: pick((r) => r.quarter >= 20 && r.quarter < quarters, cpu),
    cpuLast: pick((r) => r.quarter === quarters, cpu),
    cpuToMessage: pick(
      () => true,
      (r) => r.cpuToMessage,
    ),
    cpuByKind: byKind(all.filter((r) => r.quarter < quarters)),
    cpuLastByKind: byKind(all.filter((r) => r.quarter === quarters)),
    worst: { quarter: worst.quarter, game: worst.game, painted: worst.painted },
    confirmations: all.filter((r) => r.confirmation).length,
    chartHook: all.every((r) => r.chartHook),
  };
}

export interface BrowserBench {
  firstRender: FirstRender;
  rounds: UiRounds | { pending: string };
}

export async function benchBrowser(
  root: string,
  outDir: string,
  scenarioJson: unknown,
  options: { loads: number; seed: number; games: number },
): Promise<BrowserBench> {
  return withServer(root, outDir, async (url, browser) => {
    const firstRender = await measureFirstRender(browser, url, options.loads);
    let rounds: BrowserBench['rounds'];
    try {
      rounds = await measureRounds(browser, url, scenarioJson, options.seed, options.games);
    } catch (error) {
      rounds = { pending: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
    }
    return { firstRender, rounds };
  });
}

/** One game with the CPU profiler and a trace running around each click from `fromQuarter` on. */
export async function profileRounds(
  root: string,
  outDir: string,
  scenarioJson: unknown,
  seed: number,
  options: ProfileOptions,
): Promise<RoundProfile[]> {
  return withServer(root, outDir, async (url, browser) => {
    const out: RoundProfile[] = [];
    await playRounds(browser, url, scenarioJson, seed, { options, out });
    return out;
  });
}
