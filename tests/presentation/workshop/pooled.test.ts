// The pooled results of an event: one finished table summed up from its game, and the tables
// pooled quarter by quarter.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGame, playWithBots } from '../../../src/engine/game';
import { initialMeta } from '../../../src/engine/workshop/flow';
import {
  poolResults,
  tableResult,
  type TableResult,
} from '../../../src/presentation/workshop/pooled';
import { seatOrder } from '../../../src/engine/workshop/seats';
import { shippedScenarios } from '../../support/shippedScenarios';
import { finishedTable } from '../../support/tableResults';

describe('one table’s result', () => {
  it('is null while the game is being played', () => {
    const scenario = shippedScenarios[0]!;
    const teams = seatOrder(scenario).slice(0, 2);
    const meta = initialMeta(
      teams.map((lab) => ({ lab, name: lab })),
      null,
      'play',
    );
    const game = createGame(scenario, { seed: 1, humans: teams });
    expect(tableResult('r', 'Table 1', scenario, game, meta)).toBeNull();
  });

  it('names the teams that paused and when, and who caused a catastrophe', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...shippedScenarios),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 3 }),
        (scenario, seed, teamCount) => {
          const game = playWithBots(scenario, seed, 8);
          const teams = seatOrder(scenario)
            .slice(0, teamCount)
            .map((lab, i) => ({ lab, name: `Team ${i + 1}` }));
          const r = tableResult('r', 'T', scenario, game, initialMeta(teams, null, 'play'))!;
          expect(r.quarters).toBe(game.history.length);
          // Every team's paused quarters, and no one else's.
          for (const team of teams) {
            const paused = game.history
              .filter((q) => q.labs.find((l) => l.lab === team.lab)?.effectivePosture === 'pause')
              .map((q) => q.round);
            const listed = r.paused.find((p) => p.team === team.name);
            expect(listed?.quarters ?? []).toEqual(paused);
          }
          expect(r.paused.every((p) => teams.some((t) => t.name === p.team))).toBe(true);
          expect(r.firstPause).toBe(
            r.paused.length ? Math.min(...r.paused.map((p) => p.quarters[0]!)) : null,
          );
          const c = game.outcome!.catastrophe;
          expect(r.catastrophe === null).toBe(c === null);
          if (c && r.catastrophe) {
            expect(r.catastrophe.round).toBe(c.round);
            expect(r.catastrophe.team).toBe(teams.find((t) => t.lab === c.lab)?.name ?? null);
            expect(r.catastrophe.text).toContain(r.catastrophe.labName);
          }
          expect(r.missed.rounds).toHaveLength(r.missed.count);
          expect(r.missed.rounds.every((q) => q >= 1 && q <= game.totalRounds)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('tables pooled', () => {
  it('counts pauses, missed crossings and catastrophes across tables, quarter by quarter', () => {
    const pooled = poolResults(
      [
        finishedTable({
          table: 'A',
          paused: [
            { team: 'Amber', labName: 'Lantern', quarters: [2, 3] },
            { team: 'Birch', labName: 'Corvid', quarters: [3] },
          ],
          firstPause: 2,
        }),
        finishedTable({
          table: 'B',
          outcome: { title: 'Catastrophe', reason: 'catastrophe', round: 4 },
          catastrophe: { round: 4, labName: 'Halcyon', team: null, text: 'Catastrophe (Halcyon)' },
          missed: { count: 1, rounds: [3] },
        }),
        finishedTable({
          table: 'C',
          paused: [{ team: 'Cedar', labName: 'Lantern', quarters: [5] }],
          firstPause: 5,
          missed: { count: 3, rounds: [2, 3, 3] },
        }),
      ],
      4,
      6,
    );
    expect(pooled).toMatchObject({
      tables: 4,
      finished: 3,
      tablesWithPause: 2,
      medianFirstPause: 2,
      missed: 4,
      tablesWithMissed: 2,
      catastrophes: 1,
      endings: [
        { title: 'The race ran its course', count: 2 },
        { title: 'Catastrophe', count: 1 },
      ],
    });
    // Tables, not teams or crossings: A counts once in quarter 3 though two of its teams paused
    // then, and C once in quarter 3 though two of its crossings began then.
    expect(pooled.byQuarter.map((q) => q.paused)).toEqual([0, 1, 1, 0, 1, 0]);
    expect(pooled.byQuarter.map((q) => q.missed)).toEqual([0, 1, 2, 0, 0, 0]);
    expect(pooled.byQuarter.map((q) => q.catastrophes)).toEqual([0, 0, 0, 1, 0, 0]);
  });

  it('adds up whatever the tables: every quarter’s counts sum to the totals', () => {
    const quarters = 6;
    const round = fc.integer({ min: 1, max: quarters });
    const tableArb: fc.Arbitrary<TableResult> = fc
      .record({
        paused: fc.array(
          fc.uniqueArray(round, { minLength: 1 }).map((q) => q.sort((a, b) => a - b)),
          {
            maxLength: 3,
          },
        ),
        missed: fc.array(round, { maxLength: 4 }),
        catastrophe: fc.option(round, { nil: null }),
        ending: fc.constantFrom('Ran its course', 'Catastrophe', 'Halted'),
      })
      .map(({ paused, missed, catastrophe, ending }) =>
        finishedTable({
          outcome: { title: ending, reason: 'roundsComplete', round: quarters },
          paused: paused.map((q, i) => ({ team: `T${i}`, labName: `L${i}`, quarters: q })),
          firstPause: paused.length ? Math.min(...paused.map((q) => q[0]!)) : null,
          missed: { count: missed.length, rounds: missed },
          catastrophe:
            catastrophe === null
              ? null
              : { round: catastrophe, labName: 'L', team: null, text: 'Catastrophe (L)' },
        }),
      );
    fc.assert(
      fc.property(fc.array(tableArb, { maxLength: 8 }), fc.nat(3), (results, playing) => {
        const pooled = poolResults(results, results.length + playing, quarters);
        const sum = (pick: (q: (typeof pooled.byQuarter)[number]) => number) =>
          pooled.byQuarter.reduce((s, q) => s + pick(q), 0);
        expect(pooled.tables).toBe(results.length + playing);
        expect(pooled.finished).toBe(results.length);
        expect(pooled.byQuarter.every((q) => q.missed <= pooled.tablesWithMissed)).toBe(true);
        expect(sum((q) => q.missed)).toBeLessThanOrEqual(pooled.missed);
        expect(sum((q) => q.catastrophes)).toBe(pooled.catastrophes);
        expect(pooled.byQuarter.every((q) => q.paused <= pooled.tablesWithPause)).toBe(true);
        expect(pooled.endings.reduce((s, e) => s + e.count, 0)).toBe(results.length);
        const firsts = results.flatMap((r) => (r.firstPause === null ? [] : [r.firstPause]));
        expect(pooled.tablesWithPause).toBe(firsts.length);
        if (pooled.medianFirstPause === null) expect(firsts).toEqual([]);
        else {
          const m = pooled.medianFirstPause;
          expect(firsts.filter((f) => f <= m).length * 2).toBeGreaterThanOrEqual(firsts.length);
          expect(firsts.filter((f) => f >= m).length * 2).toBeGreaterThanOrEqual(firsts.length);
        }
      }),
      { numRuns: 100 },
    );
  });
});
