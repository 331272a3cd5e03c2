// The teams' policies as the room sees them on the projector during the policy step. What shows
// is what the facilitator chose (types.ts, PolicyDisclosure): under 'asWritten' a policy its team
// marked public shows in full and a private one only by name — what rivals would learn of it in
// play — and under 'all' every policy shows in full. Plain JSON, like the rest of the snapshot.

import type { PolicySpec, Scenario, ShortfallRule } from '../../engine/types';
import type { PolicyStep, WorkshopTeam } from '../../engine/workshop/types';

/** What a policy says to do short of its training safeguards, in the room's words. */
export const SHORTFALL_WORDS: Record<ShortfallRule, string> = {
  pause: 'Pause training until the safeguards are ready',
  restrict: 'Keep training; release only with limits',
  delayIfAhead: 'Delay only if ahead and the risk is significant',
};

export interface PublicPolicyLevel {
  name: string;
  /** Domain name and threshold (capability 0..1). */
  thresholds: { domain: string; value: number }[];
}

export interface PublicTeamPolicy {
  team: string;
  labName: string;
  name: string;
  /** Whether the rest shows (false: a private policy, shown by name only). */
  shown: boolean;
  /** The template it started from, by name. */
  from: string;
  whenShort: string;
  binding: boolean;
  public: boolean;
  competitorClause: boolean;
  /** Quarters between evaluations, and the safety buffer. */
  cadence: number;
  safetyBuffer: number;
  levels: PublicPolicyLevel[];
}

export function publicTeamPolicies(
  scenario: Scenario,
  teams: readonly WorkshopTeam[],
  step: PolicyStep,
): PublicTeamPolicy[] {
  const domainName = (id: string) => scenario.domains.find((d) => d.id === id)?.name ?? id;
  const policyName = (id: string) => scenario.policies.find((p) => p.id === id)?.name ?? id;
  return step.drafts.map((draft) => {
    const p: PolicySpec = draft.policy;
    const team = teams.find((t) => t.lab === draft.lab);
    const shown = step.disclosure === 'all' || p.public;
    return {
      team: team?.name ?? draft.lab,
      labName: scenario.labs.find((l) => l.id === draft.lab)?.name ?? draft.lab,
      name: p.name,
      shown,
      from: policyName(draft.template),
      whenShort: shown ? SHORTFALL_WORDS[p.whenShort] : '',
      binding: shown && p.binding,
      public: p.public,
      competitorClause: shown && p.competitorClause,
      cadence: shown ? p.evaluation.cadence : 0,
      safetyBuffer: shown ? p.evaluation.safetyBuffer : 0,
      levels: shown
        ? p.levels.map((l) => ({
            name: l.name,
            thresholds: Object.entries(l.thresholds).map(([d, value]) => ({
              domain: domainName(d),
              value: value ?? 0,
            })),
          }))
        : [],
    };
  });
}
