// Parameter validation for the race model. Every check returns a plain-language message
// instead of throwing, so the CLI and the UI can show it as is.

import type { InfoRegime, PublicRule, RaceError } from './types';
import { INFO_REGIMES, PUBLIC_RULES } from './types';

/**
 * Upper bounds, not part of the paper: they cap one simulation at about 10^8 team draws
 * (roughly a second on a laptop; 10,000 runs of 2–10 teams take a few milliseconds).
 */
export const MAX_TEAMS = 1000;
export const MAX_RUNS = 10_000_000;
export const MAX_TEAM_RUNS = 100_000_000;

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return typeof value;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Messages for invalid game parameters (empty when valid). */
export function paramErrors(input: {
  teams?: unknown;
  enmity?: unknown;
  skill?: unknown;
  publicRule?: unknown;
}): string[] {
  const errors: string[] = [];
  const { teams, enmity, skill, publicRule } = input;
  if (!isNumber(teams) || !Number.isInteger(teams) || teams < 2 || teams > MAX_TEAMS) {
    errors.push(`teams must be an integer from 2 to ${MAX_TEAMS} (got ${show(teams)})`);
  }
  if (!isNumber(enmity) || enmity < 0 || enmity > 1) {
    errors.push(`enmity must be a number in [0, 1] (got ${show(enmity)})`);
  }
  if (!isNumber(skill) || skill <= 0) {
    errors.push(`skill (mu) must be a finite number > 0 (got ${show(skill)})`);
  }
  if (publicRule !== undefined && !PUBLIC_RULES.includes(publicRule as PublicRule)) {
    errors.push(`publicRule must be one of ${PUBLIC_RULES.join(', ')} (got ${show(publicRule)})`);
  }
  return errors;
}

/** Messages for an invalid information regime (empty when valid). */
export function infoErrors(info: unknown): string[] {
  return INFO_REGIMES.includes(info as InfoRegime)
    ? []
    : [`info must be one of ${INFO_REGIMES.join(', ')} (got ${show(info)})`];
}

/** Messages for invalid Monte Carlo options (empty when valid). */
export function simulateErrors(input: {
  teams?: unknown;
  enmity?: unknown;
  skill?: unknown;
  publicRule?: unknown;
  info?: unknown;
  runs?: unknown;
  seed?: unknown;
}): string[] {
  const errors = [...paramErrors(input), ...infoErrors(input.info)];
  const { runs, seed } = input;
  if (!isNumber(runs) || !Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
    errors.push(`runs must be an integer from 1 to ${MAX_RUNS} (got ${show(runs)})`);
  }
  if (errors.length === 0 && (runs as number) * (input.teams as number) > MAX_TEAM_RUNS) {
    errors.push(
      `teams × runs must be at most ${MAX_TEAM_RUNS} (got ${show(input.teams)} × ${show(runs)})`,
    );
  }
  if (!isNumber(seed) || !Number.isSafeInteger(seed)) {
    errors.push(`seed must be an integer (got ${show(seed)})`);
  }
  return errors;
}

export function raceError(errors: readonly string[]): RaceError {
  return { ok: false, errors: [...errors] };
}
