// The domain model of Threshold. Everything here is plain JSON: a game is reproduced by
// (scenario, seed, decision log), and a snapshot can be stored, sent to a Worker or diffed.

/** Dangerous-capability domains named by the frameworks (see shared/reference/frameworks.md). */
export type DomainId = 'cbrn' | 'cyber' | 'autonomy' | 'manipulation' | 'oversight';
export const DOMAIN_IDS: readonly DomainId[] = [
  'cbrn',
  'cyber',
  'autonomy',
  'manipulation',
  'oversight',
];

/** The three safeguard tracks every framework names. */
export type SafeguardTrack = 'security' | 'deployment' | 'alignment';
export const SAFEGUARD_TRACKS: readonly SafeguardTrack[] = ['security', 'deployment', 'alignment'];

/** Where the budget goes each quarter; shares sum to 1. */
export type BudgetLine = 'capabilities' | SafeguardTrack | 'evals';
export const BUDGET_LINES: readonly BudgetLine[] = [
  'capabilities',
  'security',
  'deployment',
  'alignment',
  'evals',
];
export type BudgetSplit = Record<BudgetLine, number>;

/** The core choice each quarter. */
export type Posture = 'pause' | 'restrict' | 'deploy';
export const POSTURES: readonly Posture[] = ['pause', 'restrict', 'deploy'];

export type DeploymentStatus = 'none' | 'restricted' | 'full';
export type TrainingStatus = 'scaling' | 'paused';

export type BotStrategyId =
  | 'safety-first'
  | 'fast-follower'
  | 'race-to-deploy'
  | 'open-weights'
  | 'conditional-pauser'
  | 'competitor-clause'
  | 'conditional-delayer';
export const BOT_STRATEGY_IDS: readonly BotStrategyId[] = [
  'safety-first',
  'fast-follower',
  'race-to-deploy',
  'open-weights',
  'conditional-pauser',
  'competitor-clause',
  'conditional-delayer',
];

/**
 * The numbers behind a bot's strategy: its risk appetite and how strongly it reacts to each
 * signal a real lab sees. Every strategy is a point in this space (src/engine/bots/strategies.ts);
 * a scenario may move any lab's point with `labs[].bot`. Meanings and ranges: MODEL.md, "Bots".
 */
export interface BotTuning {
  /** Most of the budget it will put into capabilities (risk appetite), 0..1. */
  capabilityShare: number;
  /** Least of the budget it puts into evaluations; money no other line needs goes here too. */
  evalShare: number;
  /** Capabilities share while paused (the rest goes to the safeguards that end the pause). */
  pausedCapabilityShare: number;
  /** Share per safeguard track it always spends on upkeep. */
  upkeep: number;
  /** Share per unit of readiness a track is short of what its evals say it needs. */
  needWeight: number;
  /** Most of the budget it will put into safeguards outside a pause. */
  safeguardCap: number;
  /** How close (capability units) its evals must come to the next level before it builds for it. */
  foresight: number;
  /** Board pressure (0..1) above which pressure beats its commitments. */
  pressureLimit: number;
  /** How much a close or leading rival (seen through announcements or published evals) cuts its safeguard spending. */
  rivalReaction: number;
  /** How much an incident (its own in full, a rival's at half) raises its safeguard spending. */
  incidentReaction: number;
  /** How much low public trust and regulation raise its safeguard spending. */
  trustReaction: number;
  /** How much the last four quarters cut its safeguard spending (the end of the game is near). */
  endgameReaction: number;
  /** Extra security share while a stolen model is loose. */
  theftReaction: number;
}
export type BotTuningKey = keyof BotTuning;

export type DomainValues = Partial<Record<DomainId, number>>;
export type TrackValues = Partial<Record<SafeguardTrack, number>>;

// ---------------------------------------------------------------- scenario (data)

export interface Source {
  /** What the source supports, e.g. "ASL-3 Security Standard". */
  element: string;
  title: string;
  url: string;
  /** Version and/or date of the document, e.g. "v2.0, 2024-10-15". */
  version: string;
}

export interface DomainSpec {
  id: DomainId;
  name: string;
  description: string;
}

