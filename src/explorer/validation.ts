// The model card's validation table, as `npm run validate -- --write` measured it (2,000 games
// per arm, paired on the same seeds). The validation tests fail if validation.json does not say
// what they measure, so the Explorer can show it as it is.

import rows from './validation.json';

export type Verdict = 'holds' | 'flat' | 'reversed';

export interface ValidatedDirection {
  id: string;
  expectation: string;
  setting: string;
  outcome: string;
  levels: string;
  effect: string;
  verdict: Verdict;
}

export const VALIDATED_DIRECTIONS = rows as ValidatedDirection[];

export function verdictCounts(list: readonly ValidatedDirection[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { holds: 0, flat: 0, reversed: 0 };
  for (const row of list) counts[row.verdict]++;
  return counts;
}
