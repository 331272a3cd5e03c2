// A bot strategy as data: a few readable rules (how it treats its commitment, when it releases,
// what it does about the pause agreement and its thresholds, what it publishes) and a point in the
// numeric space of BotTuning (risk appetite and how strongly it reacts to each signal). Every
// archetype file is one of these; `decide` (decide.ts) plays any of them.

import type { BotTuning } from '../types';

/** How a lab treats its own if-then commitment when its evals say pause or restrict. */
export type CommitmentStance =
  /** Always keeps it. */
  | 'keep'
  /** Keeps it unless its board presses hard (above `pressureLimit`) and a rival has fully deployed. */
  | 'keepUnlessPressed'
  /** Pauses only while ahead or while the pause agreement is in force; otherwise restricts. */
  | 'keepWhenAheadOrAgreed'
  /** RSP v3.0: delays training only when it judges itself ahead and the risk significant. */
  | 'delayIfAheadAndSignificant'
  /** Does what it wants, whatever the policy says. */
  | 'ignore';

export interface Strategy {
  commitment: CommitmentStance;
  /** 'always': deploys in full when allowed; 'afterRival': restricted release until a rival ships. */
  release: 'always' | 'afterRival';
  /** 'joinIfOthers': joins an agreement others already belong to (and none broke lately). */
  joins: 'joinIfOthers' | 'never';
  /** What it does as a member: stays, leaves after another member defects, or leaves at once. */
  membership: 'stays' | 'leavesAfterDefection' | 'leaves';
  /** Whether it pauses when the agreement is triggered: always, unless its board presses, never. */
  honoursAgreement: 'always' | 'unlessPressed' | 'never';
  /** How it loosens thresholds: never; quietly under pressure; OpenAI PF v2's competitor clause. */
  loosening: 'none' | 'quietUnderPressure' | 'competitorClause';
  /** Publishes its eval results. */
  publishesEvals: boolean;
  /** Invites an external audit every n quarters (0: never). */
  auditEvery: number;
  /** Security share it never exceeds (open weights: its weights are public anyway); null: no cap. */
  securityCap: number | null;
  tuning: BotTuning;
}