/** One rung of the if-then ladder (ASL-3, "High", a CCL …). */
export interface LevelSpec {
  id: string;
  name: string;
  description: string;
  /** Capability (0..1) per domain at which this level is reached. Missing domain = no threshold. */
  thresholds: DomainValues;
  /** Safeguard readiness required to keep training once this level is reached. */
  trainingRequires: TrackValues;
  /** Safeguard readiness required to deploy fully once this level is reached. */
  deploymentRequires: TrackValues;
}

export interface EvaluationSettings {
  /** Rounds between capability assessments (1 = every quarter, 2 = every six months). The default policy's. */
  cadence: number;
  /** Eval sensitivity with no investment (0..1): share of the true capability the evals elicit. */
  baseSensitivity: number;
  /** Standard deviation of measurement noise at zero investment (capability units). */
  noise: number;
  /** Underestimate from weak elicitation at zero sensitivity (capability units). */
  elicitationGap: number;
  /** Underperformance per unit of autonomy capability, from deliberate sandbagging. */
  sandbagging: number;
  /** Policy treats measured >= threshold - safetyBuffer as a crossing (RSP v1's safety buffer). */
  safetyBuffer: number;
}

/**
 * What a policy says to do when a level is reached and its *training* safeguards are not ready:
 * 'pause' — stop scaling until they are (RSP v2.2); 'restrict' — keep training, release only with
 * limits (a policy that gates deployment only); 'delayIfAhead' — delay (pause) only when the lab
 * judges itself ahead and the risk significant, otherwise restrict (RSP v3.0). Deployment
 * safeguards short always means restrict.
 */
export type ShortfallRule = 'pause' | 'restrict' | 'delayIfAhead';
export const SHORTFALL_RULES: readonly ShortfallRule[] = ['pause', 'restrict', 'delayIfAhead'];

/** A policy's own evaluation rules (the science of evals — sensitivity, noise — is the world's). */
export interface PolicyEvaluation {
  /** Rounds between capability assessments (1 = every quarter, 2 = every six months). */
  cadence: number;
  /** A measured result this close below a threshold already counts as reaching it (full requirements apply). */
  safetyBuffer: number;
  /**
   * Early warning short of a crossing: a result this close below a threshold triggers a response
   * plan (the lab prepares that level's safeguards) but none of the level's requirements (FSF's
   * alert thresholds). 0: none.
   */
  alertMargin: number;
}

/**
 * A lab's responsible scaling policy as data: its ladder, its evaluation rules and what it says to
 * do when safeguards fall short. Named in the scenario's `policies`; labs refer to one by id.
 */
export interface PolicySpec {
  id: string;
  name: string;
  /** What the policy is, in plain words. */
  description: string;
  /** The document it models (or "Generic workshop policy"), with its version and date. */
  framework: { name: string; version: string; date: string };
  /** The if-then ladder, lowest rung first. */
  levels: LevelSpec[];
  evaluation: PolicyEvaluation;
  /** What the policy says when training safeguards are short (see ShortfallRule). */
  whenShort: ShortfallRule;
  /** Under 'delayIfAhead': a training-safeguard shortfall at least this large makes the risk significant. */
  significantShortfall: number;
  /**
   * OpenAI PF v2's clause: when a rival confirmed at the lab's level has released in full, the
   * policy lets it release in full too with its deployment safeguards close to the bar.
   */
  competitorClause: boolean;
  /** Enforced (by law or contract) rather than voluntary; a lab may override it. */
  binding: boolean;
  /** Published: its levels are announced when reached. Unpublished: rivals hear nothing of them. */
  public: boolean;
}

export type LabRole = 'player' | 'rival';

export interface LabPolicySpec {
  /** Id of the lab's policy in `scenario.policies` (resolved: the default when the file gave none). */
  use: string;
  /** Binding: the engine enforces the if-then (e.g. under external enforcement). Voluntary: breaking is allowed and recorded. */
  binding: boolean;
  /** Member of the conditional pause agreement at the start. */
  inPauseAgreement: boolean;
  /** Publishes its eval results at the start. */
  publishesEvals: boolean;
}

