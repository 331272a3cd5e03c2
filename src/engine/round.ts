import { EXPOSURE_REPUTATION_LOSS, auditLab } from './audits';
import { computeFactor, growCapability } from './capability';
import { allowedPosture } from './commitments';
import { leastPermissive, morePermissive, postureRules, stopsTraining } from './postures';
import { evalSensitivity, evaluateLab, isEvalRound, readTruth } from './evaluation';
import { applyEvent } from './events';
import { drawIncident, incident } from './incidents';
import { knownLevelIndex, levelIdReached, levelKnown, registeredLevels } from './knowledge';
import { labPolicyAt, type LabPolicy } from './policies';
import { bendsLadder, policyPosture } from './policyRules';
import { labViews, type QuarterViews } from './view';
import { cloneLab, domainIds } from './labs';
import { nextLabStatus } from './machines/labStatusTable';
import { nextBoardPressure, nextBudget, nextMarketShares } from './market';
import { labNews, worldNews } from './news';
import { resolveDynamics } from './parameters';
import { growSafeguards } from './safeguards';
import { clamp01 } from './numbers';
import { AUDIT_COST, applyPolicyActions } from './policyActions';
import { MISUSE_DOMAINS, labDangers, labRisk, maxDanger, stolenModelRisk } from './risk';
import { STREAM, streamRng } from './rng';
import { DEFECTION_REPUTATION_LOSS, pauseAgreementStatus } from './pauseAgreement';
import { summariseOutcome, tallyRecord, type OutcomeTally } from './outcome';
import type {
  Compliance,
  DeploymentStatus,
  DomainId,
  DynamicsParams,
  EndReason,
  GameState,
  Incident,
  LabDecision,
  LabRoundRecord,
  LabState,
  LabView,
  NewsItem,
  Outcome,
  PauseCause,
  Posture,
  RiskBreakdown,
  RoundRecord,
  Scenario,
  ScriptedEvent,
  WorldState,
} from './types';
import { nextRegulation, nextTrust } from './world';

export type RoundDecisions = Record<string, LabDecision>;

/**
 * How a game is played. `text: false` is for batch games, which are counted, never read: no news
 * is recorded (the world's and every quarter's news stay empty) and nothing else changes — every
 * number and every random draw is the same as with text (the golden-replay test checks it).
 */
export interface PlayOptions {
  text: boolean;
}
/** Games people read: their news is recorded (as facts; src/presentation words them). */
export const WITH_TEXT: PlayOptions = { text: true };
/** Games that are only counted (batches, sweeps, the bench): no news is recorded. */
export const WITHOUT_TEXT: PlayOptions = { text: false };

/** Each scenario's dynamics with the defaults filled in, resolved once per dynamics object. */
const DYNAMICS = new WeakMap<Partial<DynamicsParams>, DynamicsParams>();

/**
 * The scenario's dynamics, defaults filled in: resolved once, not twice a quarter (a spread of
 * every parameter each time). Scenarios are data, never changed in place; the resolved parameters
 * are only read.
 */
function dynamicsOf(scenario: Scenario): DynamicsParams {
  let p = DYNAMICS.get(scenario.dynamics);
  if (p === undefined) {
    p = resolveDynamics(scenario.dynamics);
    DYNAMICS.set(scenario.dynamics, p);
  }
  return p;
}

/** Reputation earned each quarter a lab keeps a triggered commitment. */
const KEPT_COMMITMENT_REPUTATION = 0.01;
const INCIDENT_REPUTATION_LOSS = { warning: 0.05, serious: 0.15, catastrophe: 0 } as const;

// States are built as literals with every key in GameState's order, not with object spread:
// spreading an 11-key state costs more than the rest of a quarter's bookkeeping in V8, and the
// order keeps a state's JSON byte for byte what it was.

function cloneWorld(world: WorldState): WorldState {
  return {
    publicTrust: world.publicTrust,
    regulation: world.regulation,
    regulatoryPressure: world.regulatoryPressure,
    stolenModels: world.stolenModels.slice(),
    news: world.news.slice(),
    pauseAgreementActive: world.pauseAgreementActive,
    injects: world.injects,
    firedEarly: world.firedEarly,
  };
}

