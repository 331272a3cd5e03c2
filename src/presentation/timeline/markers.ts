// The chart's markers: the lab's decisions, the worst incident per lab per quarter, rivals' public
// signals; and (revealed) the bands of quarters with a missed crossing.

import { describeIncident } from '../incidentWords';
import { wordNews } from '../newsWords';
import { percent } from '../../engine/numbers';
import { postureName } from '../../engine/postures';
import { domainName, levelName } from '../../engine/scenarioNames';
import type { GameState, LabRoundRecord, Scenario, Severity } from '../../engine/types';
import type { MissedBand, TimelineMarker } from './types';

const SEVERITY_RANK: Record<Severity, number> = { warning: 0, serious: 1, catastrophe: 2 };

/** Decisions of `labId`, incidents of every lab, and rivals' announcements and releases. */
export function timelineMarkers(
  scenario: Scenario,
  state: GameState,
  labId: string,
): TimelineMarker[] {
  const labName = (id: string): string => state.labs.find((l) => l.id === id)?.name ?? id;
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
    const { headline } = wordNews(n, scenario, state.labs);
    markers.push({ round: n.round, kind: 'rival', label: headline, lab: n.lab });
  }
  return markers;
}

/** Quarters in which the lab had a missed crossing, each with what was missed (the reveal). */
export function missedBands(scenario: Scenario, state: GameState, labId: string): MissedBand[] {
  const missed: MissedBand[] = [];
  for (const h of state.history) {
    const r = h.labs.find((l) => l.lab === labId);
    if (!r || r.missedCrossings.length === 0) continue;
    const names = r.missedCrossings.map(
      (m) =>
        `${levelName(scenario, m.levelId)} ${domainName(scenario, m.domain)} ${percent(m.threshold)}: ${percent(m.trueCapability)} by the quarter’s end, evals ${percent(m.measured)}`,
    );
    missed.push({ round: h.round, label: [...new Set(names)].join(', ') });
  }
  return missed;
}

function decisionLabel(r: LabRoundRecord): string {
  const name = postureName(r.effectivePosture);
  const parts = [name];
  if (r.overriddenBy)
    parts.push(`(you chose ${postureName(r.decision.posture)}; ${OVERRIDE_WORDS[r.overriddenBy]})`);
  if (r.compliance === 'broken') parts.push('— broke your commitment');
  return parts.join(' ');
}

const OVERRIDE_WORDS: Record<NonNullable<LabRoundRecord['overriddenBy']>, string> = {
  policy: 'your binding policy overrode it',
  regulator: 'the regulator overrode it',
  pauseAgreement: 'the pause agreement overrode it',
  incidentResponse: 'incident response overrode it',
};
