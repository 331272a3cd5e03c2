// The scenario file format, as a valibot schema. Its output type is exactly `Scenario` (checked
// at compile time at the bottom of this file). Every schema carries a plain-words expectation
// ("a number between 0 and 1") that the validator uses in its messages, and a description that
// the generated JSON Schema (scenarios/scenario.schema.json) shows in editors.
//
// Structure only lives here. Rules that relate one part of the file to another (a threshold must
// name a declared domain, levels must rise, an event must name a real lab …) are in semantics.ts.

//
// The format's limits live in limits.ts, its plain-words messages in words.ts and its building
// blocks in blocks.ts; this file re-exports them for older importers.

import * as v from 'valibot';
import { BOT_TUNING_DOCS } from '../bots/tuningDocs';
import { PARAMETER_DOCS } from '../parameters';
import {
  BOT_STRATEGY_IDS,
  DOMAIN_IDS,
  SAFEGUARD_TRACKS,
  SHORTFALL_RULES,
  type DynamicsParams,
  type Scenario,
} from '../types';
import { bool, id, list, num, obj, pick, share, text, url, whole } from './blocks';
import { POLICY_DEFAULTS, POLICY_EVALUATION_DEFAULTS, SCENARIO_DEFAULTS } from './defaults';
import { EFFECT_KINDS, LIMITS, SCENARIO_FORMAT } from './limits';
import { describeValue, expecting, objectMessage, quoteList, register } from './words';

export { EFFECT_KINDS, ID_PATTERN, LIMITS, SCENARIO_FORMAT } from './limits';
export { closest, describeValue, expectationOf } from './words';

// ---------------------------------------------------------------- the scenario

function domainValues(description: string, valueDescription: string) {
  const entries = {
    cbrn: v.exactOptional(share(`${valueDescription} (bio/chem, CBRN)`)),
    cyber: v.exactOptional(share(`${valueDescription} (cyber)`)),
    autonomy: v.exactOptional(share(`${valueDescription} (autonomy / AI R&D)`)),
    manipulation: v.exactOptional(share(`${valueDescription} (harmful manipulation)`)),
    oversight: v.exactOptional(share(`${valueDescription} (undermining oversight)`)),
  } satisfies Record<(typeof DOMAIN_IDS)[number], unknown>;
  return obj(
    entries,
    `an object of domain ids (${DOMAIN_IDS.join(', ')}) to numbers between 0 and 1`,
    description,
  );
}

function trackValues(description: string) {
  const entries = {
    security: v.exactOptional(share(`${description} — security (weight protection)`)),
    deployment: v.exactOptional(share(`${description} — deployment mitigations`)),
    alignment: v.exactOptional(share(`${description} — alignment / control evidence`)),
  } satisfies Record<(typeof SAFEGUARD_TRACKS)[number], unknown>;
  return obj(
    entries,
    `an object of safeguard tracks (${SAFEGUARD_TRACKS.join(', ')}) to numbers between 0 and 1`,
    description,
  );
}

const SourceSchema = obj(
  {
    element: text(LIMITS.lineText, 'Which framework element this source supports.'),
    title: text(LIMITS.lineText, 'Title of the document.'),
    url: url('Where the document can be read.'),
    version: text(
      LIMITS.shortText,
      'Version and/or date of the document, e.g. "v2.0, 2024-10-15".',
    ),
  },
  'a source {element, title, url, version}',
  'A public document supporting one element of the scenario.',
);

const DomainSchema = obj(
  {
    id: pick(DOMAIN_IDS, 'one of the domain ids', 'Which dangerous-capability domain.'),
    name: text(LIMITS.shortText, 'Name shown to players, e.g. "Biological and chemical".'),
    description: text(LIMITS.longText, 'What the domain covers, in plain words.'),
  },
  'a domain {id, name, description}',
  'A dangerous-capability domain the scenario tracks. A domain no level has a threshold for is shown as "watched".',
);

const LevelSchema = obj(
  {
    id: id('Short id, e.g. "asl-3".'),
    name: text(LIMITS.shortText, 'Name shown to players, e.g. "ASL-3".'),
    description: text(LIMITS.longText, 'What reaching this level means, in plain words.'),
    thresholds: domainValues(
      'Capability (0..1) per domain at which this level is reached. A missing domain has no threshold at this level.',
      'Capability at which this level is reached',
    ),
    trainingRequires: trackValues('Safeguard readiness required to keep training'),
    deploymentRequires: trackValues('Safeguard readiness required to deploy fully'),
  },
  'a level {id, name, description, thresholds, trainingRequires, deploymentRequires}',
  'One rung of the if-then ladder, listed from lowest to highest.',
);

