// Checking the teams' drafts (teamPolicies.ts) as the scenario will be checked when it is saved or
// loaded. Apart from teamPolicies.ts because it brings the scenario validator (and valibot): the
// workshop machine's policy step is given this check (checkedWorkshopMachine.ts on the server and in
// tests; the laptop fetches it when a policy step begins), so a workshop without one never loads it.

import { formatIssue, validateScenarioValue } from '../scenario/checkValue';
import type { GameSetup } from '../machines/gameMachine';
import type { Scenario } from '../types';
import { withTeamPolicies } from './teamPolicies';
import type { PolicyStep, TeamPolicyDraft } from './types';

/** A problem with a team's draft, in words that name the field ("Level 2, cyber threshold: …"). */
export interface DraftProblem {
  lab: string;
  message: string;
}

/**
 * What is wrong with the drafts, checked as the scenario will be checked when it is saved or
 * loaded: each problem names its team's lab and the field, with the path inside the policy.
 */
export function draftProblems(
  scenario: Scenario,
  drafts: readonly TeamPolicyDraft[],
): DraftProblem[] {
  const combined = withTeamPolicies(scenario, drafts);
  const result = validateScenarioValue(combined);
  if (result.ok) return [];
  const firstTeam = combined.policies.length - drafts.length;
  return result.errors.map((issue) => {
    const match = /^policies\[(\d+)\]\.?(.*)$/.exec(issue.path);
    const index = match ? Number(match[1]) : -1;
    const draft = index >= firstTeam ? drafts[index - firstTeam] : undefined;
    if (!draft) return { lab: drafts[0]?.lab ?? '', message: formatIssue(issue) };
    return { lab: draft.lab, message: `${match?.[2] || 'the policy'}: ${issue.message}` };
  });
}

/**
 * The workshop machine's `policiesSound` guard: in the policy step, every team's draft passes, so
 * quarter 1 can start under the teams' policies.
 */
export function policiesSound(context: {
  pendingSetup: GameSetup | null;
  policyStep: PolicyStep | null;
}): boolean {
  const { pendingSetup, policyStep } = context;
  return (
    pendingSetup !== null &&
    policyStep !== null &&
    draftProblems(pendingSetup.scenario, policyStep.drafts).length === 0
  );
}
