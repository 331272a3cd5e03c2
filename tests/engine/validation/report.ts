// `npm run validate [-- --write]`: measures every direction of directions.ts at 2,000 games per
// arm and prints the model card's table; with --write, puts it into MODEL.md between its markers.
// The validation tests check that MODEL.md's table is what this measures.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIRECTIONS } from './directions';
import {
  EXPLORER_TABLE,
  TABLE_END,
  TABLE_HEAD,
  TABLE_START,
  directionRow,
  measureDirections,
  tableRow,
} from './measure';

const started = performance.now();
const measured = measureDirections(DIRECTIONS);
const table = [...TABLE_HEAD, ...measured.map(tableRow)].join('\n');
process.stdout.write(`${table}\n\n`);
const counts = { holds: 0, flat: 0, reversed: 0 };
for (const m of measured) counts[m.verdict]++;
process.stdout.write(
  `${measured.length} directions: ${counts.holds} hold, ${counts.flat} flat, ${counts.reversed} reversed ` +
    `(${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
);
if (process.argv.includes('--write')) {
  const path = join(process.cwd(), 'MODEL.md');
  const text = readFileSync(path, 'utf8');
  const from = text.indexOf(TABLE_START);
  const to = text.indexOf(TABLE_END);
  if (from < 0 || to < from)
    throw new Error(`MODEL.md has no ${TABLE_START} … ${TABLE_END} markers`);
  // Prettier would pad the columns; the tests compare the rows as generated.
  writeFileSync(
    path,
    `${text.slice(0, from + TABLE_START.length)}\n<!-- prettier-ignore-start -->\n\n${table}\n\n<!-- prettier-ignore-end -->\n${text.slice(to)}`,
  );
  writeFileSync(
    join(process.cwd(), EXPLORER_TABLE),
    `${JSON.stringify(measured.map(directionRow), null, 2)}\n`,
  );
  process.stdout.write(`MODEL.md and ${EXPLORER_TABLE} updated\n`);
}
