import { describe, expect, it } from 'vitest';
import { advanceGame, createGame, replayGame } from '../../src/engine/game';
import { incrementalTimeline, timelineData } from '../../src/presentation/timeline/timelineData';
import { reuseUnchanged } from '../../src/presentation/timeline/reuse';
import { estimatedRisks } from '../../src/presentation/timeline/risk';
import type { GameState } from '../../src/engine/types';
import { decision, testScenario } from '../engine/fixtures';

const scenario = testScenario({ rounds: 6 });

function play(rounds: number, posture: 'pause' | 'restrict' | 'deploy' = 'deploy'): GameState {
  let state = createGame(scenario, { seed: 7, humans: ['player'] });
  for (let i = 0; i < rounds && !state.outcome; i++) {
    state = advanceGame(state, scenario, { player: decision(posture) });
  }
  return state;
}

describe('timelineData', () => {
  it('has one table row per quarter played so far, the current one included', () => {
    const state = play(3);
    const data = timelineData(scenario, state, 'player', { reveal: false });
    expect(data.currentRound).toBe(state.round);
    expect(data.rows.map((r) => r.round)).toEqual([1, 2, 3, 4].slice(0, state.round));
    expect(data.rows.at(-1)?.posture).toBeNull();
    expect(data.rows[0]?.posture).toBe('deploy');
  });

  it('never reveals the truth before the debrief', () => {
    const data = timelineData(scenario, play(3), 'player', { reveal: false });
    expect(data.truth).toBeNull();
    expect(data.trueRisk).toBeNull();
    expect(data.missed).toEqual([]);
    expect(data.rows.every((r) => r.truth === null && r.trueRisk === null)).toBe(true);
  });

  it('shows the latest eval with the margin of error the lab was told', () => {
    const state = play(2);
    const lab = state.labs.find((l) => l.id === 'player');
    const data = timelineData(scenario, state, 'player', { reveal: false });
    const last = data.measured.points.at(-1);
    expect(last?.round).toBe(state.round);
    expect(last?.value).toBe(lab?.lastEval?.measured[data.domain]);
    const sd = lab?.lastEval?.uncertainty ?? 0;
    expect(last?.margin).toBeCloseTo(2 * sd, 9);
  });

  it('rebuilds past eval uncertainties exactly', () => {
    const full = play(5);
    const data = timelineData(scenario, full, 'player', { reveal: false });
    for (const point of data.measured.points) {
      // The state at the start of that quarter carries the eval the lab saw then.
      const then = replayGame(
        scenario,
        { seed: 7, humans: ['player'] },
        Array(point.round - 1).fill({ player: decision('deploy') }),
      );
      const sd = then.labs.find((l) => l.id === 'player')?.lastEval?.uncertainty ?? NaN;
      expect(point.margin ?? NaN).toBeCloseTo(2 * sd, 9);
    }
  });

  it('adds truth, true risk and the end point in the debrief', () => {
    const state = play(10);
    expect(state.outcome).not.toBeNull();
    const data = timelineData(scenario, state, 'player', { reveal: true });
    const last = state.history.at(-1)?.round ?? 0;
    expect(data.currentRound).toBeNull();
    expect(data.truth?.points.at(-1)?.round).toBe(last + 1);
    expect(data.trueRisk?.points).toHaveLength(state.history.length);
    expect(data.rows).toHaveLength(state.history.length);
    expect(data.markers.filter((m) => m.kind === 'decision')).toHaveLength(state.history.length);
  });

  it('draws the rewound branch as a ghost', () => {
    const ghost = play(4, 'deploy');
    const branch = play(2, 'pause');
    const data = timelineData(scenario, branch, 'player', { reveal: false, ghost });
    expect(data.ghost?.capability.points.length).toBeGreaterThan(0);
    expect(data.ghost?.risk.points).toHaveLength(ghost.history.length);
  });

  it('uses the lab’s own thresholds and notes revisions', () => {
    let state = createGame(scenario, { seed: 3, humans: ['player'] });
    state = advanceGame(state, scenario, {
      player: decision('deploy', [
        { kind: 'reviseThreshold', levelId: 'L3', domain: 'cbrn', to: 0.7, publicly: false },
      ]),
    });
    const data = timelineData(scenario, state, 'player', { reveal: false, domain: 'cbrn' });
    const l3 = data.thresholds.find((t) => t.levelId === 'L3');
    expect(l3).toMatchObject({ value: 0.7, revisedFrom: 0.55 });
  });

  // One domain throughout: by default the chart follows the domain nearest its threshold, which a
  // new quarter's evals may change.
  it('given last quarter’s data, returns the same values, sharing every unchanged part', () => {
    const before = timelineData(scenario, play(2), 'player', { reveal: false, domain: 'cbrn' });
    const state = play(3);
    const fresh = timelineData(scenario, state, 'player', { reveal: false, domain: 'cbrn' });
    const next = timelineData(scenario, state, 'player', {
      reveal: false,
      domain: 'cbrn',
      previous: before,
    });
    expect(next).toEqual(fresh);
    // Quarters already shown keep their objects: a renderer comparing by identity redraws
    // only the new quarter.
    expect(next.rows[0]).toBe(before.rows[0]);
    expect(next.measured.points[0]).toBe(before.measured.points[0]);
    expect(next.market[1]?.points[0]).toBe(before.market[1]?.points[0]);
    expect(next.thresholds).toBe(before.thresholds);
    expect(next.domains).toBe(before.domains);
    expect(next.rows).not.toBe(before.rows);
    // Nothing changed: the very same object.
    expect(
      timelineData(scenario, state, 'player', { reveal: false, domain: 'cbrn', previous: next }),
    ).toBe(next);
  });

  it('incrementalTimeline remembers its last result and shares unchanged parts with it', () => {
    const chartData = incrementalTimeline();
    const before = chartData(scenario, play(2), 'player', { reveal: false, domain: 'cbrn' });
    const state = play(3);
    const next = chartData(scenario, state, 'player', { reveal: false, domain: 'cbrn' });
    expect(next).toEqual(
      timelineData(scenario, state, 'player', { reveal: false, domain: 'cbrn' }),
    );
    expect(next.rows[0]).toBe(before.rows[0]);
    expect(chartData(scenario, state, 'player', { reveal: false, domain: 'cbrn' })).toBe(next);
  });
});

