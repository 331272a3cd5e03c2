// The names a scenario gives its domains and levels, looked up by id (the id itself when the
// scenario has none by that id). Data, not wording: the engine records ids (its news among them)
// and the layers above quote these names when they word them.

import type { DomainId, Scenario } from './types';

export function domainName(scenario: Scenario, id: DomainId): string {
  return scenario.domains.find((d) => d.id === id)?.name ?? id;
}

/** A level's name: on the default ladder, else on the first policy that has it. */
export function levelName(scenario: Scenario, id: string): string {
  const found =
    scenario.levels.find((l) => l.id === id) ??
    (scenario.policies ?? []).flatMap((p) => p.levels).find((l) => l.id === id);
  return found?.name ?? id;
}
