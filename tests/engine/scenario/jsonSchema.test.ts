// scenarios/scenario.schema.json is generated from the valibot schema; this keeps it from
// drifting. If it fails, regenerate: npx tsx tests/engine/scenario/writeJsonSchema.ts

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_FILE } from '../../../src/engine/scenario/jsonSchema';
import { BOT_TUNING_DOCS } from '../../../src/engine/bots/tuningDocs';
import { BOT_STRATEGY_IDS, DOMAIN_IDS } from '../../../src/engine/types';
import { PARAMETER_DOCS } from '../../../src/engine/parameters';
import { ROOT, shippedFiles } from './helpers';
import { formattedJsonSchema } from './jsonSchemaText';

const path = ROOT + JSON_SCHEMA_FILE;
const committed = readFileSync(path, 'utf8');
const schema = JSON.parse(committed);

describe('the published JSON Schema', () => {
  it('is exactly what the valibot schema generates (run writeJsonSchema.ts if not)', async () => {
    expect(committed).toBe(await formattedJsonSchema(path));
  });

  it('describes the scenario strictly enough for editors to catch typos', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'rounds', 'labs', 'sources', 'simplifications']),
    );
    expect(schema.required).not.toContain('events');
    // policies (format 2), or the old format's one ladder
    expect(schema.anyOf).toEqual([{ required: ['policies'] }, { required: ['levels'] }]);
    const policy = schema.properties.policies.items;
    expect(policy.additionalProperties).toBe(false);
    expect(policy.required).toEqual(
      expect.arrayContaining(['id', 'name', 'framework', 'levels', 'evaluation']),
    );
    expect(policy.properties.whenShort.enum).toEqual(['pause', 'restrict', 'delayIfAhead']);
    for (const ladder of [policy.properties.levels, schema.properties.levels]) {
      expect(Object.keys(ladder.items.properties.thresholds.properties)).toEqual(DOMAIN_IDS);
    }
    expect(Object.keys(schema.properties.dynamics.properties).sort()).toEqual(
      Object.keys(PARAMETER_DOCS).sort(),
    );
  });

  it('lets editors check a lab’s bot numbers and pause quarter', () => {
    const lab = schema.properties.labs.items;
    expect(lab.required).not.toContain('bot');
    expect(lab.required).not.toContain('pauseFrom');
    expect(lab.properties.strategy.enum).toEqual(BOT_STRATEGY_IDS);
    const bot = lab.properties.bot;
    expect(bot.additionalProperties).toBe(false);
    expect(bot.required ?? []).toEqual([]);
    expect(Object.keys(bot.properties)).toEqual(Object.keys(BOT_TUNING_DOCS));
    for (const [key, doc] of Object.entries(BOT_TUNING_DOCS)) {
      expect(bot.properties[key], key).toMatchObject({
        type: 'number',
        minimum: doc.min,
        maximum: doc.max,
        description: doc.meaning,
      });
    }
    expect(lab.properties.pauseFrom).toMatchObject({ type: 'integer', minimum: 1, maximum: 40 });
  });

  it('knows every top-level key the shipped scenarios use', () => {
    for (const [, text] of shippedFiles()) {
      for (const key of Object.keys(JSON.parse(text))) {
        expect(schema.properties).toHaveProperty([key]);
      }
    }
  });
});
