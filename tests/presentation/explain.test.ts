import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCommitment } from '../../src/presentation/explain';
import { GLOSSARY } from '../../src/presentation/glossary';
import { postureConsequences } from '../../src/presentation/postureConsequences';
import { advanceGame, createGame } from '../../src/engine/game';
import type {
  DomainValues,
  GameState,
  LabPolicySpec,
  Posture,
  Scenario,
  TrackValues,
} from '../../src/engine/types';
import { labView } from '../../src/engine/view';
import { decision, testScenario } from '../engine/fixtures';

/** testScenario with the player lab starting where a test needs it. */
function scenarioWith(
  start: { capability?: DomainValues; safeguards?: TrackValues },
  policy: Partial<LabPolicySpec> = {},
  overrides: Partial<Scenario> = {},
): Scenario {
  const base = testScenario(overrides);
  return {
    ...base,
    labs: base.labs.map((lab) =>
      lab.id === 'player'
        ? {
            ...lab,
            policy: { ...lab.policy, ...policy },
            start: {
              ...lab.start,
              capability: { ...lab.start.capability, ...start.capability },
              safeguards: { ...lab.start.safeguards, ...start.safeguards },
            },
          }
        : lab,
    ),
  };
}

function start(scenario: Scenario, seed = 1): GameState {
  return createGame(scenario, { seed, humans: ['player'] });
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

describe('describeCommitment', () => {
  it('says plainly when no threshold is reached, with each measurement and its margin of error', () => {
    const scenario = testScenario();
    const state = start(scenario);
    const view = labView(state, scenario, 'player');
    const result = view.self.lastEval;
    expect(result).not.toBeNull();
    const statement = describeCommitment(scenario, view);

    expect(statement.allowed).toBe('deploy');
    expect(statement.knownLevel).toBeNull();
    expect(statement.shortfalls).toEqual([]);
    expect(statement.headline).toBe(
      'Your evals show no threshold reached: your policy allows full deployment.',
    );
    const margin = Math.round(2 * result!.uncertainty * 100);
    expect(statement.details).toContain(
      `CBRN: measured ${pct(result!.measured.cbrn!)} (give or take ${margin} points); below the Level 3 threshold (55%).`,
    );
    expect(statement.details.join(' ')).toContain(
      'These results come from the assessment run at the start of this quarter (quarter 1). Your evals run every quarter; the next one is due at the start of quarter 2.',
    );
    expect(statement.details.join(' ')).toMatch(/sandbagging/);
    expect(statement.details.join(' ')).toMatch(/under-measure/);
  });

  it('names the level, the domain and the training shortfall when evals show a crossing', () => {
    const scenario = scenarioWith({ capability: { cbrn: 0.7 }, safeguards: { security: 0.4 } });
    const view = labView(start(scenario), scenario, 'player');
    const statement = describeCommitment(scenario, view);

    expect(view.self.knownLevel).toBe('L3');
    expect(statement.allowed).toBe('pause');
    expect(statement.knownLevel?.id).toBe('L3');
    expect(statement.headline).toBe(
      'Your evals suggest the model has reached Level 3 (CBRN); at this level your policy requires security before further training: readiness 40% of the 60% required.',
    );
    expect(statement.shortfalls).toEqual([
      { track: 'security', required: 0.6, readiness: 0.4, gates: 'training' },
      { track: 'security', required: 0.6, readiness: 0.4, gates: 'deployment' },
      { track: 'deployment', required: 0.65, readiness: 0.35, gates: 'deployment' },
    ]);
    expect(statement.details).toContain(
      'Security (protection of the model weights against theft): 40% ready; at this level your policy requires 60% to keep training and to release fully.',
    );
    expect(statement.details.at(-1)).toBe(
      'Your policy is voluntary: you may go past it, but every breach is recorded and can come to light.',
    );
  });

  it('explains a restriction when only deployment safeguards are short', () => {
    const scenario = scenarioWith({
      capability: { cbrn: 0.7 },
      safeguards: { security: 0.7, deployment: 0.35 },
    });
    const statement = describeCommitment(scenario, labView(start(scenario), scenario, 'player'));
    expect(statement.allowed).toBe('restrict');
    expect(statement.headline).toBe(
      'Your evals suggest the model has reached Level 3 (CBRN); at this level your policy requires deployment safeguards before full release: readiness 35% of the 65% required. Until then it allows only a restricted release.',
    );
  });

  it('uses the scenario’s own domain and level names', () => {
    const base = scenarioWith({
      capability: { cbrn: 0.7 },
      safeguards: { security: 0.7, deployment: 0.7 },
    });
    const scenario: Scenario = {
      ...base,
      domains: base.domains.map((d) => (d.id === 'cbrn' ? { ...d, name: 'Bio and chem' } : d)),
      levels: base.levels.map((l) => (l.id === 'L3' ? { ...l, name: 'ASL-3' } : l)),
    };
    const statement = describeCommitment(scenario, labView(start(scenario), scenario, 'player'));
    expect(statement.headline).toBe(
      'Your evals suggest the model has reached ASL-3 (Bio and chem); your safeguards meet what your policy requires at this level: it allows full deployment.',
    );
  });

  it('says how old the evals are when they run every other quarter', () => {
    const base = testScenario();
    const scenario = testScenario({ evaluation: { ...base.evaluation, cadence: 2 } });
    const state = advanceGame(start(scenario), scenario, { player: decision('deploy') });
    const details = describeCommitment(scenario, labView(state, scenario, 'player')).details;
    expect(details).toContain(
      'These results come from the assessment run in quarter 1, 1 quarter ago. Your evals run every 2 quarters; the next one is due at the start of quarter 3. Training since then may have moved the model past these numbers.',
    );
  });

  it('lists the lab’s own threshold revisions', () => {
    const scenario = testScenario();
    const state = advanceGame(start(scenario), scenario, {
      player: decision('deploy', [
        { kind: 'reviseThreshold', levelId: 'L3', domain: 'cbrn', to: 0.7, publicly: false },
      ]),
    });
    const details = describeCommitment(scenario, labView(state, scenario, 'player')).details;
    expect(details).toContain(
      'Your policy’s thresholds have been revised: Level 3 CBRN 55% → 70% (quarter 1, quietly). The real danger does not move with the policy.',
    );
  });

  it('counts what an external audit found even when the lab’s own evals show less', () => {
    const base = testScenario();
    const scenario = scenarioWith(
      { capability: { cbrn: 0.6 }, safeguards: { security: 0.4 } },
      {},
      { evaluation: { ...base.evaluation, elicitationGap: 0.3, safetyBuffer: 0 } },
    );
    const before = labView(start(scenario), scenario, 'player');
    expect(before.self.knownLevel).toBeNull();
    const state = advanceGame(start(scenario), scenario, {
      player: decision('pause', [{ kind: 'inviteAudit' }]),
    });
    const view = labView(state, scenario, 'player');
    // The premise: own evals below the threshold, the audit's knowledge above it.
    expect(view.self.lastEval!.measured.cbrn!).toBeLessThan(0.55);
    expect(view.self.knownLevel).toBe('L3');
    const statement = describeCommitment(scenario, view);
    expect(statement.allowed).toBe('pause');
    expect(statement.headline).toMatch(
      /^An external audit found the model at Level 3( \(CBRN\))?, though your own latest evals show less; at this level your policy requires security before further training: readiness \d+% of the 60% required\.$/,
    );
    expect(statement.details.join(' ')).toMatch(
      /Your policy counts what (the|an external) audit found/,
    );
  });

  it('never depends on the hidden true capability', () => {
    const scenario = scenarioWith({ capability: { cbrn: 0.6 } });
    const state = start(scenario, 5);
    const view = labView(state, scenario, 'player');
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cbrn, autonomy) => {
          const altered: GameState = {
            ...state,
            labs: state.labs.map((l) =>
              l.id === 'player' ? { ...l, capability: { cbrn, autonomy } } : l,
            ),
          };
          const alteredView = labView(altered, scenario, 'player');
          expect(describeCommitment(scenario, alteredView)).toEqual(
            describeCommitment(scenario, view),
          );
          for (const posture of ['pause', 'restrict', 'deploy'] as const) {
            expect(postureConsequences(scenario, alteredView, posture)).toEqual(
              postureConsequences(scenario, view, posture),
            );
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('postureConsequences', () => {
  it('warns, in the words of the rules, that deploying breaks a voluntary commitment — and the engine records it', () => {
    const scenario = scenarioWith({ capability: { cbrn: 0.7 }, safeguards: { security: 0.4 } });
    const state = start(scenario);
    const c = postureConsequences(scenario, labView(state, scenario, 'player'), 'deploy');
    expect(c.breaksCommitment).toBe(true);
    expect(c.effects[0]).toBe(
      'Your policy says pause: deploying breaks your own commitment. The policy is voluntary, so you may — but it is recorded, and audits or published evals can expose it.',
    );
    expect(c.summary).toBe(
      'Deploy: training continues and the new model is released to everyone. This breaks your own commitment: your policy says pause.',
    );
    const record = advanceGame(state, scenario, { player: decision('deploy') }).history[0]!
      .labs[0]!;
    expect(record.compliance).toBe('broken');
    expect(record.effectivePosture).toBe('deploy');
  });

  it('says a binding policy holds the lab back — and the engine does', () => {
    const scenario = scenarioWith(
      { capability: { cbrn: 0.7 }, safeguards: { security: 0.7, deployment: 0.35 } },
      { binding: true },
    );
    const state = start(scenario);
    const c = postureConsequences(scenario, labView(state, scenario, 'player'), 'deploy');
    expect(c.breaksCommitment).toBe(false);
    expect(c.summary).toBe(
      'Deploy: training continues and the new model is released to everyone. Your policy is binding: the engine will hold you to restrict.',
    );
    const record = advanceGame(state, scenario, { player: decision('deploy') }).history[0]!
      .labs[0]!;
    expect(record.effectivePosture).toBe('restrict');
    expect(record.overriddenBy).toBe('policy');
  });

  it('says binding regulation holds the lab back', () => {
    const scenario = scenarioWith({ capability: { cbrn: 0.7 }, safeguards: { security: 0.4 } });
    const initial = start(scenario);
    const state: GameState = { ...initial, world: { ...initial.world, regulation: 2 } };
    const c = postureConsequences(scenario, labView(state, scenario, 'player'), 'restrict');
    expect(c.breaksCommitment).toBe(false);
    expect(c.effects[0]).toBe(
      'Binding rules are in force: the regulator will hold you to pause, as your policy says.',
    );
    const record = advanceGame(state, scenario, { player: decision('restrict') }).history[0]!
      .labs[0]!;
    expect(record.effectivePosture).toBe('pause');
    expect(record.overriddenBy).toBe('regulator');
  });

  it('quotes the scenario’s own restricted-release revenue and exposure', () => {
    const defaults = testScenario();
    const view = labView(start(defaults), defaults, 'player');
    const restrict = postureConsequences(defaults, view, 'restrict').effects.join(' ');
    expect(restrict).toContain('a restricted release earns about 60% of what a full release would');
    expect(restrict).toContain('Misuse risk: about 30% of a full release’s');

    const tuned = testScenario({ dynamics: { restrictedValue: 0.45, restrictedBreadth: 0.2 } });
    const tunedEffects = postureConsequences(
      tuned,
      labView(start(tuned), tuned, 'player'),
      'restrict',
    ).effects.join(' ');
    expect(tunedEffects).toContain('about 45% of what a full release would');
    expect(tunedEffects).toContain('about 20% of a full release’s');
  });

  it('describes what each posture does to training and release', () => {
    const scenario = testScenario();
    const view = labView(start(scenario), scenario, 'player');
    expect(postureConsequences(scenario, view, 'pause').summary).toBe(
      'Pause: training stops this quarter and no new model is released.',
    );
    expect(postureConsequences(scenario, view, 'restrict').summary).toBe(
      'Restrict: training continues; the new model goes only to trusted users, with monitoring.',
    );
    expect(postureConsequences(scenario, view, 'pause').effects).toContain(
      'Loss-of-control risk from the model in internal use is halved while training is stopped.',
    );
  });

  it('agrees with the engine on every posture: breaksCommitment exactly when the quarter is recorded as broken', () => {
    const posture = fc.constantFrom<Posture>('pause', 'restrict', 'deploy');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0.3, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        fc.constantFrom(0, 2),
        posture,
        (seed, cbrn, security, deployment, binding, regulation, chosen) => {
          const scenario = scenarioWith(
            { capability: { cbrn }, safeguards: { security, deployment } },
            { binding },
          );
          const initial = start(scenario, seed);
          const state: GameState = {
            ...initial,
            world: { ...initial.world, regulation: regulation as 0 | 2 },
          };
          const view = labView(state, scenario, 'player');
          const c = postureConsequences(scenario, view, chosen);
          const record = advanceGame(state, scenario, { player: decision(chosen) }).history[0]!
            .labs[0]!;
          expect(record.compliance === 'broken').toBe(c.breaksCommitment);
          expect(describeCommitment(scenario, view).allowed).toBe(record.allowedPosture);
          if (/will hold you to/.test(c.summary)) {
            expect(record.effectivePosture).toBe(record.allowedPosture);
            expect(record.overriddenBy === 'policy' || record.overriddenBy === 'regulator').toBe(
              true,
            );
          } else {
            expect(record.effectivePosture).toBe(chosen);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('GLOSSARY', () => {
  it('defines every term the UI explains', () => {
    for (const term of [
      'capability threshold',
      'safeguards',
      'elicitation',
      'sandbagging',
      'missed crossing',
      'restrict',
      'pause',
      'conditional pause agreement',
      'quiet revision',
      'audit',
      'ASL',
      'CCL',
      'High / Critical',
    ]) {
      expect(GLOSSARY[term], term).toMatch(/\w{3,}.*\./);
    }
    expect(GLOSSARY.sandbagging).toContain('on purpose');
    expect(GLOSSARY.ASL).toContain('Anthropic');
    expect(GLOSSARY.CCL).toContain('DeepMind');
    expect(GLOSSARY['High / Critical']).toContain('OpenAI');
  });
});
