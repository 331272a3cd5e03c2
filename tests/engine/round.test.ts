import { describe, expect, it } from 'vitest';
import { advanceGame, createGame, playWithBots } from '../../src/engine/game';
import { fireInject, resolveRound } from '../../src/engine/round';
import type { GameState, LabDecision, Scenario } from '../../src/engine/types';
import { decision, testScenario } from './fixtures';

const all = (d: LabDecision, state: GameState) =>
  Object.fromEntries(state.labs.map((l) => [l.id, d]));

/** Every lab starts past the first threshold with too little security to keep training. */
function crossedScenario(overrides: Partial<Scenario> = {}): Scenario {
  const s = testScenario({
    evaluation: { ...testScenario().evaluation, elicitationGap: 0, sandbagging: 0, noise: 0 },
    dynamics: { misuseHazard: 0, theftHazard: 0, lossOfControlHazard: 0 },
    ...overrides,
  });
  for (const l of s.labs) l.start = { ...l.start, capability: { cbrn: 0.6, autonomy: 0.3 } };
  return s;
}

describe('a quarter’s resolution', () => {
  it('records a broken commitment when a lab deploys past what its policy allows', () => {
    const s = crossedScenario();
    const state = createGame(s, { seed: 1 });
    const next = resolveRound(state, s, all(decision('deploy'), state));
    const row = next.history[0]?.labs.find((l) => l.lab === 'player');
    expect(row?.allowedPosture).toBe('pause');
    expect(row?.effectivePosture).toBe('deploy');
    expect(row?.compliance).toBe('broken');
    expect(next.labs.find((l) => l.id === 'player')?.hiddenBreaches).toBe(1);
  });

  it('holds a lab with a binding policy to its commitment', () => {
    const s = crossedScenario();
    s.labs = s.labs.map((l) => ({ ...l, policy: { ...l.policy, binding: true } }));
    const state = createGame(s, { seed: 1 });
    const row = resolveRound(state, s, all(decision('deploy'), state)).history[0]?.labs[0];
    expect(row?.effectivePosture).toBe('pause');
    expect(row?.overriddenBy).toBe('policy');
    expect(row?.compliance).toBe('kept');
    expect(row?.status).toBe('pausedAwaitingSafeguards');
  });

  it('exposes a breach at once when the lab publishes its evals', () => {
    const s = crossedScenario();
    s.labs = s.labs.map((l) => ({ ...l, policy: { ...l.policy, publishesEvals: true } }));
    const state = createGame(s, { seed: 1 });
    const next = resolveRound(state, s, all(decision('deploy'), state));
    expect(next.labs[0]?.hiddenBreaches).toBe(0);
    expect(next.labs[0]?.reputation).toBeLessThan(state.labs[0]?.reputation as number);
    expect(next.history[0]?.news).toContainEqual({
      round: 1,
      lab: s.labs[0]!.id,
      kind: 'announcement',
      what: 'publicBreach',
    });
  });

  it('lets a quiet threshold revision lift the pause, until an audit exposes it', () => {
    const s = crossedScenario();
    let state = createGame(s, { seed: 2 });
    const loosen = decision('deploy', [
      { kind: 'reviseThreshold', levelId: 'L3', domain: 'cbrn', to: 0.75, publicly: false },
    ]);
    state = advanceGame(state, s, all(loosen, state));
    const player = state.labs.find((l) => l.id === 'player');
    expect(player?.policy.levels[0]?.thresholds.cbrn).toBe(0.75);
    expect(player?.policy.revisions).toMatchObject([
      { from: 0.55, to: 0.75, publicly: false, exposed: false },
    ]);
    expect(state.history[0]?.news.some((n) => n.kind === 'revision')).toBe(false);
    // The real ladder is unchanged: the model is still truly past L3.
    expect(state.history[0]?.labs[0]?.trueLevel).toBe('L3');
    const audited = advanceGame(state, s, {
      ...all(decision('deploy'), state),
      player: decision('deploy', [{ kind: 'inviteAudit' }]),
    });
    const after = audited.labs.find((l) => l.id === 'player');
    expect(after?.policy.revisions[0]?.exposed).toBe(true);
    expect(audited.history[1]?.news.some((n) => n.kind === 'audit' && n.lab === 'player')).toBe(
      true,
    );
    expect(after?.reputation).toBeLessThan(player?.reputation as number);
  });

  it('announces a public revision', () => {
    const s = crossedScenario();
    const state = createGame(s, { seed: 2 });
    const d = decision('restrict', [
      { kind: 'reviseThreshold', levelId: 'L3', domain: 'cbrn', to: 0.7, publicly: true },
    ]);
    const next = resolveRound(state, s, all(d, state));
    expect(next.history[0]?.news.filter((n) => n.kind === 'revision')).toHaveLength(4);
  });

  it('holds binding members of a triggered pause agreement to pause', () => {
    const s = crossedScenario();
    s.labs = s.labs.map((l, i) => ({
      ...l,
      policy: { ...l.policy, inPauseAgreement: i < 2, binding: i < 2 },
    }));
    const state = createGame(s, { seed: 3 });
    const next = resolveRound(state, s, all(decision('restrict'), state));
    const rows = next.history[0]?.labs ?? [];
    expect(next.history[0]?.pauseAgreementTriggered).toBe(true);
    expect(rows.slice(0, 2).map((r) => [r.effectivePosture, r.pauseCause])).toEqual([
      ['pause', 'ownPolicy'],
      ['pause', 'ownPolicy'],
    ]);
    expect(rows[2]?.effectivePosture).toBe('restrict');
  });

  it('lets voluntary members of a triggered agreement defect, in public and at a cost', () => {
    const s = crossedScenario();
    s.labs = s.labs.map((l, i) => ({ ...l, policy: { ...l.policy, inPauseAgreement: i < 2 } }));
    const state = createGame(s, { seed: 3 });
    const next = resolveRound(state, s, {
      ...all(decision('restrict'), state),
      [s.labs[1]!.id]: decision('pause'),
    });
    const rows = next.history[0]?.labs ?? [];
    expect(next.history[0]?.pauseAgreementTriggered).toBe(true);
    expect(rows.map((r) => [r.effectivePosture, r.defected])).toEqual([
      ['restrict', true],
      ['pause', false],
      ...rows.slice(2).map(() => ['restrict', false]),
    ]);
    expect(rows[1]?.pauseCause).toBe('ownPolicy');
    expect(next.labs[0]?.lastDefection).toBe(1);
    expect(next.labs[0]!.reputation).toBeLessThan(state.labs[0]!.reputation);
    expect(next.history[0]?.news).toContainEqual({
      round: 1,
      lab: s.labs[0]!.id,
      kind: 'pause',
      what: 'defected',
    });
  });

  it('an audit catches a crossing the lab’s own evals missed', () => {
    const s = crossedScenario({
      evaluation: {
        ...testScenario().evaluation,
        baseSensitivity: 0,
        elicitationGap: 0.3,
        sandbagging: 0,
        noise: 0,
      },
    });
    let state = createGame(s, { seed: 4 });
    expect(state.labs[0]?.lastEval?.measured.cbrn).toBeCloseTo(0.3, 10);
    state = advanceGame(state, s, {
      ...all(decision('deploy'), state),
      player: decision('deploy', [{ kind: 'inviteAudit' }]),
    });
    expect(state.history[0]?.labs[0]?.knownLevel).toBe(null);
    // After the audit the lab knows: its next verdict reflects L3.
    const row = resolveRound(state, s, all(decision('deploy'), state)).history[1]?.labs[0];
    expect(row?.knownLevel).toBe('L3');
  });

  it('ends the game for everyone on a catastrophe', () => {
    const s = crossedScenario({
      dynamics: { misuseHazard: 1, catastropheShare: 1, dangerFloor: 0 },
    });
    for (const l of s.labs)
      l.start = {
        ...l.start,
        safeguards: { security: 1, deployment: 0, alignment: 1 },
        capability: { cbrn: 1, autonomy: 0 },
      };
    const state = createGame(s, { seed: 5 });
    const next = advanceGame(state, s, all(decision('deploy'), state));
    expect(next.outcome?.reason).toBe('catastrophe');
    expect(next.outcome?.catastrophe?.kind).toBe('misuse');
    expect(advanceGame(next, s, all(decision('deploy'), next))).toBe(next);
  });

  it('plays every round of a calm game and summarises each lab', () => {
    const s = testScenario({
      rounds: 6,
      dynamics: { misuseHazard: 0, theftHazard: 0, lossOfControlHazard: 0 },
    });
    const end = playWithBots(s, 9);
    expect(end.outcome?.reason).toBe('roundsComplete');
    expect(end.history.map((r) => r.round)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(end.outcome?.labs.map((l) => l.lab)).toEqual(['player', 'fast', 'racer', 'open']);
    for (const l of end.outcome?.labs ?? []) expect(l.cumulativeRisk).toBe(0);
  });

  it('fires scripted injects in their round and a facilitator’s inject at once', () => {
    const s = testScenario({
      events: [
        {
          round: 2,
          headline: 'Weights stolen',
          body: '',
          effect: { kind: 'weightsStolen', lab: 'racer' },
        },
      ],
    });
    let state = advanceGame(createGame(s, { seed: 1 }), s, {});
    expect(state.world.stolenModels.some((m) => m.fromLab === 'racer' && m.round === 2)).toBe(true);
    const trustBefore = state.world.publicTrust;
    state = fireInject(state, s, {
      round: 99,
      headline: 'Trust shock',
      body: '',
      effect: { kind: 'trust', delta: -0.3 },
    });
    expect(state.world.publicTrust).toBeCloseTo(trustBefore - 0.3, 10);
    expect(state.world.injects).toMatchObject([{ round: 2, headline: 'Trust shock' }]);
    expect(state.world.news.filter((n) => n.kind === 'inject').map((n) => n.headline)).toEqual([
      'Weights stolen',
      'Trust shock',
    ]);
  });

  it('raises a lab’s board pressure with a boardPressure inject, before its decision', () => {
    const s = testScenario({
      events: [
        {
          round: 1,
          headline: 'Board',
          body: '',
          effect: { kind: 'boardPressure', lab: 'player', delta: 0.5 },
        },
      ],
    });
    const state = createGame(s, { seed: 1 });
    expect(state.labs.map((l) => l.boardPressure)).toEqual([0.5, 0, 0, 0]);
  });
});
