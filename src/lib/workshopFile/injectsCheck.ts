// The live injects a session record lists, checked as the facilitator's inject form checks them
// (a valid event, no unknown fields), fired in a quarter the game has reached, in the order they
// were fired, and — where one claims to be a scenario's scripted event — that event word for word.
import type { DecisionLog, FiredInject } from '../../engine/game';
import { describeValue } from '../../engine/scenario/words';
import type { Scenario, ScriptedEvent } from '../../engine/types';
import { validateInject } from '../../engine/workshop/injects';
import type { WorkshopMeta } from '../../engine/workshop/types';
import { isObject } from '../plainObject';

/** The record's injects as the game replays them, or the first thing wrong with one. */
export function checkInjects(
  listed: WorkshopMeta['injects'],
  scenario: Scenario,
  log: DecisionLog,
): { ok: true; injects: FiredInject[] } | { ok: false; message: string } {
  const injects: FiredInject[] = [];
  for (const [i, inject] of listed.entries()) {
    // The schema leaves `event` unknown: it is checked here with the inject form's own checks.
    const event: unknown = inject.event;
    if (!isObject(event)) {
      return {
        ok: false,
        message: `extra.injects[${i}].event: expected an event {headline, body, effect}, got ${describeValue(event)}`,
      };
    }
    const checked = validateInject(scenario, {
      headline: event.headline,
      body: event.body,
      effect: event.effect,
    });
    if (!checked.ok) {
      const first = checked.problems[0];
      return {
        ok: false,
        message: `extra.injects[${i}].event.${first?.path ?? ''}: ${first?.message ?? 'not a valid event'}`,
      };
    }
    const extraKeys = Object.keys(event).filter(
      (k) => !['round', 'headline', 'body', 'effect'].includes(k),
    );
    if (extraKeys.length > 0) {
      return {
        ok: false,
        message: `extra.injects[${i}].event.${extraKeys[0]}: unknown field (an event has round, headline, body and effect)`,
      };
    }
    if (inject.round > log.length + 1) {
      return {
        ok: false,
        message: `extra.injects[${i}].round: fired in quarter ${inject.round}, but the game has only reached quarter ${log.length + 1}`,
      };
    }
    if (i > 0 && inject.round < (injects[i - 1]?.round ?? 0)) {
      return {
        ok: false,
        message: `extra.injects[${i}].round: injects are listed in the order they were fired, but quarter ${inject.round} comes after quarter ${injects[i - 1]?.round}`,
      };
    }
    const fired: FiredInject = {
      round: inject.round,
      event: { ...checked.event, round: inject.round },
    };
    if (inject.scripted !== undefined) {
      const scripted = scenario.events[inject.scripted];
      if (!scripted || !sameEvent(scripted, checked.event)) {
        return {
          ok: false,
          message: `extra.injects[${i}].scripted: the event is not the scenario’s scripted event ${inject.scripted} (“${scripted?.headline ?? ''}”)`,
        };
      }
      fired.scripted = inject.scripted;
    }
    injects.push(fired);
  }
  return { ok: true, injects };
}

/** Two events say and do the same (their quarters aside). */
function sameEvent(a: ScriptedEvent, b: ScriptedEvent): boolean {
  return (
    a.headline === b.headline &&
    a.body === b.body &&
    JSON.stringify(a.effect) === JSON.stringify(b.effect)
  );
}
