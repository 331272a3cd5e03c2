// How each series is drawn: an Okabe–Ito colour plus a dash pattern and a marker shape, so no
// series is told apart by colour alone.
import type { Shape } from './shapes';

export interface SeriesStyle {
  colour: string;
  dash: string;
  shape: Shape | null;
  width: number;
}

export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
} as const;

export const GHOST = '#7B8794';

export const STYLES = {
  measured: { colour: OKABE_ITO.blue, dash: '', shape: 'circle', width: 2.5 },
  truth: { colour: OKABE_ITO.vermillion, dash: '7 4', shape: 'triangle', width: 2.5 },
  ghost: { colour: GHOST, dash: '2 4', shape: null, width: 2 },
  security: { colour: OKABE_ITO.green, dash: '', shape: 'square', width: 2 },
  deployment: { colour: OKABE_ITO.orange, dash: '6 3', shape: 'diamond', width: 2 },
  alignment: { colour: OKABE_ITO.purple, dash: '2 3', shape: 'triangle', width: 2 },
  estimatedRisk: { colour: OKABE_ITO.blue, dash: '', shape: 'circle', width: 2 },
  trueRisk: { colour: OKABE_ITO.vermillion, dash: '7 4', shape: 'triangle', width: 2 },
} satisfies Record<string, SeriesStyle>;

/** Market share lines: you first (solid blue), then rivals. */
const MARKET: SeriesStyle[] = [
  { colour: OKABE_ITO.black, dash: '', shape: 'circle', width: 2.5 },
  { colour: OKABE_ITO.orange, dash: '6 3', shape: 'square', width: 2 },
  { colour: OKABE_ITO.green, dash: '2 3', shape: 'diamond', width: 2 },
  { colour: OKABE_ITO.purple, dash: '8 3 2 3', shape: 'triangle', width: 2 },
  { colour: OKABE_ITO.sky, dash: '4 4', shape: 'cross', width: 2 },
  { colour: OKABE_ITO.black, dash: '1 3', shape: 'star', width: 2 },
  // A scenario seats up to eight labs: the last two still differ from all others without colour.
  { colour: OKABE_ITO.blue, dash: '3 2 8 2', shape: 'square', width: 2 },
  { colour: OKABE_ITO.green, dash: '10 2 2 2 2 2', shape: 'circle', width: 2 },
];

export function marketStyle(index: number): SeriesStyle {
  return MARKET[index % MARKET.length] as SeriesStyle;
}

/**
 * Public trust beside the labs' market shares (the projector's shared timeline): a dash and a
 * marker no market-share line uses, so the two are told apart in greyscale too.
 */
export const PUBLIC_TRUST_STYLE: SeriesStyle = {
  colour: OKABE_ITO.vermillion,
  dash: '12 4',
  shape: 'wye',
  width: 3,
};

export interface LegendItem {
  id: string;
  label: string;
  style: SeriesStyle;
}

export interface LegendGroup {
  title: string;
  items: LegendItem[];
}
