// The timeline chart's data: one lab's quarters as plain series, markers and table rows. Pure: the
// chart components only draw what this returns.
//
// Time convention: a state value at quarter r (capability, eval result, safeguards, market share)
// is the value at the *start* of quarter r, when the lab decides; an event value at quarter r
// (decision, risk, incidents) is what happened *during* quarter r. A finished game adds an "end"
// point at lastRound + 1. A missed crossing is an event of quarter r: by its end the model was
// truly past a threshold that the evals the lab decided on did not show; its label quotes that
// end-of-quarter figure, which is the next quarter's start (debrief.ts says this as
// QUARTER_FIGURES for every table of quarters).
//
// Before the debrief (`reveal: false`) nothing here uses the hidden truth: capability is what the
// lab's evals measured, and risk is estimated from those measurements (the engine's own hazard
// formula applied to the measured values). With `reveal: true` the true capability, the true
// per-quarter risk and the missed crossings are added.

import { labPolicy } from '../engine/policies';
import { domainName, levelName } from '../engine/scenarioNames';
import { clamp01, percent } from '../engine/numbers';
import { describeIncident } from '../engine/incidents';
import { evalSensitivity, evaluateLab, isEvalRound } from '../engine/evaluation';
import { resolveDynamics } from '../engine/parameters';
import { POSTURE_RULES, postureName } from '../engine/postures';
import { labRisk } from '../engine/risk';
import type { Rng } from '../engine/rng';
import type {
  Compliance,
  DomainId,
  DomainValues,
  GameState,
  LabRoundRecord,
  LabState,
  LevelSpec,
  Posture,
  RiskBreakdown,
  SafeguardTrack,
  Scenario,
  Severity,
} from '../engine/types';
import { SAFEGUARD_TRACKS } from '../engine/types';

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

/** The margin of error quoted around a measurement, in standard deviations (as explain.ts words it). */
export const MARGIN_SDS = 2;

/** A generator that draws no noise: used only to read the eval's uncertainty from the engine. */
const SILENT_RNG: Rng = { next: () => 0, normal: () => 0, state: 0 };

const SEVERITY_RANK: Record<Severity, number> = { warning: 0, serious: 1, catastrophe: 2 };

