// Weighing one path: a scripted session in a fresh browser context (no cache, no service worker)
// whose every request to the app's server is recorded, then each JavaScript file fetched counted
// once at its gzip size, as a static server would send it. Shared by the modes' paths (paths.ts)
// and the networked room's (roomPaths.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';

export interface PathWeight {
  path: string;
  /** The JavaScript files fetched, each counted once, with their gzip size in bytes. */
  files: { file: string; gzip: number }[];
  gzip: number;
  /** Everything else fetched (styles, scenario JSON, the document), gzip bytes, for context. */
  otherGzip: number;
}

/** A scripted session on the app served at `url`. */
export type Session = (page: Page, url: string) => Promise<void>;

/** Poll `ready` until it holds (or two minutes pass: the bench reports, never hangs). */
export const until = async (
  page: Page,
  ready: () => Promise<boolean>,
  what: string,
): Promise<void> => {
  const end = Date.now() + 120_000;
  while (!(await ready())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await page.waitForTimeout(50);
  }
};

/** Run `session` on the build in `outDir`, served at `url`, and weigh what it fetched. */
export async function weigh(
  browser: Browser,
  url: string,
  outDir: string,
  name: string,
  session: Session,
): Promise<PathWeight> {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const fetched = new Set<string>();
  // Requests from workers too: the context sees every request its pages and workers make.
  context.on('request', (request) => {
    if (request.url().startsWith(url)) fetched.add(new URL(request.url()).pathname);
  });
  try {
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await session(page, url);
  } finally {
    await context.close();
  }
  const gzipOf = (pathname: string): number => {
    const file = pathname === '/' ? 'index.html' : pathname.slice(1);
    try {
      return gzipSync(readFileSync(join(outDir, decodeURIComponent(file)))).length;
    } catch {
      return 0; // not a built file (a data: URL, a 404, the server's API): weighs nothing here
    }
  };
  const js = [...fetched].filter((p) => p.endsWith('.js')).sort();
  const files = js.map((file) => ({ file: file.slice(1), gzip: gzipOf(file) }));
  const others = [...fetched].filter((p) => !p.endsWith('.js'));
  return {
    path: name,
    files,
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
    otherGzip: others.reduce((sum, p) => sum + gzipOf(p), 0),
  };
}
