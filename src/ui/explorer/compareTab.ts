// The Compare tab, fetched the first time it is shown or a comparison link is opened (its own
// chunk, so a sweep never loads it). See linkedTab.ts.

import type { Scenario } from '../../engine/types';
import { parseCompareLink } from '../../explorer/compareLink';
import type { WorkerLike } from '../../explorer/pool';
import { linkedTab } from './linkedTab';
import Panel from './ComparePanel.svelte';
import { CompareForm } from './compareForm.svelte';
import { CompareRunner } from './compareRunner.svelte';

export function compareTab(scenarios: readonly Scenario[], createWorker: () => WorkerLike) {
  const form = new CompareForm(scenarios);
  return linkedTab({
    Panel,
    form,
    runner: new CompareRunner(createWorker),
    parse: (hash) => parseCompareLink(hash, scenarios),
    fill: (spec) => form.load(spec),
  });
}
