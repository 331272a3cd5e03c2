// Types for the "Racing to the precipice" validation model (Armstrong, Bostrom & Shulman,
// AI & Society 31, 2016; FHI technical report 2013-1). See MODEL.md, "Validation model:
// Racing to the precipice", for the derivations.

/** What teams know about capabilities when they choose their safety level. */
export type InfoRegime = 'none' | 'private' | 'public';

export const INFO_REGIMES: readonly InfoRegime[] = ['none', 'private', 'public'];

/**
 * How the public-information equilibrium is selected (the complete-information game has a
 * continuum of pure equilibria, all with the most capable team winning).
 *
 * - `all-in` (default): the runner-up would take safety 0 if it tried to overtake, so the leader
 *   takes the most safety that still keeps it ahead of every rival's best possible score:
 *   s = min(1, Δ), Δ = lead over the runner-up. Independent of enmity (for e > 0).
 * - `deterrence`: the runner-up would overtake with the most safety that still wins (s₁ − Δ); the
 *   leader takes the most safety that leaves the runner-up indifferent between overtaking and
 *   conceding: s = min(1, Δ / e). This is the safest (Pareto-best) pure equilibrium. At e = 1 the
 *   runner-up's overtaking safety is exactly 0, so it reduces to `all-in`.
 */
export type PublicRule = 'all-in' | 'deterrence';

export const PUBLIC_RULES: readonly PublicRule[] = ['all-in', 'deterrence'];

/** The game's parameters. */
export interface RaceParams {
  /** Number of teams n (integer ≥ 2). */
  readonly teams: number;
  /** Enmity e in [0, 1]: a team values a rival's safe AI at 1 − e (its own at 1). */
  readonly enmity: number;
  /** μ > 0: capabilities are Uniform[0, μ]; how much skill matters relative to risk-taking. */
  readonly skill: number;
  /** Public-information equilibrium selection; default `all-in`. Ignored for other regimes. */
  readonly publicRule?: PublicRule;
}

/** Parameters plus the information regime. */
export interface RaceScenario extends RaceParams {
  readonly info: InfoRegime;
}

/** Options for a Monte Carlo run. */
export interface SimulateOptions extends RaceScenario {
  /** Number of simulated races (integer ≥ 1). */
  readonly runs: number;
  /** Seed for the race's own PRNG (safe integer). Same seed, same result. */
  readonly seed: number;
}

/** Returned instead of a result when the input is invalid. */
export interface RaceError {
  readonly ok: false;
  /** One plain-language message per problem, e.g. "teams must be an integer ≥ 2 (got 1.5)". */
  readonly errors: readonly string[];
}

/** A Monte Carlo estimate of the probability of an AI disaster. */
export interface RaceSimulation {
  readonly ok: true;
  /** Fraction of runs that ended in disaster. */
  readonly pDisaster: number;
  /** 95% Wilson score interval for pDisaster. */
  readonly ci95: readonly [number, number];
  readonly runs: number;
  readonly disasters: number;
  /** The exact equilibrium probability, or null where no closed form is available. */
  readonly closedForm: number | null;
}

/** Equilibrium strategy in the no-information regime: every team takes the same safety. */
export interface NoInfoStrategy {
  readonly ok: true;
  readonly regime: 'none';
  readonly safety: number;
}

/**
 * Equilibrium strategy in the private-information regime: s(c) = min(1, c / divisor), with
 * divisor = 1 + e(n − 1). Teams with capability ≥ divisor take full safety.
 * At e = 0 every team takes s = 1 (see `fullSafety`).
 */
export interface PrivateStrategy {
  readonly ok: true;
  readonly regime: 'private';
  /** 1 + e(n − 1); safety is own capability divided by this, capped at 1. */
  readonly divisor: number;
  /** True when e = 0: every team takes safety 1 regardless of capability. */
  readonly fullSafety: boolean;
  /** Safety chosen by a team of capability c (c in [0, μ]). */
  readonly safetyOf: (capability: number) => number;
}

/** Equilibrium strategy in the public-information regime: only the leader's safety matters. */
export interface PublicStrategy {
  readonly ok: true;
  readonly regime: 'public';
  readonly rule: PublicRule;
  /** Leader's safety given the highest and second-highest capabilities. */
  readonly leaderSafety: (top: number, second: number) => number;
  /** Runner-up's equilibrium safety (it loses; ties go to the more capable team). */
  readonly runnerUpSafety: (top: number, second: number) => number;
}

export type Strategy = NoInfoStrategy | PrivateStrategy | PublicStrategy;
