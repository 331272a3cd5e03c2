// The room's scenario as a team's device may hold it. Its forms need the scenario (domains,
// levels, its own lab's policy), but not what is not yet the team's to know:
// - the scripted events: the facilitator reveals them (fires them, or they arrive in their quarter);
// - another team's policy written in the policy step and kept private: in the pass-the-laptop
//   workshop only its name reaches the room (the projector's board, publicPolicies.ts) until the
//   debrief's reveal. On the wire it is replaced by a stand-in with its id and name, so lookups by
//   id still work and nothing of what that team wrote is sent.

import type { PolicySpec, Scenario } from '../engine/types';
import { isTeamPolicy, teamPolicyId } from '../engine/workshop/teamPolicies';

/** A private policy as a rival may know it: its id and name over the scenario's default ladder. */
function standIn(policy: PolicySpec, scenario: Scenario): PolicySpec {
  const base = scenario.policies.find((p) => p.id === scenario.defaultPolicy && !isTeamPolicy(p));
  return {
    ...(base ?? policy),
    id: policy.id,
    name: policy.name,
    description: 'Kept private by the team that wrote it.',
    public: false,
  };
}

export function scenarioForTeam(scenario: Scenario, lab: string): Scenario {
  const own = teamPolicyId(lab);
  return {
    ...scenario,
    events: [],
    policies: scenario.policies.map((p) =>
      isTeamPolicy(p) && p.id !== own && !p.public ? standIn(p, scenario) : p,
    ),
  };
}
