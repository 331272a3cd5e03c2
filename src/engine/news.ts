// News items are facts (see NewsItem in types.ts): these build them in one field order, so the
// record's JSON is the same however an item was made.

import type { LabNews, WorldNews } from './types';

/** A union's members each without the given keys (Omit on a union would merge them). */
type FactOf<T> = T extends unknown ? Omit<T, 'round' | 'lab'> : never;

export type LabFact = FactOf<LabNews>;
export type WorldFact = FactOf<WorldNews>;

/** News about the lab `lab` (its id). */
export function labNews(round: number, lab: string, fact: LabFact): LabNews {
  return { round, lab, ...fact };
}

/** News about no lab in particular. */
export function worldNews(round: number, fact: WorldFact): WorldNews {
  return { round, lab: null, ...fact };
}
