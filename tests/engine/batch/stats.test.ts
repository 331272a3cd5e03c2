import { describe, expect, it } from 'vitest';
import { aggregate, type GameSummary } from '../../../src/engine/batch/runBatch';
import { medianOfSorted, proportion, wilson } from '../../../src/engine/batch/stats';

// Hand-computed with z = 1.959964 (z² = 3.841459):
//   centre = (p + z²/2n) / (1 + z²/n),  half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n)
describe('wilson', () => {
  it('0 of 10: [0, 0.2775] (not the degenerate [0, 0] of the normal approximation)', () => {
    const [lo, hi] = wilson(0, 10);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.27753, 4);
  });

  it('5 of 10: [0.2366, 0.7634], symmetric about one half', () => {
    const [lo, hi] = wilson(5, 10);
    expect(lo).toBeCloseTo(0.23659, 4);
    expect(hi).toBeCloseTo(0.76341, 4);
    expect(lo + hi).toBeCloseTo(1, 12);
  });

  it('2 of 20: [0.0279, 0.3010]', () => {
    const [lo, hi] = wilson(2, 20);
    expect(lo).toBeCloseTo(0.02787, 4);
    expect(hi).toBeCloseTo(0.30104, 4);
  });

  it('10 of 10 mirrors 0 of 10', () => {
    const [lo, hi] = wilson(10, 10);
    expect(lo).toBeCloseTo(1 - 0.27753, 4);
    expect(hi).toBe(1);
  });

  it('no trials: the whole of [0, 1]', () => {
    expect(wilson(0, 0)).toEqual([0, 1]);
    expect(proportion(0, 0)).toEqual({ count: 0, n: 0, p: 0, lo: 0, hi: 1 });
  });
});

describe('medianOfSorted', () => {
  it('middle value, or the mean of the two middle values', () => {
    expect(medianOfSorted([])).toBeNull();
    expect(medianOfSorted([3])).toBe(3);
    expect(medianOfSorted([1, 2, 9])).toBe(2);
    expect(medianOfSorted([1, 2, 4, 9])).toBe(3);
  });
});

function summary(over: Partial<GameSummary> = {}): GameSummary {
  return {
    seed: 1,
    catastrophe: false,
    anyIncident: false,
    anyPause: false,
    labQuarters: 8,
    brokenQuarters: 0,
    pausedBy: { ownPolicy: 0, agreement: 0, regulator: 0, choice: 0 },
    labs: {},
    crossings: 0,
    missedCrossings: 0,
    crossedQuarters: 0,
    unseenQuarters: 0,
    firstDeploymentRoundByLevel: { L3: null, L4: null },
    endReason: 'roundsComplete',
    rounds: 4,
    ...over,
  };
}

