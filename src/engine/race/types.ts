// Types for the "Racing to the precipice" validation model (Armstrong, Bostrom & Shulman,
// AI & Society 31, 2016; FHI technical report 2013-1). See MODEL.md, "Validation model:
// Racing to the precipice", for the derivations.

/** What teams know about capabilities when they choose their safety level. */
export type InfoRegime = 'none' | 'private' | 'public';

export const INFO_REGIMES: readonly InfoRegime[] = ['none', 'private', 'public'];

/**
 * How the public-information equilibrium is selected. See MODEL.md, "Public information".
 *
 * - `subgame-perfect` (default): the leader commits to its safety s₁ first and the runner-up, seeing
 *   it, best-responds (overtake with the most safety that still wins, s₁ − Δ, or stay behind and
 *   get s₁(1 − e)). The leader takes s₁ = min(1, Δ / e), unless the lead is below
 *   Δ* = e(1 − e) / (1 + e(1 − e)): then it prefers to take s₁ = 1 and let the runner-up overtake
 *   with safety 1 − Δ (losing a safe race is worth more than winning a risky one).
 * - `deterrence`: the simultaneous game's safest pure Nash equilibrium, s₁ = min(1, Δ / e), the
 *   leader always winning. Equal to `subgame-perfect` whenever Δ ≥ Δ*.
 * - `all-in`: the simultaneous game's riskiest pure Nash equilibrium: the runner-up would take
 *   safety 0 to overtake, so the leader keeps only s₁ = min(1, Δ). Independent of enmity (e > 0).
 *
 * The simultaneous game's leader-wins equilibria are every s₁ in [min(1, Δ), min(1, Δ / e)];
 * at e = 1 the three rules coincide.
 */
export type PublicRule = 'subgame-perfect' | 'deterrence' | 'all-in';

export const PUBLIC_RULES: readonly PublicRule[] = ['subgame-perfect', 'deterrence', 'all-in'];

/** The selection used when none is given. */
export const DEFAULT_PUBLIC_RULE: PublicRule = 'subgame-perfect';

/** The game's parameters. */
export interface RaceParams {
  /** Number of teams n (integer ≥ 2). */
  readonly teams: number;
  /** Enmity e in [0, 1]: a team values a rival's safe AI at 1 − e (its own at 1). */
  readonly enmity: number;
  /** μ > 0: capabilities are Uniform[0, μ]; how much skill matters relative to risk-taking. */
  readonly skill: number;
  /** Public-information equilibrium selection; default `subgame-perfect`. Ignored for other regimes. */
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

/** Who builds the AI in the public regime. */
export type PublicWinner = 'leader' | 'runner-up';

/** The public-information outcome for one pair of top capabilities. */
export interface PublicOutcome {
  /** The leader's (most capable team's) safety. */
  readonly leaderSafety: number;
  /**
   * The runner-up's safety. When it overtakes, this is the supremum of the safeties that win
   * (s₁ − Δ); it must take infinitesimally less, since a tied score goes to the leader.
   */
  readonly runnerUpSafety: number;
  readonly winner: PublicWinner;
  /** Safety of the AI that is built: the probability it is safe. */
  readonly winnerSafety: number;
}

/** Equilibrium strategy in the public-information regime: only the top two teams matter. */
export interface PublicStrategy {
  readonly ok: true;
  readonly regime: 'public';
  readonly rule: PublicRule;
  /** Below this lead the leader lets the runner-up overtake (0 unless `subgame-perfect`). */
  readonly yieldBelow: number;
  /** Leader's safety given the highest and second-highest capabilities. */
  readonly leaderSafety: (top: number, second: number) => number;
  /** Runner-up's equilibrium safety. */
  readonly runnerUpSafety: (top: number, second: number) => number;
  /** The whole outcome: both safeties, who wins and the safety of the AI that is built. */
  readonly outcome: (top: number, second: number) => PublicOutcome;
}

export type Strategy = NoInfoStrategy | PrivateStrategy | PublicStrategy;
