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
    {
      filename: src('presentation/report/workshop.ts'),
      code: "import { x } from '../../engine/types';",
    },
    { filename: src('ui/game/Panel.ts'), code: "import { x } from '../../presentation/playView';" },
    {
      filename: src('server/views.ts'),
      code: "import { x } from '../presentation/workshop/publicView';",
    },
    { filename: src('ui/game/Panel.ts'), code: "import { x } from '../../lib/saveFormat';" },
    { filename: src('cli/commands/batch.ts'), code: "import { x } from '../../explorer/results';" },
    {
      filename: src('explorer/results.ts'),
      code: "import { x } from '../presentation/report/csv';",
    },
  ],
  invalid: [
    {
      filename: src('engine/workshop/report.ts'),
      code: "import { md } from '../../presentation/report/markdown';",
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
      filename: src('presentation/report/csv.ts'),
      code: "import { x } from '../../ui/game/names';",
      errors: [{ messageId: 'forbidden' }],
    },
    {
      // Wording is built from the engine's numbers, never the other way: the engine imports no
      // sentence, series or view of the presentation layer.
      filename: src('engine/round.ts'),
      code: "import { describeCommitment } from '../presentation/explain';",
      errors: [{ messageId: 'forbidden' }],
    },
    {
      // The presentation layer turns state into words and views: never the browser's storage or UI.
      filename: src('presentation/playView.ts'),
      code: "import { x } from '../lib/persistence';",
      errors: [{ messageId: 'forbidden' }],
    },
    {
      // The command line runs in Node: the UI and the browser's storage are not its to import.
      filename: src('cli/commands/batch.ts'),
      code: "import { x } from '../../ui/game/names';",
      errors: [{ messageId: 'forbidden' }],
    },
    {
      filename: src('cli/sim.ts'),
      code: "import { x } from '../lib/persistence';",
      errors: [{ messageId: 'forbidden' }],
    },
    {
      filename: src('explorer/pool.ts'),
      code: "import { x } from '../ui/explorer/palette';",
      errors: [{ messageId: 'forbidden' }],
    },
    {
      filename: src('lib/saveFormat.ts'),
      code: "import { x } from '../ui/game/names';",
      errors: [{ messageId: 'forbidden' }],
    },
    {
      filename: src('server/rooms.ts'),
      code: "import { x } from '../ui/workshop/controller.svelte';",
      errors: [{ messageId: 'forbidden' }],
    },
  ],
});
