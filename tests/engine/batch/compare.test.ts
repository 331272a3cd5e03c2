import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../src/cli/commands/scenarioFile';
import { armScenario, compareSummaries, identicalGames } from '../../../src/engine/batch/compare';
import { inertReason, NO_CHANGE } from '../../../src/engine/batch/inert';
import { pairedDifference } from '../../../src/engine/batch/paired';
import { runGames, type GameSummary } from '../../../src/engine/batch/runBatch';
import {
  addChunk,
  cellSummaries,
  emptyProgress,
  planChunks,
} from '../../../src/engine/batch/sweep';

const rsp = loadScenarioFile('scenarios/anthropic-rsp.json');
const RUNS = 24;
const base = runGames(rsp, { runs: RUNS, seed: 7 });
const pausedScenario = armScenario(rsp, [{ id: 'pauseFrom.aster', value: 5 }]);
const paused = runGames(pausedScenario, { runs: RUNS, seed: 7 });
const ctx = { baseline: rsp, roundsA: rsp.rounds, roundsB: rsp.rounds };

describe('paired comparisons', () => {
  it('an arm identical to the baseline gives diff 0 with a zero-width interval, for every outcome', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: RUNS }), (n) => {
        const games = base.slice(0, n);
        const rows = compareSummaries('same', games, structuredClone(games), ctx);
        for (const row of rows) {
          expect(row.diff).toBe(0);
          expect(row.lo).toBe(0);
          expect(row.hi).toBe(0);
          expect(row.a).toBe(row.b);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('is the same however the games are split across workers and in whatever order they return', () => {
    const reference = compareSummaries('arm', base, paused, ctx);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: RUNS }),
        fc.array(fc.nat(), { minLength: 0, maxLength: 60 }),
        (chunkSize, swaps) => {
          const chunks = planChunks(2, RUNS, chunkSize);
          for (const [k, s] of swaps.entries()) {
            const i = k % chunks.length;
            const j = s % chunks.length;
            [chunks[i], chunks[j]] = [chunks[j]!, chunks[i]!];
          }
          const progress = emptyProgress(2, RUNS);
          const arms: GameSummary[][] = [base, paused];
          for (const c of chunks) {
            addChunk(progress, c, arms[c.cell]!.slice(c.from, c.from + c.count));
          }
          const rows = compareSummaries(
            'arm',
            cellSummaries(progress, 0),
            cellSummaries(progress, 1),
            ctx,
          );
          expect(rows).toEqual(reference);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('reports arm − baseline with the paired interval of the per-game differences', () => {
    const rows = compareSummaries('pauseFrom.aster=5', base, paused, ctx);
    const leads = rows.find((r) => r.outcome === 'lab.aster.leads')!;
    const d = pairedDifference(
      base.map((g) => (g.labs.aster!.leads ? 1 : 0)),
      paused.map((g) => (g.labs.aster!.leads ? 1 : 0)),
    );
    expect(leads).toMatchObject({ a: d.a, b: d.b, diff: d.diff, lo: d.lo, hi: d.hi, n: RUNS });
    // Pausing from quarter 5 forces the lab to pause by choice: the pauses by that cause rise.
    const choice = rows.find((r) => r.outcome === 'pauseByCause.choice')!;
    expect(choice.diff).toBeGreaterThan(0);
    expect(choice.lo!).toBeGreaterThan(0);
    const outcomes = rows.map((r) => r.outcome);
    for (const id of [
      'catastrophe',
      'anyIncident',
      'regulatorHalt',
      'brokenCommitment',
      'crossingsMissed',
      'crossingsUnseen',
      'lab.meridian.finalShare',
      'lab.vantage.catastrophesCaused',
      'lab.commonweal.ownPolicyPause',
      'firstDeployment.asl-3',
    ]) {
      expect(outcomes).toContain(id);
    }
  });

  it('counts a level never deployed as the last quarter + 1', () => {
    const never = base.map((g) => ({
      ...g,
      firstDeploymentRoundByLevel: { ...g.firstDeploymentRoundByLevel, 'asl-4': null },
    }));
    const row = compareSummaries('x', never, never, ctx).find(
      (r) => r.outcome === 'firstDeployment.asl-4',
    )!;
    expect(row.a).toBe(rsp.rounds + 1);
  });

  it('refuses games played with different seeds', () => {
    const other = runGames(rsp, { runs: 2, seed: 99 });
    expect(() => compareSummaries('x', base.slice(0, 2), other, ctx)).toThrow(/different seeds/);
  });
});

describe('honest emptiness', () => {
  it('notices identical games and explains a knowable reason', () => {
    expect(identicalGames(base, structuredClone(base))).toBe(true);
    expect(identicalGames(base, paused)).toBe(false);
    expect(inertReason(rsp, 'pauseAgreementMinimum')).toMatch(
      /no lab starts in the pause agreement/,
    );
    expect(inertReason(rsp, 'pauseFrom.aster', [30])).toMatch(/after the last quarter/);
    expect(inertReason(rsp, 'evalSensitivity')).toBe(NO_CHANGE);
  });
});
