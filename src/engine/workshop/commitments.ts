// Public commitments and agreements announced at the table ("we will not deploy above High
// without an audit", "a pause pact between A and C"), and what the game record says about them.
// The inference is a pure reading of the resolved quarters — the decisions, the postures actually
// taken, what each lab's own evals showed — and the facilitator's mark, when given, has the last
// word. Only what a lab could know counts: deploying above a level its evals had not shown is a
// missed crossing, not a broken promise.

import { POSTURE_RULES, stopsTraining } from '../postures';
import type { GameState, LabRoundRecord, Posture, Scenario } from '../types';
import {
  COMMITMENT_KINDS,
  WORKSHOP_LIMITS,
  type Commitment,
  type CommitmentMark,
  type CommitmentTerms,
} from './types';

export interface CommitmentInput {
  round: number;
  until: number | null;
  parties: string[];
  text: string;
  terms: CommitmentTerms;
}

/** Problems with a commitment about to be recorded, each naming its field. */
export function commitmentProblems(
  input: CommitmentInput,
  scenario: Scenario,
  totalRounds: number,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const labs = new Set(scenario.labs.map((l) => l.id));
  const text = input.text.trim();
  if (text === '') problems.push({ field: 'text', message: 'Write what was promised.' });
  else if (text.length > WORKSHOP_LIMITS.commitmentText)
    problems.push({
      field: 'text',
      message: `Keep it under ${WORKSHOP_LIMITS.commitmentText} characters.`,
    });
  if (input.parties.length === 0)
    problems.push({ field: 'parties', message: 'Choose at least one lab bound by it.' });
  else if (input.parties.some((p) => !labs.has(p)))
    problems.push({ field: 'parties', message: 'Only labs in this scenario can be parties.' });
  else if (input.terms.kind === 'pausePact' && input.parties.length < 2)
    problems.push({ field: 'parties', message: 'A pact needs at least two parties.' });
  if (!COMMITMENT_KINDS.includes(input.terms.kind))
    problems.push({ field: 'kind', message: 'Choose what kind of commitment it is.' });
  if (
    input.terms.kind === 'noDeployAbove' &&
    !scenario.levels.some((l) => l.id === (input.terms as { level: string }).level)
  )
    problems.push({ field: 'level', message: 'Choose a level of this scenario’s policy.' });
  if (!Number.isInteger(input.round) || input.round < 1 || input.round > totalRounds)
    problems.push({ field: 'round', message: `Choose a quarter from 1 to ${totalRounds}.` });
  if (
    input.until !== null &&
    (!Number.isInteger(input.until) || input.until < input.round || input.until > totalRounds)
  )
    problems.push({
      field: 'until',
      message: `The last quarter covered must be from quarter ${input.round} to ${totalRounds}.`,
    });
  return problems;
}

/** Record a commitment (ids are c1, c2 … in the order announced). */
export function addCommitment(list: readonly Commitment[], input: CommitmentInput): Commitment[] {
  const used = new Set(list.map((c) => c.id));
  let n = list.length + 1;
  while (used.has(`c${n}`)) n += 1;
  const commitment: Commitment = {
    id: `c${n}`,
    round: input.round,
    until: input.until,
    parties: [...new Set(input.parties)],
    text: input.text.trim(),
    terms: input.terms,
    mark: null,
  };
  return [...list, commitment];
}

export function markCommitment(
  list: readonly Commitment[],
  id: string,
  mark: CommitmentMark,
): Commitment[] {
  return list.map((c) => (c.id === id ? { ...c, mark } : c));
}

export function removeCommitment(list: readonly Commitment[], id: string): Commitment[] {
  return list.filter((c) => c.id !== id);
}

// ---------------------------------------------------------------- inference

export type InferredStatus =
  /** No quarter it covers has been resolved yet. */
  | 'pending'
  /** A free statement: only the facilitator can judge it. */
  | 'manual'
  /** Its condition never arose in the quarters it covered. */
  | 'notTriggered'
  | 'kept'
  | 'broken';

/**
 * What one quarter of the record shows about a commitment, as facts; the words for them are
 * src/presentation/workshop/commitmentWords.ts's (`evidenceWords`).
 */
export type EvidenceFact =
  /** The lab left the conditional pause agreement. */
  | { kind: 'leftPact' }
  /** These parties' own evals called for a pause, and the lab took this posture instead. */
  | { kind: 'pauseIgnored'; callers: string[]; took: Posture }
  /** These parties' own evals called for a pause, and every party paused. */
  | { kind: 'allPaused'; callers: string[] }
  /** The lab released in full while its own evals showed this level (an id) reached. */
  | { kind: 'deployedAbove'; level: string }
  /** The lab quietly revised its threshold at this level (an id). */
  | { kind: 'quietRevision'; level: string };

