// Marker shapes for the chart (never colour alone: every series also has a shape and a dash).
import {
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  symbolWye,
  type SymbolType,
} from 'd3';

export type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star' | 'wye';

const TYPES: Record<Shape, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  cross: symbolCross,
  star: symbolStar,
  wye: symbolWye,
};

/** SVG path data for a marker of `size` square pixels, centred on 0,0. */
export function shapePath(shape: Shape, size = 48): string {
  return symbol(TYPES[shape], size)() ?? '';
}

/** Push labels apart vertically so none overlap (at least `gap` px), keeping them in order. */
export function spreadLabels<T extends { y: number }>(
  items: T[],
  gap: number,
  min: number,
  max: number,
): (T & { labelY: number })[] {
  const sorted = [...items].sort((a, b) => a.y - b.y).map((item) => ({ ...item, labelY: item.y }));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as T & { labelY: number };
    const cur = sorted[i] as T & { labelY: number };
    if (cur.labelY - prev.labelY < gap) cur.labelY = prev.labelY + gap;
  }
  const last = sorted.at(-1);
  if (last && last.labelY > max) {
    const shift = last.labelY - max;
    for (const item of sorted) item.labelY -= shift;
  }
  for (let i = 0; i < sorted.length; i++) {
    const cur = sorted[i] as T & { labelY: number };
    if (cur.labelY < min + i * gap) cur.labelY = min + i * gap;
  }
  return sorted;
}

export const pct = (x: number, digits = 0): string => `${(x * 100).toFixed(digits)}%`;

/** A horizontal reference line (a capability threshold). */
export interface RefLine {
  id: string;
  value: number;
  label: string;
  /** A faint line (e.g. the original threshold before a revision). */
  faint?: boolean;
}
