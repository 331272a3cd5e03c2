// What a session record's fields must say about each other once each has the right shape: the
// teams are the game's human seats with names told apart, the turn and the commitments make
// sense, a setup has played nothing, and a policy step holds one sound draft per team.
import type { DecisionLog } from '../../engine/game';
import { describeValue } from '../../engine/scenario/words';
import type { Scenario } from '../../engine/types';
import { teamNameKey } from '../../engine/workshop/teamNames';
import { teamPolicyId } from '../../engine/workshop/teamPolicies';
import { draftProblems } from '../../engine/workshop/teamPolicyCheck';
import type { TeamPolicyDraft, WorkshopMeta } from '../../engine/workshop/types';

/**
 * The first thing wrong with a record whose fields each have the right shape, as a message naming
 * its place in the file; null when the fields agree with each other and with the game.
 */
export function recordProblem(
  meta: WorkshopMeta,
  humans: readonly string[],
  log: DecisionLog,
  scenario: Scenario,
): string | null {
  const teamLabs = meta.teams.map((t) => t.lab);
  if (teamLabs.length !== humans.length || teamLabs.some((lab, i) => humans[i] !== lab)) {
    return `extra.teams: the teams’ labs (${teamLabs.join(', ')}) must be the human seats in setup.humans (${humans.join(', ')}), in the same order`;
  }
  const names = new Set<string>();
  for (const [i, team] of meta.teams.entries()) {
    const key = teamNameKey(team.name);
    if (key === '') {
      return `extra.teams[${i}].name: a team name cannot be empty (it shows no characters)`;
    }
    if (names.has(key)) {
      return `extra.teams[${i}].name: two teams are called ${JSON.stringify(team.name)}`;
    }
    names.add(key);
  }
  if (meta.turn.team !== null && !teamLabs.includes(meta.turn.team)) {
    return `extra.turn.team: ${JSON.stringify(meta.turn.team)} is not a team’s lab`;
  }
  for (const [i, c] of meta.commitments.entries()) {
    if (c.until !== null && c.until < c.round) {
      return `extra.commitments[${i}].until: the last quarter covered (${c.until}) is before the quarter it was made (${c.round})`;
    }
  }
  if (meta.stage !== 'play' && (log.length > 0 || meta.injects.length > 0)) {
    return 'extra.stage: a setup that has not started cannot have played quarters or injects';
  }
  return policyStepProblem(meta, scenario);
}

/** What is wrong with a saved policy step, checked against the session's teams and scenario. */
function policyStepProblem(meta: WorkshopMeta, scenario: Scenario): string | null {
  const step = meta.policyStep;
  if (meta.stage !== 'policies') {
    return step === null
      ? null
      : 'extra.policyStep: only a session in its policy step (stage "policies") keeps one';
  }
  if (step === null)
    return 'extra.policyStep: a session in its policy step needs the teams’ drafts';
  const labs = meta.teams.map((t) => t.lab);
  if (step.drafts.length !== labs.length || step.drafts.some((d, i) => d.lab !== labs[i])) {
    return `extra.policyStep.drafts: one draft per team, in the teams’ order (${labs.join(', ')})`;
  }
  for (const [i, draft] of step.drafts.entries()) {
    if (draft.policy.id !== teamPolicyId(draft.lab)) {
      return `extra.policyStep.drafts[${i}].policy.id: expected ${JSON.stringify(teamPolicyId(draft.lab))}, got ${describeValue(draft.policy.id)}`;
    }
  }
  const problem = draftProblems(scenario, step.drafts as TeamPolicyDraft[])[0];
  if (problem) {
    const i = labs.indexOf(problem.lab);
    return `extra.policyStep.drafts[${i}].policy.${problem.message}`;
  }
  return null;
}
