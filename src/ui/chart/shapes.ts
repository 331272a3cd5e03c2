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
import { percent } from '../../engine/numbers';
import type { ThresholdLine } from '../../presentation/timeline/types';

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

/** d3's precision for path data: three decimals. */
const round3 = (v: number): number => Math.round(v * 1000) / 1000;

/**
 * A marker's path data split into commands whose absolute coordinates can be moved: d3 writes
 * symbols with M, L and A (absolute end points), h and v (relative) and Z.
 */
type Command = { letter: string; values: number[] };
const templates = new Map<string, Command[]>();

function template(shape: Shape, size: number): Command[] {
  const key = `${shape}:${size}`;
  let commands = templates.get(key);
  if (!commands) {
    commands = [...shapePath(shape, size).matchAll(/([A-Za-z])([^A-Za-z]*)/g)].map((m) => ({
      letter: m[1]!,
      values: m[2] ? m[2].split(',').map(Number) : [],
    }));
    templates.set(key, commands);
  }
  return commands;
}

/** Absolute x, y positions in a command's values (A: its end point; h, v, Z: none). */
function moved(letter: string, values: number[], dx: number, dy: number): string {
  if (letter === 'M' || letter === 'L')
    return `${round3(values[0]! + dx)},${round3(values[1]! + dy)}`;
  if (letter === 'A') {
    const [rx, ry, rotation, large, sweep, x, y] = values;
    return `${rx},${ry},${rotation},${large},${sweep},${round3(x! + dx)},${round3(y! + dy)}`;
  }
  return values.join(',');
}

/**
 * One path with a marker of `size` square pixels centred on each point: the same shapes as
 * `shapePath` at each point, in a single element however many points a series has.
 */
export function markersPath(shape: Shape, size: number, at: readonly [number, number][]): string {
  const commands = template(shape, size);
  let out = '';
  for (const [x, y] of at)
    for (const { letter, values } of commands) out += letter + moved(letter, values, x, y);
  return out;
}

/** One path with a vertical segment per [x, y1, y2] (error bars). */
export function whiskersPath(at: readonly [number, number, number][]): string {
  return at.map(([x, y1, y2]) => `M${x},${y1}V${y2}`).join('');
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

export { percent as pct } from '../../engine/numbers';

/** A horizontal reference line (a capability threshold). */
export interface RefLine {
  id: string;
  value: number;
  label: string;
  /** A faint line (e.g. the original threshold before a revision). */
  faint?: boolean;
}

/**
 * A ladder's thresholds as reference lines: "ASL-3 50%", and a faint line at the original value
 * of a revised threshold. The game's timeline and the policy editor's preview draw the same.
 */
export function thresholdRefLines(thresholds: readonly ThresholdLine[]): RefLine[] {
  return thresholds.flatMap((t) => {
    const own: RefLine = {
      id: t.levelId,
      value: t.value,
      label: `${t.levelName} ${percent(t.value)}${t.revisedFrom !== null ? ' (revised)' : ''}`,
    };
    return t.revisedFrom === null
      ? [own]
      : [
          own,
          {
            id: `${t.levelId}-original`,
            value: t.revisedFrom,
            label: `${t.levelName} original ${percent(t.revisedFrom)}`,
            faint: true,
          },
        ];
  });
}

/**
 * The quarters labelled on a timeline's axis: every `step`-th, the end, and the current quarter in
 * place of the regular tick nearest it. The current quarter's label is wider ("Q8 now"), so any
 * other tick closer to it than `gap` pixels is dropped rather than printed over it.
 */
export function quarterTicks(
  xMax: number,
  step: number,
  current: number | null,
  px: (round: number) => number,
  gap = 44,
): number[] {
  const out: number[] = [];
  for (let t = 1; t < xMax; t += Math.max(1, step)) out.push(t);
  out.push(xMax);
  if (current === null) return out;
  if (!out.includes(current)) {
    const nearest = out.reduce((a, b) => (Math.abs(b - current) < Math.abs(a - current) ? b : a));
    out.splice(out.indexOf(nearest), 1, current);
  }
  return out
    .filter((t) => t === current || Math.abs(px(t) - px(current)) >= gap)
    .sort((a, b) => a - b);
}
