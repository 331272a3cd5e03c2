// The facilitator's flow around the game machine, as pure transitions on the session record.
// The game machine (src/engine/machines/gameMachine.ts) owns the game: decisions, resolution,
// undo, injects. These functions own only the room: whether decisions are open, the timer, the
// pause for discussion, and which screen the laptop shows — the "pass the laptop" cycle:
//
//   console ─ call a team ─▶ handover ─ Start ─▶ team ─ lock in ─▶ handover (next team) … ─▶ console
//
// Each takes the record (and `now` where the timer is involved) and returns a new one; none of
// them can reveal a team's decision, because none of them ever holds one.

import type { FiredInject } from '../game';
import { addTime, pauseTimer, resumeTimer, startTimer } from './timer';
import type { TimerState, TurnState, WorkshopMeta, WorkshopTeam } from './types';

const CONSOLE: TurnState = { screen: 'console', team: null };

export function initialMeta(
  teams: WorkshopTeam[],
  timerSeconds: number | null,
  stage: WorkshopMeta['stage'] = 'setup',
): WorkshopMeta {
  return {
    format: 1,
    stage,
    teams,
    timerSeconds,
    timer: null,
    roundOpen: false,
    paused: false,
    turn: CONSOLE,
    commitments: [],
    injects: [],
  };
}

/** The game has started: quarter 1's news is shown, decisions not yet open. */
export function beginPlay(meta: WorkshopMeta): WorkshopMeta {
  return { ...meta, stage: 'play', roundOpen: false, timer: null, paused: false, turn: CONSOLE };
}

/** The first team (in seat order) that has not locked in, or null when all have. */
export function nextTeam(
  teams: readonly WorkshopTeam[],
  decided: readonly string[],
): string | null {
  return teams.find((t) => !decided.includes(t.lab))?.lab ?? null;
}

/** Open decisions for the quarter; the timer (if any) starts now. */
export function openDecisions(meta: WorkshopMeta, now: number): WorkshopMeta {
  if (meta.roundOpen) return meta;
  const timer = meta.timerSeconds === null ? null : startTimer(meta.timerSeconds, now);
  return {
    ...meta,
    roundOpen: true,
    timer: meta.paused && timer ? pauseTimer(timer, now) : timer,
    turn: CONSOLE,
  };
}

/** Call a team to the laptop: the handover screen, which shows nothing but the team's name. */
export function callTeam(meta: WorkshopMeta, lab: string): WorkshopMeta {
  if (!meta.roundOpen || meta.paused) return meta;
  if (!meta.teams.some((t) => t.lab === lab)) return meta;
  return { ...meta, turn: { screen: 'handover', team: lab } };
}

/** The called team pressed Start: its private screen. */
export function startTurn(meta: WorkshopMeta): WorkshopMeta {
  if (meta.turn.screen !== 'handover' || meta.turn.team === null) return meta;
  if (!meta.roundOpen || meta.paused) return meta;
  return { ...meta, turn: { screen: 'team', team: meta.turn.team } };
}

/**
 * A team locked in. The laptop goes straight to a handover screen: for the next team still to
 * decide, or (all decided) for the facilitator. The screen never shows the team that just left.
 */
export function afterLockIn(meta: WorkshopMeta, decided: readonly string[]): WorkshopMeta {
  return { ...meta, turn: { screen: 'handover', team: nextTeam(meta.teams, decided) } };
}

/** The team leaves its screen without locking in: back to its handover screen. */
export function stepAway(meta: WorkshopMeta): WorkshopMeta {
  if (meta.turn.screen !== 'team') return meta;
  return { ...meta, turn: { screen: 'handover', team: meta.turn.team } };
}

export function toConsole(meta: WorkshopMeta): WorkshopMeta {
  return { ...meta, turn: CONSOLE };
}

/** The public view in this window (for a projector mirroring the laptop). */
export function showPublic(meta: WorkshopMeta): WorkshopMeta {
  return { ...meta, turn: { screen: 'public', team: null } };
}

/** Pause the game for discussion: the timer stops and any team screen closes. */
export function pauseSession(meta: WorkshopMeta, now: number): WorkshopMeta {
  if (meta.paused) return meta;
  const turn = meta.turn.screen === 'public' ? meta.turn : CONSOLE;
  return { ...meta, paused: true, timer: meta.timer && pauseTimer(meta.timer, now), turn };
}

export function resumeSession(meta: WorkshopMeta, now: number): WorkshopMeta {
  if (!meta.paused) return meta;
  return { ...meta, paused: false, timer: meta.timer && resumeTimer(meta.timer, now) };
}

/** The quarter was resolved: decisions close, results are revealed together. */
export function afterResolve(meta: WorkshopMeta): WorkshopMeta {
  return { ...meta, roundOpen: false, timer: null, turn: CONSOLE };
}

/**
 * The last resolution was undone: that quarter's decisions are open again, every team's
 * locked-in choice restored. The timer waits, full, for the facilitator to start it.
 */
export function afterUndo(meta: WorkshopMeta): WorkshopMeta {
  const timer: TimerState | null =
    meta.timerSeconds === null ? null : pauseTimer(startTimer(meta.timerSeconds, 0), 0);
  return { ...meta, roundOpen: true, timer, turn: CONSOLE };
}

export function timerPause(meta: WorkshopMeta, now: number): WorkshopMeta {
  return meta.timer ? { ...meta, timer: pauseTimer(meta.timer, now) } : meta;
}

export function timerResume(meta: WorkshopMeta, now: number): WorkshopMeta {
  if (!meta.timer || meta.paused) return meta;
  return { ...meta, timer: resumeTimer(meta.timer, now) };
}

export function timerAdd(meta: WorkshopMeta, seconds: number, now: number): WorkshopMeta {
  return meta.timer ? { ...meta, timer: addTime(meta.timer, seconds, now) } : meta;
}

/** Start this round's timer again from its full length. */
export function timerRestart(meta: WorkshopMeta, now: number): WorkshopMeta {
  if (meta.timerSeconds === null || !meta.roundOpen) return meta;
  const timer = startTimer(meta.timerSeconds, now);
  return { ...meta, timer: meta.paused ? pauseTimer(timer, now) : timer };
}

/** Keep the session's list of live injects in step with the game machine's. */
export function withInjects(meta: WorkshopMeta, injects: readonly FiredInject[]): WorkshopMeta {
  return { ...meta, injects: [...injects] };
}

/** The new game's session record after a game ends and the facilitator starts over. */
export function backToSetup(meta: WorkshopMeta): WorkshopMeta {
  return { ...initialMeta(meta.teams, meta.timerSeconds, 'setup') };
}
