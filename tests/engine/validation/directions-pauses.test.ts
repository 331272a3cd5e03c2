// Validated directions of the main model, group "pauses" (see directions.ts and groupSuite.ts).
// MODEL.md's table must say exactly what is measured here: run `npm run validate -- --write`
// after changing the model, and read what changed.

import { describe, expect, it } from 'vitest';
import { validationGroup } from './groupSuite';

describe('validated directions: pauses', () => {
  const direction = validationGroup('pauses');

  it('information and pause-agreement membership move outcomes (V15, V16, V22)', () => {
    for (const id of ['V15', 'V16', 'V22']) expect(direction(id).verdict, id).not.toBe('flat');
  });

  it('more competitive pressure means fewer own-policy pauses and more broken commitments (V10, V11)', () => {
    for (const id of ['V10', 'V11']) expect(direction(id).verdict, id).toBe('holds');
  });
});
