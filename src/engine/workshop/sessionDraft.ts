// The session's length and the facilitator's lock, as chosen at setup (beside the teams and the
// timer in seats.ts's WorkshopDraft): how many of the scenario's quarters to play, and the PIN
// that keeps the console from a team's screen.

import type { GameSetup } from '../machines/gameMachine';
import type { Scenario } from '../types';
import { PIN_PATTERN, WORKSHOP_LIMITS, type PolicyDisclosure } from './types';

/** The optional policy step, as chosen at setup. */
export interface PolicyStepDraft {
  /** Writing time in minutes (NaN while the box holds no number); null: no timer. */
  minutes: number | null;
  disclosure: PolicyDisclosure;
}

export interface SessionDraft {
  /** Quarters to play; null: all of the scenario's. */
  quarters: number | null;
  /** The facilitator's PIN as typed; '' for no lock. */
  pin: string;
  /** Teams write their own policy before quarter 1; null: they play the scenario's. */
  policyStep?: PolicyStepDraft | null;
}

/** Fifteen minutes: time to read a template, argue, and change a few numbers. */
export const DEFAULT_POLICY_STEP: PolicyStepDraft = { minutes: 15, disclosure: 'asWritten' };

export const NO_SESSION_OPTIONS: SessionDraft = { quarters: null, pin: '', policyStep: null };

/** The policy step's writing time in seconds (null: no timer). */
export function policySecondsOf(step: PolicyStepDraft): number | null {
  return step.minutes === null ? null : Math.round(step.minutes * 60);
}

export function sessionDraftProblems(
  draft: SessionDraft,
  scenario: Scenario,
): { field: 'quarters' | 'pin' | 'policyMinutes'; message: string }[] {
  const problems: { field: 'quarters' | 'pin' | 'policyMinutes'; message: string }[] = [];
  const q = draft.quarters;
  if (q !== null && (!Number.isInteger(q) || q < 1 || q > scenario.rounds)) {
    problems.push({
      field: 'quarters',
      message: `Choose 1 to ${scenario.rounds} quarters (the scenario has ${scenario.rounds}).`,
    });
  }
  if (draft.pin !== '' && !PIN_PATTERN.test(draft.pin)) {
    const { min, max } = WORKSHOP_LIMITS.pin;
    problems.push({
      field: 'pin',
      message: `A PIN is ${min} to ${max} digits (or leave it empty for no lock).`,
    });
  }
  const step = draft.policyStep;
  const seconds = step ? policySecondsOf(step) : null;
  const { min, max } = WORKSHOP_LIMITS.policySeconds;
  if (seconds !== null && !(Number.isFinite(seconds) && seconds >= min && seconds <= max)) {
    problems.push({
      field: 'policyMinutes',
      message: `Give teams ${min / 60} to ${max / 60} minutes to write their policy (or no time limit).`,
    });
  }
  return problems;
}

/** The game setup with the chosen length (none recorded when it is the scenario's own). */
export function withQuarters(
  setup: GameSetup,
  draft: Pick<SessionDraft, 'quarters'> & Partial<SessionDraft>,
): GameSetup {
  const { rounds: _old, ...rest } = setup;
  void _old;
  const q = draft.quarters;
  return q !== null && q < setup.scenario.rounds ? { ...rest, rounds: q } : rest;
}

/** The draft a saved setup or session comes back as (its policy step, if it chose one). */
export function sessionDraftOf(
  setup: GameSetup,
  pin: string | null,
  policyStep: PolicyStepDraft | null = null,
): SessionDraft {
  return { quarters: setup.rounds ?? null, pin: pin ?? '', policyStep };
}
