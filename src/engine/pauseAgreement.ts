// The conditional pause agreement (DeepMind FSF v2's "only works if adopted widely"; RSP v3's
// rationale for dropping a unilateral pause). Members are volunteers: the agreement asks every
// member to pause while any member knows of a crossing without the safeguards to train on; nothing
// makes a voluntary member comply. A member that does not pause defects, in public view.

import { registeredAllowedPosture } from './knowledge';
import { stopsTraining } from './postures';
import type { LabState, Scenario } from './types';

export interface AgreementStatus {
  /** Enough members for the agreement to be in force. */
  active: boolean;
  /** In force, and a member knows of an unsafeguarded crossing (on its registered ladder). */
  triggered: boolean;
}

/** The agreement's state at the start of a quarter (what every lab is told before deciding). */
export function pauseAgreementStatus(
  labs: readonly LabState[],
  scenario: Scenario,
  minimum: number,
): AgreementStatus {
  let members = 0;
  let triggered = false;
  for (const lab of labs) {
    if (!lab.policy.inPauseAgreement || lab.halted) continue;
    members++;
    if (!triggered && stopsTraining(registeredAllowedPosture(lab, scenario))) triggered = true;
  }
  const active = members >= minimum;
  return { active, triggered: active && triggered };
}

/** Reputation a member loses for ignoring a triggered agreement (invented for play). */
export const DEFECTION_REPUTATION_LOSS = 0.06;
