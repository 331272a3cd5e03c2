// Test factory for LabViews: a plain, valid view with a three-level ladder, overridable piece by
// piece, and fast-check generators of random valid views and bot tunings for property tests.

import { ladderPolicy } from '../../../src/engine/policies';
import fc from 'fast-check';
import { BOT_TUNING_DOCS } from '../../../src/engine/bots/tuningDocs';
import { DOMAIN_IDS, POSTURES } from '../../../src/engine/types';
import type {
  BotTuning,
  DomainId,
  DomainValues,
  EvalResult,
  Incident,
  LabView,
  LevelSpec,
  PolicyRevision,
  RivalSignal,
  TrackValues,
} from '../../../src/engine/types';

/** A small ladder in the shape of ASL-2 → ASL-3 → ASL-4 (numbers invented for tests). */
export const LADDER: LevelSpec[] = [
  {
    id: 'L2',
    name: 'Level 2',
    description: 'Early signs of dangerous capability.',
    thresholds: { cbrn: 0.3, cyber: 0.3 },
    trainingRequires: { security: 0.2 },
    deploymentRequires: { security: 0.2, deployment: 0.2 },
  },
  {
    id: 'L3',
    name: 'Level 3',
    description: 'Meaningful uplift.',
    thresholds: { cbrn: 0.55, autonomy: 0.6 },
    trainingRequires: { security: 0.5, alignment: 0.3 },
    deploymentRequires: { security: 0.5, deployment: 0.6 },
  },
  {
    id: 'L4',
    name: 'Level 4',
    description: 'State-programme uplift; automated AI research.',
    thresholds: { cbrn: 0.8, autonomy: 0.8 },
    trainingRequires: { security: 0.8, alignment: 0.7 },
    deploymentRequires: { security: 0.8, deployment: 0.8, alignment: 0.7 },
  },
];

export type ViewOverrides = Partial<Omit<LabView, 'self'>> & { self?: Partial<LabView['self']> };

export function makeView(overrides: ViewOverrides = {}): LabView {
  const { self, ...rest } = overrides;
  return {
    round: 1,
    totalRounds: 20,
    rivals: [
      makeRival({ id: 'r1', name: 'Rival One' }),
      makeRival({ id: 'r2', name: 'Rival Two' }),
    ],
    publicTrust: 0.7,
    regulation: 0,
    pauseAgreementActive: false,
    pauseAgreementTriggered: false,
    recentIncidents: [],
    stolenModels: 0,
    safetyBuffer: 0,
    rules: ladderPolicy(LADDER),
    levels: LADDER,
    domains: ['cbrn', 'cyber', 'autonomy'],
    ...rest,
    self: {
      id: 'me',
      budget: 100,
      lastEval: null,
      lastAudit: null,
      safeguards: { security: 0.3, deployment: 0.3, alignment: 0.3 },
      training: 'scaling',
      deployment: 'none',
      reputation: 0.6,
      marketShare: 0.3,
      boardPressure: 0,
      policy: {
        binding: false,
        inPauseAgreement: false,
        publishesEvals: false,
        levels: LADDER,
        revisions: [],
      },
      knownLevel: null,
      allowedPosture: 'deploy',
      ...self,
    },
  };
}

export function makeRival(overrides: Partial<RivalSignal> = {}): RivalSignal {
  return {
    id: 'rival',
    name: 'Rival',
    deployment: 'none',
    training: null,
    marketShare: 0.3,
    reputation: 0.6,
    inPauseAgreement: false,
    publishedEval: null,
    announcedLevel: null,
    announcedFloor: null,
    announcedLevelName: null,
    policyName: 'Test ladder',
    lastDefection: null,
    ...overrides,
  };
}

export function makeEval(measured: DomainValues, round = 1): EvalResult {
  return { round, measured, uncertainty: 0.05, sensitivity: 0.7 };
}

export function makeIncident(overrides: Partial<Incident> = {}): Incident {
  return { round: 1, lab: 'me', kind: 'misuse', severity: 'serious', domain: 'cbrn', ...overrides };
}

/** A view whose lab is a member of the pause agreement, which is in force and triggered. */
export function triggeredMember(overrides: ViewOverrides = {}): LabView {
  const base = makeView(overrides);
  return {
    ...base,
    pauseAgreementActive: true,
    pauseAgreementTriggered: true,
    self: { ...base.self, policy: { ...base.self.policy, inPauseAgreement: true } },
  };
}

// ---------------------------------------------------------------- random valid views

const unit = fc.double({ min: 0, max: 1, noNaN: true });

const domainValues = fc.record(
  Object.fromEntries(DOMAIN_IDS.map((domain) => [domain, unit])) as Record<
    DomainId,
    fc.Arbitrary<number>
  >,
  { requiredKeys: [] },
);

const trackValues: fc.Arbitrary<TrackValues> = fc.record(
  { security: unit, deployment: unit, alignment: unit },
  { requiredKeys: [] },
);