function cadence(description: string) {
  return whole(LIMITS.cadence.min, LIMITS.cadence.max, description);
}

function safetyBuffer(description: string) {
  return num(LIMITS.safetyBuffer.min, LIMITS.safetyBuffer.max, description);
}

const EvaluationSchema = obj(
  {
    cadence: v.exactOptional(
      cadence(
        'Old format only (a file without "policies"): rounds between capability assessments. With policies, each policy has its own.',
      ),
    ),
    baseSensitivity: share(
      'Eval sensitivity with no investment: the share of true capability the evals elicit.',
    ),
    noise: num(
      LIMITS.noise.min,
      LIMITS.noise.max,
      'Standard deviation of measurement noise at zero investment (capability units).',
    ),
    elicitationGap: num(
      LIMITS.elicitationGap.min,
      LIMITS.elicitationGap.max,
      'Underestimate from weak elicitation at zero sensitivity (capability units).',
    ),
    sandbagging: num(
      LIMITS.sandbagging.min,
      LIMITS.sandbagging.max,
      'Underperformance per unit of autonomy capability, from deliberate sandbagging.',
    ),
    safetyBuffer: v.exactOptional(
      safetyBuffer(
        'Old format only (a file without "policies"): measured >= threshold - safetyBuffer counts as a crossing. Default 0. With policies, each policy has its own.',
      ),
    ),
  },
  'an evaluation object {baseSensitivity, noise, elicitationGap, sandbagging}',
  'How well evaluations measure capability (the science, the same for every lab). Cadence and safety buffer belong to each policy.',
);

const PolicyEvaluationSchema = obj(
  {
    cadence: cadence(
      'Rounds between capability assessments under this policy (1 = every quarter, 2 = every six months).',
    ),
    safetyBuffer: v.optional(
      safetyBuffer(
        "A measured result this close below a threshold counts as reaching it: the level's full requirements apply. Default 0.",
      ),
      POLICY_EVALUATION_DEFAULTS.safetyBuffer,
    ),
    alertMargin: v.optional(
      safetyBuffer(
        "Early warning: a result this close below a threshold triggers a response plan (the lab prepares that level's safeguards) but none of its requirements. Default 0 (none).",
      ),
      POLICY_EVALUATION_DEFAULTS.alertMargin,
    ),
  },
  'a policy evaluation object {cadence, safetyBuffer, alertMargin}',
  "The policy's own evaluation rules.",
);

const FrameworkSchema = obj(
  {
    name: text(LIMITS.shortText, 'Framework modelled, e.g. "Anthropic RSP".'),
    version: text(LIMITS.shortText, 'Version modelled, e.g. "2.2".'),
    date: register(
      v.pipe(
        v.string(expecting('a date like "2024-10-15", "2024-10" or "2024"')),
        v.regex(
          /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/,
          expecting('a date like "2024-10-15", "2024-10" or "2024"'),
        ),
        v.description('Date of that version: YYYY-MM-DD, YYYY-MM or YYYY.'),
      ),
      'a date like "2024-10-15", "2024-10" or "2024"',
    ),
  },
  'a framework object {name, version, date}',
  'What is modelled or taught: a document, its version and date.',
);

const LevelsSchema = (description: string) =>
  list(LevelSchema, 'levels', LIMITS.levels.min, LIMITS.levels.max, description);

export const PolicySchema = obj(
  {
    id: id('Short id, e.g. "rsp-v3-0". Labs name their policy by it.'),
    name: text(LIMITS.shortText, 'Name shown to players, e.g. "Anthropic RSP v3.0".'),
    description: text(LIMITS.longText, 'What the policy is and says, in plain words.'),
    framework: FrameworkSchema,
    levels: LevelsSchema('The if-then ladder, from lowest to highest level.'),
    evaluation: PolicyEvaluationSchema,
    whenShort: v.optional(
      pick(
        SHORTFALL_RULES,
        'one of',
        'What the policy says when a level is reached and its training safeguards are not ready: "pause" training, "restrict" (train on, release only with limits), or "delayIfAhead" (pause only when the lab judges itself ahead and the risk significant, else restrict; RSP v3.0). Default "pause".',
      ),
      POLICY_DEFAULTS.whenShort,
    ),
    significantShortfall: v.optional(
      share(
        'Under "delayIfAhead": a training-safeguard shortfall at least this large makes the risk significant. Default 0.1.',
      ),
      POLICY_DEFAULTS.significantShortfall,
    ),
    competitorClause: v.optional(
      bool(
        "OpenAI PF v2's clause: when a rival confirmed at the lab's level has released in full, the policy lets the lab release in full with its deployment safeguards within 0.15 of the bar. Default false.",
      ),
      POLICY_DEFAULTS.competitorClause,
    ),
    binding: v.optional(
      bool(
        'true: enforced (the engine holds labs to it); false: voluntary, breaking it is allowed and recorded. A lab may override it. Default false.',
      ),
      POLICY_DEFAULTS.binding,
    ),
    public: v.optional(
      bool(
        'true: published, labs announce the levels they reach; false: rivals hear nothing of its levels. Default true.',
      ),
      POLICY_DEFAULTS.public,
    ),
  },
  'a policy {id, name, description, framework, levels, evaluation, whenShort, significantShortfall, competitorClause, binding, public}',
  'A responsible scaling policy: its ladder, evaluation rules and what it says to do short of safeguards.',
);

