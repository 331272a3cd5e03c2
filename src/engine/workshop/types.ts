// The workshop session's own record: teams and their seats, the decision timer, the facilitator's
// turn flow, live injects, the public commitments teams announce and the facilitator's PIN. Plain
// JSON, like the game state: it is derived from the workshop machine's snapshot
// (workshopRecord.ts), saved after every action (as a SavedGame's `extra`) and restored from the
// file. The game itself is (scenario, seed, length, decision log, live injects).

import type { FiredInject } from '../game';
import type { PolicySpec } from '../types';

/** A team of players at the table, holding one lab's seat. */
export interface WorkshopTeam {
  /** The lab whose seat the team holds. */
  lab: string;
  /** The team's name as the room knows it ("Team Amber"). */
  name: string;
}

/**
 * A per-round decision timer as plain timestamps (ms since the epoch), so a reload, a second
 * window or a crash resumes it exactly: while running, what is left is `deadline − now`; while
 * stopped, `remainingMs`.
 */
export interface TimerState {
  durationMs: number;
  /** When time runs out, while the timer runs; null while it is stopped (paused). */
  deadline: number | null;
  /** Time left while stopped (ignored while running). */
  remainingMs: number;
}

/** Which screen the laptop shows. Only `team` shows anything private, and only that team's. */
export type TurnScreen = 'console' | 'handover' | 'team' | 'public';

export interface TurnState {
  screen: TurnScreen;
  /** The team (lab id) called to the laptop, on the handover and team screens; null otherwise. */
  team: string | null;
}

/**
 * What a public commitment promises, so the debrief can check it against what happened:
 * - statement: free words only; the facilitator judges it.
 * - pausePact: the parties pause together — if any of them knows it has crossed a threshold
 *   without the safeguards its training needs, every party pauses that quarter; none leaves the
 *   conditional pause agreement.
 * - noDeployAbove: the parties will not fully deploy once their own evals show `level` reached.
 * - noQuietRevision: the parties will not quietly revise a threshold.
 */
export type CommitmentTerms =
  | { kind: 'statement' }
  | { kind: 'pausePact' }
  | { kind: 'noDeployAbove'; level: string }
  | { kind: 'noQuietRevision' };

export type CommitmentKind = CommitmentTerms['kind'];
export const COMMITMENT_KINDS: readonly CommitmentKind[] = [
  'statement',
  'pausePact',
  'noDeployAbove',
  'noQuietRevision',
];

/** The facilitator's verdict at the debrief (null: not marked; the inference stands). */
export type CommitmentMark = 'kept' | 'broken' | null;

export interface Commitment {
  id: string;
  /** Quarter it was announced: it covers that quarter's decisions onwards. */
  round: number;
  /** Last quarter it covers (null: to the end of the game). */
  until: number | null;
  /** Labs bound by it (team labs or bot labs). */
  parties: string[];
  /** What was said, in the team's words. */
  text: string;
  terms: CommitmentTerms;
  mark: CommitmentMark;
}

/** 'policies': the optional step in which teams write their own policy before quarter 1. */
export type WorkshopStage = 'setup' | 'policies' | 'play';

/**
 * What the projector shows of the teams' policies before quarter 1: 'asWritten' — all of a
 * policy its team marked public, only its name of one marked private (as rivals would hear of
 * it); 'all' — every policy in full (the facilitator's choice, for a room that debates them).
 */
export type PolicyDisclosure = 'asWritten' | 'all';
export const POLICY_DISCLOSURES: readonly PolicyDisclosure[] = ['asWritten', 'all'];

/** One team's policy as it is being written: the template it started from, and the policy now. */
export interface TeamPolicyDraft {
  lab: string;
  /** Id of the scenario policy it started from. */
  template: string;
  policy: PolicySpec;
}

/** The policy-writing step, while it runs (saved so a reload resumes it, timer and all). */
export interface PolicyStep {
  /** Writing time in seconds; null: no timer. */
  seconds: number | null;
  timer: TimerState | null;
  disclosure: PolicyDisclosure;
  drafts: TeamPolicyDraft[];
}

/** Everything about the session that is not the game itself. */
export interface WorkshopMeta {
  /**
   * 2 added `pin`; 3 added the policy step (`stage` "policies", `policyStep`). Older records are
   * read as format 3 without a PIN and without a policy step.
   */
  format: 3;
  stage: WorkshopStage;
  teams: WorkshopTeam[];
  /** Decision time per round in seconds; null: no timer. */
  timerSeconds: number | null;
  /** This round's timer (null: none running — no timer set, or decisions are closed). */
  timer: TimerState | null;
  /** Decisions are open for the current quarter. */
  roundOpen: boolean;
  /** Paused for discussion: the timer stops and no team is called. */
  paused: boolean;
  turn: TurnState;
  commitments: Commitment[];
  /** Live injects the facilitator fired (the machine replays them with the log). */
  injects: FiredInject[];
  /**
   * The facilitator's PIN: the console opens from a team's screen only with it (null: no lock).
   * A lock for one shared laptop, not a secret: it is kept in the session file as it is.
   */
  pin: string | null;
  /** The policy-writing step while the room is in it (stage "policies"); null otherwise. */
  policyStep: PolicyStep | null;
}

/** A PIN is 4 to 8 digits. */
export const PIN_PATTERN = /^\d{4,8}$/;

export const WORKSHOP_LIMITS = {
  teams: { min: 2, max: 6 },
  teamName: 40,
  /** Decision timer: 30 seconds to 1 hour. */
  timerSeconds: { min: 30, max: 3600 },
  commitments: 200,
  commitmentText: 300,
  injects: 200,
  pin: { min: 4, max: 8 },
  /** Policy-writing time: 1 minute to 1 hour. */
  policySeconds: { min: 60, max: 3600 },
} as const;
