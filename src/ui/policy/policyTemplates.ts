// Where an own policy comes from and where it goes: the shipped policies it can start from, and
// the solo game in which the player's lab plays under it.

import type { GameSetup } from '../../engine/machines/gameMachine';
import type { PolicySpec, Scenario } from '../../engine/types';

export interface PolicyTemplate {
  /** Unique among templates: the scenario and policy ids. */
  key: string;
  /** "Anthropic RSP v3.0 (2026-02-24)". */
  label: string;
  /** The scenario it ships in (its ladder names that scenario's domains). */
  scenarioId: string;
  policy: PolicySpec;
}

/**
 * Every shipped policy once, in picker order: a policy shipped in several scenarios appears once,
 * from the first of them, unless its text differs (then each version is listed, with its scenario).
 */
export function policyTemplates(scenarios: readonly Scenario[]): PolicyTemplate[] {
  const seen = new Map<string, string>();
  const out: PolicyTemplate[] = [];
  for (const scenario of scenarios) {
    for (const policy of scenario.policies) {
      const text = JSON.stringify(policy);
      const earlier = seen.get(policy.id);
      if (earlier === text) continue;
      const label = `${policy.name} (${policy.framework.date})`;
      out.push({
        key: `${scenario.id}/${policy.id}`,
        label: earlier === undefined ? label : `${label}, as in “${scenario.title}”`,
        scenarioId: scenario.id,
        policy,
      });
      if (earlier === undefined) seen.set(policy.id, text);
    }
  }
  return out;
}

/** An id no policy of the scenario has: the policy's own, else with "-own", "-own-2" … after it. */
export function freePolicyId(scenario: Scenario, id: string): string {
  const used = new Set(scenario.policies.map((p) => p.id));
  if (!used.has(id)) return id;
  const base = `${id.slice(0, 40)}-own`;
  let candidate = base;
  for (let n = 2; used.has(candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}

/**
 * A solo game in which the player's lab plays under `policy` (checked) and every rival keeps its
 * own. The policy joins the scenario's policies under an id of its own, so a rival on the policy
 * it started from is not changed by the edits.
 */
export function soloSetupUnder(scenario: Scenario, policy: PolicySpec, seed: number): GameSetup {
  const player = scenario.labs.find((l) => l.role === 'player') ?? scenario.labs[0];
  if (!player) throw new Error(`scenario ${scenario.id} has no labs`);
  const own: PolicySpec = { ...policy, id: freePolicyId(scenario, policy.id) };
  // Policies no lab plays under any more are left out (a scenario holds at most 8).
  const kept = new Set([
    scenario.defaultPolicy,
    ...scenario.labs.filter((l) => l.id !== player.id).map((l) => l.policy.use),
  ]);
  const played: Scenario = {
    ...scenario,
    policies: [...scenario.policies.filter((p) => kept.has(p.id)), own],
    labs: scenario.labs.map((lab) =>
      lab.id === player.id
        ? { ...lab, policy: { ...lab.policy, use: own.id, binding: own.binding } }
        : lab,
    ),
  };
  return { scenario: played, seed, humans: [player.id] };
}