const tuningEntries = Object.fromEntries(
  (Object.keys(BOT_TUNING_DOCS) as (keyof typeof BOT_TUNING_DOCS)[]).map((key) => {
    const doc = BOT_TUNING_DOCS[key];
    return [key, v.exactOptional(num(doc.min, doc.max, doc.meaning))];
  }),
) as {
  [K in keyof typeof BOT_TUNING_DOCS]: v.ExactOptionalSchema<ReturnType<typeof num>, undefined>;
};

const BotTuningSchema = obj(
  tuningEntries,
  `a bot tuning object with any of ${Object.keys(BOT_TUNING_DOCS).join(', ')}`,
  'Moves this lab\'s bot away from its strategy\'s numbers (MODEL.md, "Bots").',
);

const LabSchema = obj(
  {
    id: id('Short id, e.g. "meridian".'),
    name: text(LIMITS.shortText, 'Name shown to players (fictional labs only).'),
    strategy: pick(
      BOT_STRATEGY_IDS,
      'one of the bot strategies',
      'Strategy used when a bot holds this seat.',
    ),
    role: pick(
      ['player', 'rival'] as const,
      'one of',
      'The seat a solo player takes ("player", exactly one) or a rival.',
    ),
    policy: obj(
      {
        use: v.exactOptional(
          id('Id of the policy (in "policies") this lab plays under. Absent: the default policy.'),
        ),
        binding: v.exactOptional(
          bool(
            "true: the engine enforces the lab's if-then commitment; false: voluntary, breaking it is allowed and recorded. Absent: as its policy says.",
          ),
        ),
        inPauseAgreement: bool('Member of the conditional pause agreement at the start.'),
        publishesEvals: bool('Publishes its eval results at the start.'),
      },
      'a policy object {use, binding, inPauseAgreement, publishesEvals}',
      'Which policy the lab plays under, and its commitments at the start.',
    ),
    bot: v.exactOptional(BotTuningSchema),
    pauseFrom: v.exactOptional(
      whole(
        LIMITS.rounds.min,
        LIMITS.rounds.max,
        'When a bot holds this seat, it pauses training and release from this quarter on, whatever its policy says.',
      ),
    ),
    start: obj(
      {
        capability: domainValues(
          'True capability (0..1) per domain at the start. A missing domain starts at 0.',
          'Starting capability',
        ),
        safeguards: trackValues('Safeguard readiness at the start; a missing track starts at 0'),
        budget: num(
          LIMITS.budget.min,
          LIMITS.budget.max,
          'Budget at the start (budget units; base funding is 40 a quarter by default).',
        ),
        reputation: share('Reputation at the start (0..1).'),
      },
      'a start object {capability, safeguards, budget, reputation}',
      'Starting conditions.',
    ),
  },
  'a lab {id, name, strategy, role, policy, bot, pauseFrom, start}',
  'A lab: the player\'s (role "player") or a rival.',
);

const labRef = (description: string) => id(description);
const DELTA = LIMITS.eventDelta;