export interface LabSpec {
  id: string;
  name: string;
  /** Strategy used when a bot holds the seat. */
  strategy: BotStrategyId;
  /** The seat a solo player takes by default. */
  role: LabRole;
  policy: LabPolicySpec;
  /** Moves this lab's bot away from its strategy's defaults (see BotTuning). */
  bot?: Partial<BotTuning>;
  /**
   * When a bot holds the seat: it pauses training and release from this quarter on, whatever its
   * policy says (the unilateral-pause question). Absent: it follows its strategy.
   */
  pauseFrom?: number;
  start: {
    capability: DomainValues;
    safeguards: TrackValues;
    budget: number;
    reputation: number;
  };
}

/** A scripted or facilitator-fired event ("inject"). */
export type EventEffect =
  | { kind: 'news' }
  | { kind: 'trust'; delta: number }
  | { kind: 'breakthrough'; lab: string | 'all'; domain: DomainId; delta: number }
  | { kind: 'weightsStolen'; lab: string }
  | { kind: 'whistleblower'; lab: string | 'any' }
  | { kind: 'regulation'; level: RegulationLevel }
  | { kind: 'budget'; lab: string | 'all'; delta: number }
  | { kind: 'boardPressure'; lab: string | 'all'; delta: number }
  | { kind: 'safeguards'; lab: string | 'all'; track: SafeguardTrack; delta: number }
  | { kind: 'audit'; lab: string };

export interface ScriptedEvent {
  round: number;
  headline: string;
  body: string;
  effect: EventEffect;
}

export type Difficulty = 'introductory' | 'intermediate' | 'advanced';
export type InformationRegime = 'none' | 'announcements' | 'published';

export interface Scenario {
  id: string;
  title: string;
  /** One line for the scenario picker. */
  pitch: string;
  /** One paragraph in plain words. */
  briefing: string;
  difficulty: Difficulty;
  /** What the scenario teaches or models (e.g. "Anthropic RSP v2.2"). */
  framework: { name: string; version: string; date: string };
  rounds: number;
  domains: DomainSpec[];
  /** The policies labs play under (resolved: old-format files get one, made from their levels). */
  policies: PolicySpec[];
  /** Id of the policy of labs that name none. */
  defaultPolicy: string;
  /** The default policy's ladder (old readers and sweeps read it here). */
  levels: LevelSpec[];
  /** The world's eval science, with the default policy's cadence and safety buffer. */
  evaluation: EvaluationSettings;
  /** What players see of rivals. */
  information: InformationRegime;
  /** Overrides of the model's parameters (see MODEL.md); anything absent uses the default. */
  dynamics: Partial<DynamicsParams>;
  labs: LabSpec[];
  events: ScriptedEvent[];
  sources: Source[];
  /** Every simplification and every number invented for play. */
  simplifications: string[];
  /** Notes for a facilitator running the scenario as a workshop (printed facilitator notes). */
  facilitation?: Facilitation;
}

/** What a facilitator needs beyond the game's data: goals, when to fire injects, what to ask. */
export interface Facilitation {
  /** What participants should take away, one line each. */
  learningGoals: string[];
  /** Advice on a scripted event (by its index in `events`): when to fire it and why. */
  injectNotes: { event: number; note: string }[];
  /** Questions for the debrief, beyond the ones the game chooses from what happened. */
  debriefPrompts: string[];
}

/** Model parameters. Defaults, meanings and sources are in src/engine/parameters.ts and MODEL.md. */
export interface DynamicsParams {
  growthRate: number;
  breakthroughChance: number;
  breakthroughMultiplier: number;
  safeguardRate: number;
  safeguardDecay: number;
  evalLearningRate: number;
  dangerFloor: number;
  misuseHazard: number;
  theftHazard: number;
  lossOfControlHazard: number;
  catastropheShare: number;
  restrictedBreadth: number;
  restrictedValue: number;
  marketSize: number;
  baseFunding: number;
  competitivePressure: number;
  pressureDecay: number;
  trustRecovery: number;
  regulationLag: number;
  auditChance: number;
  pauseAgreementMinimum: number;
}

// ---------------------------------------------------------------- game state (JSON)

export type RegulationLevel = 0 | 1 | 2 | 3;

export const LAB_STATUSES = [
  'scaling',
  'pausedAwaitingSafeguards',
  'paused',
  'restricted',
  'deployed',
  'incident',
  'halted',
] as const;
export type LabStatus = (typeof LAB_STATUSES)[number];