/** The state with new labs, world, history, quarter and outcome; the rest carried over. */
function gameState(
  state: GameState,
  labs: LabState[],
  world: WorldState,
  history: RoundRecord[],
  round: number,
  outcome: Outcome | null,
): GameState {
  return {
    version: state.version,
    scenarioId: state.scenarioId,
    seed: state.seed,
    rng: state.rng,
    round,
    totalRounds: state.totalRounds,
    humans: state.humans,
    labs,
    world,
    history,
    outcome,
  };
}

/**
 * Open a quarter: the scenario's scripted injects for this round take effect, then every lab
 * whose assessment is due runs its evals. The result awaits the labs' decisions.
 */
export function beginRound(
  state: GameState,
  scenario: Scenario,
  options: PlayOptions = WITH_TEXT,
): GameState {
  return openRound(
    gameState(
      state,
      state.labs.map(cloneLab),
      cloneWorld(state.world),
      state.history,
      state.round,
      state.outcome,
    ),
    scenario,
    options,
  );
}

/** beginRound on a state this module has just built and owns (skips a second copy per quarter). */
export function openRound(
  state: GameState,
  scenario: Scenario,
  options: PlayOptions = WITH_TEXT,
): GameState {
  const { text } = options;
  const key = state.rng;
  const { labs, world } = state;
  const round = state.round;
  let exposures = 0;
  const { events } = scenario;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as ScriptedEvent;
    if (event.round !== round || world.firedEarly.includes(i)) continue;
    const rng = streamRng(key, STREAM.events, i, round);
    const r = applyEvent(event, labs, world, scenario, round, rng);
    if (text) world.news.push(...r.news);
    exposures += r.exposures;
  }
  const p = dynamicsOf(scenario);
  if (exposures > 0) world.publicTrust = nextTrust(world.publicTrust, [], exposures, p);
  // Each lab assesses on its own policy's cadence (a plain loop: this is a batch's inner loop).
  const domains = domainIds(scenario);
  for (let index = 0; index < labs.length; index++) {
    const lab = labs[index] as LabState;
    const { evaluation, policy } = labPolicyAt(scenario, index, lab.id);
    if (lab.halted || !isEvalRound(round, evaluation.cadence)) continue;
    // What it knew before: only its announcement reads it, so a batch game does not work it out.
    const before = text ? knownLevelIndex(lab, scenario) : -1;
    const sensitivity = evalSensitivity(
      scenario.evaluation.baseSensitivity,
      lab.evalInvestment,
      p.evalLearningRate,
    );
    lab.lastEval = evaluateLab(
      lab.capability,
      domains,
      evaluation,
      sensitivity,
      round,
      streamRng(key, STREAM.evals, index, round),
    );
    if (!text) continue;
    const after = knownLevelIndex(lab, scenario);
    // An unpublished policy's levels are not announced.
    if (after > before && policy.public) {
      const level = lab.policy.levels[after];
      if (level) {
        world.news.push(
          labNews(round, lab.id, { kind: 'announcement', what: 'levelReached', levelId: level.id }),
        );
      }
    }
  }
  return state;
}

interface Choice {
  posture: Posture;
  overriddenBy: LabRoundRecord['overriddenBy'];
  /** What its commitment as registered allows (quiet revisions do not count). */
  allowed: Posture;
  /** The level it knows it has reached on its own ladder (−1: none). */
  knownLevel: number;
  /** The registered level whose commitment it is breaking, or null. */
  breachedLevel: string | null;
  compliance: Compliance;
  /** Its policy's competitor clause is what let it release in full. */
  underClause: boolean;
}

/**
 * Which posture each lab actually takes: its decision, unless a binding rule overrides it. Binding
 * policies and the regulator hold a lab to its ladder as registered, never as quietly revised; the
 * pause agreement holds only members whose commitments are binding (the rest are volunteers).
 */
