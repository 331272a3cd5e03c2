// How the explorer draws its series: an Okabe–Ito colour, a marker shape and a dash pattern for
// each, so no series is told apart by colour alone.
import type { HeadlineOutcome } from '../../engine/batch/summary';
import type { InfoRegime } from '../../engine/race/types';
import type { SeriesStyle } from '../chart/styles';
import { OKABE_ITO } from '../chart/styles';

export const OUTCOME_STYLES: Record<HeadlineOutcome, SeriesStyle> = {
  catastrophe: { colour: OKABE_ITO.vermillion, dash: '', shape: 'triangle', width: 2.5 },
  anyIncident: { colour: OKABE_ITO.orange, dash: '6 3', shape: 'diamond', width: 2 },
  anyPause: { colour: OKABE_ITO.blue, dash: '2 3', shape: 'circle', width: 2 },
  brokenCommitment: { colour: OKABE_ITO.purple, dash: '8 3 2 3', shape: 'square', width: 2 },
};

export const REGIME_STYLES: Record<InfoRegime, SeriesStyle> = {
  none: { colour: OKABE_ITO.blue, dash: '', shape: 'circle', width: 2.5 },
  private: { colour: OKABE_ITO.orange, dash: '6 3', shape: 'square', width: 2 },
  public: { colour: OKABE_ITO.green, dash: '2 3', shape: 'triangle', width: 2 },
};

export const REGIME_NAMES: Record<InfoRegime, string> = {
  none: 'No information',
  private: 'Private information',
  public: 'Public information',
};
