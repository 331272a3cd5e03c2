import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { shippedScenarioCheck } from './src/lib/shippedScenarioCheck.ts';
import { offline } from './src/offline/plugin.ts';

export default defineConfig({
  // Relative asset URLs: dist/ works from any folder or static server.
  base: './',
  // offline(): writes dist/sw.js, the service worker that precaches the build (src/offline/).
  // shippedScenarioCheck(): refuses to build with a shipped scenario that does not validate, since
  // the app reads shipped files without the validator (src/lib/shippedScenarioCheck.ts).
  plugins: [svelte(), offline(), shippedScenarioCheck()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Shipped scenarios are fetched as files (src/lib/shippedScenarios.ts): never inline one as a
    // data: URL, which the Content Security Policy's connect-src 'self' would refuse.
    assetsInlineLimit: (file) => (file.endsWith('.json') ? false : undefined),
  },
  test: {
    // Generous limits: on a shared 2-core machine a heavy property test can take several times
    // its usual time, and tests must not fail on wall-clock time.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        // Engine, CLI, scenario and property tests: plain Node.
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/ui/**', 'tests/browser/**', '**/node_modules/**'],
        },
      },
      {
        // Svelte component tests: jsdom, Svelte's browser build, jest-dom matchers.
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['tests/ui/**/*.test.ts'],
          setupFiles: ['tests/setup/jest-dom.ts'],
        },
      },
    ],
  },
});
