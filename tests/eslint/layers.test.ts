import path from 'node:path';
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import layers from '../../eslint/layers.js';

RuleTester.describe = describe;
RuleTester.it = it;

const src = (file: string) => path.join(process.cwd(), 'src', file);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

tester.run('threshold/layers', layers.rules.layers, {
  valid: [
    { filename: src('engine/round.ts'), code: "import { x } from './risk';" },
    { filename: src('engine/workshop/flow.ts'), code: "import { x } from '../types';" },
    { filename: src('engine/round.ts'), code: "import { setup } from 'xstate';" },
    { filename: src('report/workshop.ts'), code: "import { x } from '../engine/types';" },
    { filename: src('ui/game/Panel.ts'), code: "import { x } from '../../lib/saveFormat';" },
  ],
  invalid: [
    {
      filename: src('engine/workshop/report.ts'),
      code: "import { md } from '../../report/markdown';",
      errors: [{ messageId: 'forbidden' }],
    },
    {
      filename: src('engine/view.ts'),
      code: "export { pct } from '../ui/game/names';",
      errors: [{ messageId: 'forbidden' }],
    },
    {
      filename: src('engine/game.ts'),
      code: "const m = import('../lib/persistence');",
      errors: [{ messageId: 'forbidden' }],
    },
    {
      filename: src('engine/game.ts'),
      code: "import App from '../App.svelte';",
      errors: [{ messageId: 'forbidden' }],
    },
    {
      filename: src('report/csv.ts'),
      code: "import { x } from '../ui/game/names';",
      errors: [{ messageId: 'forbidden' }],
    },
  ],
});
