// What the whole room may see — the projector's view. Built only from public information: the
// quarter, the news and injects, each lab's public signals (exactly what a rival sees of it under
// the scenario's information rules, from labView), market shares, trust and regulation, who has
// locked in (never what), and the commitments announced at the table. It is a plain JSON value,
// so the laptop can send it to the projector window without sending anything secret — until the
// game is over: then, and only then, it carries the reveal (reveal.ts), the debrief for the room.

import { buildDebrief } from '../debrief/debrief';
import { levelName } from '../../engine/scenarioNames';
import { readableNews, type WordedNews } from '../newsWords';
import type {
  DeploymentStatus,
  GameState,
  NewsItem,
  RegulationLevel,
  Scenario,
  TrainingStatus,
} from '../../engine/types';
import { isPublicNews, labView } from '../../engine/view';
import { REGULATION_NAMES } from '../regulationWords';
import { COMMITMENT_KIND_LABEL } from './commitmentWords';
import { publicTeamPolicies, type PublicTeamPolicy } from './publicPolicies';
import { revealOf, type PublicReveal } from './reveal';
import type { TimerState, WorkshopMeta } from '../../engine/workshop/types';

// News meant for one lab's eyes stays off the projector: the rule lives with labView.
export { isPublicNews } from '../../engine/view';

export interface PublicLab {
  id: string;
  name: string;
  /** The team holding the seat, or null for a bot. */
  team: string | null;
  deployment: DeploymentStatus;
  /** Training or paused, when the scenario's information rules announce it. */
  training: TrainingStatus | null;
  /** Name of the highest level it has announced reaching. */
  announcedLevel: string | null;
  marketShare: number;
  reputation: number;
  inPauseAgreement: boolean;
  /** Its published eval results (domain name → measured), when it publishes and the rules show them. */
  publishedEval: { round: number; measured: { domain: string; value: number }[] } | null;
}

export type PublicPhase =
  'setup' | 'policies' | 'briefing' | 'deciding' | 'ready' | 'paused' | 'over';

export interface PublicQuarter {
  round: number;
  publicTrust: number;
  /** Market share per lab id at the end of the quarter. */
  shares: Record<string, number>;
  incidents: { lab: string; severity: string }[];
}

export interface PublicSnapshot {
  kind: 'threshold-public';
  scenarioTitle: string;
  round: number;
  totalRounds: number;
  phase: PublicPhase;
  /** How the game ended (a headline only: the truth is for the debrief). */
  outcomeTitle: string | null;
  timer: TimerState | null;
  teams: { lab: string; name: string; labName: string; lockedIn: boolean }[];
  publicTrust: number;
  regulation: { level: RegulationLevel; name: string };
  pauseAgreementActive: boolean;
  /** News of the quarter being played (injects, announcements). */
  thisQuarter: WordedNews[];
  /** What the last resolution brought (incidents, releases, audits, regulation). */
  lastResults: { round: number; news: WordedNews[] } | null;
  labs: PublicLab[];
  history: PublicQuarter[];
  commitments: { id: string; round: number; text: string; kind: string; parties: string[] }[];
  /** The debrief for the room, at the facilitator's section: null until the game is over. */
  reveal: PublicReveal | null;
  /** The teams' policies while they write them (the policy step); null otherwise. */
  policies: PublicTeamPolicy[] | null;
}

/** One lab's public signals: what any other lab sees of it (from labView, so the rules agree). */
function signalsOf(state: GameState, scenario: Scenario, labId: string) {
  const observer = state.labs.find((l) => l.id !== labId);
  if (!observer) return null;
  return labView(state, scenario, observer.id).rivals.find((r) => r.id === labId) ?? null;
}

