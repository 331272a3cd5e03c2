// The workshop machine without any UI, in XState's own style: create the actor, send events,
// assert `matches`, `can` and the context (src/engine/workshop/workshopMachine.ts).
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { replayGame } from '../../../src/engine/game';
import { isRunning, remainingMs } from '../../../src/engine/workshop/timer';
import { workshopMachine, type WorkshopEvent } from '../../../src/engine/workshop/workshopMachine';
import {
  gameSnapshotOf,
  playRecord,
  roomRecord,
} from '../../../src/engine/workshop/workshopRecord';
import { BOT, LAB_A, LAB_B, SCENARIO, TEAMS, dec } from '../workshop/helpers';

const setup = { scenario: SCENARIO, seed: 5, humans: [LAB_A, LAB_B] };

function started(
  options: { timerSeconds?: number | null; pin?: string | null; rounds?: number } = {},
) {
  const actor = createActor(workshopMachine).start();
  actor.send({
    type: 'start',
    setup: options.rounds ? { ...setup, rounds: options.rounds } : setup,
    teams: TEAMS,
    timerSeconds: options.timerSeconds === undefined ? 300 : options.timerSeconds,
    pin: options.pin ?? null,
  });
  return actor;
}

type Actor = ReturnType<typeof started>;
const game = (actor: Actor) => gameSnapshotOf(actor.getSnapshot()).context;

/** Both teams take their turn and lock in; the facilitator resolves. */
function playQuarter(actor: Actor, now = 0) {
  actor.send({ type: 'openDecisions', now });
  for (const lab of [LAB_A, LAB_B]) {
    actor.send({ type: 'callTeam', lab });
    actor.send({ type: 'startTurn' });
    actor.send({ type: 'lockIn', lab, decision: dec('restrict') });
    actor.send({ type: 'toConsole' });
  }
  actor.send({ type: 'resolve' });
}

