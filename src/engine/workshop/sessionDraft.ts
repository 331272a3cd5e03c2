// The session's length and the facilitator's lock, as chosen at setup (beside the teams and the
// timer in seats.ts's WorkshopDraft): how many of the scenario's quarters to play, and the PIN
// that keeps the console from a team's screen.

import type { GameSetup } from '../machines/gameMachine';
import type { Scenario } from '../types';
import { PIN_PATTERN, WORKSHOP_LIMITS } from './types';

export interface SessionDraft {
  /** Quarters to play; null: all of the scenario's. */
  quarters: number | null;
  /** The facilitator's PIN as typed; '' for no lock. */
  pin: string;
}

export const NO_SESSION_OPTIONS: SessionDraft = { quarters: null, pin: '' };

export function sessionDraftProblems(
  draft: SessionDraft,
  scenario: Scenario,
): { field: 'quarters' | 'pin'; message: string }[] {
  const problems: { field: 'quarters' | 'pin'; message: string }[] = [];
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
  return problems;
}

/** The game setup with the chosen length (none recorded when it is the scenario's own). */
export function withQuarters(setup: GameSetup, draft: SessionDraft): GameSetup {
  const { rounds: _old, ...rest } = setup;
  void _old;
  const q = draft.quarters;
  return q !== null && q < setup.scenario.rounds ? { ...rest, rounds: q } : rest;
}

/** The draft a saved setup or session comes back as. */
export function sessionDraftOf(setup: GameSetup, pin: string | null): SessionDraft {
  return { quarters: setup.rounds ?? null, pin: pin ?? '' };
}
