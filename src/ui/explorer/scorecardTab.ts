// The Policies side by side tab, fetched the first time it is shown or a scorecard link is opened
// (its own chunk, with the scenario validator its policy files and links need, so a sweep loads
// neither). See linkedTab.ts.

import type { Scenario } from '../../engine/types';
import type { WorkerLike } from '../../explorer/pool';
import { parseScorecardLink, scorecardChoices } from '../../explorer/scorecardLink';
import { linkedTab } from './linkedTab';
import Panel from './ScorecardPanel.svelte';
import { ScorecardForm } from './scorecardForm.svelte';
import { ScorecardRunner } from './scorecardRunner.svelte';

export function scorecardTab(scenarios: readonly Scenario[], createWorker: () => WorkerLike) {
  const form = new ScorecardForm(scenarios);
  return linkedTab({
    Panel,
    form,
    runner: new ScorecardRunner(createWorker),
    parse: (hash) => parseScorecardLink(hash, scenarios),
    fill: (spec) => form.load(spec, scorecardChoices(spec, scenarios)),
  });
}
