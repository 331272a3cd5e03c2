// The JSON Schema published next to the scenarios (scenarios/scenario.schema.json), generated
// from the valibot schema so the two cannot drift. Editors use it for autocomplete and checks;
// the validator (validate.ts) stays the authority, with the cross-reference rules on top.
//
// Regenerate after changing schema.ts:  npx tsx tests/engine/scenario/writeJsonSchema.ts
// (tests/engine/scenario/jsonSchema.test.ts fails while the committed file is out of date).

import { toJsonSchema } from '@valibot/to-json-schema';
import { ScenarioSchema } from './schema';

export const JSON_SCHEMA_FILE = 'scenarios/scenario.schema.json';

export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = toJsonSchema(ScenarioSchema, {
    target: 'draft-07',
    typeMode: 'input',
    errorMode: 'throw',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema: $schema ?? 'http://json-schema.org/draft-07/schema#',
    $comment:
      'Generated from src/engine/scenario/schema.ts — do not edit by hand. Regenerate: npx tsx tests/engine/scenario/writeJsonSchema.ts',
    ...rest,
    // A file gives its policies (format 2) or, in the old format, one top-level ladder.
    anyOf: [{ required: ['policies'] }, { required: ['levels'] }],
  };
}