const EffectSchema = register(
  v.pipe(
    v.variant(
      'kind',
      [
        obj({ kind: v.literal('news') }, 'a news effect {kind}', 'Headline only; no effect.'),
        obj(
          { kind: v.literal('trust'), delta: num(DELTA.min, DELTA.max, 'Change in public trust.') },
          'a trust effect {kind, delta}',
          'Public trust changes.',
        ),
        obj(
          {
            kind: v.literal('breakthrough'),
            lab: labRef('Lab id, or "all".'),
            domain: pick(DOMAIN_IDS, 'one of the domain ids', 'Domain that jumps.'),
            delta: num(0, 0.5, 'Capability gained (0..0.5).'),
          },
          'a breakthrough effect {kind, lab, domain, delta}',
          'A capability jump for one lab or all.',
        ),
        obj(
          { kind: v.literal('weightsStolen'), lab: labRef('Lab id.') },
          'a weightsStolen effect {kind, lab}',
          "A lab's model weights are stolen.",
        ),
        obj(
          { kind: v.literal('whistleblower'), lab: labRef('Lab id, or "any".') },
          'a whistleblower effect {kind, lab}',
          'A whistleblower exposes quiet revisions and broken commitments.',
        ),
        obj(
          {
            kind: v.literal('regulation'),
            level: pick([0, 1, 2, 3] as const, 'one of', 'Regulation level 0..3.'),
          },
          'a regulation effect {kind, level}',
          'The regulator moves to a level.',
        ),
        obj(
          {
            kind: v.literal('budget'),
            lab: labRef('Lab id, or "all".'),
            delta: num(
              LIMITS.budgetDelta.min,
              LIMITS.budgetDelta.max,
              'Budget change (budget units).',
            ),
          },
          'a budget effect {kind, lab, delta}',
          'Budget changes.',
        ),
        obj(
          {
            kind: v.literal('boardPressure'),
            lab: labRef('Lab id, or "all".'),
            delta: num(DELTA.min, DELTA.max, 'Change in board pressure (0..1 scale).'),
          },
          'a boardPressure effect {kind, lab, delta}',
          "The lab's board or investors push harder (or ease off).",
        ),
        obj(
          {
            kind: v.literal('safeguards'),
            lab: labRef('Lab id, or "all".'),
            track: pick(SAFEGUARD_TRACKS, 'one of the safeguard tracks', 'Which track.'),
            delta: num(DELTA.min, DELTA.max, 'Readiness change.'),
          },
          'a safeguards effect {kind, lab, track, delta}',
          'Safeguard readiness changes.',
        ),
        obj(
          { kind: v.literal('audit'), lab: labRef('Lab id.') },
          'an audit effect {kind, lab}',
          'A third-party evaluator audits the lab.',
        ),
      ],
      (issue) =>
        `expected an effect whose "kind" is one of ${quoteList(EFFECT_KINDS)}, got ${describeValue(issue.input)}`,
    ),
    v.description('What the event does to the game.'),
  ),
  `an effect object with a "kind"`,
);

const EventSchema = obj(
  {
    round: whole(LIMITS.rounds.min, LIMITS.rounds.max, 'Round at whose start the event fires.'),
    headline: text(LIMITS.shortText, 'Headline in the news feed.'),
    body: text(LIMITS.longText, 'The news story, in plain words.'),
    effect: EffectSchema,
  },
  'an event {round, headline, body, effect}',
  'A scripted event ("inject").',
);

type DynamicsEntries = {
  [K in keyof DynamicsParams]: v.ExactOptionalSchema<ReturnType<typeof num>, undefined>;
};

const dynamicsEntries = Object.fromEntries(
  (Object.keys(PARAMETER_DOCS) as (keyof DynamicsParams)[]).map((key) => {
    const doc = PARAMETER_DOCS[key];
    return [key, v.exactOptional(num(doc.min, doc.max, doc.meaning))];
  }),
) as DynamicsEntries;

const FacilitationSchema = obj(
  {
    learningGoals: list(
      text(LIMITS.lineText, 'One thing participants should take away.'),
      'learning goals',
      1,
      10,
      'What participants should take away, one line each.',
    ),
    injectNotes: list(
      obj(
        {
          event: whole(
            0,
            LIMITS.events.max - 1,
            'Index of the scripted event in "events" (0 is the first).',
          ),
          note: text(LIMITS.lineText, 'When to fire it (early, on time, or hold it) and why.'),
        },
        'an inject note {event, note}',
        'Advice on one scripted event.',
      ),
      'inject notes',
      0,
      LIMITS.events.max,
      'When to fire which inject, by event.',
    ),
    debriefPrompts: list(
      text(LIMITS.lineText, 'A question for the room.'),
      'debrief prompts',
      1,
      10,
      'Questions for the debrief, beyond those the game picks from what happened.',
    ),
  },
  'a facilitation object {learningGoals, injectNotes, debriefPrompts}',
  'Notes for a facilitator running the scenario as a workshop (printed as facilitator notes).',
);

const SCENARIO_LABEL = 'a scenario object {id, title, pitch, briefing, …}';

