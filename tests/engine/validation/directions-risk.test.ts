// Validated directions of the main model, group "risk" (see directions.ts and groupSuite.ts).
// MODEL.md's table must say exactly what is measured here: run `npm run validate -- --write`
// after changing the model, and read what changed.

import { describe, expect, it } from 'vitest';
import { groupIds, validationGroup } from './groupSuite';

describe('validated directions: risk', () => {
  const direction = validationGroup('risk');

  it('every direction of this group holds', () => {
    for (const id of groupIds('risk')) expect(direction(id).verdict, id).toBe('holds');
  });
});
