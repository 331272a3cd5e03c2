// The shared part of the validation test files: play one group's arms once (in beforeAll, never
// at collection time), and check that MODEL.md's table and the Explorer's say what was measured.
// Each file adds the checks the design depends on for its group.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { DIRECTIONS, type DirectionSpec } from './directions';
import {
  EXPLORER_TABLE,
  directionRow,
  measureDirections,
  tableRow,
  type Measured,
} from './measure';

/** Registers the group's table checks; the returned function gives its measurements (after beforeAll). */
export function validationGroup(group: DirectionSpec['group']): (id: string) => Measured {
  const specs = DIRECTIONS.filter((d) => d.group === group);
  let measured: Measured[] = [];

  beforeAll(() => {
    measured = measureDirections(specs);
  }, 900_000);

  it('MODEL.md reports each direction of this group as measured (effect, interval, verdict)', () => {
    const card = readFileSync(join(process.cwd(), 'MODEL.md'), 'utf8');
    expect(measured.length).toBe(specs.length);
    for (const m of measured) expect(card, m.spec.id).toContain(tableRow(m));
  });

  it("the Explorer's model card shows each direction of this group as measured", () => {
    const shown = JSON.parse(
      readFileSync(join(process.cwd(), EXPLORER_TABLE), 'utf8'),
    ) as unknown[];
    for (const m of measured) expect(shown, m.spec.id).toContainEqual(directionRow(m));
  });

  return (id) => {
    const m = measured.find((x) => x.spec.id === id);
    if (!m) throw new Error(`no direction ${id} in group ${group}`);
    return m;
  };
}

/** Every measured direction of the group, for checks over all of them. */
export function groupIds(group: DirectionSpec['group']): string[] {
  return DIRECTIONS.filter((d) => d.group === group).map((d) => d.id);
}
