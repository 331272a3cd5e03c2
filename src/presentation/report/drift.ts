// Drift in words and in Markdown (issue 14 item 5): each team's quarters against its own policy,
// its revisions, and — once the facilitator has run it — the stress test of its policy against
// the scenario's real frameworks. The screen, the printed report and the Markdown download all
// read these, so they say the same.

import type { ComparisonRow } from '../../engine/batch/compare';
import type {
  GameState,
  PolicyRevision,
  Posture,
  Scenario,
  ShortfallRule,
} from '../../engine/types';
import { domainName } from '../../engine/scenarioNames';
import { percent } from '../../engine/numbers';
import { postureName } from '../../engine/postures';
import { driftOf, type DriftQuarter, type TeamDrift } from '../../engine/workshop/drift';
import type { StressComparison } from '../../engine/workshop/stressTest';
import { labsWithTeamPolicies } from '../../engine/workshop/teamPolicies';
import type { WorkshopTeam } from '../../engine/workshop/types';
import { md } from './markdown';

/**
 * The rule a posture more permissive than `allowed` goes past: a pause the policy asked for (its
 * shortfall rule says how), or the limits on release it set.
 */
export function ruleBroken(whenShort: ShortfallRule, allowed: Posture, level: string): string {
  if (allowed === 'pause') {
    return whenShort === 'delayIfAhead'
      ? `delay training at ${level} when ahead and the risk is significant`
      : `pause training at ${level} until its training safeguards are ready`;
  }
  return whenShort === 'restrict'
    ? `release only with limits at ${level} until its safeguards are ready`
    : `release only with limits at ${level} until its deployment safeguards are ready`;
}

/** "Q4: took Full release where its policy said Restrict — release only with limits at …". */
export function driftQuarterWords(q: DriftQuarter): string {
  return `Quarter ${q.round}: ${postureName(q.took).toLowerCase()} where its policy said ${postureName(q.allowed).toLowerCase()} (${ruleBroken(q.whenShort, q.allowed, q.level)})`;
}

/** One line for a team's drift: "Acted against its policy in 2 of 12 quarters; 1 public revision, 1 quiet." */
export function driftSummary(d: TeamDrift): string {
  const n = d.broken.length;
  const acted =
    n === 0
      ? `Kept to its policy in all ${d.quarters} quarters`
      : `Acted against its policy in ${n} of ${d.quarters} quarter${d.quarters === 1 ? '' : 's'}`;
  const plural = (k: number, word: string) => `${k} ${word} revision${k === 1 ? '' : 's'}`;
  const revisions =
    d.revisions.length === 0
      ? 'no revisions'
      : `${plural(d.publicRevisions, 'public')}, ${plural(d.quietRevisions, 'quiet')}${
          d.quietRevisions > 0 ? ` (${d.quietExposed} brought to light)` : ''
        }`;
  return `${acted}; ${revisions}.`;
}

/** The drift of every team whose lab played under a policy the team wrote. */
export function teamDrifts(
  scenario: Scenario,
  state: GameState,
  teams: readonly WorkshopTeam[],
): (TeamDrift & { team: string })[] {
  const own = new Set(labsWithTeamPolicies(scenario));
  return teams
    .filter((t) => own.has(t.lab))
    .map((t) => ({ ...driftOf(scenario, state, t.lab), team: t.name }));
}

/** "Quarter 5: ASL-3 cyber threshold 40% → 55%, quietly (brought to light)". */
export function revisionWords(scenario: Scenario, policyLevels: string, r: PolicyRevision): string {
  const how = r.publicly ? 'publicly' : r.exposed ? 'quietly (brought to light)' : 'quietly';
  return `Quarter ${r.round}: ${policyLevels} ${domainName(scenario, r.domain)} threshold ${percent(r.from)} → ${percent(r.to)}, ${how}`;
}

/** The level's name on the lab's own (team) policy. */
export function revisionLevelName(scenario: Scenario, lab: string, levelId: string): string {
  const use = scenario.labs.find((l) => l.id === lab)?.policy.use;
  const policy = scenario.policies.find((p) => p.id === use);
  return policy?.levels.find((l) => l.id === levelId)?.name ?? levelId;
}

/** A stress-test row in words: "Catastrophe: 12% under RSP v3.0, 9% under its own (−3 points, 95% CI −6 to 0)". */
export function stressRowWords(row: ComparisonRow, framework: string): string {
  const points = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(Math.round(x * 100))}`;
  const interval =
    row.lo === null || row.hi === null
      ? 'no interval'
      : `95% interval ${points(row.lo)} to ${points(row.hi)}`;
  return `${row.label}: ${percent(row.a)} under ${framework}, ${percent(row.b)} under its own (${points(row.diff)} points, ${interval})`;
}

/** How a difference reads: does the interval exclude zero? */
export function stressVerdict(row: ComparisonRow): 'higher' | 'lower' | 'no clear difference' {
  if (row.lo !== null && row.lo > 0) return 'higher';
  if (row.hi !== null && row.hi < 0) return 'lower';
  return 'no clear difference';
}

/** The drift section of the after-action report, in Markdown (none without team policies). */
export function driftMarkdown(
  scenario: Scenario,
  state: GameState,
  teams: readonly WorkshopTeam[],
  stress: readonly StressComparison[] | null = null,
): string[] {
  const drifts = teamDrifts(scenario, state, teams);
  if (drifts.length === 0) return [];
  const lines = ['## Drift: what each team wrote, and what it did', ''];
  for (const d of drifts) {
    lines.push(`### ${md(d.team)}: ${md(d.policyName)}`, '', md(driftSummary(d)), '');
    for (const q of d.broken) lines.push(`- ${md(driftQuarterWords(q))}`);
    for (const r of d.revisions) {
      lines.push(
        `- ${md(revisionWords(scenario, revisionLevelName(scenario, d.lab, r.levelId), r))}`,
      );
    }
    if (d.broken.length + d.revisions.length > 0) lines.push('');
    const tested = (stress ?? []).filter((c) => c.lab === d.lab);
    if (tested.length > 0) {
      lines.push(
        `Stress test (bots at every seat, ${tested[0]?.rows[0]?.n ?? 0} games each, same seeds): its policy against each framework.`,
        '',
      );
      for (const c of tested) {
        for (const row of c.rows) lines.push(`- ${md(stressRowWords(row, c.framework))}`);
      }
      lines.push('');
    }
  }
  if (!stress) lines.push('_The stress test was not run for this report._', '');
  return lines;
}
