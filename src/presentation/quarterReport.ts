// "What happened, and why": one lab's result card for a quarter just played, in plain words.
// What the lab chose, what it cost, what changed (budget, market share, reputation, public trust,
// regulation) and why, and which risks fired and how likely they were.
//
// It reads the game's history but never the hidden truth: risks are the lab's own estimate (the
// engine's hazard formula applied to what its evals measured, as the chart's estimated-risk line),
// and nothing quotes true capability. Every figure is the engine's own (its records, its budget
// and trust rules), so the words cannot drift from what the game did. Pure.

import { createGame } from '../engine/game';
import { describeIncident } from './incidentWords';
import { domainName, levelName } from '../engine/scenarioNames';
import { percent } from '../engine/numbers';
import { nextBudget } from '../engine/market';
import { resolveDynamics } from '../engine/parameters';
import { AUDIT_COST } from '../engine/policyActions';
import { POSTURE_RULES, postureName, RELEASE_RULES, releasesNewModel } from '../engine/postures';
import { estimatedRisks } from './timeline/risk';
import type {
  GameState,
  Incident,
  IncidentKind,
  LabRoundRecord,
  NewsItem,
  PolicyAction,
  RegulationLevel,
  RiskBreakdown,
  Scenario,
  ScriptedEvent,
} from '../engine/types';
import { BUDGET_LINES } from '../engine/types';
import { REGULATION_TRIGGERS } from '../engine/world';
import { REGULATION_NAMES } from './regulationWords';

export type ReportTopic = 'choice' | 'cost' | 'budget' | 'market' | 'reputation' | 'world' | 'risk';

export interface ReportLine {
  topic: ReportTopic;
  /** A short label: "You chose", "Budget" … */
  label: string;
  text: string;
}

export interface QuarterReport {
  round: number;
  lines: ReportLine[];
  /** The few sentences a screen reader hears when the quarter's results come in. */
  spoken: string;
}

const TOPIC_LABEL: Record<ReportTopic, string> = {
  choice: 'You chose',
  cost: 'What it cost',
  budget: 'Budget',
  market: 'Market share',
  reputation: 'Reputation',
  world: 'The world',
  risk: 'Risks',
};

const BUDGET_WORDS: Record<(typeof BUDGET_LINES)[number], string> = {
  capabilities: 'capabilities',
  security: 'security',
  deployment: 'deployment safeguards',
  alignment: 'alignment evidence',
  evals: 'evals',
};

const OVERRIDDEN_BY: Record<NonNullable<LabRoundRecord['overriddenBy']>, string> = {
  policy: 'your binding policy held you to',
  regulator: 'the regulator held you to',
  pauseAgreement: 'the conditional pause agreement held you to',
  incidentResponse: 'incident response after last quarter’s incident held you to',
};

const HAZARD_WORDS: Record<Exclude<IncidentKind, 'stolenModelMisuse'>, string> = {
  misuse: 'misuse',
  theft: 'weight theft',
  lossOfControl: 'loss of control',
};

/** "1.4%, about 1 in 70"; "under 0.1%, less than 1 in 1,000"; "40%". */
export function oddsWords(probability: number): string {
  const p = Math.max(0, Math.min(1, probability));
  if (p < 0.001) return 'under 0.1%, less than 1 in 1,000';
  const share = p < 0.1 ? `${(Math.round(p * 1000) / 10).toFixed(1)}%` : percent(p);
  if (p >= 0.2) return share;
  const n = 1 / p;
  const step = n < 20 ? 1 : n < 100 ? 5 : n < 1000 ? 10 : 100;
  const rounded = Math.max(2, Math.round(n / step) * step);
  return `${share}, about 1 in ${grouped(rounded)}`;
}

/**
 * A whole number with commas between thousands ("1,000"), as toLocaleString('en-GB') writes it:
 * that call builds a number formatter each time, and the first one in a page costs milliseconds
 * (it loads the locale's data) inside the click that ends the first quarter.
 */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function amount(x: number): string {
  return String(Math.round(x));
}