export interface PolicyRevision {
  round: number;
  levelId: string;
  domain: DomainId;
  from: number;
  to: number;
  publicly: boolean;
  exposed: boolean;
  /** A quiet revision brought to light is undone: the threshold goes back to `from`. */
  reverted?: boolean;
}

export interface LabPolicyState {
  binding: boolean;
  inPauseAgreement: boolean;
  publishesEvals: boolean;
  /** The lab's own, possibly revised, ladder. */
  levels: LevelSpec[];
  revisions: PolicyRevision[];
}

export interface EvalResult {
  round: number;
  /** Measured capability per domain. */
  measured: DomainValues;
  /** One standard deviation of the measurement noise (the uncertainty the lab can know about). */
  uncertainty: number;
  sensitivity: number;
}

export interface LabState {
  id: string;
  name: string;
  strategy: BotStrategyId;
  role: LabRole;
  budget: number;
  /** Hidden truth. */
  capability: DomainValues;
  /** Capability of the model in the market (none deployed: zeros). */
  deployedCapability: DomainValues;
  lastEval: EvalResult | null;
  /** The latest third-party audit's measurement: what the lab has been told, which its own evals don't erase. */
  lastAudit: EvalResult | null;
  safeguards: Record<SafeguardTrack, number>;
  /** Accumulated eval investment; sensitivity rises with it. */
  evalInvestment: number;
  training: TrainingStatus;
  deployment: DeploymentStatus;
  status: LabStatus;
  reputation: number;
  marketShare: number;
  boardPressure: number;
  policy: LabPolicyState;
  /** Rounds left of incident response (deployment suspended). */
  incidentResponse: number;
  halted: boolean;
  /** Broken commitments nobody outside the lab knows about yet (audits and whistleblowers expose them). */
  hiddenBreaches: number;
  /**
   * The level (id, registered ladder) of the commitment the lab is breaking now, or null. A breach
   * lasts while the lab stays past the same commitment; it is counted (and exposed) once.
   */
  openBreach: string | null;
  /** The last quarter it ignored a triggered pause agreement it belonged to (public), or null. */
  lastDefection: number | null;
}

export type IncidentKind = 'misuse' | 'theft' | 'lossOfControl' | 'stolenModelMisuse';
export type Severity = 'warning' | 'serious' | 'catastrophe';

export interface Incident {
  round: number;
  lab: string;
  kind: IncidentKind;
  severity: Severity;
  domain: DomainId | null;
}

/**
 * A news item is a fact, not words: what happened, to whom (ids only), with the numbers its story
 * needs. The record never holds derived English; src/presentation/newsWords.ts words each fact
 * with the scenario's and labs' names when a reader shows it. The only text is an inject's, which
 * a scenario or a facilitator wrote (scenario data, quoted as written).
 */
export type NewsItem = WorldNews | LabNews;

/** News about no lab in particular. */
export type WorldNews = { round: number; lab: null } & (
  | { kind: 'inject'; headline: string; body: string }
  | { kind: 'regulation'; what: 'tightened'; level: 1 | 2 | 3 }
  | { kind: 'pause'; what: 'triggered' }
);

/** News about one lab (`lab` is its id). */
export type LabNews = { round: number; lab: string } & (
  | { kind: 'incident'; incident: IncidentKind; severity: Severity }
  /** The lab's public evals reached a level of its (published) ladder. */
  | { kind: 'announcement'; what: 'levelReached'; levelId: string }
  /** It adjusted its deployment requirements under its competitor clause, and said so. */
  | { kind: 'announcement'; what: 'competitorClause' }
  /** Its published evals showed it going past its own commitment. */
  | { kind: 'announcement'; what: 'publicBreach' }
  /** A public revision of one threshold of one level of its ladder. */
  | { kind: 'revision'; levelId: string; domain: DomainId; from: number; to: number }
  /** An audit or a whistleblower brought hidden breaches and quiet revisions to light. */
  | {
      kind: 'audit';
      what: 'exposed';
      by: 'audit' | 'whistleblower';
      breaches: number;
      quietRevisions: number;
    }
  /** An audit found the lab's models at a higher level than its own evals showed. */
  | { kind: 'audit'; what: 'higherLevel'; levelId: string }
  | { kind: 'audit'; what: 'clean' }
  /** Binding rules and an audit's findings: the regulator halts the lab. */
  | { kind: 'regulation'; what: 'halted' }
  | { kind: 'pause'; what: 'joined' | 'left' | 'defected' }
  /** Its board presses to move faster (news for that lab's eyes only). */
  | { kind: 'board' }
  /** It released a model in full. */
  | { kind: 'deployment' }
  /** Its researchers report a breakthrough quarter (for that lab's eyes only). */
  | { kind: 'evals' }
);