export function publicSnapshot(
  scenario: Scenario,
  state: GameState,
  meta: WorkshopMeta,
  lockedIn: readonly string[],
  /** The reveal's section the facilitator has reached (used only once the game is over). */
  revealSection = 0,
): PublicSnapshot {
  const over = state.outcome !== null;
  const teamOf = new Map(meta.teams.map((t) => [t.lab, t.name]));
  const levelOrNull = (id: string | null) => (id === null ? null : levelName(scenario, id));
  const domainName = (id: string) => scenario.domains.find((d) => d.id === id)?.name ?? id;
  const readable = (news: readonly NewsItem[]) => readableNews(scenario, state.labs, news);
  const allLocked = meta.teams.every((t) => lockedIn.includes(t.lab));
  const phase: PublicPhase =
    meta.stage === 'setup'
      ? 'setup'
      : meta.stage === 'policies'
        ? 'policies'
        : over
          ? 'over'
          : meta.paused
            ? 'paused'
            : !meta.roundOpen
              ? 'briefing'
              : allLocked
                ? 'ready'
                : 'deciding';
  const labs: PublicLab[] = state.labs.map((lab) => {
    const s = signalsOf(state, scenario, lab.id);
    const published = s?.publishedEval ?? null;
    return {
      id: lab.id,
      name: lab.name,
      team: teamOf.get(lab.id) ?? null,
      deployment: s?.deployment ?? lab.deployment,
      training: s?.training ?? null,
      // The name on the lab's own policy's ladder (labs may play under different policies).
      announcedLevel: s?.announcedLevelName ?? levelOrNull(s?.announcedLevel ?? null),
      marketShare: s?.marketShare ?? lab.marketShare,
      reputation: s?.reputation ?? lab.reputation,
      inPauseAgreement: s?.inPauseAgreement ?? lab.policy.inPauseAgreement,
      publishedEval: published
        ? {
            round: published.round,
            measured: Object.entries(published.measured).map(([d, value]) => ({
              domain: domainName(d),
              value: value ?? 0,
            })),
          }
        : null,
    };
  });
  const last = state.history.at(-1);
  return {
    kind: 'threshold-public',
    scenarioTitle: scenario.title,
    round: state.round,
    totalRounds: state.totalRounds,
    phase,
    outcomeTitle: over ? buildDebrief(scenario, state, []).outcome.title : null,
    timer:
      meta.stage === 'policies'
        ? (meta.policyStep?.timer ?? null)
        : meta.roundOpen && !over
          ? meta.timer
          : null,
    teams: meta.teams.map((t) => ({
      lab: t.lab,
      name: t.name,
      labName: state.labs.find((l) => l.id === t.lab)?.name ?? t.lab,
      lockedIn: lockedIn.includes(t.lab),
    })),
    publicTrust: state.world.publicTrust,
    regulation: { level: state.world.regulation, name: REGULATION_NAMES[state.world.regulation] },
    pauseAgreementActive: state.world.pauseAgreementActive,
    // Chosen as facts, then worded: only the items shown are worded, not the whole game's news
    // (the repeats readableNews drops are the board's, which the projector never shows).
    thisQuarter: over
      ? []
      : readable(state.world.news.filter((n) => n.round === state.round && isPublicNews(n))),
    lastResults: last
      ? { round: last.round, news: readable(last.news.filter(isPublicNews)) }
      : null,
    labs,
    history: state.history.map((r) => ({
      round: r.round,
      publicTrust: r.publicTrust,
      shares: Object.fromEntries(r.labs.map((l) => [l.lab, l.marketShare])),
      incidents: r.incidents.map((i) => ({ lab: i.lab, severity: i.severity })),
    })),
    commitments: meta.commitments.map((c) => ({
      id: c.id,
      round: c.round,
      text: c.text,
      kind: COMMITMENT_KIND_LABEL[c.terms.kind],
      parties: c.parties.map((p) => state.labs.find((l) => l.id === p)?.name ?? p),
    })),
    reveal: over ? revealOf(scenario, state, meta, revealSection) : null,
    policies:
      meta.stage === 'policies' && meta.policyStep
        ? publicTeamPolicies(scenario, meta.teams, meta.policyStep)
        : null,
  };
}