export function timelineData(
  scenario: Scenario,
  state: GameState,
  labId: string,
  options: TimelineOptions,
): TimelineData {
  const lab = state.labs.find((l) => l.id === labId);
  const spec = scenario.labs.find((l) => l.id === labId);
  if (!lab || !spec) throw new Error(`Unknown lab "${labId}"`);
  const reveal = options.reveal;
  const over = state.outcome != null;
  const lastRound = over ? (state.history.at(-1)?.round ?? 0) : state.round;
  const currentRound = over ? null : state.round;
  const domain = options.domain ?? focusDomain(lab, scenario);
  const shownDomain = domainName(scenario, domain);
  const record = (round: number, id = labId): LabRoundRecord | undefined =>
    state.history.find((h) => h.round === round)?.labs.find((l) => l.lab === id);

  // Start-of-quarter states, 1 … lastRound, plus the end point of a finished game.
  const startCapability = (round: number): DomainValues =>
    round === 1 ? spec.start.capability : (record(round - 1)?.capability ?? lab.capability);
  const startSafeguards = (round: number): Record<SafeguardTrack, number> => {
    if (currentRound !== null && round === currentRound) return lab.safeguards;
    if (round === 1) {
      return Object.fromEntries(
        SAFEGUARD_TRACKS.map((t) => [t, spec.start.safeguards[t] ?? 0]),
      ) as Record<SafeguardTrack, number>;
    }
    return record(round - 1)?.safeguards ?? lab.safeguards;
  };
  const startShare = (round: number, id: string): number => {
    if (round === 1) return 1 / state.labs.length;
    return (
      record(round - 1, id)?.marketShare ?? state.labs.find((l) => l.id === id)?.marketShare ?? 0
    );
  };
  const stateRounds = range(1, lastRound);
  const pointRounds = over ? [...stateRounds, lastRound + 1] : stateRounds;

  // What the evals measured, with the uncertainty the lab knew about.
  const uncertainty = evalUncertainties(scenario, state, lab, spec.start.budget);
  const measuredAt = (round: number): DomainValues | null => {
    if (!isEvalRound(round, labPolicy(scenario, labId).evaluation.cadence)) return null;
    if (round === currentRound) return lab.lastEval?.round === round ? lab.lastEval.measured : null;
    return record(round)?.measured ?? null;
  };
  const measuredPoints: TimelinePoint[] = [];
  for (const round of stateRounds) {
    const m = measuredAt(round)?.[domain];
    if (m === undefined) continue;
    const sd =
      round === currentRound && lab.lastEval ? lab.lastEval.uncertainty : uncertainty.get(round);
    const margin = sd === undefined ? undefined : MARGIN_SDS * sd;
    measuredPoints.push(
      margin === undefined
        ? { round, value: m }
        : { round, value: m, low: clamp01(m - margin), high: clamp01(m + margin), margin },
    );
  }

  // Risk as the lab's evals would put it: the engine's hazard formula on the measured values.
  const estimatedPoints: TimelinePoint[] = [...estimatedRisks(scenario, state, labId)].map(
    ([round, risk]) => ({ round, value: risk.total }),
  );

  const truthPoints: TimelinePoint[] = reveal
    ? pointRounds.map((round) => ({
        round,
        value: (round > lastRound ? lab.capability : startCapability(round))[domain] ?? 0,
      }))
    : [];
  const trueRiskPoints: TimelinePoint[] = reveal
    ? state.history.flatMap((h) => {
        const r = h.labs.find((l) => l.lab === labId);
        return r ? [{ round: h.round, value: r.risk.total }] : [];
      })
    : [];

  const safeguards = SAFEGUARD_TRACKS.map((track) => ({
    id: track,
    label: track,
    points: pointRounds.map((round) => ({
      round,
      value: (round > lastRound ? lab.safeguards : startSafeguards(round))[track],
    })),
  }));

  const labName = (id: string): string => state.labs.find((l) => l.id === id)?.name ?? id;
  const others = state.labs.filter((l) => l.id !== labId);
  const market = [lab, ...others].map((l) => ({
    id: l.id,
    label: l.name,
    points: pointRounds.map((round) => ({
      round,
      value: round > lastRound ? l.marketShare : startShare(round, l.id),
    })),
  }));

  const markers: TimelineMarker[] = [];
  for (const h of state.history) {
    const r = h.labs.find((l) => l.lab === labId);
    if (r) {
      markers.push({
        round: h.round,
        kind: 'decision',
        posture: r.effectivePosture,
        broke: r.compliance === 'broken',
        label: decisionLabel(r),
        lab: labId,
      });
    }
    // The worst incident per lab per quarter.
    const worst = new Map<string, { severity: Severity; label: string }>();
    for (const i of h.incidents) {
      const previous = worst.get(i.lab);
      if (previous && SEVERITY_RANK[previous.severity] >= SEVERITY_RANK[i.severity]) continue;
      worst.set(i.lab, {
        severity: i.severity,
        label: describeIncident(i, labName(i.lab)).headline,
      });
    }
    for (const [id, w] of worst) {
      markers.push({
        round: h.round,
        kind: 'incident',
        severity: w.severity,
        label: w.label,
        lab: id,
      });
    }
  }
  // Rivals' public signals: their announcements and releases as the news carried them.
  for (const n of state.world.news) {
    if (!n.lab || n.lab === labId) continue;
    if (n.kind !== 'announcement' && n.kind !== 'deployment' && n.kind !== 'revision') continue;
    markers.push({ round: n.round, kind: 'rival', label: n.headline, lab: n.lab });
  }

  const missed: MissedBand[] = [];
  if (reveal) {
    for (const h of state.history) {
      const r = h.labs.find((l) => l.lab === labId);
      if (!r || r.missedCrossings.length === 0) continue;
      const names = r.missedCrossings.map(
        (m) =>
          `${levelName(scenario, m.levelId)} ${domainName(scenario, m.domain)} ${percent(m.threshold)}: ${percent(m.trueCapability)} by the quarter’s end, evals ${percent(m.measured)}`,
      );
      missed.push({ round: h.round, label: unique(names).join(', ') });
    }
  }

  // The lab's own policy's ladder, with its revisions against the policy as written.
  const thresholds = thresholdLines(lab.policy.levels, labPolicy(scenario, labId).levels, domain);

  const incidentsAt = (round: number): string[] =>
    markers
      .filter((m) => m.kind === 'incident' && m.round === round && m.lab === labId)
      .map((m) => m.label);
  const rows: QuarterRow[] = stateRounds.map((round) => {
    const r = record(round);
    const m = measuredPoints.find((x) => x.round === round);
    return {
      round,
      posture: r?.effectivePosture ?? null,
      chosen: r?.decision.posture ?? null,
      overriddenBy: r?.overriddenBy ?? null,
      compliance: r?.compliance ?? null,
      measured: m?.value ?? null,
      uncertainty: m?.margin ?? null,
      truth: reveal ? (truthPoints.find((x) => x.round === round)?.value ?? null) : null,
      safeguards: startSafeguards(round),
      estimatedRisk: estimatedPoints.find((x) => x.round === round)?.value ?? null,
      trueRisk: reveal ? (trueRiskPoints.find((x) => x.round === round)?.value ?? null) : null,
      marketShare: startShare(round, labId),
      incidents: incidentsAt(round),
      missed: missed.filter((b) => b.round === round).map((b) => b.label),
    };
  });

  let ghost: TimelineData['ghost'] = null;
  if (options.ghost) {
    const g = timelineData(scenario, options.ghost, labId, { reveal, domain });
    ghost = {
      capability: { ...(reveal && g.truth ? g.truth : g.measured), id: 'ghost-capability' },
      risk: { ...(reveal && g.trueRisk ? g.trueRisk : g.estimatedRisk), id: 'ghost-risk' },
    };
  }

  const data: TimelineData = {
    labId,
    labName: lab.name,
    totalRounds: state.totalRounds,
    xMax: state.totalRounds + 1,
    currentRound,
    lastPoint: pointRounds.at(-1) ?? 1,
    reveal,
    domain,
    domainName: shownDomain,
    domains: scenario.domains.map((d) => ({ id: d.id, name: d.name })),
    measured: { id: 'measured', label: 'Measured by your evals', points: measuredPoints },
    truth: reveal ? { id: 'truth', label: 'True capability', points: truthPoints } : null,
    thresholds,
    safeguards,
    estimatedRisk: {
      id: 'estimated-risk',
      label: 'Estimated risk (from your evals)',
      points: estimatedPoints,
    },
    trueRisk: reveal ? { id: 'true-risk', label: 'True risk', points: trueRiskPoints } : null,
    market,
    markers,
    missed,
    rows,
    ghost,
  };
  return options.previous ? reuseUnchanged(options.previous, data) : data;
}