function choosePosture(q: Quarter, index: number, decision: LabDecision): Choice {
  const lab = q.labs[index] as LabState;
  const { policy, evaluation } = q.rules[index] as LabPolicy;
  const seen = seenAsDecided(q, index);
  const knownLevel =
    seen >= 0
      ? (q.known?.[index] as number)
      : levelKnown(lab.policy.levels, lab, evaluation.safetyBuffer);
  const registered = registeredLevels(lab);
  const own = registered === lab.policy.levels;
  const registeredKnown = own ? knownLevel : levelKnown(registered, lab, evaluation.safetyBuffer);
  // The ladder's verdict (as the lab's view showed it, while nothing it rests on has changed),
  // then what the policy's own rules (conditional delay, competitor clause) make of it, read
  // from what the lab saw when it decided.
  const shown = seen === SEEN_WITH_VERDICT && own ? q.views?.[index] : undefined;
  const ladder = shown
    ? shown.self.allowedPosture
    : allowedPosture(registered, registeredKnown, lab.safeguards);
  const allowed = bendsLadder(policy) ? policyPosture(ladder, policy, viewAt(q, index)) : ladder;
  // The posture as binding rules hold it, and the last rule that did (locals, not an object).
  let posture = decision.posture;
  let overriddenBy: LabRoundRecord['overriddenBy'] = null;
  if (lab.halted) {
    posture = 'pause';
    overriddenBy = 'regulator';
  } else {
    if (lab.policy.binding && morePermissive(posture, allowed)) {
      posture = leastPermissive(posture, allowed);
      overriddenBy = 'policy';
    }
    if (q.world.regulation >= 2 && morePermissive(posture, allowed)) {
      posture = leastPermissive(posture, allowed);
      overriddenBy = 'regulator';
    }
    if (
      lab.policy.binding &&
      lab.policy.inPauseAgreement &&
      q.pactTriggered &&
      morePermissive(posture, 'pause')
    ) {
      posture = 'pause';
      overriddenBy = 'pauseAgreement';
    }
    if (lab.incidentResponse > 0 && morePermissive(posture, 'restrict')) {
      posture = 'restrict';
      overriddenBy = 'incidentResponse';
    }
  }
  const broken = registeredKnown >= 0 && morePermissive(posture, allowed);
  const compliance: Compliance = registeredKnown < 0 ? 'notTriggered' : broken ? 'broken' : 'kept';
  const breachedLevel = broken ? (registered[registeredKnown]?.id ?? null) : null;
  const underClause = ladder === 'restrict' && allowed === 'deploy' && posture === 'deploy';
  return { posture, overriddenBy, allowed, knownLevel, breachedLevel, compliance, underClause };
}

/** What the quarter still knows from the labs' decisions (see `seenAsDecided`). */
const NOT_SEEN = -1;
const SEEN_KNOWN = 0;
const SEEN_WITH_VERDICT = 1;

/**
 * How much of what lab `index` saw when it decided still holds as it takes its posture: its known
 * level (its evals and audits do not change in between) unless its policy actions revised its
 * ladder or the quarter was resolved without the views it decided on; and its view's verdict too
 * when its safeguards are the same and its policy has no rules of its own (the view's posture is
 * then the ladder's alone).
 */
function seenAsDecided(q: Quarter, index: number): number {
  const lab = q.labs[index] as LabState;
  const before = q.decidedOn.labs[index];
  if (
    q.known === null ||
    before === undefined ||
    before.policy.levels !== lab.policy.levels ||
    before.lastEval !== lab.lastEval ||
    before.lastAudit !== lab.lastAudit
  ) {
    return NOT_SEEN;
  }
  return before.safeguards === lab.safeguards &&
    q.views !== null &&
    !bendsLadder((q.rules[index] as LabPolicy).policy)
    ? SEEN_WITH_VERDICT
    : SEEN_KNOWN;
}

/** Why a paused lab-quarter was paused (null when the lab was not paused). */
function pauseCauseOf(
  choice: Choice,
  decision: LabDecision,
  lab: LabState,
  pactTriggered: boolean,
): PauseCause | null {
  if (!stopsTraining(choice.posture)) return null;
  if (lab.halted || choice.overriddenBy === 'regulator') return 'regulator';
  if (choice.overriddenBy === 'pauseAgreement') return 'agreement';
  if (choice.overriddenBy === 'policy') return 'ownPolicy';
  if (decision.pauseFor) return decision.pauseFor;
  if (choice.allowed === 'pause') return 'ownPolicy';
  if (lab.policy.inPauseAgreement && pactTriggered) return 'agreement';
  return 'choice';
}

/**
 * What a quarter's phases share while it resolves: the labs and world being changed (fresh
 * copies), every lab's decision, and per-lab facts kept in arrays indexed like `labs` (not maps
 * keyed by id: this is a batch's inner loop).
 */
