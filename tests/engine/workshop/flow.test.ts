import { describe, expect, it } from 'vitest';
import * as flow from '../../../src/engine/workshop/flow';
import { isRunning, remainingMs } from '../../../src/engine/workshop/timer';
import { LAB_A, LAB_B, TEAMS, playMeta } from './helpers';

describe('the facilitator flow', () => {
  it('passes the laptop from team to team and back to the facilitator', () => {
    let m = flow.openDecisions(playMeta(), 0);
    expect(m.roundOpen).toBe(true);
    expect(m.turn).toEqual({ screen: 'console', team: null });
    m = flow.callTeam(m, LAB_A);
    expect(m.turn).toEqual({ screen: 'handover', team: LAB_A });
    m = flow.startTurn(m);
    expect(m.turn).toEqual({ screen: 'team', team: LAB_A });
    // Team A locks in: the next screen is team B's handover, never A's screen.
    m = flow.afterLockIn(m, [LAB_A]);
    expect(m.turn).toEqual({ screen: 'handover', team: LAB_B });
    m = flow.afterLockIn(flow.startTurn(m), [LAB_A, LAB_B]);
    expect(m.turn).toEqual({ screen: 'handover', team: null });
    expect(flow.toConsole(m).turn).toEqual({ screen: 'console', team: null });
  });

  it('calls no team while decisions are closed or the game is paused', () => {
    const closed = playMeta();
    expect(flow.callTeam(closed, LAB_A)).toBe(closed);
    const paused = flow.pauseSession(flow.openDecisions(playMeta(), 0), 10);
    expect(flow.callTeam(paused, LAB_A)).toBe(paused);
    const open = flow.openDecisions(playMeta(), 0);
    expect(flow.callTeam(open, 'nobody')).toBe(open);
    expect(flow.startTurn(open)).toBe(open);
  });

  it('lets a team step away without locking in', () => {
    const m = flow.startTurn(flow.callTeam(flow.openDecisions(playMeta(), 0), LAB_B));
    expect(flow.stepAway(m).turn).toEqual({ screen: 'handover', team: LAB_B });
    const onConsole = playMeta();
    expect(flow.stepAway(onConsole)).toBe(onConsole);
  });

  it('starts the timer when decisions open, if the workshop has one', () => {
    const timed = flow.openDecisions(playMeta({ timerSeconds: 120 }), 1_000);
    expect(timed.timer && remainingMs(timed.timer, 31_000)).toBe(90_000);
    expect(flow.openDecisions(playMeta({ timerSeconds: null }), 0).timer).toBeNull();
    // Opening twice does not restart it.
    expect(flow.openDecisions(timed, 50_000)).toBe(timed);
  });

  it('pausing for discussion stops the timer and closes a team screen; resuming runs it on', () => {
    let m = flow.startTurn(
      flow.callTeam(flow.openDecisions(playMeta({ timerSeconds: 60 }), 0), LAB_A),
    );
    m = flow.pauseSession(m, 20_000);
    expect(m.paused).toBe(true);
    expect(m.turn.screen).toBe('console');
    expect(m.timer && isRunning(m.timer)).toBe(false);
    expect(m.timer && remainingMs(m.timer, 900_000)).toBe(40_000);
    expect(flow.timerResume(m, 1)).toBe(m);
    m = flow.resumeSession(m, 100_000);
    expect(m.paused).toBe(false);
    expect(m.timer && remainingMs(m.timer, 110_000)).toBe(30_000);
  });

  it('closes decisions after a resolution and reopens them after an undo, timer waiting', () => {
    const open = flow.openDecisions(playMeta({ timerSeconds: 90 }), 0);
    const resolved = flow.afterResolve(open);
    expect(resolved.roundOpen).toBe(false);
    expect(resolved.timer).toBeNull();
    const undone = flow.afterUndo(resolved);
    expect(undone.roundOpen).toBe(true);
    expect(undone.timer).toEqual({ durationMs: 90_000, deadline: null, remainingMs: 90_000 });
    expect(flow.afterUndo(playMeta({ timerSeconds: null })).timer).toBeNull();
  });

  it('restarts, stops and extends the timer', () => {
    const m = flow.openDecisions(playMeta({ timerSeconds: 60 }), 0);
    expect(remainingMs(flow.timerRestart(m, 50_000).timer!, 50_000)).toBe(60_000);
    expect(remainingMs(flow.timerAdd(m, 60, 0).timer!, 0)).toBe(120_000);
    expect(isRunning(flow.timerPause(m, 5).timer!)).toBe(false);
    expect(flow.timerRestart(playMeta({ timerSeconds: 60 }), 0).timer).toBeNull();
  });

  it('knows who is next: the first team in seat order not yet locked in', () => {
    expect(flow.nextTeam(TEAMS, [])).toBe(LAB_A);
    expect(flow.nextTeam(TEAMS, [LAB_A])).toBe(LAB_B);
    expect(flow.nextTeam(TEAMS, [LAB_B])).toBe(LAB_A);
    expect(flow.nextTeam(TEAMS, [LAB_A, LAB_B])).toBeNull();
  });

  it('goes back to setup with the same teams and timer', () => {
    const back = flow.backToSetup(playMeta({ timerSeconds: 120, paused: true }));
    expect(back).toEqual(flow.initialMeta(TEAMS, 120, 'setup'));
  });
});
