import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/engine/game';
import { resolveDynamics } from '../../src/engine/parameters';
import { labRisk } from '../../src/engine/risk';
import { resolveRound } from '../../src/engine/round';
import { estimatedRisks } from '../../src/presentation/timeline/risk';
import type { GameState, LabDecision, LabState, Scenario } from '../../src/engine/types';
import { decision, testScenario } from './fixtures';

// Each round records who could use each lab's model (`deployment`), and the timeline's risk
// estimates read that record instead of working it out again from the posture.

/** Exact evals, and every lab's misuse capability already dangerous. */
function exactScenario(): Scenario {
  const s = testScenario({
    evaluation: { ...testScenario().evaluation, elicitationGap: 0, sandbagging: 0, noise: 0 },
  });
  for (const l of s.labs) l.start = { ...l.start, capability: { cbrn: 0.5, autonomy: 0.3 } };
  return s;
}

function withPlayer(state: GameState, change: Partial<LabState>): GameState {
  return {
    ...state,
    labs: state.labs.map((l) => (l.id === 'player' ? { ...l, ...change } : l)),
  };
}

const all = (d: LabDecision, state: GameState) =>
  Object.fromEntries(state.labs.map((l) => [l.id, d]));

function playerRow(state: GameState) {
  const row = state.history.at(-1)?.labs.find((l) => l.lab === 'player');
  if (!row) throw new Error('no record for the player');
  return row;
}

describe('the release each round records', () => {
  it('is what the posture released: full, restricted, or the model already out', () => {
    const s = exactScenario();
    const start = createGame(s, { seed: 3 });
    expect(playerRow(resolveRound(start, s, all(decision('deploy'), start))).deployment).toBe(
      'full',
    );
    expect(playerRow(resolveRound(start, s, all(decision('restrict'), start))).deployment).toBe(
      'restricted',
    );
    const released = withPlayer(start, { deployment: 'full' });
    expect(playerRow(resolveRound(released, s, all(decision('pause'), released))).deployment).toBe(
      'full',
    );
  });

  it('pulls a paused lab’s released model back to trusted users during incident response, and the estimate follows', () => {
    const s = exactScenario();
    const start = createGame(s, { seed: 3 });
    const player = start.labs.find((l) => l.id === 'player') as LabState;
    const state = withPlayer(start, {
      deployment: 'full',
      deployedCapability: { ...player.capability },
      incidentResponse: 1,
    });
    const next = resolveRound(state, s, all(decision('pause'), state));
    const row = playerRow(next);
    expect(row.effectivePosture).toBe('pause');
    expect(row.deployment).toBe('restricted');
    // A paused lab's capability does not move and the evals are exact: the estimate is the engine's risk.
    const estimate = estimatedRisks(s, next, 'player').get(1);
    expect(row.risk.misuse).toBeGreaterThan(0);
    expect(estimate?.misuse).toBeCloseTo(row.risk.misuse, 12);
    expect(estimate?.total).toBeCloseTo(row.risk.total, 12);
  });

  it('keeps the release the hazards were drawn with in the quarter an audit halts the lab', () => {
    const s = exactScenario();
    const start = createGame(s, { seed: 3 });
    // Binding regulation, and a breach an audit will find: the regulator halts the lab at the
    // quarter's end, after it has released in full.
    const state = withPlayer(
      { ...start, world: { ...start.world, regulation: 2 } },
      { hiddenBreaches: 1 },
    );
    const audit = decision('deploy', [{ kind: 'inviteAudit' }]);
    const next = resolveRound(state, s, { ...all(decision('deploy'), state), player: audit });
    const row = playerRow(next);
    expect(row.status).toBe('halted');
    expect(next.labs.find((l) => l.id === 'player')?.deployment).toBe('none');
    expect(row.deployment).toBe('full');
    const measured = row.measured ?? {};
    const expected = labRisk(
      {
        capability: measured,
        deployedCapability: measured,
        deployment: 'full',
        training: 'scaling',
        safeguards: row.safeguards,
      },
      resolveDynamics(s.dynamics),
    );
    const estimate = estimatedRisks(s, next, 'player').get(1);
    expect(estimate?.misuse).toBeGreaterThan(0);
    expect(estimate).toEqual(expected);
  });
});
