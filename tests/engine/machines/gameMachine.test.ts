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

  it('rewinds to an earlier quarter: the game is the replay of the shorter log', () => {
    const actor = started();
    for (let i = 0; i < 3; i++) playQuarter(actor, 'deploy');
    actor.send({ type: 'rewind', round: 2 });
    const s = actor.getSnapshot();
    expect(s.matches('briefing')).toBe(true);
    expect(s.context.game?.round).toBe(2);
    expect(s.context.log).toHaveLength(1);
    expect(s.context.game).toEqual(replayGame(scenario, setup, s.context.log));
  });

  it('opens decisions straight from the briefing or the evaluation', () => {
    const actor = started(false);
    expect(actor.getSnapshot().can({ type: 'openDecisions' })).toBe(true);
    actor.send({ type: 'openDecisions' });
    expect(actor.getSnapshot().matches('decisions')).toBe(true);
    expect(actor.getSnapshot().can({ type: 'openDecisions' })).toBe(false);
  });

  it('plays a game set shorter than its scenario to its own length', () => {
    const actor = createActor(gameMachine).start();
    actor.send({ type: 'start', setup: { ...setup, rounds: 2 }, autoResolve: true });
    expect(actor.getSnapshot().context.game?.totalRounds).toBe(2);
    playQuarter(actor, 'deploy');
    playQuarter(actor, 'deploy');
    const s = actor.getSnapshot();
    expect(s.matches('debrief')).toBe(true);
    expect(s.context.game?.history).toHaveLength(2);
    expect(s.context.game?.outcome?.reason).toBe('roundsComplete');
    expect(replayGame(scenario, s.context.setup ?? setup, s.context.log)).toEqual(s.context.game);
  });

  it('ends after this quarter when told, replays so, and can be taken back', () => {
    const actor = started(false);
    playQuarter(actor, 'deploy');
    actor.send({ type: 'resolveRound' });
    expect(actor.getSnapshot().can({ type: 'playOn' })).toBe(false);
    actor.send({ type: 'endAfterThisQuarter' });
    let s = actor.getSnapshot();
    expect(s.context.setup?.endAfter).toBe(2);
    expect(s.context.game?.totalRounds).toBe(2);
    expect(s.can({ type: 'endAfterThisQuarter' })).toBe(false);
    actor.send({ type: 'playOn' });
    expect(actor.getSnapshot().context.game?.totalRounds).toBe(4);
    actor.send({ type: 'endAfterThisQuarter' });
    playQuarter(actor, 'pause');
    actor.send({ type: 'resolveRound' });
    s = actor.getSnapshot();
    expect(s.matches('debrief')).toBe(true);
    expect(s.context.game?.history).toHaveLength(2);
    const { setup: cut, log } = s.context;
    expect(replayGame(scenario, cut ?? setup, log)).toEqual(s.context.game);
    // Undo reopens the last quarter, still the last.
    actor.send({ type: 'undoResolution' });
    expect(actor.getSnapshot().context.game?.totalRounds).toBe(2);
    expect(actor.getSnapshot().matches('decisions')).toBe(true);
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
    expect(s.context.game?.world.news.at(-1)).toMatchObject({
      kind: 'inject',
      headline: 'Weights stolen from Racer Lab',
    });
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