interface Quarter {
  scenario: Scenario;
  p: DynamicsParams;
  /** The game's random key. */
  key: number;
  round: number;
  /** Write news (false in batch games). */
  text: boolean;
  humans: readonly string[];
  domains: readonly DomainId[];
  labs: LabState[];
  /** Per lab: the policy it plays under (looked up once a quarter). */
  rules: LabPolicy[];
  world: WorldState;
  decided: LabDecision[];
  news: NewsItem[];
  pactTriggered: boolean;
  /** Hidden breaches and quiet revisions brought to light this quarter. */
  exposures: number;
  auditRequested: boolean[];
  /** Audited this quarter (its knowledge changed after it chose its posture). */
  audited: boolean[];
  choices: Choice[];
  defected: boolean[];
  newBreach: boolean[];
  /** Each lab's release status while the quarter's hazards are drawn (an audit's halt comes later). */
  deployments: DeploymentStatus[];
  risks: RiskBreakdown[];
  incidents: Incident[];
  /** The state the labs decided on: what a policy's rules read (its views, built on demand). */
  decidedOn: GameState;
  /** Every lab's view of `decidedOn`: the ones it decided on, or built when a rule first reads one. */
  views: LabView[] | null;
  /** Per lab: the level it knew it had reached when it decided (null: not given with the views). */
  known: readonly number[] | null;
}

/** Lab `index`'s view as it decided, for the policy rules that read it (built once, on demand). */
function viewAt(q: Quarter, index: number): () => LabView {
  return () => {
    q.views ??= labViews(q.decidedOn, q.scenario);
    return q.views[index] as LabView;
  };
}

/**
 * Resolve a quarter: policy actions, postures, training, deployment, safeguards, hazards and
 * incidents, the market, audits, trust and regulation. Pure: returns a new state.
 */
export function resolveRound(
  state: GameState,
  scenario: Scenario,
  decisions: RoundDecisions,
  options: PlayOptions = WITH_TEXT,
  seen?: QuarterViews,
): GameState {
  if (state.outcome) return state;
  const inOrder: LabDecision[] = [];
  for (const lab of state.labs) inOrder.push(decisionOf(decisions, lab.id, state.round));
  return resolveQuarter(state, scenario, inOrder, options, seen);
}

/**
 * `resolveRound` with every lab's decision given in the labs' order (`advanceGame`'s path: the
 * bots' decisions go straight into an array indexed like the labs, no object keyed by lab id
 * built and read back every quarter). `owned`, for a whole game played in one call: the caller
 * holds the only reference to `state` and drops it for the result, so the quarter's record is
 * appended to its history list rather than to a copy of it (a copy per quarter is quadratic in
 * the game's length); and the game's outcome tally so far, to which the quarter's records are
 * added as they are made (the outcome then need not read the whole history again). Every other
 * caller keeps `state` as it was.
 */