const SCENARIO_ENTRIES = {
  $schema: v.exactOptional(
    v.pipe(
      v.string(
        (issue) =>
          `expected the path of the JSON Schema as text (e.g. "./scenario.schema.json"), got ${describeValue(issue.input)}`,
      ),
      v.description('Path to the JSON Schema, for editors. Ignored.'),
    ),
  ),
  schemaVersion: v.exactOptional(
    v.pipe(
      v.picklist(
        [1, SCENARIO_FORMAT] as const,
        (issue) =>
          `expected a scenario format this version reads, 1 or ${SCENARIO_FORMAT}, got ${describeValue(issue.input)}`,
      ),
      v.description(
        `Scenario format version (${SCENARIO_FORMAT}; 1 is read and migrated). Optional; a file of a newer format is refused with a clear message.`,
      ),
    ),
  ),
  id: id('Short id, also the file name: scenarios/<id>.json.'),
  title: text(LIMITS.shortText, 'Title shown in the scenario picker.'),
  pitch: text(LIMITS.lineText, 'One line for the scenario picker.'),
  briefing: text(LIMITS.longText, 'One paragraph in plain words, shown before the game.'),
  difficulty: pick(
    ['introductory', 'intermediate', 'advanced'] as const,
    'one of',
    'How hard the scenario is to grasp.',
  ),
  framework: FrameworkSchema,
  rounds: whole(LIMITS.rounds.min, LIMITS.rounds.max, 'Number of rounds (quarters) in the game.'),
  domains: list(
    DomainSchema,
    'domains',
    1,
    DOMAIN_IDS.length,
    'The dangerous-capability domains this scenario tracks.',
  ),
  policies: v.exactOptional(
    list(
      PolicySchema,
      'policies',
      LIMITS.policies.min,
      LIMITS.policies.max,
      'The policies labs play under. Each lab names one in labs[].policy.use; labs that name none use defaultPolicy.',
    ),
  ),
  defaultPolicy: v.exactOptional(
    id('Id of the policy of labs that name none. Absent: the first in "policies".'),
  ),
  levels: v.exactOptional(
    LevelsSchema(
      'Old format only (a file without "policies"): the one if-then ladder every lab plays under. Move it into a policy.',
    ),
  ),
  evaluation: EvaluationSchema,
  information: v.optional(
    pick(
      ['none', 'announcements', 'published'] as const,
      'one of',
      'What players see of rivals. Default "announcements".',
    ),
    SCENARIO_DEFAULTS.information,
  ),
  dynamics: v.optional(
    obj(
      dynamicsEntries,
      'an object of model parameters (see scenarios/README.md)',
      'Overrides of the model parameters; anything absent uses the default.',
    ),
    {},
  ),
  labs: list(
    LabSchema,
    'labs',
    LIMITS.labs.min,
    LIMITS.labs.max,
    'The labs: exactly one with role "player", the rest "rival".',
  ),
  events: v.optional(
    list(EventSchema, 'events', 0, LIMITS.events.max, 'Scripted events (injects) by round.'),
    [],
  ),
  sources: list(
    SourceSchema,
    'sources',
    LIMITS.sources.min,
    LIMITS.sources.max,
    'Public sources for every framework element.',
  ),
  simplifications: list(
    text(LIMITS.longText, 'One simplification or invented number, in plain words.'),
    'notes',
    LIMITS.simplifications.min,
    LIMITS.simplifications.max,
    'Every simplification and every number invented for play.',
  ),
  facilitation: v.exactOptional(FacilitationSchema),
};

export const ScenarioSchema = v.pipe(
  v.strictObject(SCENARIO_ENTRIES, objectMessage(SCENARIO_LABEL, SCENARIO_ENTRIES)),
  v.title('Threshold scenario'),
  v.description(
    'A scenario for Threshold, a tabletop simulation of AI responsible scaling policies. See scenarios/README.md.',
  ),
);

register(ScenarioSchema, SCENARIO_LABEL);

// ---------------------------------------------------------------- compile-time contract check

/** A file as read: old or new format, before resolve.ts fills in what a file may leave out. */
export type ScenarioInput = v.InferOutput<typeof ScenarioSchema>;
type Extends<A, B> = [A] extends [B] ? true : false;
/**
 * Fails to compile if a resolved `Scenario` stops being a valid file (saves, share links and the
 * inject check validate resolved scenarios again).
 */
export const SCENARIO_IS_VALID_INPUT: Extends<Scenario, ScenarioInput> = true;
