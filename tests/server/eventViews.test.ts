// The event's screens over random events (several tables on one scenario and seed, each at its
// own point in the game): a table still playing reaches them as its quarter alone — whatever is
// hidden in its game, planted or real, changes nothing they are sent — and a finished table's
// results are there exactly when its game is over. The event-side extension of views.test.ts.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceGame, createGame, type RoundDecisions } from '../../src/engine/game';
import type { GameState } from '../../src/engine/types';
import { initialMeta } from '../../src/engine/workshop/flow';
import { seatOrder } from '../../src/engine/workshop/seats';
import { eventView, tableMismatch, type EventTable } from '../../src/server/eventViews';
import { shippedScenarios } from '../support/shippedScenarios';
import { decisionArb, leaked, plant } from './randomRooms';

const EVENT = {
  eventId: 'e',
  name: 'Cohort',
  tokens: { facilitator: 'F'.repeat(24), projector: 'P'.repeat(24) },
};

const eventArb = fc
  .record({
    scenario: fc.constantFrom(...shippedScenarios),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    teamCount: fc.integer({ min: 2, max: 4 }),
    quarters: fc.integer({ min: 1, max: 3 }),
    tables: fc.integer({ min: 2, max: 4 }),
  })
  .chain(({ scenario, seed, teamCount, quarters, tables }) => {
    const teams = seatOrder(scenario).slice(0, Math.min(teamCount, scenario.labs.length));
    const decisions = fc.record(Object.fromEntries(teams.map((lab) => [lab, decisionArb])));
    // Each table plays its own decisions for 0 to all of the quarters (all: it is over), and
    // could have played others for as long (`other`: the same table, decided differently).
    const table = fc.integer({ min: 0, max: quarters }).chain((played) => {
      const list = fc.array(decisions, { minLength: played, maxLength: played });
      return fc.record({ played: list, other: list });
    });
    return fc.record({
      scenario: fc.constant(scenario),
      setup: fc.constant({ scenario, seed, humans: teams, rounds: quarters }),
      teams: fc.constant(teams),
      tables: fc.array(table, { minLength: tables, maxLength: tables }),
    });
  });

type RandomEvent = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function tablesOf(event: RandomEvent, which: 'played' | 'other' = 'played'): EventTable[] {
  const meta = initialMeta(
    event.teams.map((lab, i) => ({ lab, name: `Team ${i + 1}` })),
    null,
    'play',
  );
  return event.tables.map((table, i) => {
    let game: GameState = createGame(event.scenario, event.setup);
    for (const decisions of table[which] as RoundDecisions[]) {
      if (game.outcome) break;
      game = advanceGame(game, event.scenario, decisions);
    }
    return { roomId: `r${i}`, table: `Table ${i + 1}`, room: { setup: event.setup, game, meta } };
  });
}

/** Where a table is still playing had it decided otherwise, that game instead of its own. */
function decidedOtherwise(event: RandomEvent): EventTable[] {
  const other = tablesOf(event, 'other');
  return tablesOf(event).map((t, i) => {
    const alt = other[i]!;
    const playing = (x: EventTable) => x.room !== null && x.room.game.outcome === null;
    return playing(t) && playing(alt) && alt.room!.game.round === t.room!.game.round ? alt : t;
  });
}

/** Every table still playing, its hidden state planted with numbers no game produces. */
function plantPlaying(tables: readonly EventTable[]): EventTable[] {
  return tables.map((t) => {
    if (!t.room || t.room.game.outcome) return t;
    const lab = t.room.meta.teams[0]!.lab;
    return { ...t, room: { ...t.room, game: plant(t.room.game, lab) } };
  });
}

describe('an event’s screens', () => {
  it('carry nothing of a table still playing but its quarter, to its console or projector', () => {
    fc.assert(
      fc.property(eventArb, (event) => {
        const tables = tablesOf(event);
        const planted = plantPlaying(tables);
        for (const role of ['eventFacilitator', 'eventProjector'] as const) {
          const view = eventView(EVENT, planted, role);
          // What is hidden in a table still playing — its teams' decisions, its truth — changes
          // nothing the event is sent …
          expect(view).toEqual(eventView(EVENT, tables, role));
          expect(eventView(EVENT, decidedOtherwise(event), role)).toEqual(view);
          // … and none of it is there.
          expect(leaked(JSON.stringify(view))).toEqual([]);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('show a table’s results exactly when its game is over, and pool only those', () => {
    fc.assert(
      fc.property(eventArb, (event) => {
        const tables = tablesOf(event);
        const view = eventView(EVENT, tables, 'eventProjector');
        const over = tables.filter((t) => t.room?.game.outcome).map((t) => t.roomId);
        expect(view.results.results.map((r) => r.roomId)).toEqual(over);
        expect(view.results.playing.map((p) => p.roomId)).toEqual(
          tables.map((t) => t.roomId).filter((id) => !over.includes(id)),
        );
        expect(view.results.pooled).toMatchObject({ tables: tables.length, finished: over.length });
        expect(view.tables.filter((t) => t.over).map((t) => t.roomId)).toEqual(over);
        // The projector's view carries no links; the console's carries the event's own only.
        expect(view.tokens).toBeNull();
        expect(eventView(EVENT, tables, 'eventFacilitator').tokens).toEqual(EVENT.tokens);
      }),
      { numRuns: 30 },
    );
  });
});

describe('which rooms may be tables of one event', () => {
  const [a, b] = shippedScenarios;
  const setup = { scenario: a!, seed: 7, humans: [] };

  it('the same scenario, seed and length only, each refusal saying why', () => {
    expect(tableMismatch('Table 2', { setup }, { setup })).toBeNull();
    expect(tableMismatch('Table 2', { setup: { ...setup, seed: 8 } }, { setup })).toMatch(
      /^Table 2 is on seed 8, but this event’s tables are on seed 7: every table/,
    );
    expect(tableMismatch('Table 2', { setup: { ...setup, scenario: b! } }, { setup })).toMatch(
      new RegExp(`plays “${b!.title}”, but this event’s tables play “${a!.title}”`),
    );
    const edited = { ...a!, pitch: `${a!.pitch} (edited)` };
    expect(tableMismatch('Table 2', { setup: { ...setup, scenario: edited } }, { setup })).toMatch(
      /a different version of/,
    );
    expect(tableMismatch('Table 2', { setup: { ...setup, rounds: 3 } }, { setup })).toMatch(
      new RegExp(`plays 3 quarters, but this event’s tables play ${a!.rounds}`),
    );
  });
});
