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
    baseURL: 'http://localhost:4173',
    trace: 'retain-on-failure',
  },
  webServer: {
    // Serves the built dist/ (test:browser runs `vite build` first).
    command: 'npx vite preview --port 4173 --strictPort',
    url: 'http://localhost:4173',
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