export function resolveQuarter(
  state: GameState,
  scenario: Scenario,
  decisions: readonly (LabDecision | undefined)[],
  options: PlayOptions = WITH_TEXT,
  seen?: QuarterViews,
  owned?: OutcomeTally,
): GameState {
  if (state.outcome) return state;
  const p = dynamicsOf(scenario);
  const n = state.labs.length;
  const labs: LabState[] = [];
  const rules: LabPolicy[] = [];
  const decided: LabDecision[] = [];
  // Per-lab flags, all false to start (pushed: `new Array(n).fill` makes holey arrays, slower).
  const auditRequested: boolean[] = [];
  const audited: boolean[] = [];
  const defected: boolean[] = [];
  const newBreach: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const lab = state.labs[i] as LabState;
    labs.push(cloneLab(lab));
    rules.push(labPolicyAt(scenario, i, lab.id));
    const decision = decisions[i];
    if (!decision) throw new Error(noDecision(lab.id, state.round));
    decided.push(decision);
    auditRequested.push(false);
    audited.push(false);
    defected.push(false);
    newBreach.push(false);
  }
  // Views of another state (or scenario) are not what these labs decided on: not used.
  const given = seen?.state === state && seen.scenario === scenario ? seen : undefined;
  const q: Quarter = {
    scenario,
    p,
    key: state.rng,
    round: state.round,
    text: options.text,
    humans: state.humans,
    domains: domainIds(scenario),
    labs,
    rules,
    world: cloneWorld(state.world),
    decided,
    news: [],
    pactTriggered: false,
    exposures: 0,
    auditRequested,
    audited,
    choices: [],
    defected,
    newBreach,
    deployments: [],
    risks: [],
    incidents: [],
    decidedOn: state,
    views: given?.views ?? null,
    known: given?.known ?? null,
  };
  // 1. The conditional pause agreement, as every lab saw it when deciding.
  openAgreement(q, state.labs);
  // 2. Policy actions.
  for (let i = 0; i < labs.length; i++) applyActions(q, i);
  // 3. Postures, training and deployment.
  for (let i = 0; i < labs.length; i++) takePosture(q, i);
  // 4. Hazards and incidents: each lab's draws come from its own stream, then each stolen model's.
  for (let i = 0; i < labs.length; i++) drawLabHazards(q, i);
  drawStolenModelMisuse(q);
  sufferIncidents(q);
  // 5. Market, budgets, board pressure.
  settleMarket(q);
  // 6. Audits: invited ones, and random ones once regulation requires reporting.
  for (let i = 0; i < labs.length; i++) runAudit(q, i);
  // 7. Trust and regulation.
  updateTrustAndRegulation(q);
  // 8. Lab status (the lab machine) and the round's record.
  const records: LabRoundRecord[] = [];
  for (let i = 0; i < n; i++) {
    const record = recordLab(q, i);
    records.push(record);
    if (owned) tallyRecord(owned, i, record);
  }
  return closeQuarter(state, q, records, owned);
}

/** A lab's decision for the quarter (every lab needs one: bots' and humans' merged). */
function decisionOf(decisions: RoundDecisions, lab: string, round: number): LabDecision {
  const d = decisions[lab];
  if (!d) throw new Error(noDecision(lab, round));
  return d;
}

function noDecision(lab: string, round: number): string {
  return `No decision for lab "${lab}" in round ${round}`;
}

/**
 * The conditional pause agreement as every lab saw it when deciding: in force with enough
 * members, triggered when a member knows of a crossing without the safeguards to train on.
 */
function openAgreement(q: Quarter, before: readonly LabState[]): void {
  const agreement = pauseAgreementStatus(before, q.scenario, q.p.pauseAgreementMinimum);
  q.world.pauseAgreementActive = agreement.active;
  q.pactTriggered = agreement.triggered;
  if (q.text && q.pactTriggered) {
    q.news.push(worldNews(q.round, { kind: 'pause', what: 'triggered' }));
  }
}

function applyActions(q: Quarter, index: number): void {
  const lab = q.labs[index] as LabState;
  const { actions } = q.decided[index] as LabDecision;
  // No actions change nothing (most labs most quarters): skip the call and its result objects.
  if (lab.halted || actions.length === 0) return;
  const r = applyPolicyActions(lab, actions, q.round);
  if (q.text) q.news.push(...r.news);
  q.auditRequested[index] = r.auditRequested;
}

/** The posture a lab takes, what its commitment makes of it, then its training and release. */
function takePosture(q: Quarter, index: number): void {
  const { round, text, news } = q;
  const lab = q.labs[index] as LabState;
  const decision = q.decided[index] as LabDecision;
  const choice = choosePosture(q, index, decision);
  q.choices.push(choice);
  if (text && choice.underClause && lab.deployment !== 'full') {
    // The clause asks the lab to acknowledge the adjustment publicly.
    news.push(labNews(round, lab.id, { kind: 'announcement', what: 'competitorClause' }));
  }
  // A breach is counted once, when it starts: staying past the same commitment is the same breach.
  if (choice.breachedLevel !== null && choice.breachedLevel !== lab.openBreach) {
    q.newBreach[index] = true;
    if (lab.policy.publishesEvals) {
      // Published evals make a breach visible at once.
      lab.reputation = clamp01(lab.reputation - EXPOSURE_REPUTATION_LOSS);
      q.exposures += 1;
      if (text) news.push(labNews(round, lab.id, { kind: 'announcement', what: 'publicBreach' }));
    } else {
      lab.hiddenBreaches += 1;
    }
  } else if (choice.compliance === 'kept') {
    lab.reputation = clamp01(lab.reputation + KEPT_COMMITMENT_REPUTATION);
  }
  lab.openBreach = choice.breachedLevel;
  if (
    q.pactTriggered &&
    lab.policy.inPauseAgreement &&
    !lab.halted &&
    !stopsTraining(choice.posture)
  ) {
    q.defected[index] = true;
    lab.lastDefection = round;
    lab.reputation = clamp01(lab.reputation - DEFECTION_REPUTATION_LOSS);
    if (text) news.push(labNews(round, lab.id, { kind: 'pause', what: 'defected' }));
  }
  train(q, index, choice, decision);
}

