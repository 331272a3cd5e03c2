// The decision timer as pure functions of timestamps: no intervals, no hidden clock. Whoever
// shows the timer passes `now` (Date.now()); the state is plain JSON, so a reload or the
// projector window computes the same time left from the same state.

import type { TimerState } from './types';

/** A timer of `seconds`, running from `now`. */
export function startTimer(seconds: number, now: number): TimerState {
  const durationMs = Math.max(0, Math.round(seconds * 1000));
  return { durationMs, deadline: now + durationMs, remainingMs: durationMs };
}

export function isRunning(timer: TimerState): boolean {
  return timer.deadline !== null;
}

/** Milliseconds left (never negative): deadline − now while running, the stored rest when stopped. */
export function remainingMs(timer: TimerState, now: number): number {
  if (timer.deadline === null) return Math.max(0, timer.remainingMs);
  return Math.max(0, timer.deadline - now);
}

export function isExpired(timer: TimerState, now: number): boolean {
  return remainingMs(timer, now) <= 0;
}

/** Stop the clock, keeping what is left. Stopping a stopped timer changes nothing. */
export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (timer.deadline === null) return timer;
  return { ...timer, deadline: null, remainingMs: remainingMs(timer, now) };
}

/** Run the clock again from what was left. Resuming a running timer changes nothing. */
export function resumeTimer(timer: TimerState, now: number): TimerState {
  if (timer.deadline !== null) return timer;
  return { ...timer, deadline: now + Math.max(0, timer.remainingMs) };
}

/** Add (or, negative, take away) time; the total never drops below zero. */
export function addTime(timer: TimerState, seconds: number, now: number): TimerState {
  const delta = Math.round(seconds * 1000);
  const left = Math.max(0, remainingMs(timer, now) + delta);
  const durationMs = Math.max(0, timer.durationMs + delta);
  return timer.deadline === null
    ? { durationMs, deadline: null, remainingMs: left }
    : { durationMs, deadline: now + left, remainingMs: left };
}
