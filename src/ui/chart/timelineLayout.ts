// The timeline's drawing plan: its panels top to bottom (pixel rows) for a given width, when it
// counts as narrow or wide, and the labels at the right end of a panel's lines.

import { spreadLabels } from './shapes';

// Panels, top to bottom (pixel rows), for a drawing this wide.
const TITLE = 20;
const GAP = 14;
export function panels(narrow: boolean) {
  let y = 0;
  const panel = (height: number) => {
    const top = y + TITLE;
    y = top + height + GAP;
    return { title: top - 7, top, bottom: top + height };
  };
  const cap = panel(narrow ? 150 : 160);
  const safe = panel(narrow ? 86 : 84);
  const risk = panel(narrow ? 62 : 62);
  const market = panel(narrow ? 66 : 66);
  const lanesTop = y - GAP + 8;
  const lane = 21;
  const axis = lanesTop + lane * 3 + 6;
  return { cap, safe, risk, market, lanesTop, lane, axis, height: axis + 26 };
}
export const isNarrow = (width: number) => width < 600;
/** Threshold labels go in the right margin only when the chart is wide. */
export const isWide = (width: number) => width >= 820;

export function endLabels(
  series: { id: string; label: string; points: { value: number }[] }[],
  y: (v: number) => number,
  top: number,
  bottom: number,
) {
  return spreadLabels(
    series
      .filter((s) => s.points.length > 0)
      .map((s) => ({ id: s.id, label: s.label, y: y(s.points.at(-1)?.value ?? 0) })),
    12,
    top,
    bottom + 4,
  );
}