/** Training, release and safeguard work for the posture taken. */
function train(q: Quarter, index: number, choice: Choice, decision: LabDecision): void {
  const { round, text, news, p } = q;
  const lab = q.labs[index] as LabState;
  const budget = lab.budget;
  const split = decision.budget;
  const rules = postureRules(choice.posture);
  lab.training = lab.halted ? 'paused' : rules.training;
  if (lab.training === 'scaling') {
    const growth = growCapability(
      lab.capability,
      q.domains,
      computeFactor(split.capabilities, budget),
      p,
      streamRng(q.key, STREAM.growth, index, round),
    );
    lab.capability = growth.capability;
    if (text && growth.breakthrough && q.humans.includes(lab.id)) {
      news.push(labNews(round, lab.id, { kind: 'evals' }));
    }
  }
  if (lab.halted) {
    lab.deployment = 'none';
  } else if (rules.release !== null) {
    // The new model replaces the one already out (the same values: capability objects are
    // never changed in place, so the two can share one).
    const before = lab.deployment;
    lab.deployment = rules.release;
    lab.deployedCapability = lab.capability;
    if (text && before !== lab.deployment && lab.deployment === 'full') {
      news.push(labNews(round, lab.id, { kind: 'deployment' }));
    }
  } else if (lab.incidentResponse > 0 && lab.deployment === 'full') {
    // Nothing new is released, and incident response pulls the model already out back to trusted users.
    lab.deployment = 'restricted';
  }
  q.deployments.push(lab.deployment);
  lab.safeguards = growSafeguards(lab.safeguards, split, budget, p);
  lab.evalInvestment += budget * split.evals;
  lab.incidentResponse = Math.max(0, lab.incidentResponse - 1);
}

/** A lab's hazards this quarter, each drawn as a possible incident from the lab's own stream. */
function drawLabHazards(q: Quarter, index: number): void {
  const { p, round, incidents } = q;
  const lab = q.labs[index] as LabState;
  const rng = streamRng(q.key, STREAM.hazards, index, round);
  const dangers = labDangers(lab, p.dangerFloor);
  const risk = lab.halted
    ? { misuse: 0, theft: 0, lossOfControl: 0, total: 0 }
    : labRisk(lab, p, dangers);
  q.risks.push(risk);
  // A halted lab has no hazard; its draws are made all the same (they always were).
  const misuse = drawIncident(risk.misuse, dangers.misuse, p.catastropheShare, rng);
  if (misuse) incidents.push(incident(round, lab.id, 'misuse', misuse, null));
  const theft = drawIncident(risk.theft, 0, 0, rng);
  if (theft) {
    incidents.push(incident(round, lab.id, 'theft', 'serious', null));
    q.world.stolenModels.push({ fromLab: lab.id, round, capability: { ...lab.capability } });
  }
  const control = drawIncident(risk.lossOfControl, dangers.control, p.catastropheShare, rng);
  if (control) incidents.push(incident(round, lab.id, 'lossOfControl', control, null));
}

/** Models stolen in earlier quarters are misused with no safeguards at all. */
function drawStolenModelMisuse(q: Quarter): void {
  const { p, round } = q;
  q.world.stolenModels.forEach((stolen, index) => {
    if (stolen.round === round) return;
    const rng = streamRng(q.key, STREAM.stolen, index, round);
    const danger = maxDanger(stolen.capability, MISUSE_DOMAINS, p.dangerFloor);
    const severity = drawIncident(
      stolenModelRisk(stolen.capability, p),
      danger,
      p.catastropheShare,
      rng,
    );
    if (severity)
      q.incidents.push(incident(round, stolen.fromLab, 'stolenModelMisuse', severity, null));
  });
}

