import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addTime,
  isExpired,
  isRunning,
  pauseTimer,
  remainingMs,
  resumeTimer,
  startTimer,
} from '../../../src/engine/workshop/timer';

describe('decision timer', () => {
  it('counts down from the deadline: remaining = deadline − now', () => {
    const t = startTimer(300, 1_000);
    expect(isRunning(t)).toBe(true);
    expect(t.deadline).toBe(301_000);
    expect(remainingMs(t, 1_000)).toBe(300_000);
    expect(remainingMs(t, 61_000)).toBe(240_000);
    expect(isExpired(t, 300_999)).toBe(false);
    expect(isExpired(t, 301_000)).toBe(true);
    expect(remainingMs(t, 999_999)).toBe(0);
  });

  it('stops with the time left and resumes from it', () => {
    const running = startTimer(60, 0);
    const stopped = pauseTimer(running, 20_000);
    expect(isRunning(stopped)).toBe(false);
    expect(remainingMs(stopped, 20_000)).toBe(40_000);
    // Time passing while stopped changes nothing.
    expect(remainingMs(stopped, 500_000)).toBe(40_000);
    const resumed = resumeTimer(stopped, 500_000);
    expect(remainingMs(resumed, 510_000)).toBe(30_000);
    expect(pauseTimer(stopped, 1)).toBe(stopped);
    expect(resumeTimer(resumed, 1)).toBe(resumed);
  });

  it('adds or takes away time, never below zero', () => {
    const t = startTimer(60, 0);
    expect(remainingMs(addTime(t, 60, 30_000), 30_000)).toBe(90_000);
    expect(remainingMs(addTime(t, -120, 30_000), 30_000)).toBe(0);
    const stopped = addTime(pauseTimer(t, 10_000), 30, 99_000);
    expect(isRunning(stopped)).toBe(false);
    expect(remainingMs(stopped, 0)).toBe(80_000);
  });

  it('never shows negative time and never runs backwards', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 3600 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 8 }),
        (seconds, start, steps) => {
          const t = startTimer(seconds, start);
          let now = start;
          let last = remainingMs(t, now);
          for (const step of steps) {
            now += step;
            const left = remainingMs(t, now);
            expect(left).toBeGreaterThanOrEqual(0);
            expect(left).toBeLessThanOrEqual(last);
            last = left;
          }
        },
      ),
    );
  });

  it('is plain JSON: a reloaded timer shows the same time left', () => {
    const t = pauseTimer(startTimer(240, 5_000), 65_000);
    const copy = JSON.parse(JSON.stringify(t));
    expect(remainingMs(copy, 1e9)).toBe(remainingMs(t, 1e9));
    const running = startTimer(240, 5_000);
    expect(remainingMs(JSON.parse(JSON.stringify(running)), 70_000)).toBe(175_000);
  });
});
