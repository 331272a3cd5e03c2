// The stress test of the policies teams wrote (issue 14 item 5): bots play every seat of the
// workshop's scenario a few hundred times, once as the room set it up (each team's lab under its
// own policy) and once for each team and each real framework of the scenario with that team's lab
// under the framework instead — the Explorer's policy lever (sweepParameters.ts) on the same
// seeds. Every row is the team's policy minus the framework, with its paired 95% interval
// (compare.ts), so "your policy had fewer catastrophes than RSP v3.0" is a measured claim.
//
// The games are the batch code's: planned as a sweep's cells and chunks, so the page can run them
// on the Explorer's Web Workers with progress, and the CLI or a test in one thread.

import { compareSummaries, type ComparisonRow } from '../batch/compare';
import type { GameSummary } from '../batch/runBatch';
import { applySettings } from '../batch/sweepParameters';
import type { Scenario } from '../types';
import { isTeamPolicy, labsWithTeamPolicies } from './teamPolicies';

export { STRESS_GAMES } from './stressGames';

/** One set of games: the scenario as played (`lab` null) or one team's lab under a framework. */
export interface StressArm {
  lab: string | null;
  /** The framework's policy id (null for the games as played). */
  policy: string | null;
  scenario: Scenario;
}

/**
 * The real frameworks a team's policy is tested against: the scenario's own policies that some
 * lab played under (the bots' and the default), not those the teams wrote.
 */
export function stressFrameworks(scenario: Scenario): string[] {
  const used = new Set([scenario.defaultPolicy, ...scenario.labs.map((l) => l.policy.use)]);
  return scenario.policies.filter((p) => !isTeamPolicy(p) && used.has(p.id)).map((p) => p.id);
}

/**
 * The arms of the stress test, the games as played first. `rounds`: the quarters the workshop
 * played (a session cut short is tested at its own length).
 */
export function stressArms(played: Scenario, rounds: number = played.rounds): StressArm[] {
  const scenario = rounds < played.rounds ? { ...played, rounds } : played;
  const arms: StressArm[] = [{ lab: null, policy: null, scenario }];
  const frameworks = stressFrameworks(scenario);
  for (const lab of labsWithTeamPolicies(scenario)) {
    for (const policy of frameworks) {
      const value = scenario.policies.findIndex((p) => p.id === policy);
      arms.push({
        lab,
        policy,
        scenario: applySettings(scenario, [{ id: `policy.${lab}`, value }]),
      });
    }
  }
  return arms;
}

/** The outcomes the stress test reports for a team's lab (ids of compare.ts's rows). */
export function stressOutcomes(lab: string): string[] {
  return [
    'catastrophe',
    'anyIncident',
    `lab.${lab}.catastrophesCaused`,
    `lab.${lab}.finalShare`,
    `lab.${lab}.ownPolicyPause`,
  ];
}

/** One team's policy against one framework: its rows (own policy minus framework). */
export interface StressComparison {
  lab: string;
  policy: string;
  /** The framework's name ("Anthropic RSP v3.0"). */
  framework: string;
  rows: ComparisonRow[];
}

/**
 * The comparisons, from each arm's summaries in game order (same seeds in every arm). Arms whose
 * games have not all arrived are compared on the games both have.
 */
export function stressComparisons(
  arms: readonly StressArm[],
  summaries: readonly (readonly GameSummary[])[],
): StressComparison[] {
  const played = arms[0];
  const own = summaries[0] ?? [];
  if (!played) return [];
  const out: StressComparison[] = [];
  arms.forEach((arm, i) => {
    if (arm.lab === null || arm.policy === null) return;
    const games = summaries[i] ?? [];
    const n = Math.min(games.length, own.length);
    if (n === 0) return;
    const ctx = {
      baseline: played.scenario,
      roundsA: arm.scenario.rounds,
      roundsB: played.scenario.rounds,
    };
    const keep = new Set(stressOutcomes(arm.lab));
    const rows = compareSummaries(arm.policy, games.slice(0, n), own.slice(0, n), ctx).filter((r) =>
      keep.has(r.outcome),
    );
    const framework = played.scenario.policies.find((p) => p.id === arm.policy)?.name ?? arm.policy;
    out.push({ lab: arm.lab, policy: arm.policy, framework, rows });
  });
  return out;
}
