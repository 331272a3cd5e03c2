// Adds jest-dom matchers (toBeInTheDocument, toHaveAccessibleName, ...) to Vitest's expect,
// with their TypeScript types.
import '@testing-library/jest-dom/vitest';