export interface CommitmentEvidence {
  round: number;
  lab: string;
  fact: EvidenceFact;
  broke: boolean;
}

export interface CommitmentAssessment {
  inferred: InferredStatus;
  /** The verdict that stands: the facilitator's mark, else the inference. */
  verdict: 'kept' | 'broken' | 'notTriggered' | 'pending' | 'unjudged';
  /** True once every quarter it covers has been resolved (or the game is over). */
  settled: boolean;
  evidence: CommitmentEvidence[];
}

/** What the game record says about one commitment. */
export function assessCommitment(
  commitment: Commitment,
  scenario: Scenario,
  state: GameState,
): CommitmentAssessment {
  const last = commitment.until ?? state.totalRounds;
  const rounds = state.history.filter((r) => r.round >= commitment.round && r.round <= last);
  const settled = state.outcome !== null || state.history.some((r) => r.round >= last);
  const evidence: CommitmentEvidence[] = [];
  const parties = commitment.parties;
  const rows = (round: (typeof rounds)[number]): LabRoundRecord[] =>
    round.labs.filter((l) => parties.includes(l.lab));
  let triggered = false;

  switch (commitment.terms.kind) {
    case 'statement':
      break;
    case 'pausePact':
      for (const round of rounds) {
        const mine = rows(round);
        for (const r of mine) {
          if (r.decision.actions.some((a) => a.kind === 'leavePauseAgreement')) {
            evidence.push({
              round: round.round,
              lab: r.lab,
              fact: { kind: 'leftPact' },
              broke: true,
            });
          }
        }
        const callers = mine.filter((r) => stopsTraining(r.allowedPosture));
        if (callers.length === 0) continue;
        triggered = true;
        const callerIds = callers.map((r) => r.lab);
        for (const r of mine) {
          if (!stopsTraining(r.effectivePosture)) {
            evidence.push({
              round: round.round,
              lab: r.lab,
              fact: { kind: 'pauseIgnored', callers: callerIds, took: r.effectivePosture },
              broke: true,
            });
          }
        }
        if (mine.every((r) => stopsTraining(r.effectivePosture))) {
          evidence.push({
            round: round.round,
            lab: callers[0]?.lab ?? '',
            fact: { kind: 'allPaused', callers: callerIds },
            broke: false,
          });
        }
      }
      break;
    case 'noDeployAbove': {
      const levelId = commitment.terms.level;
      const threshold = scenario.levels.findIndex((l) => l.id === levelId);
      for (const round of rounds) {
        for (const r of rows(round)) {
          const known = scenario.levels.findIndex((l) => l.id === r.knownLevel);
          if (threshold < 0 || known < threshold) continue;
          triggered = true;
          if (POSTURE_RULES[r.effectivePosture].release === 'full') {
            evidence.push({
              round: round.round,
              lab: r.lab,
              fact: { kind: 'deployedAbove', level: levelId },
              broke: true,
            });
          }
        }
      }
      break;
    }
    case 'noQuietRevision':
      triggered = rounds.length > 0;
      for (const round of rounds) {
        for (const r of rows(round)) {
          for (const a of r.decision.actions) {
            if (a.kind === 'reviseThreshold' && !a.publicly) {
              evidence.push({
                round: round.round,
                lab: r.lab,
                fact: { kind: 'quietRevision', level: a.levelId },
                broke: true,
              });
            }
          }
        }
      }
      break;
  }

  const inferred: InferredStatus =
    commitment.terms.kind === 'statement'
      ? 'manual'
      : rounds.length === 0
        ? 'pending'
        : evidence.some((e) => e.broke)
          ? 'broken'
          : triggered
            ? 'kept'
            : 'notTriggered';
  const verdict: CommitmentAssessment['verdict'] =
    commitment.mark ?? (inferred === 'manual' ? 'unjudged' : inferred);
  return { inferred, verdict, settled, evidence };
}

/** Every commitment's assessment, in the order announced. */
export function assessCommitments(
  list: readonly Commitment[],
  scenario: Scenario,
  state: GameState,
): { commitment: Commitment; assessment: CommitmentAssessment }[] {
  return list.map((commitment) => ({
    commitment,
    assessment: assessCommitment(commitment, scenario, state),
  }));
}
