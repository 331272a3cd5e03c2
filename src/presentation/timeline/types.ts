// The timeline chart's data shapes: plain series, markers and table rows the chart components
// draw (./timelineData.ts builds them).

import type {
  Compliance,
  DomainId,
  GameState,
  LabRoundRecord,
  Posture,
  SafeguardTrack,
  Severity,
} from '../../engine/types';

export interface TimelinePoint {
  round: number;
  value: number;
  /** Margin of error (two standard deviations either side, as the decision screen quotes it). */
  low?: number;
  high?: number;
  /** The margin itself (high and low are clamped to 0..1). */
  margin?: number;
}

export interface TimelineSeriesData {
  id: string;
  label: string;
  points: TimelinePoint[];
}

export interface ThresholdLine {
  levelId: string;
  levelName: string;
  value: number;
  /** The scenario's original threshold when the lab has revised this one. */
  revisedFrom: number | null;
}

export type MarkerKind = 'decision' | 'incident' | 'rival';

export interface TimelineMarker {
  round: number;
  kind: MarkerKind;
  label: string;
  /** Decision markers: the posture actually taken. */
  posture?: Posture;
  /** Decision markers: the lab went past its own commitment. */
  broke?: boolean;
  /** Incident markers. */
  severity?: Severity;
  lab: string;
}

export interface MissedBand {
  round: number;
  label: string;
}

export interface QuarterRow {
  round: number;
  /** Posture taken this quarter (null: not decided yet). */
  posture: Posture | null;
  chosen: Posture | null;
  overriddenBy: LabRoundRecord['overriddenBy'];
  compliance: Compliance | null;
  /** The eval result for the focus domain, if the evals ran this quarter. */
  measured: number | null;
  /** Its margin of error (± this much). */
  uncertainty: number | null;
  truth: number | null;
  safeguards: Record<SafeguardTrack, number>;
  estimatedRisk: number | null;
  trueRisk: number | null;
  marketShare: number;
  incidents: string[];
  missed: string[];
}

export interface TimelineData {
  labId: string;
  labName: string;
  totalRounds: number;
  /** Last quarter on the x axis: totalRounds + 1 (the end of the game). */
  xMax: number;
  /** The quarter being played, or null once the game is over. */
  currentRound: number | null;
  /** Last round with a state point (the end point of a finished game). */
  lastPoint: number;
  reveal: boolean;
  domain: DomainId;
  domainName: string;
  domains: { id: DomainId; name: string }[];
  measured: TimelineSeriesData;
  truth: TimelineSeriesData | null;
  thresholds: ThresholdLine[];
  safeguards: TimelineSeriesData[];
  estimatedRisk: TimelineSeriesData;
  trueRisk: TimelineSeriesData | null;
  market: TimelineSeriesData[];
  markers: TimelineMarker[];
  missed: MissedBand[];
  rows: QuarterRow[];
  /** The branch a rewind left behind: capability and risk as the main lines show them. */
  ghost: { capability: TimelineSeriesData; risk: TimelineSeriesData } | null;
}

export interface TimelineOptions {
  reveal: boolean;
  /** Domain of the capability panel (default: the one nearest its first threshold). */
  domain?: DomainId | null;
  ghost?: GameState | null;
  /**
   * The data this call replaces (last quarter's chart): every part of the result equal in value
   * to the same part of `previous` is returned as that very object, so a renderer comparing by
   * identity redraws only what changed (a new quarter adds a point; the old points stay).
   */
  previous?: TimelineData | null;
}