const ladder: fc.Arbitrary<LevelSpec[]> = fc
  .array(fc.record({ thresholds: domainValues, training: trackValues, deployment: trackValues }), {
    maxLength: 4,
  })
  .map((rungs) =>
    rungs.map((rung, index) => ({
      id: `L${index + 2}`,
      name: `Level ${index + 2}`,
      description: '',
      thresholds: rung.thresholds,
      trainingRequires: rung.training,
      deploymentRequires: rung.deployment,
    })),
  );

const evalResult: fc.Arbitrary<EvalResult> = fc.record({
  round: fc.integer({ min: 1, max: 24 }),
  measured: domainValues,
  uncertainty: fc.double({ min: 0, max: 0.3, noNaN: true }),
  sensitivity: unit,
});

const RIVAL_IDS = ['r1', 'r2', 'r3', 'r4'];

const incident: fc.Arbitrary<Incident> = fc.record({
  round: fc.integer({ min: 1, max: 24 }),
  lab: fc.constantFrom('me', ...RIVAL_IDS),
  kind: fc.constantFrom('misuse', 'theft', 'lossOfControl', 'stolenModelMisuse'),
  severity: fc.constantFrom('warning', 'serious', 'catastrophe'),
  domain: fc.option(fc.constantFrom(...DOMAIN_IDS), { nil: null }),
});

const rival: fc.Arbitrary<RivalSignal> = fc.record({
  id: fc.constantFrom(...RIVAL_IDS),
  name: fc.string({ maxLength: 12 }),
  deployment: fc.constantFrom('none', 'restricted', 'full'),
  training: fc.constantFrom('scaling', 'paused', null),
  marketShare: unit,
  reputation: unit,
  inPauseAgreement: fc.boolean(),
  publishedEval: fc.option(evalResult, { nil: null }),
  announcedLevel: fc.option(fc.constantFrom('L2', 'L3', 'L4'), { nil: null }),
  announcedFloor: fc.constant(null),
  announcedLevelName: fc.constant(null),
  policyName: fc.constant('Test ladder'),
  lastDefection: fc.option(fc.integer({ min: 1, max: 24 }), { nil: null }),
});

/** Any view the engine could build: random ladder (possibly empty), rivals, evals and status. */
export const arbitraryView: fc.Arbitrary<LabView> = ladder.chain((levels) =>
  fc
    .record({
      round: fc.integer({ min: 1, max: 24 }),
      totalRounds: fc.constant(24),
      rivals: fc.array(rival, { maxLength: 4 }),
      publicTrust: unit,
      regulation: fc.constantFrom(0, 1, 2, 3),
      pauseAgreementActive: fc.boolean(),
      // Only an agreement in force can be triggered (see the map below).
      pauseAgreementTriggered: fc.boolean(),
      recentIncidents: fc.array(incident, { maxLength: 3 }),
      stolenModels: fc.integer({ min: 0, max: 3 }),
      safetyBuffer: fc.constantFrom(0, 0.02, 0.05),
      rules: fc.constant(ladderPolicy(levels)),
      levels: fc.constant(levels),
      domains: fc.subarray([...DOMAIN_IDS], { minLength: 1 }),
      self: fc.record({
        id: fc.constant('me'),
        budget: fc.double({ min: 0, max: 1000, noNaN: true }),
        lastEval: fc.option(evalResult, { nil: null }),
        lastAudit: fc.option(evalResult, { nil: null }),
        safeguards: fc.record({ security: unit, deployment: unit, alignment: unit }),
        training: fc.constantFrom('scaling', 'paused'),
        deployment: fc.constantFrom('none', 'restricted', 'full'),
        reputation: unit,
        marketShare: unit,
        boardPressure: unit,
        policy: fc.record({
          binding: fc.boolean(),
          inPauseAgreement: fc.boolean(),
          publishesEvals: fc.boolean(),
          levels: fc.constant(levels),
          revisions: fc.constant<PolicyRevision[]>([]),
        }),
        knownLevel:
          levels.length === 0
            ? fc.constant(null)
            : fc.option(fc.constantFrom(...levels.map((level) => level.id)), { nil: null }),
        allowedPosture: fc.constantFrom(...POSTURES),
      }),
    })
    .map((view): LabView => ({
      ...view,
      pauseAgreementTriggered: view.pauseAgreementActive && view.pauseAgreementTriggered,
    })),
);

/** Any tuning a scenario may give (`labs[].bot`): every number within its documented range. */
export const arbitraryTuning: fc.Arbitrary<BotTuning> = fc.record(
  Object.fromEntries(
    Object.entries(BOT_TUNING_DOCS).map(([key, doc]) => [
      key,
      fc.double({ min: doc.min, max: doc.max, noNaN: true }),
    ]),
  ) as Record<keyof BotTuning, fc.Arbitrary<number>>,
);
