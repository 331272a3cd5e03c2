// The engine's shortcuts (issue 21) must say exactly what the plain readings say: a ladder read
// from its table, a lab's policy read by its place, views handed from the bots to the quarter.
// Each is compared with the reading it replaces, over arbitrary inputs or whole games.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../src/engine/bots';
import { tuningFor } from '../../src/engine/bots/decide';
import { readTruth, levelReached, missedCrossings } from '../../src/engine/evaluation';
import { botDecisions, createGame, playWithBots } from '../../src/engine/game';
import { ladderTable } from '../../src/engine/ladderTable';
import { labPolicy, labPolicyAt } from '../../src/engine/policies';
import { WITHOUT_TEXT, openRound, resolveRound } from '../../src/engine/round';
import { summariseOutcome } from '../../src/engine/outcome';
import type {
  DomainId,
  DomainValues,
  EvalResult,
  LevelSpec,
  Outcome,
} from '../../src/engine/types';
import { quarterViews } from '../../src/engine/view';
import { testScenario } from './fixtures';

const DOMAINS: DomainId[] = ['cbrn', 'cyber', 'autonomy'];
const share = fc.double({ min: 0, max: 1, noNaN: true });

const arbitraryValues: fc.Arbitrary<DomainValues> = fc.record(
  { cbrn: share, cyber: share, autonomy: share },
  { requiredKeys: [] },
);