/** What the quarter's incidents cost their labs: reputation, and incident response. */
function sufferIncidents(q: Quarter): void {
  for (const i of q.incidents) {
    const lab = q.labs.find((l) => l.id === i.lab);
    if (!lab) continue;
    if (q.text) {
      q.news.push(
        labNews(q.round, lab.id, { kind: 'incident', incident: i.kind, severity: i.severity }),
      );
    }
    lab.reputation = clamp01(lab.reputation - INCIDENT_REPUTATION_LOSS[i.severity]);
    if (i.severity !== 'warning' && i.kind !== 'theft' && i.kind !== 'stolenModelMisuse') {
      lab.incidentResponse = 1;
    }
  }
}

/** Market shares, next quarter's budgets and board pressure. */
function settleMarket(q: Quarter): void {
  const { p, labs } = q;
  const shares = nextMarketShares(labs, p);
  let leaderShare = -Infinity;
  for (const share of shares) leaderShare = Math.max(leaderShare, share);
  for (let i = 0; i < labs.length; i++) {
    const lab = labs[i] as LabState;
    lab.marketShare = shares[i] ?? 0;
    lab.boardPressure = nextBoardPressure(lab.boardPressure, lab.marketShare, leaderShare, p);
    const auditCost = q.auditRequested[i] ? AUDIT_COST : 0;
    lab.budget = nextBudget(lab.marketShare, auditCost, p);
    if (q.text && lab.boardPressure > 0.6 && q.humans.includes(lab.id) && !lab.halted) {
      q.news.push(labNews(q.round, lab.id, { kind: 'board' }));
    }
  }
}

/** An invited audit, or a random one once regulation requires reporting; binding rules halt a lab caught. */
function runAudit(q: Quarter, index: number): void {
  const { round, world } = q;
  const lab = q.labs[index] as LabState;
  if (lab.halted) return;
  const rng = streamRng(q.key, STREAM.audits, index, round);
  const random = rng.next() < q.p.auditChance && world.regulation >= 1;
  if (!q.auditRequested[index] && !random) return;
  const breachesBefore = lab.hiddenBreaches;
  const r = auditLab(lab, q.scenario, round, rng, q.text);
  q.audited[index] = true;
  if (q.text) q.news.push(...r.news);
  q.exposures += r.exposures;
  if (world.regulation >= 2 && breachesBefore > 0) {
    lab.halted = true;
    lab.training = 'paused';
    lab.deployment = 'none';
    if (q.text) q.news.push(labNews(round, lab.id, { kind: 'regulation', what: 'halted' }));
  }
}

function updateTrustAndRegulation(q: Quarter): void {
  const { world, p } = q;
  world.publicTrust = nextTrust(world.publicTrust, q.incidents, q.exposures, p);
  const regulation = nextRegulation(
    world.regulation,
    world.regulatoryPressure,
    world.publicTrust,
    p,
  );
  const level = regulation.regulation;
  // Regulation never relaxes, so a rise is to level 1 or above (`!== 0` tells the type so).
  if (q.text && level !== 0 && level > world.regulation) {
    q.news.push(worldNews(q.round, { kind: 'regulation', what: 'tightened', level }));
  }
  world.regulation = regulation.regulation;
  world.regulatoryPressure = regulation.regulatoryPressure;
}

