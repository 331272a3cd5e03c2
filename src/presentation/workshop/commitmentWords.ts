// What the debrief, the report, the console and the projector call each kind of table commitment
// and each verdict on one, and how they word the record's evidence. The engine
// (src/engine/workshop/commitments.ts) judges commitments; these are only the words for its answers.

import { POSTURE_RULES } from '../../engine/postures';
import { levelName } from '../../engine/scenarioNames';
import type { Scenario } from '../../engine/types';
import type { CommitmentAssessment, CommitmentEvidence } from '../../engine/workshop/commitments';
import type { CommitmentKind } from '../../engine/workshop/types';
import { possessive } from '../debrief/words';

export const COMMITMENT_KIND_LABEL: Record<CommitmentKind, string> = {
  statement: 'Statement (you judge it)',
  pausePact: 'Conditional pause pact',
  noDeployAbove: 'No full deployment at or above a level',
  noQuietRevision: 'No quiet threshold revisions',
};

/** One line for a verdict, as the debrief and the report word it. */
export const VERDICT_WORDS: Record<CommitmentAssessment['verdict'], string> = {
  kept: 'Kept',
  broken: 'Broken',
  notTriggered: 'Not put to the test',
  pending: 'Not yet tested',
  unjudged: 'Not judged yet',
};

/**
 * One piece of the record's evidence as a sentence: "Lantern Labs’ evals called for a pause, but
 * Corvid AI released in full." `labs` names the labs (the game's, or a view's list).
 */
export function evidenceWords(
  evidence: CommitmentEvidence,
  scenario: Scenario,
  labs: readonly { id: string; name: string }[],
): string {
  const name = (id: string) => labs.find((l) => l.id === id)?.name ?? id;
  const whose = (callers: readonly string[]) =>
    callers.length === 1
      ? possessive(name(callers[0] as string), '’')
      : `${callers.map(name).join(' and ')}’s`;
  const fact = evidence.fact;
  switch (fact.kind) {
    case 'leftPact':
      return `${name(evidence.lab)} left the conditional pause agreement.`;
    case 'pauseIgnored':
      return `${whose(fact.callers)} evals called for a pause, but ${name(evidence.lab)} ${POSTURE_RULES[fact.took].words.done}.`;
    case 'allPaused':
      return `${whose(fact.callers)} evals called for a pause, and every party paused.`;
    case 'deployedAbove':
      return `${name(evidence.lab)} deployed fully while its evals showed ${levelName(scenario, fact.level)} reached.`;
    case 'quietRevision':
      return `${name(evidence.lab)} quietly revised its ${levelName(scenario, fact.level)} threshold.`;
  }
}
