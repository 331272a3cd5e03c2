// Small pure pieces of the room's flow that the workshop machine (workshopMachine.ts) and the
// session record share: who is next to the laptop, and the record of a session not yet started.

import type { WorkshopMeta, WorkshopTeam } from './types';

/** The record of a session whose flow has not begun (a setup, or a test's starting point). */
export function initialMeta(
  teams: WorkshopTeam[],
  timerSeconds: number | null,
  stage: WorkshopMeta['stage'] = 'setup',
): WorkshopMeta {
  return {
    format: 3,
    stage,
    teams,
    timerSeconds,
    timer: null,
    roundOpen: false,
    paused: false,
    turn: { screen: 'console', team: null },
    commitments: [],
    injects: [],
    pin: null,
    policyStep: null,
  };
}

/** The first team (in seat order) that has not locked in, or null when all have. */
export function nextTeam(
  teams: readonly WorkshopTeam[],
  decided: readonly string[],
): string | null {
  return teams.find((t) => !decided.includes(t.lab))?.lab ?? null;
}
