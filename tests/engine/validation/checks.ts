// The suite's two kinds of test: a direction the model must show, and a documented flat one.

import { expect, it } from 'vitest';
import { formatDifference, shows, type Difference, type Direction } from './decision';

/**
 * One directional check. The comparison is computed when the file is collected, so the test's
 * name carries the measured effect and its interval; the test passes when the decision rule
 * (see decision.ts) shows the expected direction.
 */
export function expectDirection(
  name: string,
  direction: Direction,
  d: Difference,
  percent = true,
): void {
  const text = formatDifference(d, percent);
  it(`${name} ${direction === 'up' ? 'rises' : 'falls'}: ${text}`, () => {
    expect(shows(d, direction), `expected ${name} to go ${direction}: ${text}`).toBe(true);
  });
}

/**
 * A documented flat direction: the whole interval lies within ±margin (an equivalence check),
 * so a future change that gives the setting an effect shows up here and in MODEL.md.
 */
export function expectFlat(name: string, margin: number, d: Difference, percent = true): void {
  const text = formatDifference(d, percent);
  it(`${name} stays within ±${percent ? `${(100 * margin).toFixed(1)} points` : margin}: ${text}`, () => {
    expect(d.lo >= -margin && d.hi <= margin, `expected ${name} to stay flat: ${text}`).toBe(true);
  });
}
