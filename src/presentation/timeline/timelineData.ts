// The timeline chart's data: one lab's quarters as plain series, markers and table rows. Pure: the
// chart components only draw what this returns.
//
// Time convention: a state value at quarter r (capability, eval result, safeguards, market share)
// is the value at the *start* of quarter r, when the lab decides; an event value at quarter r
// (decision, risk, incidents) is what happened *during* quarter r. A finished game adds an "end"
// point at lastRound + 1. A missed crossing is an event of quarter r: by its end the model was
// truly past a threshold that the evals the lab decided on did not show; its label quotes that
// end-of-quarter figure, which is the next quarter's start (the debrief says this as
// QUARTER_FIGURES for every table of quarters).
//
// Before the debrief (`reveal: false`) nothing here uses the hidden truth: capability is what the
// lab's evals measured, and risk is estimated from those measurements (the engine's own hazard
// formula applied to the measured values). With `reveal: true` the true capability, the true
// per-quarter risk and the missed crossings are added.

import { labPolicy } from '../../engine/policies';
import { domainName } from '../../engine/scenarioNames';
import type { GameState, Scenario } from '../../engine/types';
import { SAFEGUARD_TRACKS } from '../../engine/types';
import { measuredPoints, truthPoints } from './capability';
import { labQuarters } from './labQuarters';
import { missedBands, timelineMarkers } from './markers';
import { reuseUnchanged } from './reuse';
import { estimatedRisks, trueRiskPoints } from './risk';
import { focusDomain, thresholdLines } from './thresholds';
import type { QuarterRow, TimelineData, TimelineOptions, TimelinePoint } from './types';

export function timelineData(
  scenario: Scenario,
  state: GameState,
  labId: string,
  options: TimelineOptions,
): TimelineData {
  const q = labQuarters(scenario, state, labId);
  const { lab, lastRound, currentRound, stateRounds, pointRounds } = q;
  const reveal = options.reveal;
  const domain = options.domain ?? focusDomain(lab, scenario);
  const shownDomain = domainName(scenario, domain);

  // What the evals measured, with the uncertainty the lab knew about.
  const measured = measuredPoints(scenario, q, domain);
  // Risk as the lab's evals would put it: the engine's hazard formula on the measured values.
  const estimatedPoints: TimelinePoint[] = [...estimatedRisks(scenario, state, labId)].map(
    ([round, risk]) => ({ round, value: risk.total }),
  );
  const truth = reveal ? truthPoints(q, domain) : [];
  const trueRisk = reveal ? trueRiskPoints(state, labId) : [];

  const safeguards = SAFEGUARD_TRACKS.map((track) => ({
    id: track,
    label: track,
    points: pointRounds.map((round) => ({
      round,
      value: (round > lastRound ? lab.safeguards : q.startSafeguards(round))[track],
    })),
  }));

  const others = state.labs.filter((l) => l.id !== labId);
  const market = [lab, ...others].map((l) => ({
    id: l.id,
    label: l.name,
    points: pointRounds.map((round) => ({
      round,
      value: round > lastRound ? l.marketShare : q.startShare(round, l.id),
    })),
  }));

  const markers = timelineMarkers(scenario, state, labId);
  const missed = reveal ? missedBands(scenario, state, labId) : [];

  // The lab's own policy's ladder, with its revisions against the policy as written.
  const thresholds = thresholdLines(lab.policy.levels, labPolicy(scenario, labId).levels, domain);

  // Each row reads its quarter's point of every series: looked up by round, not searched for.
  const byRound = <T extends { round: number }>(items: readonly T[]) => {
    const out = new Map<number, T[]>();
    for (const item of items) out.set(item.round, [...(out.get(item.round) ?? []), item]);
    return (round: number): T[] => out.get(round) ?? [];
  };
  const measuredAt = byRound(measured);
  const truthAt = byRound(truth);
  const estimatedAt = byRound(estimatedPoints);
  const trueRiskAt = byRound(trueRisk);
  const incidentsAt = byRound(markers.filter((m) => m.kind === 'incident' && m.lab === labId));
  const missedAt = byRound(missed);
  const rows: QuarterRow[] = stateRounds.map((round) => {
    const r = q.record(round);
    const m = measuredAt(round)[0];
    return {
      round,
      posture: r?.effectivePosture ?? null,
      chosen: r?.decision.posture ?? null,
      overriddenBy: r?.overriddenBy ?? null,
      compliance: r?.compliance ?? null,
      measured: m?.value ?? null,
      uncertainty: m?.margin ?? null,
      truth: reveal ? (truthAt(round)[0]?.value ?? null) : null,
      safeguards: q.startSafeguards(round),
      estimatedRisk: estimatedAt(round)[0]?.value ?? null,
      trueRisk: reveal ? (trueRiskAt(round)[0]?.value ?? null) : null,
      marketShare: q.startShare(round, labId),
      incidents: incidentsAt(round).map((m) => m.label),
      missed: missedAt(round).map((b) => b.label),
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
    measured: { id: 'measured', label: 'Measured by your evals', points: measured },
    truth: reveal ? { id: 'truth', label: 'True capability', points: truth } : null,
    thresholds,
    safeguards,
    estimatedRisk: {
      id: 'estimated-risk',
      label: 'Estimated risk (from your evals)',
      points: estimatedPoints,
    },
    trueRisk: reveal ? { id: 'true-risk', label: 'True risk', points: trueRisk } : null,
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
