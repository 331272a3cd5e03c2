// Validated directions of the main model, group "pauses" (see directions.ts). The arms are played
// once, in beforeAll (2,000 games each, the same seeds in every arm), never at collection time.
// MODEL.md's table must say exactly what is measured here: run `npm run validate -- --write`
// after changing the model, and read what changed.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIRECTIONS } from './directions';
import {
  EXPLORER_TABLE,
  directionRow,
  measureDirections,
  tableRow,
  type Measured,
} from './measure';

const group = DIRECTIONS.filter((d) => d.group === 'pauses');
let measured: Measured[] = [];

beforeAll(() => {
  measured = measureDirections(group);
}, 900_000);

describe('validated directions: pauses', () => {
  it('MODEL.md reports each direction of this group as measured (effect, interval, verdict)', () => {
    const card = readFileSync(join(process.cwd(), 'MODEL.md'), 'utf8');
    expect(measured.length).toBe(group.length);
    for (const m of measured) expect(card, m.spec.id).toContain(tableRow(m));
  });

  it("the Explorer's model card shows each direction of this group as measured", () => {
    const shown = JSON.parse(
      readFileSync(join(process.cwd(), EXPLORER_TABLE), 'utf8'),
    ) as unknown[];
    for (const m of measured) expect(shown, m.spec.id).toContainEqual(directionRow(m));
  });

  it('information and pause-agreement membership move outcomes (V15, V16, V22)', () => {
    for (const id of ['V15', 'V16', 'V22']) {
      const m = measured.find((x) => x.spec.id === id);
      expect(m?.verdict, id).not.toBe('flat');
    }
  });

  it('more competitive pressure means fewer own-policy pauses and more broken commitments (V10, V11)', () => {
    for (const id of ['V10', 'V11']) {
      expect(measured.find((x) => x.spec.id === id)?.verdict, id).toBe('holds');
    }
  });
});
