// Event views as the server sends them, for the event screens' component tests.

import { eventResults } from '../../src/presentation/workshop/pooled';
import type { EventView } from '../../src/lib/roomProtocol';
import { finishedTable } from '../support/tableResults';

export const TOKENS = { facilitator: 'F'.repeat(24), projector: 'P'.repeat(24) };

/** Two tables: North finished (a team paused), South still in quarter 2 of 3. */
export function twoTables(role: EventView['role'] = 'eventFacilitator'): EventView {
  const north = finishedTable({
    roomId: 'room-n',
    table: 'North',
    quarters: 3,
    outcome: { title: 'The race ran its course', reason: 'roundsComplete', round: 3 },
    paused: [{ team: 'Amber', labName: 'Lantern Labs', quarters: [2] }],
    firstPause: 2,
  });
  return {
    kind: 'event',
    role,
    eventId: 'ev1',
    name: 'Tuesday cohort',
    plays: { scenarioTitle: 'The Eval Blind Spot', seed: 7, quarters: 3 },
    tables: [
      { roomId: 'room-n', table: 'North', round: 3, totalRounds: 3, over: true },
      { roomId: 'room-s', table: 'South', round: 2, totalRounds: 3, over: false },
    ],
    results: eventResults(
      [north],
      [{ roomId: 'room-s', table: 'South', round: 2, totalRounds: 3 }],
      3,
    ),
    tokens: role === 'eventFacilitator' ? TOKENS : null,
  };
}

export function emptyEvent(): EventView {
  return {
    kind: 'event',
    role: 'eventFacilitator',
    eventId: 'ev2',
    name: 'Cohort 4',
    plays: null,
    tables: [],
    results: eventResults([], [], 0),
    tokens: TOKENS,
  };
}