/**
 * `timelineData` that remembers its last result: each call shares every unchanged part with the
 * previous call's data, so a chart that re-renders each quarter redraws only what changed.
 */
export function incrementalTimeline(): (
  scenario: Scenario,
  state: GameState,
  labId: string,
  options: Omit<TimelineOptions, 'previous'>,
) => TimelineData {
  let last: TimelineData | null = null;
  return (scenario, state, labId, options) =>
    (last = timelineData(scenario, state, labId, { ...options, previous: last }));
}

/**
 * `next`, with every part (object, array, at any depth) that equals the same part of `previous`
 * replaced by `previous`'s object: equal values, shared identity. Arrays are matched index by
 * index, so an array that grew at its end keeps its old elements. Plain data only (objects,
 * arrays, primitives), as timelineData returns.
 */
export function reuseUnchanged<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return previous as T;
  if (typeof next !== 'object' || next === null) return next;
  if (typeof previous !== 'object' || previous === null) return next;
  if (Array.isArray(next) !== Array.isArray(previous)) return next;
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keys = Object.keys(after);
  const out: Record<string, unknown> = Array.isArray(next) ? ([] as unknown as typeof out) : {};
  let same = keys.length === Object.keys(before).length;
  let kept = false;
  for (const key of keys) {
    const value = Object.hasOwn(before, key) ? reuseUnchanged(before[key], after[key]) : after[key];
    if (value !== before[key] || !Object.hasOwn(before, key)) same = false;
    if (value !== after[key]) kept = true;
    out[key] = value;
  }
  if (same) return previous as T;
  return (kept ? out : next) as T;
}

/**
 * The domain to show first: the one whose latest measurement is closest to (or furthest past) its
 * lowest threshold. Before any eval: the first domain with a threshold.
 */
