// The policies teams write in a workshop's policy step (issue 14 item 5): each starts as a copy of
// one of the scenario's policies, is edited by its team, and joins the scenario's `policies` when
// quarter 1 starts, with the team's lab playing under it (`policy.use`). From then on it is an
// ordinary policy: saves, replays and session files keep it inside the scenario they embed.

// Checking the drafts against the scenario validator is in teamPolicyCheck.ts: it brings the
// validator, which a workshop without a policy step never needs.

import type { PolicySpec, Scenario } from '../types';
import type { TeamPolicyDraft, WorkshopTeam } from './types';

const PREFIX = 'team-';

/** The id of the policy a team writes for its lab ("team-aster"). */
export function teamPolicyId(lab: string): string {
  return `${PREFIX}${lab}`;
}

/** Whether a policy is one a workshop team wrote (rather than one the scenario shipped). */
export function isTeamPolicy(policy: Pick<PolicySpec, 'id'>): boolean {
  return policy.id.startsWith(PREFIX);
}

/** The policies a team may start from: the scenario's own, the default first. */
export function policyTemplates(scenario: Scenario): PolicySpec[] {
  const shipped = scenario.policies.filter((p) => !isTeamPolicy(p));
  const first = shipped.filter((p) => p.id === scenario.defaultPolicy);
  return [...first, ...shipped.filter((p) => p.id !== scenario.defaultPolicy)];
}

/** The template a team starts from unless it picks another: its lab's own policy. */
export function defaultTemplate(scenario: Scenario, lab: string): string {
  const use = scenario.labs.find((l) => l.id === lab)?.policy.use;
  const templates = policyTemplates(scenario);
  return templates.find((p) => p.id === use)?.id ?? templates[0]?.id ?? scenario.defaultPolicy;
}

/** A team's draft, freshly copied from a template (its ladder and rules, under the team's name). */
export function draftFromTemplate(
  scenario: Scenario,
  team: WorkshopTeam,
  templateId: string,
): TeamPolicyDraft {
  const template =
    policyTemplates(scenario).find((p) => p.id === templateId) ?? policyTemplates(scenario)[0];
  if (!template) throw new Error('a scenario has at least one policy');
  const copy = JSON.parse(JSON.stringify(template)) as PolicySpec;
  return {
    lab: team.lab,
    template: template.id,
    policy: {
      ...copy,
      id: teamPolicyId(team.lab),
      name: `${team.name}’s policy`,
      description: `Written by ${team.name} in the workshop, starting from ${template.name}.`,
      framework: {
        name: `${team.name}’s policy`,
        version: `from ${template.framework.name} ${template.framework.version}`,
        date: template.framework.date,
      },
    },
  };
}

/** Every team's first draft: a copy of its lab's own policy. */
export function firstDrafts(scenario: Scenario, teams: readonly WorkshopTeam[]): TeamPolicyDraft[] {
  return teams.map((team) =>
    draftFromTemplate(scenario, team, defaultTemplate(scenario, team.lab)),
  );
}

/**
 * The scenario with each team's policy added and its lab playing under it (bound by it if the
 * team wrote it binding). A policy already there under the same id (a team's earlier draft) is
 * replaced.
 */
export function withTeamPolicies(scenario: Scenario, drafts: readonly TeamPolicyDraft[]): Scenario {
  if (drafts.length === 0) return scenario;
  const byLab = new Map(drafts.map((d) => [d.lab, d.policy]));
  const ids = new Set(drafts.map((d) => d.policy.id));
  return {
    ...scenario,
    policies: [...scenario.policies.filter((p) => !ids.has(p.id)), ...drafts.map((d) => d.policy)],
    labs: scenario.labs.map((lab) => {
      const policy = byLab.get(lab.id);
      return policy
        ? { ...lab, policy: { ...lab.policy, use: policy.id, binding: policy.binding } }
        : lab;
    }),
  };
}

/** The labs of a scenario that play under a policy their team wrote. */
export function labsWithTeamPolicies(scenario: Scenario): string[] {
  return scenario.labs.filter((l) => l.policy.use === teamPolicyId(l.id)).map((l) => l.id);
}
