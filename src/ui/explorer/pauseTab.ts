// The Pause question tab, fetched the first time it is shown or a pause link is opened (its own
// chunk, so a sweep never loads it). See linkedTab.ts.

import type { Scenario } from '../../engine/types';
import { parsePauseLink } from '../../explorer/pauseQuestion';
import type { WorkerLike } from '../../explorer/pool';
import { linkedTab } from './linkedTab';
import Panel from './PausePanel.svelte';
import { PauseForm } from './pauseForm.svelte';
import { PauseRunner } from './pauseRunner.svelte';

export function pauseTab(scenarios: readonly Scenario[], createWorker: () => WorkerLike) {
  const form = new PauseForm(scenarios);
  return linkedTab({
    Panel,
    form,
    runner: new PauseRunner(createWorker),
    parse: (hash) => parsePauseLink(hash, scenarios),
    fill: (spec) => form.load(spec),
  });
}
