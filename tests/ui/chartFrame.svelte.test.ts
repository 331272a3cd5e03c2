import { scaleLinear } from 'd3';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { chartFrame } from '../../src/ui/chart/frame.svelte';

const margin = { top: 10, right: 20, bottom: 30, left: 40 };

describe('chartFrame', () => {
  it('puts the plot inside the margins and the scales over the plot', () => {
    const cleanup = $effect.root(() => {
      const frame = chartFrame(() => ({
        width: 640,
        height: 300,
        margin,
        x: (range) => scaleLinear().domain([0, 10]).range(range),
        y: (range) => scaleLinear().domain([0, 1]).range(range),
      }));
      expect(frame.plot).toEqual({ left: 40, right: 620, top: 10, bottom: 270 });
      expect(frame.x(0)).toBe(40);
      expect(frame.x(10)).toBe(620);
      // y runs up: 0 at the plot's bottom, 1 at its top.
      expect(frame.y(0)).toBe(270);
      expect(frame.y(1)).toBe(10);
      // A fixed frame keeps its drawing width whatever its container measures.
      frame.measured = 1000;
      expect(frame.width).toBe(640);
    });
    cleanup();
  });

  it('follows its container when responsive: width, height and margins redrawn for it', () => {
    const cleanup = $effect.root(() => {
      let domainEnd = $state(10);
      const frame = chartFrame(() => ({
        width: 760,
        responsive: true,
        height: (width: number) => (width < 600 ? 200 : 300),
        margin: (width: number) => ({ ...margin, right: width < 600 ? 10 : 150 }),
        x: (range) => scaleLinear().domain([0, domainEnd]).range(range),
        y: () => null,
      }));
      // Until measured, the default width.
      expect(frame.width).toBe(760);
      expect(frame.plot.right).toBe(610);
      frame.measured = 480.7;
      flushSync();
      expect(frame.width).toBe(480);
      expect(frame.height).toBe(200);
      expect(frame.plot.right).toBe(470);
      expect(frame.x(10)).toBe(470);
      // A zero measure (a hidden container) keeps the last width rather than collapsing.
      frame.measured = 0;
      expect(frame.width).toBe(480);
      // The chart's own state drives the scales.
      domainEnd = 20;
      flushSync();
      expect(frame.x(20)).toBe(470);
    });
    cleanup();
  });
});