/** The lab's status at the quarter's end (the lab machine) and its row of the quarter's record. */
function recordLab(q: Quarter, index: number): LabRoundRecord {
  const lab = q.labs[index] as LabState;
  const rules = q.rules[index] as LabPolicy;
  const choice = q.choices[index] as Choice;
  const decision = q.decided[index] as LabDecision;
  // What it knows now: what it knew when it chose its posture (its ladder and evals are settled by
  // then), unless an audit has measured it since.
  const known = q.audited[index]
    ? levelKnown(lab.policy.levels, lab, rules.evaluation.safetyBuffer)
    : choice.knownLevel;
  const ladder = allowedPosture(lab.policy.levels, known, lab.safeguards);
  lab.status = nextLabStatus(lab.status, {
    halted: lab.halted,
    inIncidentResponse: lab.incidentResponse > 0,
    training: lab.training,
    deployment: lab.deployment,
    allowedPosture: bendsLadder(rules.policy)
      ? policyPosture(ladder, rules.policy, viewAt(q, index))
      : ladder,
  });
  // The true level and the crossings its evals miss: one pass when the lab's ladder is its
  // policy's (no revisions), else each on its own ladder.
  const truth = readTruth(
    lab.policy.levels,
    lab.capability,
    lab.lastEval,
    rules.evaluation.safetyBuffer,
    lab.id,
    q.round,
  );
  const trueLevel =
    lab.policy.levels === rules.levels
      ? truth.level >= 0
        ? (rules.levels[truth.level]?.id ?? null)
        : null
      : levelIdReached(rules.levels, lab.capability);
  // The record shares the lab's capability, measurement and safeguard objects: the engine
  // replaces them when they change and never writes into them, so the record cannot drift.
  return {
    lab: lab.id,
    decision,
    effectivePosture: choice.posture,
    deployment: q.deployments[index] as DeploymentStatus,
    overriddenBy: choice.overriddenBy,
    allowedPosture: choice.allowed,
    pauseCause: pauseCauseOf(choice, decision, lab, q.pactTriggered),
    defected: q.defected[index] as boolean,
    newBreach: q.newBreach[index] as boolean,
    knownLevel: choice.knownLevel >= 0 ? (lab.policy.levels[choice.knownLevel]?.id ?? null) : null,
    trueLevel,
    compliance: choice.compliance,
    capability: lab.capability,
    measured: lab.lastEval ? lab.lastEval.measured : null,
    safeguards: lab.safeguards,
    risk: q.risks[index] as RiskBreakdown,
    missedCrossings: truth.missed,
    status: lab.status,
    budget: lab.budget,
    marketShare: lab.marketShare,
    reputation: lab.reputation,
    boardPressure: lab.boardPressure,
  };
}

/** The quarter's record added to the history; the game ends on a catastrophe, a moratorium or its last quarter. */
function closeQuarter(
  state: GameState,
  q: Quarter,
  records: LabRoundRecord[],
  owned: OutcomeTally | undefined,
): GameState {
  const { world, round, incidents, labs } = q;
  if (q.text) world.news.push(...q.news);
  const history = owned ? state.history : state.history.slice();
  history.push({
    round,
    labs: records,
    incidents,
    news: q.news,
    publicTrust: world.publicTrust,
    regulation: world.regulation,
    pauseAgreementActive: world.pauseAgreementActive,
    pauseAgreementTriggered: q.pactTriggered,
  });
  const next = gameState(state, labs, world, history, round + 1, state.outcome);
  const catastrophe = incidents.find((i) => i.severity === 'catastrophe') ?? null;
  const reason: EndReason | null = catastrophe
    ? 'catastrophe'
    : world.regulation >= 3
      ? 'regulatorHalt'
      : round >= state.totalRounds
        ? 'roundsComplete'
        : null;
  if (reason === null) return next;
  // A finished game stays on its last quarter.
  return gameState(
    state,
    labs,
    world,
    history,
    round,
    summariseOutcome(next, reason, catastrophe, owned),
  );
}

/**
 * A facilitator fires an inject during a quarter: it takes effect at once (after the quarter's
 * evals, before decisions) and is recorded. Replays re-fire it at the same point. `scripted`, the
 * index of a scenario event being fired before its quarter, cancels that event's own firing.
 */
export function fireInject(
  state: GameState,
  scenario: Scenario,
  event: ScriptedEvent,
  scripted?: number,
): GameState {
  if (state.outcome) return state;
  const labs = state.labs.map(cloneLab);
  const world = cloneWorld(state.world);
  const fired = { ...event, round: state.round };
  const rng = streamRng(state.rng, STREAM.injects, world.injects.length, state.round);
  const r = applyEvent(fired, labs, world, scenario, state.round, rng);
  world.news.push(...r.news);
  world.injects = [...world.injects, fired]; // a new list: the given state keeps its own
  const early = scripted !== undefined && (scenario.events[scripted]?.round ?? 0) > state.round;
  if (early && !world.firedEarly.includes(scripted))
    world.firedEarly = [...world.firedEarly, scripted];
  if (r.exposures > 0) {
    world.publicTrust = nextTrust(world.publicTrust, [], r.exposures, dynamicsOf(scenario));
  }
  return gameState(state, labs, world, state.history, state.round, state.outcome);
}
