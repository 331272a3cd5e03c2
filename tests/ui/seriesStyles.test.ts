// Every line on the projector's shared timeline can be told apart without colour: each lab's
// market share (a scenario seats up to eight labs) and public trust differ in dash or marker.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/engine/scenario/schema';
import { marketStyle, PUBLIC_TRUST_STYLE } from '../../src/ui/chart/styles';

describe('series styles', () => {
  it('gives every market-share line and public trust its own dash and marker', () => {
    const styles = [
      ...Array.from({ length: LIMITS.labs.max }, (_, i) => marketStyle(i)),
      PUBLIC_TRUST_STYLE,
    ];
    const dashes = styles.map((s) => s.dash);
    expect(new Set(dashes).size).toBe(styles.length);
    // Public trust's marker is one no market line uses.
    expect(styles.slice(0, -1).map((s) => s.shape)).not.toContain(PUBLIC_TRUST_STYLE.shape);
  });
});