describe('aggregate', () => {
  const games = [
    summary({
      catastrophe: true,
      anyIncident: true,
      endReason: 'catastrophe',
      rounds: 3,
      crossings: 2,
      missedCrossings: 1,
      crossedQuarters: 5,
      unseenQuarters: 2,
      firstDeploymentRoundByLevel: { L3: 2, L4: null },
    }),
    summary({
      anyIncident: true,
      anyPause: true,
      crossings: 1,
      firstDeploymentRoundByLevel: { L3: 2, L4: 4 },
    }),
    summary({
      brokenQuarters: 2,
      pausedBy: { ownPolicy: 1, agreement: 0, regulator: 1, choice: 0 },
      labs: {
        a: {
          quarters: 4,
          ownPolicyPause: 1,
          brokenQuarters: 0,
          causedCatastrophe: false,
          leads: true,
          finalShare: 0.7,
          crossings: 0,
          missedCrossings: 0,
          crossedQuarters: 0,
          unseenQuarters: 0,
        },
        b: {
          quarters: 4,
          ownPolicyPause: 0,
          brokenQuarters: 2,
          causedCatastrophe: false,
          leads: false,
          finalShare: 0.3,
          crossings: 0,
          missedCrossings: 0,
          crossedQuarters: 0,
          unseenQuarters: 0,
        },
      },
      anyPause: true,
      crossings: 1,
      missedCrossings: 1,
      crossedQuarters: 3,
      unseenQuarters: 3,
      firstDeploymentRoundByLevel: { L3: 4, L4: null },
    }),
    summary({ endReason: 'regulatorHalt', rounds: 2 }),
  ];
  const stats = aggregate(games);

  it('counts each outcome with its Wilson interval', () => {
    expect(stats.games).toBe(4);
    expect(stats.catastrophe).toMatchObject({ count: 1, n: 4, p: 0.25 });
    expect(stats.anyIncident).toMatchObject({ count: 2, n: 4, p: 0.5 });
    expect(stats.anyPause).toMatchObject({ count: 2, n: 4, p: 0.5 });
    // Rates per lab-quarter, pooled over games: 2 of 4 × 8 lab-quarters.
    expect(stats.brokenCommitment).toMatchObject({ count: 2, n: 32, p: 2 / 32 });
    expect(stats.pauseByCause.ownPolicy).toMatchObject({ count: 1, n: 32 });
    expect(stats.pauseByCause.regulator).toMatchObject({ count: 1, n: 32 });
    expect(stats.pauseByCause.agreement).toMatchObject({ count: 0, n: 32 });
    expect(stats.regulatorHalt).toMatchObject({ count: 1, n: 4, p: 0.25 });
    // 2 of 4: centre ½, half = 1.959964·√(1/16 + 3.841459/64) / (1 + 3.841459/4) = 0.34996
    expect(stats.anyIncident.lo).toBeCloseTo(0.5 - 0.34996, 4);
    expect(stats.anyIncident.hi).toBeCloseTo(0.5 + 0.34996, 4);
  });

  it('reports each lab over the games it played', () => {
    expect(stats.perLab.a).toMatchObject({
      ownPolicyPause: { count: 1, n: 4 },
      brokenCommitment: { count: 0, n: 4 },
      catastrophesCaused: { count: 0, n: 1 },
      leads: { count: 1, n: 1 },
      meanFinalShare: 0.7,
    });
    expect(stats.perLab.b?.brokenCommitment).toMatchObject({ count: 2, n: 4, p: 0.5 });
  });

  it('gives the same bytes whatever order the games come back in (workers)', () => {
    // Summed as given these make 3.4250000000000003, summed backwards 3.425.
    const shares = [0.271, 0.404, 0.529, 0.644, 0.745, 0.832];
    const games = shares.map((finalShare, i) =>
      summary({
        labs: {
          a: {
            quarters: 4,
            ownPolicyPause: 0,
            brokenQuarters: 0,
            causedCatastrophe: false,
            leads: i % 2 === 0,
            finalShare,
            crossings: 0,
            missedCrossings: 0,
            crossedQuarters: 0,
            unseenQuarters: 0,
          },
        },
      }),
    );
    const forward = JSON.stringify(aggregate(games));
    expect(JSON.stringify(aggregate([...games].reverse()))).toBe(forward);
    expect(
      JSON.stringify(aggregate([games[3]!, games[0]!, games[5]!, games[1]!, games[4]!, games[2]!])),
    ).toBe(forward);
  });

  it('pools missed crossings over all crossings', () => {
    expect(stats.crossingsMissed).toMatchObject({ count: 2, n: 4, p: 0.5 });
    expect(stats.meanMissedCrossings).toBe(0.5);
    expect(stats.crossingsUnseen).toMatchObject({ count: 5, n: 8, p: 5 / 8 });
    expect(stats.meanRounds).toBe(13 / 4);
  });

  it('gives per-level distributions of the first full deployment', () => {
    const [l3, l4] = stats.firstDeployment;
    expect(l3).toMatchObject({ levelId: 'L3', histogram: [0, 2, 0, 1], never: 1, median: 2 });
    expect(l3?.mean).toBeCloseTo(8 / 3, 12);
    expect(l3?.deployed).toMatchObject({ count: 3, n: 4 });
    expect(l4).toMatchObject({
      levelId: 'L4',
      histogram: [0, 0, 0, 1],
      never: 3,
      median: 4,
      mean: 4,
    });
  });

  it('does not depend on the order of games', () => {
    expect(aggregate([...games].reverse())).toEqual(stats);
  });

  it('reports the levels asked for even with no games', () => {
    const empty = aggregate([], ['L3']);
    expect(empty.games).toBe(0);
    expect(empty.catastrophe).toEqual({ count: 0, n: 0, p: 0, lo: 0, hi: 1 });
    expect(empty.firstDeployment).toEqual([
      {
        levelId: 'L3',
        deployed: { count: 0, n: 0, p: 0, lo: 0, hi: 1 },
        histogram: [],
        never: 0,
        median: null,
        mean: null,
      },
    ]);
  });
});
