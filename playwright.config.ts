import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Browser: $CHROME_PATH if set, else Debian's /usr/bin/chromium (CI), else Playwright's own
 * Chromium (on a laptop, after `npx playwright install chromium`).
 */
function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

const isCI = !!process.env.CI;
/** Port of the preview server: PLAYWRIGHT_PORT lets a second checkout test beside a running one. */
const port = Number(process.env.PLAYWRIGHT_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/browser',
  forbidOnly: isCI,
  retries: 0,
  workers: 2,
  reporter: 'list',
  // Generous: on a shared 2-core machine a long journey can take several times its usual time,
  // and tests must not fail on wall-clock time. Assertions still wait for what they expect.
  timeout: 240_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
  },
  webServer: {
    // Serves the built dist/ (test:browser runs `vite build` first).
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !isCI,
    timeout: 60_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
