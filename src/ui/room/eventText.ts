// The few sentences an event's console and projector share, so both say the same thing.

import type { EventView } from '../../lib/roomProtocol';

/** "2 of 5 tables finished", or that there is no table yet. */
export function eventProgressText(tables: number, finished: number): string {
  if (tables === 0) return 'No table yet';
  return `${finished} of ${tables} ${tables === 1 ? 'table' : 'tables'} finished`;
}

/** What every table plays, which the first table added fixed. */
export function playsText(plays: EventView['plays']): string {
  if (plays === null) return 'Every table will play the same scenario, seed and length.';
  return `Every table plays “${plays.scenarioTitle}” on seed ${plays.seed}, for ${plays.quarters} quarters.`;
}