function signedPoints(from: number, to: number): string {
  const d = Math.round(to * 100) - Math.round(from * 100);
  return d === 0
    ? 'unchanged'
    : `${d > 0 ? 'up' : 'down'} ${Math.abs(d)} point${Math.abs(d) === 1 ? '' : 's'}`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function actionWords(scenario: Scenario, action: PolicyAction): string {
  switch (action.kind) {
    case 'reviseThreshold':
      return `revised your ${levelName(scenario, action.levelId)} ${domainName(scenario, action.domain)} threshold to ${percent(action.to)}, ${action.publicly ? 'publicly' : 'quietly'}`;
    case 'inviteAudit':
      return 'invited an external audit';
    case 'joinPauseAgreement':
      return 'joined the conditional pause agreement';
    case 'leavePauseAgreement':
      return 'left the conditional pause agreement';
    case 'publishEvals':
      return action.publish ? 'started publishing your evals' : 'stopped publishing your evals';
  }
}

/** The lab's budget when it decided in `round`: last quarter's result plus the quarter's budget events. */
function budgetAtStart(scenario: Scenario, state: GameState, labId: string, round: number): number {
  const spec = scenario.labs.find((l) => l.id === labId);
  const before =
    round === 1
      ? (spec?.start.budget ?? 0)
      : (state.history[round - 2]?.labs.find((l) => l.lab === labId)?.budget ?? 0);
  const scripted = scenario.events.filter(
    (e, i) => e.round === round && !state.world.firedEarly.includes(i),
  );
  const fired = state.world.injects.filter((e) => e.round === round);
  const events: ScriptedEvent[] = [...scripted, ...fired];
  return events.reduce(
    (b, e) =>
      e.effect.kind === 'budget' && (e.effect.lab === 'all' || e.effect.lab === labId)
        ? Math.max(0, b + e.effect.delta)
        : b,
    before,
  );
}

interface Before {
  marketShare: number;
  reputation: number;
  publicTrust: number;
  regulation: RegulationLevel;
  boardPressure: number;
}

function valuesBefore(scenario: Scenario, state: GameState, labId: string, round: number): Before {
  const prev = state.history[round - 2];
  const prevLab = prev?.labs.find((l) => l.lab === labId);
  const spec = scenario.labs.find((l) => l.id === labId);
  if (prev && prevLab) {
    return {
      marketShare: prevLab.marketShare,
      reputation: prevLab.reputation,
      publicTrust: prev.publicTrust,
      regulation: prev.regulation,
      boardPressure: prevLab.boardPressure,
    };
  }
  // Quarter 1: the world as the game opened it (the scenario's first-quarter events included).
  const opened = createGame(scenario, { seed: state.seed, humans: state.humans });
  return {
    marketShare: 1 / Math.max(1, state.labs.length),
    reputation: spec?.start.reputation ?? 0,
    publicTrust: opened.world.publicTrust,
    regulation: opened.world.regulation,
    boardPressure: 0,
  };
}

/**
 * The result card for `round` (a quarter already played) for `labId`, or null if that quarter has
 * not been played.
 */
export function quarterReport(
  scenario: Scenario,
  state: GameState,
  labId: string,
  round: number,
): QuarterReport | null {
  const record = state.history[round - 1];
  const rec = record?.labs.find((l) => l.lab === labId);
  if (!record || !rec || record.round !== round) return null;
  const p = resolveDynamics(scenario.dynamics);
  const before = valuesBefore(scenario, state, labId, round);
  const labName = (id: string) => state.labs.find((l) => l.id === id)?.name ?? id;
  const lines: ReportLine[] = [];
  const spoken: string[] = [];
  const add = (topic: ReportTopic, text: string) =>
    lines.push({ topic, label: TOPIC_LABEL[topic], text });

  // What you chose.
  const chosen = postureName(rec.decision.posture);
  const taken = postureName(rec.effectivePosture);
  let choice = rec.overriddenBy
    ? `${chosen}, but ${OVERRIDDEN_BY[rec.overriddenBy]} ${taken}.`
    : `${taken}.`;
  if (rec.compliance === 'broken') {
    choice += ` Your policy allowed ${postureName(rec.allowedPosture)}: this broke your own commitment, and it is on the record.`;
  } else if (rec.compliance === 'kept') {
    choice += ' Your policy allowed it: commitment kept.';
  }
  const actions = rec.decision.actions.map((a) => actionWords(scenario, a));
  if (actions.length) choice += ` You also ${list(actions)}.`;
  add('choice', choice);

  // What it cost.
  const spent = budgetAtStart(scenario, state, labId, round);
  const split = BUDGET_LINES.filter((line) => rec.decision.budget[line] > 0.004).map(
    (line) => `${amount(spent * rec.decision.budget[line])} on ${BUDGET_WORDS[line]}`,
  );
  const audited = rec.decision.actions.some((a) => a.kind === 'inviteAudit');
  add(
    'cost',
    `Your budget of ${amount(spent)} went ${list(split)}.${audited ? ` The audit cost ${AUDIT_COST}, taken from next quarter’s budget.` : ''}`,
  );

  // Budget: the engine's rule, with this quarter's numbers.
  const audit = audited ? AUDIT_COST : 0;
  const next = rec.budget;
  const ruleHolds = Math.abs(nextBudget(rec.marketShare, audit, p) - next) < 1e-6;
  const change =
    Math.round(next) === Math.round(spent)
      ? `Stays at ${amount(next)}`
      : `${Math.round(next) > Math.round(spent) ? 'Rises' : 'Falls'} from ${amount(spent)} to ${amount(next)}`;
  add(
    'budget',
    ruleHolds
      ? `${change} next quarter: base funding ${amount(p.baseFunding)} + ${amount(p.marketSize)} × your market share ${percent(rec.marketShare)} (${amount(p.marketSize * rec.marketShare)})${audit ? ` − ${audit} for the audit` : ''}. What you spend does not change it.`
      : `${change} next quarter.`,
  );
  spoken.push(
    `Budget ${amount(spent)} to ${amount(next)}, from your market share of ${percent(rec.marketShare)}.`,
  );

  // Market share and why.
  const rivalsSelling = record.labs.filter(
    (l) => l.lab !== labId && l.status !== 'halted' && releasesNewModel(l.effectivePosture),
  ).length;
  const release = POSTURE_RULES[rec.effectivePosture].release;
  const why =
    release === null
      ? `you ${POSTURE_RULES[rec.effectivePosture].words.did}, so customers drift to rivals with newer models`
      : release === 'full'
        ? 'customers follow the most capable model they can use, and how much they trust its lab'
        : `a ${RELEASE_RULES[release].label.toLowerCase()} earns about ${percent(RELEASE_RULES[release].access(p))} of a full one`;
  add(
    'market',
    `${percent(before.marketShare)} → ${percent(rec.marketShare)} (${signedPoints(before.marketShare, rec.marketShare)}): ${why}; ${rivalsSelling === 0 ? 'no rival' : `${rivalsSelling} rival${rivalsSelling === 1 ? '' : 's'}`} released a model. Customers move slowly, so share changes a little each quarter.`,
  );

  // Reputation and board.
  const ownIncidents = record.incidents.filter((i) => i.lab === labId);
  const ownNews = record.news.filter((n) => n.lab === labId);
  // Read from the quarter's news facts: an audit's or a whistleblower's findings, published evals.
  const revealed = (n: NewsItem) => n.kind === 'audit' && n.what === 'exposed';
  const shownBroken = (n: NewsItem) => n.kind === 'announcement' && n.what === 'publicBreach';
  const repCauses: string[] = [];
  if (rec.compliance === 'kept') repCauses.push('keeping your commitment earns a little');
  if (ownNews.some(shownBroken))
    repCauses.push('your published evals showed the broken commitment');
  if (ownNews.some(revealed)) repCauses.push('what you had kept hidden came to light');
  if (ownNews.some((n) => n.kind === 'audit' && n.what === 'clean'))
    repCauses.push('a clean audit earns a little');
  if (ownIncidents.length) repCauses.push('incidents at your lab cost reputation');
  if (ownNews.some((n) => n.kind === 'revision' && n.to > n.from))
    repCauses.push('loosening a threshold in public costs some');
  if (rec.decision.actions.some((a) => a.kind === 'leavePauseAgreement'))
    repCauses.push('leaving the pause agreement costs some');
  let reputation = `${percent(before.reputation)} → ${percent(rec.reputation)} (${signedPoints(before.reputation, rec.reputation)})${repCauses.length ? `: ${list(repCauses)}` : ''}.`;
  if (rec.boardPressure > 0.6 && before.boardPressure <= 0.6) {
    reputation += ' Your board now presses to move faster: rivals hold more of the market.';
  } else if (rec.boardPressure <= 0.6 && before.boardPressure > 0.6) {
    reputation += ' Your board’s pressure to move faster has eased.';
  }
  add('reputation', reputation);

  // Public trust and regulation.
  const allIncidents = record.incidents;
  const trustCauses: string[] = [];
  if (allIncidents.length) {
    trustCauses.push(
      `${allIncidents.length} incident${allIncidents.length === 1 ? '' : 's'} in the industry`,
    );
  }
  if (record.news.some((n) => revealed(n) || shownBroken(n)))
    trustCauses.push('broken commitments or quiet revisions coming to light');
  let world = `Public trust ${percent(before.publicTrust)} → ${percent(record.publicTrust)}`;
  world +=
    trustCauses.length > 0
      ? `: ${list(trustCauses)}.`
      : record.publicTrust > before.publicTrust
        ? ': a quarter with no incident and nothing exposed lets it recover a little.'
        : '.';
  if (record.regulation > before.regulation) {
    world += ` The regulator acted (${REGULATION_NAMES[record.regulation]}): trust stayed low for more than ${p.regulationLag} quarter${p.regulationLag === 1 ? '' : 's'}.`;
    spoken.push(`The regulator now requires ${REGULATION_NAMES[record.regulation]}.`);
  } else if (record.regulation < 3) {
    const trigger = REGULATION_TRIGGERS[(record.regulation + 1) as 1 | 2 | 3];
    world += ` Regulation tightens if trust stays below ${percent(trigger)}.`;
  }
  if (record.pauseAgreementTriggered) world += ' The conditional pause agreement was triggered.';
  add('world', world);

  // Risks: what fired, and how likely the lab's own evals made it.
  const estimate = estimatedRisks(scenario, state, labId).get(round);
  const riskLines: string[] = [];
  for (const i of ownIncidents) {
    const d = describeIncident(i, labName(i.lab));
    riskLines.push(`${d.headline}. ${chanceOf(i, estimate)}`);
    spoken.push(`${d.headline}. ${chanceOf(i, estimate)}`);
  }
  if (ownIncidents.length === 0) {
    const total = estimate?.total ?? 0;
    riskLines.push(
      `No incident at your lab. Your evals put the chance of one this quarter at ${oddsWords(total)}.`,
    );
  }
  if (estimate && estimate.total > 0) {
    riskLines.push(
      `By hazard: misuse ${oddsWords(estimate.misuse)}; weight theft ${oddsWords(estimate.theft)}; loss of control ${oddsWords(estimate.lossOfControl)}. Evals under-measure, so the real odds may be higher, and small odds add up over many quarters.`,
    );
  }
  const elsewhere = allIncidents.filter((i) => i.lab !== labId);
  if (elsewhere.length) {
    riskLines.push(
      `Elsewhere: ${elsewhere.map((i) => describeIncident(i, labName(i.lab)).headline).join('; ')}.`,
    );
  }
  add('risk', riskLines.join(' '));

  return { round, lines, spoken: spoken.join(' ') };
}

function chanceOf(i: Incident, estimate: RiskBreakdown | undefined): string {
  if (i.kind === 'stolenModelMisuse') {
    return 'A model stolen from you earlier was used by people with no safeguards at all.';
  }
  const p = estimate?.[i.kind] ?? 0;
  const odds =
    p < 0.001
      ? `Your evals put the chance of ${HAZARD_WORDS[i.kind]} this quarter near zero, yet it happened: the model is more capable than they show.`
      : `Your evals put the chance of ${HAZARD_WORDS[i.kind]} this quarter at ${oddsWords(p)}: an unlikely draw, but not an impossible one, and it came up.`;
  const response =
    i.severity === 'serious' && (i.kind === 'misuse' || i.kind === 'lossOfControl')
      ? ' Next quarter you can release only to restricted users while you respond.'
      : '';
  return odds + response;
}
