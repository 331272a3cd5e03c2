// A chart's frame: its size (measured from its container, or fixed for a chart that scales with
// its viewBox), its margins, the plot area inside them, and the scales over that area. A chart
// builds one in its script (it needs the scales for its own derived values too) and hands it to
// <ChartFrame>, which measures the container and puts the frame in context, so the layers drawn
// inside (axes, series, bands, reference lines, markers) take their scales and edges from it
// rather than each chart threading them through as props (in the manner of LayerCake).

import { createContext } from 'svelte';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The plot area in pixels: inside the margins. */
export interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export type PixelRange = [number, number];

export interface FrameOptions<X, Y> {
  /**
   * Width in pixels: the drawing width of a chart that scales with its viewBox, or, for a chart
   * that follows its container, the width used until the container is measured (and in tests).
   */
  width: number;
  /** true: draw at the container's measured width in true pixels. */
  responsive?: boolean;
  height: number | ((width: number) => number);
  margin: Margin | ((width: number) => Margin);
  /** The x scale over the plot's left → right. */
  x: (range: PixelRange) => X;
  /** The y scale over the plot's bottom → top (charts of several panels keep their own). */
  y: (range: PixelRange) => Y;
}

export interface Frame<X, Y> {
  readonly responsive: boolean;
  /** The container's width as last measured (0: not yet); <ChartFrame> writes it. */
  measured: number;
  readonly width: number;
  readonly height: number;
  readonly margin: Margin;
  readonly plot: Plot;
  readonly x: X;
  readonly y: Y;
}

/** A frame whose options are read reactively (a getter, so the chart's state can drive them). */
export function chartFrame<X, Y>(options: () => FrameOptions<X, Y>): Frame<X, Y> {
  let measured = $state(0);
  const o = $derived(options());
  const responsive = $derived(o.responsive ?? false);
  const width = $derived(responsive && measured > 0 ? measured : o.width);
  const height = $derived(typeof o.height === 'function' ? o.height(width) : o.height);
  const margin = $derived(typeof o.margin === 'function' ? o.margin(width) : o.margin);
  const plot = $derived({
    left: margin.left,
    right: width - margin.right,
    top: margin.top,
    bottom: height - margin.bottom,
  });
  const x = $derived(o.x([plot.left, plot.right]));
  const y = $derived(o.y([plot.bottom, plot.top]));
  return {
    get responsive() {
      return responsive;
    },
    get measured() {
      return measured;
    },
    set measured(value: number) {
      // Whole pixels: a sub-pixel change of the container does not redraw the chart.
      const whole = Math.floor(value);
      if (whole > 0 && whole !== measured) measured = whole;
    },
    get width() {
      return width;
    },
    get height() {
      return height;
    },
    get margin() {
      return margin;
    },
    get plot() {
      return plot;
    },
    get x() {
      return x;
    },
    get y() {
      return y;
    },
  };
}

const [getFrame, setFrame] = createContext<Frame<unknown, unknown>>();
export { setFrame };

/**
 * The frame of the chart this layer is drawn in. The scale types are the chart's to know: a
 * layer states what it needs (the shared layers need linear scales).
 */
export function useFrame<X, Y>(): Frame<X, Y> {
  return getFrame() as Frame<X, Y>;
}
