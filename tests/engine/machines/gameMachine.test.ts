import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { replayGame } from '../../../src/engine/game';
import { gameMachine } from '../../../src/engine/machines/gameMachine';
import { decision, testScenario } from '../fixtures';

const scenario = testScenario({ rounds: 4 });
const setup = { scenario, seed: 11, humans: ['player'] };

function started(autoResolve = true) {
  const actor = createActor(gameMachine).start();
  actor.send({ type: 'start', setup, autoResolve });
  return actor;
}

function playQuarter(actor: ReturnType<typeof started>, posture: 'pause' | 'restrict' | 'deploy') {
  actor.send({ type: 'continue' });
  actor.send({ type: 'continue' });
  actor.send({ type: 'submitDecision', lab: 'player', decision: decision(posture) });
}

describe('game machine', () => {
  it('walks setup → briefing → evaluation → decisions → resolution → next briefing', () => {
    const actor = createActor(gameMachine).start();
    expect(actor.getSnapshot().value).toBe('setup');
    actor.send({ type: 'start', setup, autoResolve: true });
    expect(actor.getSnapshot().value).toBe('briefing');
    actor.send({ type: 'continue' });
    expect(actor.getSnapshot().value).toBe('evaluation');
    actor.send({ type: 'continue' });
    expect(actor.getSnapshot().value).toBe('decisions');
    actor.send({ type: 'submitDecision', lab: 'player', decision: decision('deploy') });
    const s = actor.getSnapshot();
    expect(s.value).toBe('briefing');
    expect(s.context.game?.round).toBe(2);
    expect(s.context.log).toEqual([{ player: decision('deploy') }]);
  });

  it('ends in the debrief, and its game equals a replay of the log', () => {
    const actor = started();
    for (let i = 0; i < 4; i++) playQuarter(actor, i % 2 ? 'restrict' : 'deploy');
    const s = actor.getSnapshot();
    expect(s.value).toBe('debrief');
    expect(s.context.game?.outcome).not.toBeNull();
    expect(replayGame(scenario, setup, s.context.log)).toEqual(s.context.game);
  });

  it('ignores decisions for seats no human holds', () => {
    const actor = started();
    actor.send({ type: 'continue' });
    actor.send({ type: 'continue' });
    actor.send({ type: 'submitDecision', lab: 'racer', decision: decision('pause') });
    expect(actor.getSnapshot().context.pending).toEqual({});
    expect(actor.getSnapshot().value).toBe('decisions');
  });

  it('waits for the facilitator when not auto-resolving, and undoes a resolution', () => {
    const actor = started(false);
    playQuarter(actor, 'deploy');
    expect(actor.getSnapshot().value).toBe('decisions');
    actor.send({ type: 'resolveRound' });
    expect(actor.getSnapshot().context.game?.round).toBe(2);
    actor.send({ type: 'undoResolution' });
    const s = actor.getSnapshot();
    expect(s.value).toBe('decisions');
    expect(s.context.game?.round).toBe(1);
    expect(s.context.pending).toEqual({ player: decision('deploy') });
  });

  it('rewinds to an earlier quarter keeping the old path as a ghost', () => {
    const actor = started();
    for (let i = 0; i < 3; i++) playQuarter(actor, 'deploy');
    const before = actor.getSnapshot().context.game;
    actor.send({ type: 'rewind', round: 2 });
    const s = actor.getSnapshot();
    expect(s.value).toBe('briefing');
    expect(s.context.game?.round).toBe(2);
    expect(s.context.log).toHaveLength(1);
    expect(s.context.ghost).toEqual(before);
  });

  it('restores at the step of the quarter the player was at', () => {
    const a = started();
    playQuarter(a, 'deploy');
    const { log } = a.getSnapshot().context;
    for (const step of ['briefing', 'evaluation', 'decisions'] as const) {
      const b = createActor(gameMachine).start();
      b.send({ type: 'restore', setup, log, pending: {}, autoResolve: true, step });
      expect(b.getSnapshot().value).toBe(step);
    }
  });

  it('restores a saved game to the same state', () => {
    const a = started();
    playQuarter(a, 'deploy');
    playQuarter(a, 'pause');
    const { log } = a.getSnapshot().context;
    const b = createActor(gameMachine).start();
    b.send({ type: 'restore', setup, log, pending: {}, autoResolve: true });
    expect(b.getSnapshot().value).toBe('decisions');
    expect(b.getSnapshot().context.game).toEqual(a.getSnapshot().context.game);
  });

  it('applies a facilitator’s inject at once, and replays, undoes and rewinds it with the log', () => {
    const actor = started(false);
    const stolen = {
      round: 0,
      headline: 'Weights stolen from Racer Lab',
      body: 'Written on the spot.',
      effect: { kind: 'weightsStolen' as const, lab: 'racer' },
    };
    playQuarter(actor, 'deploy');
    actor.send({ type: 'resolveRound' });
    actor.send({ type: 'fireInject', event: stolen });
    let s = actor.getSnapshot();
    expect(s.context.game?.world.stolenModels).toMatchObject([{ fromLab: 'racer', round: 2 }]);
    expect(s.context.game?.world.news.at(-1)?.headline).toBe('Weights stolen from Racer Lab');
    // Recorded in the quarter it was fired, whatever round the event came with.
    expect(s.context.injects).toEqual([{ round: 2, event: { ...stolen, round: 2 } }]);
    playQuarter(actor, 'restrict');
    actor.send({ type: 'resolveRound' });
    s = actor.getSnapshot();
    const { setup: st, log, injects, game } = s.context;
    expect(replayGame(scenario, st ?? setup, log, Infinity, injects)).toEqual(game);
    // Without the inject the replay differs: it really changed the game.
    expect(replayGame(scenario, st ?? setup, log)).not.toEqual(game);
    // Undo reopens quarter 2: its inject stays.
    actor.send({ type: 'undoResolution' });
    expect(actor.getSnapshot().context.injects).toHaveLength(1);
    expect(actor.getSnapshot().context.game?.world.stolenModels).toHaveLength(1);
    // Rewinding to quarter 2's briefing drops it (a new branch from before it was fired).
    actor.send({ type: 'rewind', round: 2 });
    expect(actor.getSnapshot().context.injects).toEqual([]);
    expect(actor.getSnapshot().context.game?.world.stolenModels).toEqual([]);
  });
});