describe('workshop machine', () => {
  it('starts the game as its child: quarter 1, decisions closed, on the console', () => {
    const actor = started();
    const s = actor.getSnapshot();
    expect(s.matches({ play: { round: 'closed', discussion: 'running', screen: 'console' } })).toBe(
      true,
    );
    expect(game(actor).game?.round).toBe(1);
    expect(s.can({ type: 'callTeam', lab: LAB_A })).toBe(false);
    expect(s.can({ type: 'resolve' })).toBe(false);
    expect(s.can({ type: 'openDecisions', now: 0 })).toBe(true);
  });

  it('passes the laptop from team to team and back to the facilitator', () => {
    const actor = started();
    actor.send({ type: 'openDecisions', now: 0 });
    expect(actor.getSnapshot().matches({ play: { round: 'open' } })).toBe(true);
    actor.send({ type: 'callTeam', lab: LAB_A });
    expect(actor.getSnapshot().matches({ play: { screen: 'handover' } })).toBe(true);
    expect(roomRecord(actor.getSnapshot()).turn).toEqual({ screen: 'handover', team: LAB_A });
    actor.send({ type: 'startTurn' });
    expect(roomRecord(actor.getSnapshot()).turn).toEqual({ screen: 'team', team: LAB_A });
    // Only the called team can lock in.
    expect(actor.getSnapshot().can({ type: 'lockIn', lab: LAB_B, decision: dec() })).toBe(false);
    actor.send({ type: 'lockIn', lab: LAB_A, decision: dec('pause') });
    // The next screen is team B's handover, never A's screen.
    expect(roomRecord(actor.getSnapshot()).turn).toEqual({ screen: 'handover', team: LAB_B });
    expect(game(actor).pending).toEqual({ [LAB_A]: dec('pause') });
    actor.send({ type: 'startTurn' });
    actor.send({ type: 'lockIn', lab: LAB_B, decision: dec() });
    expect(roomRecord(actor.getSnapshot()).turn).toEqual({ screen: 'handover', team: null });
    actor.send({ type: 'toConsole' });
    expect(actor.getSnapshot().can({ type: 'resolve' })).toBe(true);
    actor.send({ type: 'resolve' });
    const s = actor.getSnapshot();
    expect(s.matches({ play: { round: 'closed', screen: 'console' } })).toBe(true);
    expect(game(actor).game?.round).toBe(2);
    expect(s.context.timer).toBeNull();
  });

  it('resolves only when every team has locked in, and calls no team twice', () => {
    const actor = started();
    actor.send({ type: 'openDecisions', now: 0 });
    actor.send({ type: 'callTeam', lab: LAB_A });
    actor.send({ type: 'startTurn' });
    actor.send({ type: 'lockIn', lab: LAB_A, decision: dec() });
    actor.send({ type: 'stepAway' });
    actor.send({ type: 'toConsole' });
    const s = actor.getSnapshot();
    expect(s.can({ type: 'resolve' })).toBe(false);
    expect(s.can({ type: 'callTeam', lab: LAB_A })).toBe(false);
    expect(s.can({ type: 'callTeam', lab: 'nobody' })).toBe(false);
    expect(s.can({ type: 'letDecideAgain', lab: LAB_A })).toBe(true);
    expect(s.can({ type: 'letDecideAgain', lab: LAB_B })).toBe(false);
    actor.send({ type: 'letDecideAgain', lab: LAB_A });
    expect(game(actor).pending).toEqual({});
  });

  it('takes lock-ins from every team’s own device in parallel, leaving the console where it is', () => {
    const actor = started({ pin: '1234' });
    const lockIn = (lab: string, posture: 'pause' | 'restrict' = 'restrict') =>
      ({ type: 'lockInFromDevice', lab, decision: dec(posture) }) as const;
    expect(actor.getSnapshot().can(lockIn(LAB_A))).toBe(false); // decisions not open yet
    actor.send({ type: 'openDecisions', now: 0 });
    expect(actor.getSnapshot().can(lockIn(BOT))).toBe(false); // a bot's lab has no device
    actor.send(lockIn(LAB_B));
    actor.send(lockIn(LAB_A, 'pause'));
    // A team that changes its mind locks in again: the new decision replaces the old.
    actor.send(lockIn(LAB_A));
    expect(game(actor).pending).toEqual({ [LAB_A]: dec(), [LAB_B]: dec() });
    const s = actor.getSnapshot();
    expect(s.matches({ play: { round: 'open', screen: 'console' } })).toBe(true);
    expect(s.context.turnTeam).toBeNull();
    actor.send({ type: 'pause', now: 1 });
    expect(actor.getSnapshot().can(lockIn(LAB_A))).toBe(false); // paused for discussion
    actor.send({ type: 'resume', now: 2 });
    actor.send({ type: 'resolve' });
    expect(game(actor).game?.round).toBe(2);
    expect(actor.getSnapshot().can(lockIn(LAB_A))).toBe(false); // closed again
  });

  it('lets a team step away without locking in', () => {
    const actor = started();
    actor.send({ type: 'openDecisions', now: 0 });
    actor.send({ type: 'callTeam', lab: LAB_B });
    actor.send({ type: 'startTurn' });
    actor.send({ type: 'stepAway' });
    expect(roomRecord(actor.getSnapshot()).turn).toEqual({ screen: 'handover', team: LAB_B });
  });

  it('starts the timer when decisions open, if the workshop has one', () => {
    const actor = started({ timerSeconds: 120 });
    actor.send({ type: 'openDecisions', now: 1_000 });
    const timer = actor.getSnapshot().context.timer;
    expect(timer && remainingMs(timer, 31_000)).toBe(90_000);
    // Opening twice does nothing.
    expect(actor.getSnapshot().can({ type: 'openDecisions', now: 50_000 })).toBe(false);
    const untimed = started({ timerSeconds: null });
    untimed.send({ type: 'openDecisions', now: 0 });
    expect(untimed.getSnapshot().context.timer).toBeNull();
    expect(untimed.getSnapshot().can({ type: 'timer.add', seconds: 60, now: 0 })).toBe(false);
  });

  it('pausing for discussion stops the timer and closes a team screen; resuming runs it on', () => {
    const actor = started({ timerSeconds: 60 });
    actor.send({ type: 'openDecisions', now: 0 });
    actor.send({ type: 'callTeam', lab: LAB_A });
    actor.send({ type: 'startTurn' });
    actor.send({ type: 'pause', now: 20_000 });
    let s = actor.getSnapshot();
    expect(s.matches({ play: { discussion: 'paused', screen: 'console' } })).toBe(true);
    expect(s.context.timer && isRunning(s.context.timer)).toBe(false);
    expect(s.context.timer && remainingMs(s.context.timer, 900_000)).toBe(40_000);
    expect(s.can({ type: 'timer.start', now: 1 })).toBe(false);
    expect(s.can({ type: 'callTeam', lab: LAB_A })).toBe(false);
    actor.send({ type: 'resume', now: 100_000 });
    s = actor.getSnapshot();
    expect(s.matches({ play: { discussion: 'running' } })).toBe(true);
    expect(s.context.timer && remainingMs(s.context.timer, 110_000)).toBe(30_000);
  });

  it('restarts, stops and extends the timer', () => {
    const actor = started({ timerSeconds: 60 });
    actor.send({ type: 'openDecisions', now: 0 });
    actor.send({ type: 'timer.stop', now: 30_000 });
    actor.send({ type: 'timer.add', seconds: 60, now: 40_000 });
    expect(remainingMs(actor.getSnapshot().context.timer!, 99_999)).toBe(90_000);
    actor.send({ type: 'timer.restart', now: 50_000 });
    expect(remainingMs(actor.getSnapshot().context.timer!, 50_000)).toBe(60_000);
  });

  it('undoes a resolution: decisions reopen with every choice, the timer waits, full', () => {
    const actor = started({ timerSeconds: 60 });
    expect(actor.getSnapshot().can({ type: 'undo' })).toBe(false);
    playQuarter(actor);
    actor.send({ type: 'undo' });
    const s = actor.getSnapshot();
    expect(s.matches({ play: { round: 'open', screen: 'console' } })).toBe(true);
    expect(game(actor).game?.round).toBe(1);
    expect(Object.keys(game(actor).pending)).toEqual([LAB_A, LAB_B]);
    expect(s.context.timer && isRunning(s.context.timer)).toBe(false);
    expect(s.context.timer && remainingMs(s.context.timer, 0)).toBe(60_000);
  });

  it('fires an inject only while a quarter is played, and keeps it with the game', () => {
    const actor = started();
    const inject = {
      type: 'fireInject',
      event: {
        round: 0,
        headline: 'Weights leak',
        body: 'On a forum.',
        effect: { kind: 'weightsStolen', lab: LAB_B },
      },
    } satisfies WorkshopEvent;
    expect(actor.getSnapshot().can(inject)).toBe(true);
    actor.send(inject);
    expect(roomRecord(actor.getSnapshot()).injects).toHaveLength(1);
  });

  it('reaches the debrief when the game ends, and undo comes back from it', () => {
    const actor = started({ rounds: 2 });
    playQuarter(actor);
    expect(actor.getSnapshot().matches('play')).toBe(true);
    playQuarter(actor);
    let s = actor.getSnapshot();
    expect(s.matches({ debrief: 'report' })).toBe(true);
    expect(game(actor).game?.outcome).not.toBeNull();
    expect(s.can({ type: 'fireInject', event: SCENARIO.events[0]! })).toBe(false);
    actor.send({ type: 'showPublic' });
    expect(roomRecord(actor.getSnapshot()).turn.screen).toBe('public');
    actor.send({ type: 'toConsole' });
    actor.send({ type: 'undo' });
    s = actor.getSnapshot();
    expect(s.matches({ play: { round: 'open', screen: 'console' } })).toBe(true);
    expect(game(actor).game?.round).toBe(2);
  });

  it('restores a saved record to the same place and the same game', () => {
    const a = started({ timerSeconds: 60 });
    playQuarter(a);
    a.send({ type: 'openDecisions', now: 5 });
    a.send({ type: 'callTeam', lab: LAB_A });
    a.send({ type: 'startTurn' });
    a.send({ type: 'pause', now: 10 });
    a.send({ type: 'showPublic' });
    const record = playRecord(a.getSnapshot());
    expect(record).not.toBeNull();
    const b = createActor(workshopMachine).start();
    b.send({ type: 'restore', record: JSON.parse(JSON.stringify(record)), reload: true });
    expect(playRecord(b.getSnapshot())).toEqual(record);
    expect(gameSnapshotOf(b.getSnapshot()).context.game).toEqual(
      replayGame(SCENARIO, setup, record!.log),
    );
  });

  it('never reopens a team screen on a reload: that team presses Start again', () => {
    const a = started();
    a.send({ type: 'openDecisions', now: 0 });
    a.send({ type: 'callTeam', lab: LAB_B });
    a.send({ type: 'startTurn' });
    const record = playRecord(a.getSnapshot())!;
    const b = createActor(workshopMachine).start();
    b.send({ type: 'restore', record, reload: true });
    expect(roomRecord(b.getSnapshot()).turn).toEqual({ screen: 'handover', team: LAB_B });
    const c = createActor(workshopMachine).start();
    c.send({ type: 'restore', record, reload: false });
    expect(roomRecord(c.getSnapshot()).turn).toEqual({ screen: 'team', team: LAB_B });
  });

  it('restores a finished game at its debrief', () => {
    const a = started({ rounds: 1 });
    playQuarter(a);
    const record = playRecord(a.getSnapshot())!;
    const b = started();
    b.send({ type: 'restore', record, reload: true });
    expect(b.getSnapshot().matches({ debrief: 'report' })).toBe(true);
  });

  it('opens the console from a team’s screen only with the facilitator’s PIN', () => {
    const actor = started({ pin: '2468' });
    actor.send({ type: 'openDecisions', now: 0 });
    actor.send({ type: 'callTeam', lab: LAB_A });
    for (const screen of ['handover', 'team'] as const) {
      if (screen === 'team') actor.send({ type: 'startTurn' });
      const s = actor.getSnapshot();
      expect(s.matches({ play: { screen } })).toBe(true);
      expect(s.can({ type: 'toConsole' })).toBe(false);
      expect(s.can({ type: 'toConsole', pin: '1357' })).toBe(false);
      expect(s.can({ type: 'toConsole', pin: '2468' })).toBe(true);
    }
    // A wrong PIN changes nothing and locks nobody out: the right one still opens it.
    actor.send({ type: 'toConsole', pin: '0000' });
    expect(actor.getSnapshot().matches({ play: { screen: 'team' } })).toBe(true);
    actor.send({ type: 'toConsole', pin: '2468' });
    expect(actor.getSnapshot().matches({ play: { screen: 'console' } })).toBe(true);
    // The public view is the facilitator's own: back from it needs no PIN.
    actor.send({ type: 'showPublic' });
    expect(actor.getSnapshot().can({ type: 'toConsole' })).toBe(true);
    // The PIN is part of the saved record, and a restored session keeps the lock.
    const record = playRecord(actor.getSnapshot())!;
    expect(record.meta.pin).toBe('2468');
    const b = createActor(workshopMachine).start();
    b.send({
      type: 'restore',
      record: { ...record, meta: { ...record.meta, turn: { screen: 'handover', team: LAB_A } } },
      reload: true,
    });
    expect(b.getSnapshot().can({ type: 'toConsole' })).toBe(false);
    // Without a PIN the console is one press away.
    const open = started();
    open.send({ type: 'openDecisions', now: 0 });
    open.send({ type: 'callTeam', lab: LAB_A });
    expect(open.getSnapshot().can({ type: 'toConsole' })).toBe(true);
  });

  it('goes back to setup with the same teams, timer and PIN', () => {
    const actor = started({ timerSeconds: 90, pin: '2468' });
    playQuarter(actor);
    actor.send({ type: 'newWorkshop' });
    const s = actor.getSnapshot();
    expect(s.matches('setup')).toBe(true);
    expect(s.context).toMatchObject({ teams: TEAMS, timerSeconds: 90, pin: '2468', timer: null });
    expect(game(actor).setup).toBeNull();
  });
});
