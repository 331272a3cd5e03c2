// Dropping scripted events from a scenario (a shorter game, fewer labs): the facilitator's inject
// notes name events by their place in the list, so they follow their events to their new places
// and go with the ones dropped — the scenario stays valid.

import type { Scenario, ScriptedEvent } from '../types';

export function keepEvents(scenario: Scenario, keep: (event: ScriptedEvent) => boolean): Scenario {
  /** Old place → new place, for the events kept. */
  const places = new Map<number, number>();
  const events = scenario.events.filter((e, i) => {
    if (!keep(e)) return false;
    places.set(i, places.size);
    return true;
  });
  const f = scenario.facilitation;
  if (!f) return { ...scenario, events };
  const injectNotes = f.injectNotes
    .filter((n) => places.has(n.event))
    .map((n) => ({ ...n, event: places.get(n.event) as number }));
  return { ...scenario, events, facilitation: { ...f, injectNotes } };
}