export interface StolenModel {
  fromLab: string;
  round: number;
  capability: DomainValues;
}

export interface WorldState {
  publicTrust: number;
  regulation: RegulationLevel;
  /** Rounds the trust has been below the next regulation trigger (regulators lag). */
  regulatoryPressure: number;
  stolenModels: StolenModel[];
  news: NewsItem[];
  /** Whether the conditional pause agreement is in force this round. */
  pauseAgreementActive: boolean;
  /** Events a facilitator fired during the game (a record; each took effect when fired). */
  injects: ScriptedEvent[];
  /**
   * Scripted events (indices into `scenario.events`) a facilitator fired before their quarter:
   * they already took effect, so they do not fire again when their quarter opens.
   */
  firedEarly: number[];
}

export type PolicyAction =
  | { kind: 'reviseThreshold'; levelId: string; domain: DomainId; to: number; publicly: boolean }
  | { kind: 'inviteAudit' }
  | { kind: 'joinPauseAgreement' }
  | { kind: 'leavePauseAgreement' }
  | { kind: 'publishEvals'; publish: boolean };

export interface LabDecision {
  posture: Posture;
  budget: BudgetSplit;
  actions: PolicyAction[];
  /**
   * Why a bot chose to pause, when it did (bots say; a human's pause is read from the rules that
   * applied: its own policy, then the agreement). Not part of a human decision log.
   */
  pauseFor?: PauseCause;
}

export type Compliance = 'kept' | 'broken' | 'notTriggered';

/** What one lab did and suffered in one round: the game record's row. */
export interface LabRoundRecord {
  lab: string;
  decision: LabDecision;
  /** The posture actually taken (a binding policy or a regulator can override the decision). */
  effectivePosture: Posture;
  /**
   * Who could use the lab's model this quarter, as the hazards and the market saw it (set by the
   * posture table's release, incident response or a halt; an audit's halt at the quarter's end
   * shows from the next quarter).
   */
  deployment: DeploymentStatus;
  overriddenBy: 'policy' | 'regulator' | 'pauseAgreement' | 'incidentResponse' | null;
  /** The posture its commitment as registered (no quiet revisions) allowed, given what it knew. */
  allowedPosture: Posture;
  /** Why the lab was paused this quarter (null: it was not). */
  pauseCause: PauseCause | null;
  /** It belonged to a triggered pause agreement and did not pause. */
  defected: boolean;
  /** A new breach of its registered commitment started this quarter (counted once per breach). */
  newBreach: boolean;
  /** Level the lab knew it had reached (from its evals), or null. */
  knownLevel: string | null;
  /** Level the model had truly reached, or null. */
  trueLevel: string | null;
  compliance: Compliance;
  capability: DomainValues;
  measured: DomainValues | null;
  safeguards: Record<SafeguardTrack, number>;
  risk: RiskBreakdown;
  missedCrossings: MissedCrossing[];
  status: LabStatus;
  budget: number;
  marketShare: number;
  reputation: number;
  boardPressure: number;
}

/**
 * Why a lab-quarter was paused: its own policy (its if-then commitment, kept voluntarily or
 * enforced), the pause agreement, the regulator, or its own choice with no rule asking for it.
 */
export type PauseCause = 'ownPolicy' | 'agreement' | 'regulator' | 'choice';
export const PAUSE_CAUSES: readonly PauseCause[] = [
  'ownPolicy',
  'agreement',
  'regulator',
  'choice',
];

export interface RiskBreakdown {
  misuse: number;
  theft: number;
  lossOfControl: number;
  /** Probability of any incident from this lab this round. */
  total: number;
}

