// A finished table's result for tests of the pooled numbers and their component: an ordinary
// game (all quarters, nothing paused, missed or lost), with what the test cares about set.

import type { TableResult } from '../../src/presentation/workshop/pooled';

export function finishedTable(overrides: Partial<TableResult> = {}): TableResult {
  return {
    roomId: 'r',
    table: 'Table',
    outcome: { title: 'The race ran its course', reason: 'roundsComplete', round: 6 },
    quarters: 6,
    paused: [],
    firstPause: null,
    missed: { count: 0, rounds: [] },
    catastrophe: null,
    ...overrides,
  };
}
