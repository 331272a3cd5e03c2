// Monte Carlo simulation of the race at its equilibrium. Each run draws every
// team's capability, applies the regime's equilibrium strategy, finds the winner (highest
// capability − safety) and then draws whether the winner's AI is safe (probability s_w).

import { closedFormDisaster } from './closedForm';
import { strategyFor } from './equilibrium';
import { raceError, simulateErrors } from './params';
import { uniformStream } from './raceRandom';
import type { RaceError, RaceSimulation, SimulateOptions } from './types';

/** Score differences below this count as ties (broken in favour of the more capable team). */
const SCORE_TIE = 1e-12;

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/** Wilson score interval for k successes in n trials (z = 1.96 gives 95%). */
export function wilsonInterval(k: number, n: number, z = Z95): [number, number] {
  if (n <= 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // Exact ends at k = 0 and k = n (the formula gives them only up to rounding).
  return [k <= 0 ? 0 : Math.max(0, centre - half), k >= n ? 1 : Math.min(1, centre + half)];
}

/**
 * Simulates `runs` races with the given seed. Deterministic: the same options give the same
 * result. Invalid options give `{ ok: false, errors }` (one message per problem).
 *
 * Random draws per run, in order: n capabilities (team 0 … n − 1), then one uniform u; the run is a
 * disaster when u < 1 − s_w. In the public regime the winner and its safety come from the top two
 * capabilities through the selected equilibrium (`publicOutcome`); the runner-up's overtaking
 * safety is a supremum there, so it is applied directly rather than through a score comparison.
 */
export function simulateRace(options: SimulateOptions): RaceSimulation | RaceError {
  const errors = simulateErrors(options);
  if (errors.length > 0) return raceError(errors);

  const { teams: n, skill: mu, runs, seed } = options;
  const strategy = strategyFor(options, options.info);
  const rand = uniformStream(seed);
  const caps = new Float64Array(n);
  let disasters = 0;

  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < n; i++) caps[i] = mu * rand();

    let winnerSafety: number;
    if (strategy.regime === 'public') {
      let top = -1;
      let second = -1;
      for (let i = 0; i < n; i++) {
        const c = caps[i];
        if (c > top) {
          second = top;
          top = c;
        } else if (c > second) {
          second = c;
        }
      }
      winnerSafety = strategy.outcome(top, second).winnerSafety;
    } else {
      let bestScore = -Infinity;
      let bestCap = -Infinity;
      winnerSafety = 1;
      for (let i = 0; i < n; i++) {
        const c = caps[i];
        const s = strategy.regime === 'none' ? strategy.safety : strategy.safetyOf(c);
        const score = c - s;
        // Highest score wins; a tie goes to the more capable team. Scores within SCORE_TIE are
        // treated as tied: with tiny enmity the equilibrium score gaps (≈ e·c) fall below rounding.
        if (score > bestScore + SCORE_TIE || (score >= bestScore - SCORE_TIE && c > bestCap)) {
          bestScore = score;
          bestCap = c;
          winnerSafety = s;
        }
      }
    }

    if (rand() < 1 - winnerSafety) disasters++;
  }

  return {
    ok: true,
    pDisaster: disasters / runs,
    ci95: wilsonInterval(disasters, runs),
    runs,
    disasters,
    closedForm: closedFormDisaster(options),
  };
}
