// A round resolving in Node: advanceGame for a 24-round, 6-lab game, timed per round, and the
// chart data the quarter screen derives from the new state (timelineData).

import { advanceGame, createGame } from '../../src/engine/game';
import { timelineData } from '../../src/presentation/timeline/timelineData';
import type { GameState, Scenario } from '../../src/engine/types';

export interface RoundBench {
  rounds: number;
  fullGames: number;
  resolve: Stats;
  resolveAndChart: Stats;
}

export interface Stats {
  median: number;
  p95: number;
  max: number;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN };
}

/** Time every round of `games` bot games (after a warm-up game), one core. */
export function benchRounds(scenario: Scenario, games = 20): RoundBench {
  const player = (scenario.labs.find((l) => l.role === 'player') ?? scenario.labs[0])?.id ?? '';
  const resolve: number[] = [];
  const withChart: number[] = [];
  let fullGames = 0;
  for (let g = -1; g < games; g++) {
    let state: GameState = createGame(scenario, { seed: 1000 + g });
    while (!state.outcome) {
      const t0 = performance.now();
      const next = advanceGame(state, scenario, {});
      const t1 = performance.now();
      timelineData(scenario, next, player, { reveal: false, domain: null, ghost: null });
      const t2 = performance.now();
      if (g >= 0) {
        resolve.push(t1 - t0);
        withChart.push(t2 - t0);
      }
      state = next;
    }
    if (g >= 0 && state.history.length === scenario.rounds) fullGames++;
  }
  return {
    rounds: resolve.length,
    fullGames,
    resolve: stats(resolve),
    resolveAndChart: stats(withChart),
  };
}
