// Writes src/engine/scenario/scenarioKeyOrder.ts from the valibot schema (schema.ts).
// Run after changing the schema:  npx tsx tests/engine/scenario/writeKeyOrder.ts
// shipped.test.ts fails while the committed table differs from the schema.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { keyOrderOf } from '../../../src/engine/scenario/keyOrder';
import { ScenarioSchema } from '../../../src/engine/scenario/schema';

const target = fileURLToPath(
  new URL('../../../src/engine/scenario/scenarioKeyOrder.ts', import.meta.url),
);
const text = `// Generated from the scenario schema by tests/engine/scenario/writeKeyOrder.ts: do not edit.
// The validator's field order, for the shipped-file reader (keyOrder.ts says why).

import type { KeyOrder } from './keyOrder';

export const SCENARIO_KEY_ORDER: KeyOrder = ${JSON.stringify(keyOrderOf(ScenarioSchema))};
`;
writeFileSync(target, await format(text, { ...(await resolveConfig(target)), filepath: target }));
console.log('wrote src/engine/scenario/scenarioKeyOrder.ts');
