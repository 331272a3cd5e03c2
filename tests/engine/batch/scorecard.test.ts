import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runGames, summariseGame } from '../../../src/engine/batch/runBatch';
import {
  SCORECARD_OUTCOMES,
  scorecardCells,
  scorecardRows,
  scorecardScenarios,
  tallyScorecard,
  withLabPolicy,
} from '../../../src/engine/batch/scorecard';
import { pairedDifference } from '../../../src/engine/batch/paired';
import { playWithBots } from '../../../src/engine/game';
import { labPolicy } from '../../../src/engine/policies';
import type { Scenario } from '../../../src/engine/types';
import { shippedScenarios } from '../../support/shippedScenarios';

const scenario = (id: string): Scenario => {
  const s = shippedScenarios.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};
const v2v3 = scenario('rsp-v2-vs-v3');
const rsp = scenario('anthropic-rsp');
const policy = (s: Scenario, id: string) => {
  const p = s.policies.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return p;
};
const grid = { evalSensitivity: [0.3, 0.6], competitivePressure: [1] };

describe('a lab under another policy', () => {
  it('chooses a policy the scenario holds, and adds any other under a free id', () => {
    const v3 = withLabPolicy(v2v3, 'aster', policy(v2v3, 'rsp-v3-0'));
    expect(v3.policies).toBe(v2v3.policies);
    expect(labPolicy(v3, 'aster').policy.id).toBe('rsp-v3-0');
    // The same id with other content is another policy: it gets an id of its own.
    const foreign = { ...policy(v2v3, 'rsp-v3-0'), name: 'Edited', binding: true };
    const placed = withLabPolicy(v2v3, 'aster', foreign);
    expect(placed.policies).toHaveLength(v2v3.policies.length + 1);
    expect(labPolicy(placed, 'aster').policy).toMatchObject({ id: 'rsp-v3-0-2', name: 'Edited' });
    expect(placed.labs.find((l) => l.id === 'aster')?.policy.binding).toBe(true);
    // Every other lab is untouched.
    expect(placed.labs.filter((l) => l.id !== 'aster')).toEqual(
      v2v3.labs.filter((l) => l.id !== 'aster'),
    );
    expect(() => withLabPolicy(v2v3, 'nobody', foreign)).toThrow(/no lab "nobody"/);
    // Under the policy it holds, the lab is as written, even where the scenario binds it itself.
    const bound = {
      ...v2v3,
      labs: v2v3.labs.map((l) =>
        l.id === 'aster' ? { ...l, policy: { ...l.policy, binding: true } } : l,
      ),
    };
    expect(withLabPolicy(bound, 'aster', policy(v2v3, 'rsp-v2-2'))).toBe(bound);
  });
});

describe("a lab's own crossings", () => {
  it('add up to the game totals when every lab plays the scenario default rules', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const s = summariseGame(rsp, playWithBots(rsp, seed));
        const labs = Object.values(s.labs);
        const sum = (f: (l: (typeof labs)[number]) => number) => labs.reduce((t, l) => t + f(l), 0);
        expect(sum((l) => l.crossings)).toBe(s.crossings);
        expect(sum((l) => l.missedCrossings)).toBe(s.missedCrossings);
        expect(sum((l) => l.crossedQuarters)).toBe(s.crossedQuarters);
        expect(sum((l) => l.unseenQuarters)).toBe(s.unseenQuarters);
      }),
      { numRuns: 8 },
    );
  });
});

describe('the scorecard', () => {
  const policies = [policy(v2v3, 'rsp-v2-2'), policy(v2v3, 'rsp-v3-0')];
  const cells = scorecardCells(grid);
  const play = (ps = policies, runs = 12) =>
    scorecardScenarios(v2v3, 'aster', ps, grid).map((perCell) =>
      perCell.map((s) => runGames(s, { runs, seed: 5 })),
    );

  it('pairs each policy with the first on the same seeds, cell by cell and pooled', () => {
    const summaries = play();
    const rows = scorecardRows(
      tallyScorecard(summaries, v2v3),
      ['v2.2', 'v3.0'],
      cells,
      v2v3,
      'aster',
    );
    const pooled = rows.filter((r) => r.cell === 'all' && r.policy === 'v3.0');
    expect(pooled.map((r) => r.outcome)).toEqual(SCORECARD_OUTCOMES.map((o) => o.key));
    // The market-share difference is the paired mean difference over every (cell, seed) pair.
    const share = (k: number) =>
      (summaries[k] ?? []).flatMap((games) => games.map((g) => g.labs.aster?.finalShare ?? 0));
    const expected = pairedDifference(share(0), share(1));
    const row = pooled.find((r) => r.outcome === 'finalShare');
    expect(row?.n).toBe(24);
    expect(row?.diff).toBeCloseTo(expected.diff, 12);
    expect(row?.lo).toBeCloseTo(expected.lo, 12);
    // Catastrophe is whole-game; the first policy's row shows its value with no difference.
    const first = rows.find(
      (r) => r.policy === 'v2.2' && r.cell === 'all' && r.outcome === 'catastrophe',
    );
    expect(first).toMatchObject({ diff: 0, lo: 0, hi: 0 });
    expect(first?.value).toBe(first?.first);
    // Two cells: their rows come after the pooled ones, labelled.
    expect(rows.filter((r) => r.cell.startsWith('eval sensitivity 0.3'))).toHaveLength(12);
  });

  it('two identical policies give a zero difference on every outcome, in every cell', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
        const same = [policies[1]!, { ...policies[1]!, id: 'copy', name: 'Copy' }];
        const summaries = scorecardScenarios(v2v3, 'aster', same, grid).map((perCell) =>
          perCell.map((s) => runGames(s, { runs: 3, seed })),
        );
        const rows = scorecardRows(
          tallyScorecard(summaries, v2v3),
          ['a', 'b'],
          cells,
          v2v3,
          'aster',
        );
        for (const r of rows) {
          expect(r.diff).toBe(0);
          expect(r.value).toBe(r.first);
        }
      }),
      { numRuns: 3 },
    );
  });
});
