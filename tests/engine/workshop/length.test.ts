import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SESSION_MINUTES,
  minutesPerQuarter,
  suggestedQuarters,
} from '../../../src/engine/workshop/length';

describe('suggestedQuarters', () => {
  it('fits a 90-minute session of four teams passing one laptop into 10 quarters', () => {
    // 90 − 10 briefing − 20 debrief = 60 minutes of play; 1.5 + 4 = 5.5 minutes a quarter.
    expect(suggestedQuarters(20, 90, 4)).toBe(10);
  });

  it('never suggests more quarters than the scenario has, nor fewer than four', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 40 }),
        fc.constantFrom(...SESSION_MINUTES),
        fc.integer({ min: 1, max: 6 }),
        (rounds, minutes, teams) => {
          const q = suggestedQuarters(rounds, minutes, teams);
          expect(q).toBeLessThanOrEqual(rounds);
          expect(q).toBeGreaterThanOrEqual(Math.min(4, rounds));
        },
      ),
    );
  });

  it('suggests more quarters for longer sessions and fewer for more teams', () => {
    expect(suggestedQuarters(40, 120, 4)).toBeGreaterThan(suggestedQuarters(40, 90, 4));
    expect(suggestedQuarters(40, 90, 4)).toBeGreaterThan(suggestedQuarters(40, 60, 4));
    expect(suggestedQuarters(40, 90, 6)).toBeLessThan(suggestedQuarters(40, 90, 2));
  });

  it('counts teams deciding at once as faster than passing the laptop', () => {
    expect(minutesPerQuarter(5, 'own-devices')).toBeLessThan(
      minutesPerQuarter(5, 'pass-the-laptop'),
    );
    expect(suggestedQuarters(40, 90, 5, 'own-devices')).toBeGreaterThan(
      suggestedQuarters(40, 90, 5),
    );
  });
});
