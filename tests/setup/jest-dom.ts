// Adds jest-dom matchers (toBeInTheDocument, toHaveAccessibleName, ...) to Vitest's expect,
// with their TypeScript types.
import '@testing-library/jest-dom/vitest';

import { configure } from '@testing-library/svelte';

// findBy* waits up to 10 s (not 1 s): the first game screen is a lazily imported chunk, which
// Vitest compiles on first use, and that can take seconds on a loaded 2-core CI machine. Tests
// must not fail on wall-clock time.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no layout, so no ResizeObserver: Svelte's bind:clientWidth (how a chart frame follows
// its container) needs one to exist. This one never reports a size, so charts draw at their
// default width, as they did when they measured themselves.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
