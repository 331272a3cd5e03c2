import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Heatmap from '../../src/ui/explorer/Heatmap.svelte';

describe('Heatmap', () => {
  it('sets the row title above the rows, unrotated, so a long one is not cut off on a short map', () => {
    const { container } = render(Heatmap, {
      title: 'Catastrophe by game length and eval sensitivity at zero investment',
      cols: ['6', '8'],
      rows: ['0.2', '0.8'],
      colLabel: 'Game length',
      rowLabel: 'Eval sensitivity at zero investment',
      cells: [],
      measure: 'Catastrophe',
    });
    const title = [...container.querySelectorAll('text.label')].find((t) =>
      t.textContent?.startsWith('Eval sensitivity at zero investment'),
    );
    expect(title).toBeDefined();
    expect(title?.getAttribute('transform')).toBeNull();
    expect(Number(title?.getAttribute('x'))).toBeGreaterThanOrEqual(0);
    // Above the top row.
    const rects = [...container.querySelectorAll('rect')].map((r) => Number(r.getAttribute('y')));
    const top = rects.length ? Math.min(...rects) : 28;
    expect(Number(title?.getAttribute('y'))).toBeLessThan(top);
  });
});
