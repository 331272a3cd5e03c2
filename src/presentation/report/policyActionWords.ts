// A policy action a lab took in a quarter, in the words of the after-action report: the same in
// the Markdown download and on the printable page. (The CSV keeps its own terse ids.)

import { domainName, levelName } from '../../engine/scenarioNames';
import { percent } from '../../engine/numbers';
import type { PolicyAction, Scenario } from '../../engine/types';

/** E.g. "quiet revision of Level 2 Cyber to 70%", "invited an audit". Plain text, not escaped. */
export function policyActionWords(action: PolicyAction, scenario: Scenario): string {
  switch (action.kind) {
    case 'reviseThreshold': {
      return `${action.publicly ? 'public' : 'quiet'} revision of ${levelName(scenario, action.levelId)} ${domainName(scenario, action.domain)} to ${percent(action.to)}`;
    }
    case 'inviteAudit':
      return 'invited an audit';
    case 'joinPauseAgreement':
      return 'joined the pause agreement';
    case 'leavePauseAgreement':
      return 'left the pause agreement';
    case 'publishEvals':
      return action.publish ? 'published evals' : 'stopped publishing evals';
  }
}