export function focusDomain(lab: LabState, scenario: Scenario): DomainId {
  const levels = lab.policy.levels;
  let best: DomainId | null = null;
  let bestRatio = -Infinity;
  for (const d of scenario.domains) {
    const threshold = levels.map((l) => l.thresholds[d.id]).find((t) => t !== undefined);
    if (threshold === undefined) continue;
    const measured = lab.lastEval?.measured[d.id] ?? 0;
    const ratio = threshold > 0 ? measured / threshold : measured;
    if (best === null || ratio > bestRatio) [best, bestRatio] = [d.id, ratio];
  }
  return best ?? scenario.domains[0]?.id ?? 'cbrn';
}

/** A ladder's thresholds in one domain, each with the value it was revised from (if it was). */
export function thresholdLines(
  own: readonly LevelSpec[],
  original: readonly LevelSpec[],
  domain: DomainId,
): ThresholdLine[] {
  return own.flatMap((level) => {
    const value = level.thresholds[domain];
    if (value === undefined) return [];
    const before = original.find((l) => l.id === level.id)?.thresholds[domain];
    return [
      {
        levelId: level.id,
        levelName: level.name,
        value,
        revisedFrom: before !== undefined && before !== value ? before : null,
      },
    ];
  });
}

/**
 * The eval uncertainty (one standard deviation) the lab knew at each eval round, rebuilt from the
 * recorded budgets and eval spending through the engine's own sensitivity and noise functions.
 * (Exact unless a scripted event changed the lab's budget between quarters.)
 */
function evalUncertainties(
  scenario: Scenario,
  state: GameState,
  lab: LabState,
  startBudget: number,
): Map<number, number> {
  const p = resolveDynamics(scenario.dynamics);
  const out = new Map<number, number>();
  let investment = 0;
  let budget = startBudget;
  const rounds = state.history.map((h) => h.round);
  for (const round of rounds) {
    const r = state.history.find((h) => h.round === round)?.labs.find((l) => l.lab === lab.id);
    if (!r) continue;
    const sensitivity = evalSensitivity(
      scenario.evaluation.baseSensitivity,
      investment,
      p.evalLearningRate,
    );
    out.set(
      round,
      evaluateLab({}, [], scenario.evaluation, sensitivity, round, SILENT_RNG).uncertainty,
    );
    investment += budget * r.decision.budget.evals;
    budget = r.budget;
  }
  return out;
}

function decisionLabel(r: LabRoundRecord): string {
  const name = postureName(r.effectivePosture);
  const parts = [name];
  if (r.overriddenBy)
    parts.push(`(you chose ${postureName(r.decision.posture)}; ${OVERRIDE_WORDS[r.overriddenBy]})`);
  if (r.compliance === 'broken') parts.push('— broke your commitment');
  return parts.join(' ');
}

/**
 * Each played quarter's risk as the lab's own evals would put it, by hazard: the engine's hazard
 * formula (labRisk) applied to the latest measured capability instead of the hidden truth, with
 * the quarter's posture and its end-of-quarter safeguards (when the engine draws its hazards).
 * Never reads the truth, so it may be shown before the debrief.
 */
export function estimatedRisks(
  scenario: Scenario,
  state: GameState,
  labId: string,
): Map<number, RiskBreakdown> {
  const p = resolveDynamics(scenario.dynamics);
  const out = new Map<number, RiskBreakdown>();
  let lastMeasured: DomainValues = {};
  for (const h of state.history) {
    const r = h.labs.find((l) => l.lab === labId);
    if (!r) continue;
    if (r.measured) lastMeasured = r.measured;
    const risk = labRisk(
      {
        capability: lastMeasured,
        deployedCapability: r.deployment === 'none' ? {} : lastMeasured,
        deployment: r.deployment,
        training: POSTURE_RULES[r.effectivePosture].training,
        safeguards: r.safeguards,
      },
      p,
    );
    out.set(h.round, risk);
  }
  return out;
}

const OVERRIDE_WORDS: Record<NonNullable<LabRoundRecord['overriddenBy']>, string> = {
  policy: 'your binding policy overrode it',
  regulator: 'the regulator overrode it',
  pauseAgreement: 'the pause agreement overrode it',
  incidentResponse: 'incident response overrode it',
};

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
