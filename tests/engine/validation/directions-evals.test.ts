// Validated directions of the main model, group "evals" (see directions.ts and groupSuite.ts).
// MODEL.md's table must say exactly what is measured here: run `npm run validate -- --write`
// after changing the model, and read what changed.

import { describe, expect, it } from 'vitest';
import { validationGroup } from './groupSuite';

describe('validated directions: evals', () => {
  const direction = validationGroup('evals');

  it('sharper evals lower catastrophe under the shipped voluntary policies (V1, V2)', () => {
    for (const id of ['V1', 'V2']) {
      expect(direction(id).verdict, id).toBe('holds');
      expect(direction(id).difference.hi, id).toBeLessThan(0);
    }
  });
});
