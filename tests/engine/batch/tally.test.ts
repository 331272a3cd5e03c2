// Statistics that merge: the tally (and the paired tally) of any split of the games, merged,
// equals the tally of all of them, so every figure read from it is the same bytes; and exact sums
// do not depend on the order of their terms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../src/cli/commands/scenarioFile';
import {
  armScenario,
  emptyPairTally,
  mergePairTally,
  pairRows,
  tallyPair,
  compareSummaries,
} from '../../../src/engine/batch/compare';
import { addExact, emptySum, exactValue, mergeExact } from '../../../src/engine/batch/exactSum';
import { runGames, type GameSummary } from '../../../src/engine/batch/runBatch';
import {
  emptyTally,
  mergeTally,
  tallyGame,
  tallyGames,
  tallyStats,
} from '../../../src/engine/batch/tally';

const LEVELS = ['L3', 'L4'];
const quarter = fc.option(fc.integer({ min: 1, max: 24 }), { nil: null });
const labSummary = fc.record({
  quarters: fc.integer({ min: 0, max: 24 }),
  ownPolicyPause: fc.integer({ min: 0, max: 24 }),
  brokenQuarters: fc.integer({ min: 0, max: 24 }),
  causedCatastrophe: fc.boolean(),
  leads: fc.boolean(),
  finalShare: fc.double({ min: 0, max: 1, noNaN: true }),
  crossings: fc.integer({ min: 0, max: 12 }),
  missedCrossings: fc.integer({ min: 0, max: 12 }),
  crossedQuarters: fc.integer({ min: 0, max: 48 }),
  unseenQuarters: fc.integer({ min: 0, max: 48 }),
});
const game: fc.Arbitrary<GameSummary> = fc.record({
  seed: fc.integer({ min: 0, max: 1000 }),
  catastrophe: fc.boolean(),
  anyIncident: fc.boolean(),
  anyPause: fc.boolean(),
  labQuarters: fc.integer({ min: 0, max: 96 }),
  brokenQuarters: fc.integer({ min: 0, max: 96 }),
  pausedBy: fc.record({
    ownPolicy: fc.nat(20),
    agreement: fc.nat(20),
    regulator: fc.nat(20),
    choice: fc.nat(20),
  }),
  labs: fc.record({ a: labSummary, b: labSummary }),
  crossings: fc.nat(12),
  missedCrossings: fc.nat(12),
  crossedQuarters: fc.nat(40),
  unseenQuarters: fc.nat(40),
  firstDeploymentRoundByLevel: fc.record({ L3: quarter, L4: quarter }),
  endReason: fc.constantFrom('roundsComplete', 'catastrophe', 'regulatorHalt'),
  rounds: fc.integer({ min: 1, max: 24 }),
}) as fc.Arbitrary<GameSummary>;

/** Cut points splitting a list of `n` into consecutive parts. */
function parts<T>(list: readonly T[], cuts: readonly number[]): T[][] {
  const at = [...new Set(cuts.map((c) => c % (list.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let from = 0;
  for (const c of [...at, list.length]) {
    out.push(list.slice(from, c));
    from = c;
  }
  return out;
}

describe('exact sums', () => {
  it('give the same value in any order and however they are merged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (xs, cuts) => {
          const whole = emptySum();
          xs.forEach((x) => addExact(whole, x));
          const merged = emptySum();
          for (const part of parts([...xs].reverse(), cuts)) {
            const s = emptySum();
            part.forEach((x) => addExact(s, x));
            mergeExact(merged, s);
          }
          expect(exactValue(merged)).toBe(exactValue(whole));
        },
      ),
    );
  });

  it('are exact where a running sum is not', () => {
    const s = emptySum();
    [1e16, 1, -1e16, 0.1, 0.2].forEach((x) => addExact(s, x));
    expect(exactValue(s)).toBe(1.3);
  });
});

describe('batch tallies', () => {
  it('merging the tallies of any split of the games equals tallying them all', () => {
    fc.assert(
      fc.property(
        fc.array(game, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (games, cuts) => {
          const whole = tallyGames(games, LEVELS);
          const merged = emptyTally(LEVELS);
          for (const part of parts(games, cuts)) mergeTally(merged, tallyGames(part, LEVELS));
          expect(JSON.stringify(tallyStats(merged))).toBe(JSON.stringify(tallyStats(whole)));
          expect(merged.fingerprint).toEqual(whole.fingerprint);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('medians from the histogram are the medians of the list', () => {
    fc.assert(
      fc.property(fc.array(game, { minLength: 1, maxLength: 30 }), (games) => {
        const stats = tallyStats(tallyGames(games, LEVELS));
        for (const d of stats.firstDeployment) {
          const when = games
            .map((g) => g.firstDeploymentRoundByLevel[d.levelId])
            .filter((q): q is number => typeof q === 'number')
            .sort((a, b) => a - b);
          const mid = when.length >> 1;
          const median =
            when.length === 0
              ? null
              : when.length % 2
                ? when[mid]
                : ((when[mid - 1] as number) + (when[mid] as number)) / 2;
          expect(d.median).toBe(median);
        }
      }),
    );
  });

  it('the fingerprint tells games apart', () => {
    fc.assert(
      fc.property(game, game, (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        const ta = emptyTally(LEVELS);
        tallyGame(ta, a);
        const tb = emptyTally(LEVELS);
        tallyGame(tb, b);
        expect(ta.fingerprint).not.toEqual(tb.fingerprint);
      }),
    );
  });
});

describe('paired tallies', () => {
  const rsp = loadScenarioFile('scenarios/anthropic-rsp.json');
  const RUNS = 30;
  const base = runGames(rsp, { runs: RUNS, seed: 3 });
  const arm = runGames(armScenario(rsp, [{ id: 'strategy.aster', value: 1 }]), {
    runs: RUNS,
    seed: 3,
  });
  const ctx = { baseline: rsp, roundsA: rsp.rounds, roundsB: rsp.rounds };
  const reference = JSON.stringify(compareSummaries('arm', base, arm, ctx));

  it('merging the pair tallies of any split of the seeds equals pairing them all', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 6 }), (cuts) => {
        const indices = parts(
          base.map((_, i) => i),
          cuts,
        );
        const merged = emptyPairTally();
        for (const part of indices.reverse()) {
          const t = emptyPairTally();
          for (const i of part) tallyPair(t, base[i]!, arm[i]!, ctx);
          mergePairTally(merged, t);
        }
        expect(JSON.stringify(pairRows('arm', merged, rsp))).toBe(reference);
      }),
      { numRuns: 30 },
    );
  });

  it('counts the seeds whose games differ', () => {
    const t = emptyPairTally();
    base.forEach((g, i) => tallyPair(t, g, arm[i]!, ctx));
    const differ = base.filter((g, i) => JSON.stringify(g) !== JSON.stringify(arm[i])).length;
    expect(t.differing).toBe(differ);
    expect(differ).toBeGreaterThan(0);
  });
});
