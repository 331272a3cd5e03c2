// Plain words for the policy actions a lab can take in a quarter, with the costs the engine
// actually applies (so the decision form's hints and the rules cannot drift apart).

import { GLOSSARY } from './glossary';
import { TRACK_MEANINGS } from './explain';
import { AUDIT_COST, LEAVING_PACT_COST, PUBLIC_LOOSENING_COST } from '../engine/policyActions';
import { resolveDynamics } from '../engine/parameters';
import type { BudgetLine, LabView, Scenario } from '../engine/types';

export interface PolicyActionHelp {
  revise: string;
  revisePublicly: string;
  reviseQuietly: string;
  audit: string;
  pauseAgreement: string;
  publishEvals: string;
}

const points = (x: number): string =>
  `${Math.round(x * 100)} point${Math.round(x * 100) === 1 ? '' : 's'}`;

export function policyActionHelp(scenario: Scenario, view: LabView): PolicyActionHelp {
  const p = resolveDynamics(scenario.dynamics);
  const self = view.self;
  const members =
    view.rivals.filter((r) => r.inPauseAgreement).length + (self.policy.inPauseAgreement ? 1 : 0);
  const agreement = view.pauseAgreementActive
    ? 'The agreement is in force.'
    : `The agreement is not in force: it needs at least ${p.pauseAgreementMinimum} members (it has ${members}).`;
  return {
    revise:
      'Move one of your own policy’s thresholds. Raising it means the policy triggers later; the real danger does not move with it.',
    revisePublicly: `Announced. Loosening costs ${points(PUBLIC_LOOSENING_COST)} of reputation; tightening earns a little.`,
    reviseQuietly:
      'Not announced. No one knows — until an audit or a whistleblower exposes it, which costs reputation and public trust.',
    audit: `${GLOSSARY.audit ?? ''} It costs ${AUDIT_COST} from next quarter’s budget.`,
    pauseAgreement: `${GLOSSARY['conditional pause agreement'] ?? ''} ${agreement}${
      self.policy.inPauseAgreement
        ? ` Leaving costs ${points(LEAVING_PACT_COST)} of reputation.`
        : ''
    }`,
    publishEvals: self.policy.publishesEvals
      ? 'You publish your eval results: rivals and the public see them, so any breach of your commitment is visible at once.'
      : 'Publishing lets rivals and the public see your eval results. Any breach of your commitment would then be visible at once.',
  };
}

/** What each budget line buys, in plain words. */
export const BUDGET_HINTS: Record<BudgetLine, string> = {
  capabilities:
    'Training compute and research: how fast your model gains capability (and revenue).',
  security: `Security: ${TRACK_MEANINGS.security}.`,
  deployment: `Deployment safeguards: ${TRACK_MEANINGS.deployment}.`,
  alignment: `Alignment evidence: ${TRACK_MEANINGS.alignment}.`,
  evals: 'Better evaluations: raises how much of the model’s true capability your evals can see.',
};