const arbitraryLadder: fc.Arbitrary<LevelSpec[]> = fc
  .array(
    fc.record({
      thresholds: fc
        .uniqueArray(fc.constantFrom(...DOMAINS), { minLength: 1 })
        .chain((ds) => fc.tuple(...ds.map((d) => share.map((v) => [d, v] as const)))),
      training: fc.record({ security: share }, { requiredKeys: [] }),
      deployment: fc.record({ deployment: share, alignment: share }, { requiredKeys: [] }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((levels) =>
    levels.map((l, i) => ({
      id: `L${i}`,
      name: `Level ${i}`,
      description: '',
      thresholds: Object.fromEntries(l.thresholds),
      trainingRequires: l.training,
      deploymentRequires: l.deployment,
    })),
  );

/** The reading the table replaces: each level's records, by name. */
function plainLevelReached(levels: readonly LevelSpec[], values: DomainValues, buffer: number) {
  for (let i = levels.length - 1; i >= 0; i--) {
    const t = (levels[i] as LevelSpec).thresholds;
    if (
      Object.keys(t).some((d) => (values[d as DomainId] ?? 0) >= (t[d as DomainId] ?? 0) - buffer)
    )
      return i;
  }
  return -1;
}

function evalOf(measured: DomainValues): EvalResult {
  return { round: 1, measured, uncertainty: 0, sensitivity: 1 };
}

describe('a ladder read from its table', () => {
  it('finds the level the plain reading finds, and the same missed crossings in order', () => {
    fc.assert(
      fc.property(
        arbitraryLadder,
        arbitraryValues,
        arbitraryValues,
        share,
        (ladder, truth, seen, buffer) => {
          expect(levelReached(ladder, truth, buffer)).toBe(
            plainLevelReached(ladder, truth, buffer),
          );
          const reading = readTruth(ladder, truth, evalOf(seen), buffer, 'lab', 3);
          expect(reading.level).toBe(plainLevelReached(ladder, truth, 0));
          const plainMissed = ladder.flatMap((level) =>
            Object.entries(level.thresholds)
              .filter(
                ([d, t]) =>
                  (truth[d as DomainId] ?? 0) >= t && (seen[d as DomainId] ?? 0) < t - buffer,
              )
              .map(([d]) => `${level.id}/${d}`),
          );
          expect(reading.missed.map((m) => `${m.levelId}/${m.domain}`)).toEqual(plainMissed);
          expect(missedCrossings(ladder, truth, evalOf(seen), buffer, 'lab', 3)).toEqual(
            reading.missed,
          );
        },
      ),
    );
  });

  it("keeps each level's lowest threshold and what each track needs", () => {
    fc.assert(
      fc.property(arbitraryLadder, (ladder) => {
        const table = ladderTable(ladder);
        expect(table).toBe(ladderTable(ladder));
        ladder.forEach((level, i) => {
          expect(table.floors[i]).toBe(Math.min(...Object.values(level.thresholds)));
          expect(table.needs[i]?.security).toBe(Math.max(0, level.trainingRequires.security ?? 0));
          expect(table.needs[i]?.alignment).toBe(
            Math.max(0, level.deploymentRequires.alignment ?? 0),
          );
        });
      }),
    );
  });

  it('gives a revised ladder (a new array) its own table', () => {
    const ladder = testScenario().levels;
    const revised = ladder.map((l, i) => (i === 0 ? { ...l, thresholds: { cbrn: 0.01 } } : l));
    expect(ladderTable(revised).floors[0]).toBe(0.01);
    expect(ladderTable(ladder).floors[0]).not.toBe(0.01);
  });
});

describe('shortcuts between the bots and the quarter', () => {
  it("reads a lab's policy by its place as by its id, and by its id when the place is another lab's", () => {
    const s = testScenario();
    s.labs.forEach((lab, i) => expect(labPolicyAt(s, i, lab.id)).toBe(labPolicy(s, lab.id)));
    const other = s.labs[1]?.id as string;
    expect(labPolicyAt(s, 0, other)).toBe(labPolicy(s, other));
  });

  it('merges a seat tuning once, as the spread it replaces', () => {
    const strategy = STRATEGIES['safety-first'];
    const overrides = { capabilityShare: 0.3 };
    const merged = tuningFor(strategy, overrides);
    expect(merged).toEqual({ ...strategy.tuning, ...overrides });
    expect(tuningFor(strategy, overrides)).toBe(merged);
    expect(tuningFor(strategy)).toBe(strategy.tuning);
  });

  it('resolves a quarter the same with the views the bots decided on, without them, or with views of another state', () => {
    const s = testScenario();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 8 }),
        (seed, quarters) => {
          let state = createGame(s, { seed }, WITHOUT_TEXT);
          const earlier = quarterViews(state, s);
          for (let q = 0; q < quarters && !state.outcome; q++) {
            const seen = quarterViews(state, s);
            const decisions = botDecisions(state, s, seen.views);
            const plain = resolveRound(state, s, decisions, WITHOUT_TEXT);
            expect(resolveRound(state, s, decisions, WITHOUT_TEXT, seen)).toEqual(plain);
            expect(resolveRound(state, s, decisions, WITHOUT_TEXT, earlier)).toEqual(plain);
            state = plain.outcome ? plain : openRound(plain, s, WITHOUT_TEXT);
          }
          expect(state.round).toBeGreaterThan(0);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("tallies a whole game's outcome as it is played as the history, read at the end, sums it", () => {
    const s = testScenario();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const game = playWithBots(s, seed, undefined, WITHOUT_TEXT);
        const outcome = game.outcome as Outcome;
        const catastrophe = outcome.catastrophe;
        expect(summariseOutcome(game, outcome.reason, catastrophe)).toEqual(outcome);
      }),
      { numRuns: 25 },
    );
  });

  it('plays a whole game the same whether the quarter is given the views or not', () => {
    const s = testScenario();
    for (const seed of [1, 2, 3]) {
      let state = createGame(s, { seed }, WITHOUT_TEXT);
      while (!state.outcome) {
        const resolved = resolveRound(state, s, botDecisions(state, s), WITHOUT_TEXT);
        state = resolved.outcome ? resolved : openRound(resolved, s, WITHOUT_TEXT);
      }
      expect(state).toEqual(playWithBots(s, seed, undefined, WITHOUT_TEXT));
    }
  });
});
