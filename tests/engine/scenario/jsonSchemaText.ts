// The JSON Schema as the committed file holds it: generated, then formatted with the project's
// Prettier settings (so `npm run format:check` accepts it).

import * as prettier from 'prettier';
import { scenarioJsonSchema } from '../../../src/engine/scenario/jsonSchema';

export async function formattedJsonSchema(filePath: string): Promise<string> {
  const options = (await prettier.resolveConfig(filePath)) ?? {};
  return prettier.format(JSON.stringify(scenarioJsonSchema(), null, 2), {
    ...options,
    filepath: filePath,
  });
}
