// What an event's devices are sent: every table's progress (which quarter it is in — what every
// device in its room sees anyway) and, for each table whose game is over and only for those,
// its results beside the others' and pooled (src/presentation/workshop/pooled.ts). A table still
// playing is read for its quarter alone, so nothing hidden in it can reach the event's screens
// before its own reveal: tests/server/eventViews.test.ts checks that over random games.

import type { GameSetup } from '../engine/machines/gameMachine';
import type { GameState } from '../engine/types';
import {
  eventResults,
  tableResult,
  type TableProgress,
  type TableResult,
} from '../presentation/workshop/pooled';
import type { WorkshopMeta } from '../engine/workshop/types';
import type { EventLinks, EventRole, EventView } from '../lib/roomProtocol';

/** One table as the event reads it: its room's state, or null if the room is gone. */
export interface EventTable {
  roomId: string;
  table: string;
  room: { setup: GameSetup; game: GameState; meta: WorkshopMeta } | null;
}

export interface EventInfo {
  eventId: string;
  name: string;
  tokens: EventLinks;
}

/** A table's result, from its finished game (a cache can stand in: the result never changes). */
export type ResultOf = (
  table: EventTable & { room: NonNullable<EventTable['room']> },
) => TableResult | null;

const computeResult: ResultOf = ({ roomId, table, room }) =>
  tableResult(roomId, table, room.setup.scenario, room.game, room.meta);

export function eventView(
  event: EventInfo,
  tables: readonly EventTable[],
  role: EventRole,
  resultOf: ResultOf = computeResult,
): EventView {
  const present = tables.flatMap((t) => (t.room ? [{ ...t, room: t.room }] : []));
  const first = present[0]?.room;
  const results: TableResult[] = [];
  const playing: TableProgress[] = [];
  for (const t of present) {
    const { game } = t.room;
    const result = game.outcome === null ? null : resultOf(t);
    if (result) results.push(result);
    else
      playing.push({
        roomId: t.roomId,
        table: t.table,
        round: game.round,
        totalRounds: game.totalRounds,
      });
  }
  return {
    kind: 'event',
    role,
    eventId: event.eventId,
    name: event.name,
    plays: first
      ? {
          scenarioTitle: first.setup.scenario.title,
          seed: first.setup.seed,
          quarters: first.setup.rounds ?? first.setup.scenario.rounds,
        }
      : null,
    tables: present.map((t) => ({
      roomId: t.roomId,
      table: t.table,
      round: t.room.game.round,
      totalRounds: t.room.game.totalRounds,
      over: t.room.game.outcome !== null,
    })),
    results: eventResults(results, playing, first?.game.totalRounds ?? 0),
    tokens: role === 'eventFacilitator' ? event.tokens : null,
  };
}

/**
 * Why a room cannot join an event's tables, or null if it can: every table plays the same
 * scenario (the same file, not only the same name), on the same seed, for as many quarters, so
 * that what differs between tables is only what their teams decided.
 */
export function tableMismatch(
  table: string,
  room: { setup: GameSetup },
  event: { setup: GameSetup },
): string | null {
  const why =
    'every table of an event plays the same game, so that only the teams’ decisions differ';
  const a = room.setup.scenario;
  const b = event.setup.scenario;
  if (a.id !== b.id || a.title !== b.title) {
    return `${table} plays “${a.title}”, but this event’s tables play “${b.title}”: ${why}`;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    return `${table} plays a different version of “${a.title}” (its scenario file was changed): ${why}`;
  }
  if (room.setup.seed !== event.setup.seed) {
    return `${table} is on seed ${room.setup.seed}, but this event’s tables are on seed ${event.setup.seed}: ${why}`;
  }
  const length = (setup: GameSetup) => setup.rounds ?? setup.scenario.rounds;
  if (length(room.setup) !== length(event.setup)) {
    return `${table} plays ${length(room.setup)} quarters, but this event’s tables play ${length(event.setup)}: ${why}`;
  }
  return null;
}
