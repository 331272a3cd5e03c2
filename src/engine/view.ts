import { allowedPosture } from './commitments';
import { levelKnown } from './knowledge';
import { ladderTable } from './ladderTable';
import { domainIds } from './labs';
import { labPolicyAt, type LabPolicy } from './policies';
import { bendsLadder, policyPosture } from './policyRules';
import { DEFAULT_DYNAMICS } from './parameters';
import { pauseAgreementStatus, type AgreementStatus } from './pauseAgreement';
import type {
  DomainId,
  GameState,
  LabState,
  LabView,
  NewsItem,
  PolicySpec,
  RivalSignal,
  Scenario,
} from './types';

/**
 * What every lab sees of the quarter alike: each lab's public signal, the level each lab knows it
 * has reached, the pause agreement. Computed once per quarter and shared by every lab's view, so
 * bots deciding for n labs do not redo n² ladder readings.
 */
interface QuarterSight {
  signals: RivalSignal[];
  /** Per lab (scenario order): the level it knows it has reached on its own ladder (−1: none). */
  known: number[];
  /** Per lab: the policy it plays under (looked up once a quarter, read by its view too). */
  rules: LabPolicy[];
  agreement: AgreementStatus;
  domains: readonly DomainId[];
}

function quarterSight(state: GameState, scenario: Scenario): QuarterSight {
  const signals: RivalSignal[] = [];
  const known: number[] = [];
  const rules: LabPolicy[] = [];
  // A plain loop over the labs: this runs every quarter of every batch game.
  for (let i = 0; i < state.labs.length; i++) {
    const lab = state.labs[i] as LabState;
    const policy = labPolicyAt(scenario, i, lab.id);
    const level = levelKnown(lab.policy.levels, lab, policy.evaluation.safetyBuffer);
    rules.push(policy);
    known.push(level);
    signals.push(publicSignal(lab, level, policy.policy, scenario));
  }
  return {
    signals,
    known,
    rules,
    agreement: pauseAgreementStatus(
      state.labs,
      scenario,
      scenario.dynamics.pauseAgreementMinimum ?? DEFAULT_DYNAMICS.pauseAgreementMinimum,
    ),
    domains: domainIds(scenario),
  };
}

/** What rivals see of a lab, as far as the scenario's information regime reveals it. */
function publicSignal(
  lab: LabState,
  known: number,
  theirPolicy: PolicySpec,
  scenario: Scenario,
): RivalSignal {
  const announced = scenario.information !== 'none';
  // An unpublished policy's levels are never announced.
  const announcesLevels = announced && theirPolicy.public;
  const published = scenario.information === 'published' && lab.policy.publishesEvals;
  const level = announcesLevels && known >= 0 ? lab.policy.levels[known] : undefined;
  return {
    id: lab.id,
    name: lab.name,
    deployment: lab.deployment,
    training: announced ? lab.training : null,
    marketShare: lab.marketShare,
    reputation: lab.reputation,
    inPauseAgreement: lab.policy.inPauseAgreement,
    publishedEval: published ? lab.lastEval : null,
    announcedLevel: level?.id ?? null,
    announcedFloor: level ? (ladderTable(lab.policy.levels).floors[known] as number) : null,
    announcedLevelName: level?.name ?? null,
    policyName: theirPolicy.name,
    lastDefection: lab.lastDefection,
  };
}

/** Every signal but lab `index`'s, in order (a loop: no closure per view). */
function othersThan(signals: readonly RivalSignal[], index: number): RivalSignal[] {
  const rivals: RivalSignal[] = [];
  for (let i = 0; i < signals.length; i++) if (i !== index) rivals.push(signals[i] as RivalSignal);
  return rivals;
}

/** Lab `index`'s view, from the quarter's shared sight. */
function viewOf(state: GameState, index: number, sight: QuarterSight): LabView {
  const lab = state.labs[index] as LabState;
  const known = sight.known[index] as number;
  const { policy, evaluation } = sight.rules[index] as LabPolicy;
  const view: LabView = {
    round: state.round,
    totalRounds: state.totalRounds,
    self: {
      id: lab.id,
      budget: lab.budget,
      lastEval: lab.lastEval,
      lastAudit: lab.lastAudit,
      safeguards: lab.safeguards,
      training: lab.training,
      deployment: lab.deployment,
      reputation: lab.reputation,
      marketShare: lab.marketShare,
      boardPressure: lab.boardPressure,
      policy: lab.policy,
      knownLevel: known >= 0 ? (lab.policy.levels[known]?.id ?? null) : null,
      allowedPosture: allowedPosture(lab.policy.levels, known, lab.safeguards),
    },
    rivals: othersThan(sight.signals, index),
    publicTrust: state.world.publicTrust,
    regulation: state.world.regulation,
    pauseAgreementActive: sight.agreement.active,
    pauseAgreementTriggered: sight.agreement.triggered,
    recentIncidents: state.history.at(-1)?.incidents ?? [],
    stolenModels: state.world.stolenModels.length,
    safetyBuffer: evaluation.safetyBuffer,
    rules: policy,
    levels: lab.policy.levels,
    domains: sight.domains,
  };
  // The ladder's verdict, then what the policy's own rules make of it (they read the view).
  if (bendsLadder(policy))
    view.self.allowedPosture = policyPosture(view.self.allowedPosture, policy, () => view);
  return view;
}

/**
 * What one lab can see. Its own evals and safeguards, never its true capability; of rivals, only
 * what the scenario's information regime reveals.
 */
export function labView(state: GameState, scenario: Scenario, labId: string): LabView {
  const index = state.labs.findIndex((l) => l.id === labId);
  if (index < 0) throw new Error(`Unknown lab "${labId}"`);
  return viewOf(state, index, quarterSight(state, scenario));
}

/** Every lab's view of one state, and the level each lab knows it has reached (read on resolving). */
export interface QuarterViews {
  /** The state and scenario the views are of. */
  state: GameState;
  scenario: Scenario;
  /** In scenario order, each equal to `labView` for that lab. */
  views: LabView[];
  /** Per lab: the level it knows it has reached on its own ladder (−1: none). */
  known: readonly number[];
}

/**
 * Every lab's view of the quarter, with what they all see computed once and shared (views are
 * read, never changed). `resolveRound` takes them back, so the quarter does not read again what
 * the labs decided on.
 */
export function quarterViews(state: GameState, scenario: Scenario): QuarterViews {
  const sight = quarterSight(state, scenario);
  const views: LabView[] = [];
  for (let index = 0; index < state.labs.length; index++) views.push(viewOf(state, index, sight));
  return { state, scenario, views, known: sight.known };
}

/** Every lab's view of the quarter, in scenario order: each equal to `labView` for that lab. */
export function labViews(state: GameState, scenario: Scenario): LabView[] {
  return quarterViews(state, scenario).views;
}

/** News only the lab it concerns hears: its board's pressure, its own researchers' reports. */
const PRIVATE_NEWS: ReadonlySet<NewsItem['kind']> = new Set(['board', 'evals']);

/** Whether the whole room may see a news item (the projector shows only these). */
export function isPublicNews(item: Pick<NewsItem, 'kind'>): boolean {
  return !PRIVATE_NEWS.has(item.kind);
}

/**
 * The news one lab may see (a workshop team must not read another team's private news). Reads only
 * each item's kind and lab, so it filters the record's facts and the same items worded alike.
 */
export function newsVisibleTo<T extends Pick<NewsItem, 'kind' | 'lab'>>(
  news: readonly T[],
  labId: string,
): T[] {
  return news.filter((n) => isPublicNews(n) || n.lab === labId);
}
