import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clamp01,
  percent,
  signedDifference,
  signedNumber,
  signedPoints,
} from '../../src/engine/numbers';

describe('number formatting shared by every layer', () => {
  it('clamp01 keeps a share within 0..1 and leaves one inside alone', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -10, max: 10 }), (x) => {
        const c = clamp01(x);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1);
        if (x >= 0 && x <= 1) expect(c).toBe(x);
      }),
    );
  });

  it('percent writes a share as a percentage, rounded to the digits asked', () => {
    expect(percent(0.123)).toBe('12%');
    expect(percent(0.123, 1)).toBe('12.3%');
    expect(percent(1)).toBe('100%');
  });

  it('signedPoints signs a difference with a true minus, and drops the sign of what rounds to zero', () => {
    expect(signedPoints(0.017)).toBe('+1.7');
    expect(signedPoints(-0.004)).toBe('−0.4');
    expect(signedPoints(-0.0004)).toBe('0.0');
    expect(signedPoints(0.12345, 2)).toBe('+12.35');
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1, max: 1 }), (x) => {
        const text = signedPoints(x);
        const magnitude = Number(text.replace(/^[+−]/, ''));
        expect(Math.abs(magnitude - Math.abs(x) * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
        if (text.startsWith('−')) expect(x).toBeLessThan(0);
        if (text.startsWith('+')) expect(x).toBeGreaterThan(0);
      }),
    );
  });

  it('signedDifference writes a share’s change in points and a mean’s to two decimals', () => {
    expect(signedDifference(0.017, true)).toBe('+1.7');
    expect(signedDifference(-0.3149, false)).toBe('−0.31');
    expect(signedNumber(0.004, 2)).toBe('0.00');
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1, max: 1 }), (x) => {
        expect(signedDifference(x, true)).toBe(signedPoints(x));
        expect(signedDifference(x, false)).toBe(signedNumber(x, 2));
      }),
    );
  });
});
