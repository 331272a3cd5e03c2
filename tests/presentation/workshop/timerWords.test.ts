// The decision timer in words (src/presentation/workshop/timerWords.ts).
import { describe, expect, it } from 'vitest';
import { describeRemaining, formatRemaining } from '../../../src/presentation/workshop/timerWords';

describe('the timer in words', () => {
  it('formats what is left for the screen and for screen readers', () => {
    expect(formatRemaining(300_000)).toBe('5:00');
    expect(formatRemaining(9_001)).toBe('0:10');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(-5)).toBe('0:00');
    expect(formatRemaining(3_600_000)).toBe('1:00:00');
    expect(describeRemaining(125_000)).toBe('2 minutes 5 seconds left');
    expect(describeRemaining(60_000)).toBe('1 minute left');
    expect(describeRemaining(0)).toBe('Time is up');
  });
});
