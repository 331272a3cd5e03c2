// Writes scenarios/scenario.schema.json from the valibot schema (src/engine/scenario/schema.ts).
// Run after changing the schema:  npx tsx tests/engine/scenario/writeJsonSchema.ts
// jsonSchema.test.ts fails while the committed file differs from what this would write.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMA_FILE } from '../../../src/engine/scenario/jsonSchema';
import { formattedJsonSchema } from './jsonSchemaText';

const target = fileURLToPath(new URL(`../../../${JSON_SCHEMA_FILE}`, import.meta.url));
writeFileSync(target, await formattedJsonSchema(target));
console.log(`wrote ${JSON_SCHEMA_FILE}`);
