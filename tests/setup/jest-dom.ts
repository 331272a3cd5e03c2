// Adds jest-dom matchers (toBeInTheDocument, toHaveAccessibleName, ...) to Vitest's expect,
// with their TypeScript types.
import '@testing-library/jest-dom/vitest';

import { configure } from '@testing-library/svelte';

// findBy* waits up to 10 s (not 1 s): the first game screen is a lazily imported chunk, which
// Vitest compiles on first use, and that can take seconds on a loaded 2-core CI machine. Tests
// must not fail on wall-clock time.
configure({ asyncUtilTimeout: 10_000 });