describe('estimatedRisks', () => {
  /** The estimates worked out from nothing remembered (a scenario object never seen before). */
  const fresh = (state: GameState) => estimatedRisks(structuredClone(scenario), state, 'player');

  it('works a played quarter out once, and again for the quarters a rewind replays', () => {
    const advance = (from: GameState, quarters: number, posture: 'pause' | 'deploy') => {
      let state = from;
      for (let i = 0; i < quarters; i++)
        state = advanceGame(state, scenario, { player: decision(posture) });
      return state;
    };
    const atThree = play(2, 'deploy');
    const original = advance(atThree, 3, 'deploy');
    const first = estimatedRisks(scenario, original, 'player');
    expect(first).toEqual(fresh(original));
    // The same quarters again: the very estimates made before.
    const again = estimatedRisks(scenario, original, 'player');
    for (const [round, risk] of first) expect(again.get(round)).toBe(risk);

    // Rewound to quarter 3 and played differently: quarters 1–2 are the same records, the rest
    // are new, and their estimates are worked out anew from the new branch.
    const branch = advance(atThree, 3, 'pause');
    const risks = estimatedRisks(scenario, branch, 'player');
    expect(risks).toEqual(fresh(branch));
    expect(risks.get(1)).toBe(first.get(1));
    expect(risks.get(2)).toBe(first.get(2));
    expect(risks.get(4)).not.toEqual(first.get(4));
    // A game replayed from its log has new records: worked out again, to the same figures.
    const log = Array.from({ length: 5 }, () => ({ player: decision('deploy') }));
    const replayed = replayGame(scenario, { seed: 7, humans: ['player'] }, log);
    expect(estimatedRisks(scenario, replayed, 'player')).toEqual(first);
  });
});

describe('reuseUnchanged', () => {
  it('keeps equal parts of the old value and takes everything else from the new', () => {
    const previous = { a: [{ x: 1 }, { x: 2 }], b: { y: 'same' }, c: 1 };
    const next = { a: [{ x: 1 }, { x: 3 }, { x: 4 }], b: { y: 'same' }, c: 2 };
    const shared = reuseUnchanged(previous, next);
    expect(shared).toEqual(next);
    expect(shared.a[0]).toBe(previous.a[0]);
    expect(shared.a[1]).toBe(next.a[1]);
    expect(shared.b).toBe(previous.b);
    expect(reuseUnchanged(previous, structuredClone(previous))).toBe(previous);
  });

  it('tells apart values that only look alike', () => {
    expect(reuseUnchanged({ a: 1 }, { a: 1, b: undefined })).toEqual({ a: 1, b: undefined });
    expect(reuseUnchanged([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
    expect(reuseUnchanged([1, 2, 3], [1, 2])).toEqual([1, 2]);
    expect(reuseUnchanged({ 0: 1 }, [1])).toEqual([1]);
    expect(reuseUnchanged([1], { 0: 1 })).toEqual({ 0: 1 });
    expect(reuseUnchanged(null, { a: null })).toEqual({ a: null });
    expect(reuseUnchanged({ a: null }, { a: 0 })).toEqual({ a: 0 });
  });
});