export interface MissedCrossing {
  round: number;
  lab: string;
  levelId: string;
  domain: DomainId;
  trueCapability: number;
  measured: number;
  threshold: number;
}

export interface RoundRecord {
  round: number;
  labs: LabRoundRecord[];
  incidents: Incident[];
  news: NewsItem[];
  publicTrust: number;
  regulation: RegulationLevel;
  pauseAgreementActive: boolean;
  /** The agreement was in force and a member's unsafeguarded crossing asked every member to pause. */
  pauseAgreementTriggered: boolean;
}

export type EndReason = 'roundsComplete' | 'catastrophe' | 'regulatorHalt';

export interface LabOutcome {
  lab: string;
  cumulativeRisk: number;
  commitmentsKept: number;
  commitmentsBroken: number;
  revisionsPublic: number;
  revisionsQuiet: number;
  marketShare: number;
  reputation: number;
  missedCrossings: number;
}

export interface Outcome {
  reason: EndReason;
  round: number;
  catastrophe: Incident | null;
  publicTrust: number;
  labs: LabOutcome[];
}

export interface GameState {
  /** Bumped when the shape changes, so old saves are recognised. */
  version: 1;
  scenarioId: string;
  seed: number;
  /** The key of the game's random streams (from the seed; constant): the only source of randomness. */
  rng: number;
  /** The round being played (1-based). */
  round: number;
  totalRounds: number;
  /** Labs whose seats humans hold; bots decide for the rest. */
  humans: string[];
  labs: LabState[];
  world: WorldState;
  history: RoundRecord[];
  outcome: Outcome | null;
}

/** What one lab can see: its own state in full (but never the truth), rivals' public signals. */
export interface LabView {
  round: number;
  totalRounds: number;
  self: {
    id: string;
    budget: number;
    lastEval: EvalResult | null;
    /** The latest external audit's measurement, which the lab cannot unlearn. */
    lastAudit: EvalResult | null;
    safeguards: Record<SafeguardTrack, number>;
    training: TrainingStatus;
    deployment: DeploymentStatus;
    reputation: number;
    marketShare: number;
    boardPressure: number;
    policy: LabPolicyState;
    knownLevel: string | null;
    allowedPosture: Posture;
  };
  rivals: RivalSignal[];
  publicTrust: number;
  regulation: RegulationLevel;
  pauseAgreementActive: boolean;
  /** The agreement is in force and a member knows of an unsafeguarded crossing: members should pause. */
  pauseAgreementTriggered: boolean;
  /** Incidents of the last quarter (public news), its own and rivals'. */
  recentIncidents: Incident[];
  /** Stolen models loose in the world (thefts are reported). */
  stolenModels: number;
  /** The policy's safety buffer: results this close below a threshold count as a crossing. */
  safetyBuffer: number;
  /** The lab's policy as written: its rules (shortfall rule, competitor clause, alert margin …). */
  rules: PolicySpec;
  levels: LevelSpec[];
  /** The scenario's domains (one list shared by every view: read it, never change it). */
  domains: readonly DomainId[];
}

export interface RivalSignal {
  id: string;
  name: string;
  deployment: DeploymentStatus;
  training: TrainingStatus | null;
  marketShare: number;
  reputation: number;
  inPauseAgreement: boolean;
  /** Their published eval results, if they publish and the information regime shows them. */
  publishedEval: EvalResult | null;
  /** Highest level they have announced reaching, if any (an id on their own policy's ladder). */
  announcedLevel: string | null;
  /** The lowest threshold of that level on their ladder (capability units), or null. */
  announcedFloor: number | null;
  /** That level's name on their ladder, or null. */
  announcedLevelName: string | null;
  /** The name of the policy they play under (e.g. "OpenAI Preparedness Framework v2"). */
  policyName: string;
  /** The last quarter they ignored a triggered pause agreement they belonged to, or null. */
  lastDefection: number | null;
}

/**
 * A bot: what it decides from what it sees; `tuning` moves it within its strategy's numbers;
 * `options.pauseNow` makes it pause (and spend as a pausing lab does) whatever its policy says.
 */
export type BotStrategy = (
  view: LabView,
  tuning?: Partial<BotTuning>,
  options?: { pauseNow?: boolean },
) => LabDecision;
