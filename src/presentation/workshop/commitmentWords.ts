// What the debrief, the report, the console and the projector call each kind of table commitment
// and each verdict on one. The engine (src/engine/workshop/commitments.ts) judges commitments;
// these are only the words for its answers.

import type { CommitmentAssessment } from '../../engine/workshop/commitments';
import type { CommitmentKind } from '../../engine/workshop/types';

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
