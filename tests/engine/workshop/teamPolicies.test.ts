// The policies teams write in the policy step (src/engine/workshop/teamPolicies.ts) and the
// stress test of them against the scenario's real frameworks (stressTest.ts).
import { describe, expect, it } from 'vitest';
import { runGames } from '../../../src/engine/batch/runBatch';
import { labPolicy } from '../../../src/engine/policies';
import { validateScenarioValue } from '../../../src/engine/scenario/validate';
import {
  STRESS_GAMES,
  stressArms,
  stressComparisons,
  stressFrameworks,
} from '../../../src/engine/workshop/stressTest';
import {
  defaultTemplate,
  draftFromTemplate,
  firstDrafts,
  labsWithTeamPolicies,
  policyTemplates,
  withTeamPolicies,
} from '../../../src/engine/workshop/teamPolicies';
import { draftProblems } from '../../../src/engine/workshop/teamPolicyCheck';
import { createGame } from '../../../src/engine/game';
import { initialMeta } from '../../../src/engine/workshop/flow';
import { publicTeamPolicies } from '../../../src/presentation/workshop/publicPolicies';
import { publicSnapshot } from '../../../src/presentation/workshop/publicView';
import { parsePublicSnapshot } from '../../../src/lib/publicSnapshot';
import { shippedScenarios } from '../../support/shippedScenarios';
import { LAB_A, LAB_B, SCENARIO, TEAMS } from './helpers';

const THREE = shippedScenarios.find((s) => s.id === 'three-frameworks');

describe('team policies', () => {
  it('start from the lab’s own policy and offer every policy of the scenario as a template', () => {
    if (!THREE) throw new Error('three-frameworks is shipped');
    const lab = THREE.labs[1]!;
    expect(defaultTemplate(THREE, lab.id)).toBe(lab.policy.use);
    expect(policyTemplates(THREE).map((p) => p.id)[0]).toBe(THREE.defaultPolicy);
    expect(policyTemplates(THREE)).toHaveLength(THREE.policies.length);
  });

  it('join the scenario with each team’s lab under its own, and the result is a valid scenario', () => {
    for (const scenario of shippedScenarios) {
      const teams = scenario.labs.slice(0, 2).map((l, i) => ({ lab: l.id, name: `Team ${i}` }));
      const played = withTeamPolicies(scenario, firstDrafts(scenario, teams));
      expect(validateScenarioValue(played).ok, scenario.id).toBe(true);
      expect(labsWithTeamPolicies(played)).toEqual(teams.map((t) => t.lab));
      for (const t of teams) {
        expect(labPolicy(played, t.lab).policy.name).toBe(`${t.name}’s policy`);
      }
    }
  });

  it('bind the lab when the team writes its policy binding', () => {
    const draft = draftFromTemplate(SCENARIO, TEAMS[0]!, SCENARIO.defaultPolicy);
    const played = withTeamPolicies(SCENARIO, [
      { ...draft, policy: { ...draft.policy, binding: true } },
    ]);
    expect(played.labs.find((l) => l.id === LAB_A)?.policy.binding).toBe(true);
  });

  it('name the team and the field of a problem', () => {
    const drafts = firstDrafts(SCENARIO, TEAMS);
    const bad = structuredClone(drafts[1]!);
    bad.policy.evaluation.cadence = 0;
    const problems = draftProblems(SCENARIO, [drafts[0]!, bad]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.lab).toBe(LAB_B);
    expect(problems[0]?.message).toMatch(/^evaluation\.cadence: /);
    expect(draftProblems(SCENARIO, drafts)).toEqual([]);
  });
});

describe('the stress test', () => {
  const played = withTeamPolicies(SCENARIO, firstDrafts(SCENARIO, TEAMS));

  it('plays the scenario as played, then each team’s lab under each real framework', () => {
    const arms = stressArms(played);
    const frameworks = stressFrameworks(played);
    expect(frameworks.length).toBeGreaterThan(0);
    expect(arms).toHaveLength(1 + TEAMS.length * frameworks.length);
    expect(arms[0]?.scenario).toBe(played);
    for (const arm of arms.slice(1)) {
      expect(labPolicy(arm.scenario, arm.lab!).policy.id).toBe(arm.policy);
    }
    expect(STRESS_GAMES).toBeGreaterThanOrEqual(100);
  });

  it('tests a session cut short at its own length', () => {
    expect(stressArms(played, 4).every((a) => a.scenario.rounds === 4)).toBe(true);
  });

  it('reports own policy minus framework, paired on the same seeds', () => {
    const arms = stressArms(played, 6);
    const games = arms.map((a) => runGames(a.scenario, { runs: 12, seed: 7 }));
    const comparisons = stressComparisons(arms, games);
    expect(comparisons).toHaveLength(arms.length - 1);
    for (const c of comparisons) {
      expect(c.framework).not.toBe('');
      const share = c.rows.find((r) => r.outcome === `lab.${c.lab}.finalShare`);
      expect(share?.n).toBe(12);
      expect(share!.diff).toBeCloseTo(share!.b - share!.a, 12);
    }
    // A team copying the framework unchanged plays exactly the framework's games.
    const same = comparisons.find((c) => c.policy === defaultTemplate(SCENARIO, c.lab));
    expect(same?.rows.every((r) => r.diff === 0)).toBe(true);
  });
});

describe('the teams’ policies on the projector', () => {
  const drafts = firstDrafts(SCENARIO, TEAMS);
  const quiet = drafts.map((d, i) =>
    i === 1 ? { ...d, policy: { ...d.policy, public: false } } : d,
  );
  const step = (disclosure: 'asWritten' | 'all') => ({
    seconds: null,
    timer: null,
    disclosure,
    drafts: quiet,
  });

  it('shows a private policy by name only, unless the facilitator shows every policy in full', () => {
    const [open, closed] = publicTeamPolicies(SCENARIO, TEAMS, step('asWritten'));
    expect(open?.shown).toBe(true);
    expect(open?.levels.length).toBeGreaterThan(0);
    expect(closed).toMatchObject({
      shown: false,
      name: 'Team Blue’s policy',
      levels: [],
      whenShort: '',
    });
    const [, all] = publicTeamPolicies(SCENARIO, TEAMS, step('all'));
    expect(all?.shown).toBe(true);
    expect(all?.levels).toHaveLength(quiet[1]?.policy.levels.length ?? -1);
  });

  it('are in the public snapshot only during the step, which the projector accepts', () => {
    const meta = { ...initialMeta(TEAMS, null, 'policies'), policyStep: step('asWritten') };
    const snap = publicSnapshot(
      SCENARIO,
      createGame(SCENARIO, { seed: 1, humans: [LAB_A, LAB_B] }),
      meta,
      [],
    );
    expect(snap.phase).toBe('policies');
    expect(snap.policies).toHaveLength(2);
    expect(parsePublicSnapshot(JSON.parse(JSON.stringify(snap)))).not.toBeNull();
    const later = publicSnapshot(
      SCENARIO,
      createGame(SCENARIO, { seed: 1, humans: [LAB_A, LAB_B] }),
      initialMeta(TEAMS, null, 'play'),
      [],
    );
    expect(later.policies).toBeNull();
  });
});
