// The directions the model claims, each a paired comparison of two arms on the same seeds, with
// where the expectation comes from. MODEL.md's "Validated directions" table is generated from this
// list (`npm run validate -- --write`), and the validation tests check that the table says what the
// measurement says. Add a direction here, never a special case in the engine.

import type { ArmSpec, GameFacts } from './harness';

/** What is compared: a per-game number (mean over games) or a share pooled over games. */
export type Metric =
  | { label: string; kind: 'perGame'; percent: boolean; value: (g: GameFacts) => number }
  | {
      label: string;
      kind: 'pooled';
      num: (g: GameFacts) => number;
      den: (g: GameFacts) => number;
    };

export interface DirectionSpec {
  id: string;
  /** The expected direction in plain words. */
  expectation: string;
  /** Where the expectation comes from: a paper, a framework, or the seeds. */
  source: string;
  /** The comparison in words: scenario, setting A → B. */
  setting: string;
  a: ArmSpec;
  b: ArmSpec;
  metric: Metric;
  expected: 'up' | 'down';
  /** Test file group (each validation test file measures one group). */
  group: 'evals' | 'pauses' | 'risk';
}

// ---------------------------------------------------------------- metrics

const catastrophe: Metric = {
  label: 'catastrophe',
  kind: 'perGame',
  percent: true,
  value: (g) => Number(g.summary.catastrophe),
};
const moratorium: Metric = {
  label: 'regulator moratorium',
  kind: 'perGame',
  percent: true,
  value: (g) => Number(g.summary.endReason === 'regulatorHalt'),
};
const missedShare: Metric = {
  label: 'crossings missed at the first eval',
  kind: 'pooled',
  num: (g) => g.summary.missedCrossings,
  den: (g) => g.summary.crossings,
};
const unseenShare: Metric = {
  label: 'quarters past a threshold unseen',
  kind: 'pooled',
  num: (g) => g.summary.unseenQuarters,
  den: (g) => g.summary.crossedQuarters,
};
const ownPolicyPause: Metric = {
  label: 'lab-quarters paused by own policy',
  kind: 'pooled',
  num: (g) => g.summary.pausedBy.ownPolicy,
  den: (g) => g.summary.labQuarters,
};
const broken: Metric = {
  label: 'lab-quarters breaking a registered commitment',
  kind: 'pooled',
  num: (g) => g.summary.brokenQuarters,
  den: (g) => g.summary.labQuarters,
};
const agreementPause: Metric = {
  label: 'lab-quarters paused by the agreement',
  kind: 'pooled',
  num: (g) => g.summary.pausedBy.agreement,
  den: (g) => g.summary.labQuarters,
};
const quietRevisions: Metric = {
  label: 'quiet revisions per game',
  kind: 'perGame',
  percent: false,
  value: (g) => g.quietRevisions,
};
const publicRevisions: Metric = {
  label: 'public revisions per game',
  kind: 'perGame',
  percent: false,
  value: (g) => g.publicRevisions,
};
const finalShare = (lab: string, name: string): Metric => ({
  label: `${name}'s final market share`,
  kind: 'perGame',
  percent: true,
  value: (g) => g.summary.labs[lab]?.finalShare ?? 0,
});
const leads = (lab: string, name: string): Metric => ({
  label: `${name} ends with the largest share`,
  kind: 'perGame',
  percent: true,
  value: (g) => Number(g.summary.labs[lab]?.leads ?? false),
});

// ---------------------------------------------------------------- arms

const RSP: ArmSpec = { scenario: 'anthropic-rsp' };
const FSF: ArmSpec = { scenario: 'deepmind-fsf' };
const rsp = (settings: Record<string, number>): ArmSpec => ({
  scenario: 'anthropic-rsp',
  settings,
});
const SEEDS = 'Seeds: "a framework is only as good as the evals behind it"';
const PAUSE_SEED =
  'Seeds: "\'Pause\' depends on a lab choosing to halt under competitive pressure"';

export const DIRECTIONS: readonly DirectionSpec[] = [
  // ---------------------------------------------------------------- evaluations
  {
    id: 'V1',
    expectation: 'Sharper evals mean fewer catastrophes under voluntary policies',
    source: `${SEEDS}; METR common elements: full capability elicitation`,
    setting: 'anthropic-rsp as shipped (all voluntary), eval sensitivity 0.3 → 0.9',
    a: rsp({ evalSensitivity: 0.3 }),
    b: rsp({ evalSensitivity: 0.9 }),
    metric: catastrophe,
    expected: 'down',
    group: 'evals',
  },
  {
    id: 'V2',
    expectation: 'Sharper evals mean fewer catastrophes under voluntary policies',
    source: `${SEEDS}; DeepMind FSF: early-warning evaluations`,
    setting: 'deepmind-fsf as shipped (all voluntary), eval sensitivity 0.3 → 0.9',
    a: { scenario: 'deepmind-fsf', settings: { evalSensitivity: 0.3 } },
    b: { scenario: 'deepmind-fsf', settings: { evalSensitivity: 0.9 } },
    metric: catastrophe,
    expected: 'down',
    group: 'evals',
  },
  {
    id: 'V3',
    expectation: 'Sharper evals miss fewer crossings',
    source: SEEDS,
    setting: 'eval-blind-spot, eval sensitivity 0.3 → 0.9',
    a: { scenario: 'eval-blind-spot' },
    b: { scenario: 'eval-blind-spot', settings: { evalSensitivity: 0.9 } },
    metric: missedShare,
    expected: 'down',
    group: 'evals',
  },
  {
    id: 'V4',
    expectation: 'Weaker elicitation hides more crossings',
    source: 'Reference glossary: weak elicitation understates capability',
    setting: 'anthropic-rsp, elicitation gap 0.06 → 0.2',
    a: RSP,
    b: rsp({ elicitationGap: 0.2 }),
    metric: unseenShare,
    expected: 'up',
    group: 'evals',
  },
  {
    id: 'V5',
    expectation: 'More sandbagging hides more crossings',
    source: 'OpenAI Preparedness Framework v2: research category "Sandbagging"',
    setting: 'anthropic-rsp, sandbagging 0.05 → 0.3',
    a: RSP,
    b: { scenario: 'anthropic-rsp', evaluation: { sandbagging: 0.3 } },
    metric: unseenShare,
    expected: 'up',
    group: 'evals',
  },
  {
    id: 'V6',
    expectation: 'Rarer evals leave crossings unseen for longer',
    source: 'DeepMind FSF v1: evals every 3 months of fine-tuning; RSP v3: six-monthly assessments',
    setting: 'deepmind-fsf, evals every quarter → every fourth quarter',
    a: FSF,
    b: { scenario: 'deepmind-fsf', settings: { evalCadence: 4 } },
    metric: unseenShare,
    expected: 'up',
    group: 'evals',
  },
  {
    id: 'V7',
    expectation: 'Rarer evals mean more catastrophes',
    source: 'DeepMind FSF v1 evaluation cadence; METR: evaluation timing',
    setting: 'deepmind-fsf, evals every quarter → every fourth quarter',
    a: FSF,
    b: { scenario: 'deepmind-fsf', settings: { evalCadence: 4 } },
    metric: catastrophe,
    expected: 'up',
    group: 'evals',
  },
  {
    id: 'V8',
    expectation: 'A bigger safety buffer misses fewer crossings',
    source: 'RSP v1 safety buffer; FSF alert thresholds',
    setting: 'anthropic-rsp, safety buffer 0.03 → 0.1',
    a: RSP,
    b: { scenario: 'anthropic-rsp', evaluation: { safetyBuffer: 0.1 } },
    metric: missedShare,
    expected: 'down',
    group: 'evals',
  },
  {
    id: 'V9',
    expectation: 'A bigger safety buffer means fewer catastrophes',
    source: 'RSP v1 safety buffer; the precautionary ASL-3 activation (May 2025)',
    setting: 'anthropic-rsp, safety buffer 0.03 → 0.1',
    a: RSP,
    b: { scenario: 'anthropic-rsp', evaluation: { safetyBuffer: 0.1 } },
    metric: catastrophe,
    expected: 'down',
    group: 'evals',
  },
  // ---------------------------------------------------------------- pauses, pressure, pacts
  {
    id: 'V10',
    expectation: 'More competitive pressure means fewer pauses under labs\u2019 own policies',
    source: PAUSE_SEED,
    setting: 'anthropic-rsp, competitive pressure 1 → 3',
    a: RSP,
    b: rsp({ competitivePressure: 3 }),
    metric: ownPolicyPause,
    expected: 'down',
    group: 'pauses',
  },
  {
    id: 'V11',
    expectation: 'More competitive pressure means more broken commitments',
    source: `${PAUSE_SEED}; RSP v3.0's stated rationale`,
    setting: 'anthropic-rsp, competitive pressure 1 → 3',
    a: RSP,
    b: rsp({ competitivePressure: 3 }),
    metric: broken,
    expected: 'up',
    group: 'pauses',
  },
  {
    id: 'V12',
    expectation: 'More competitive pressure means more quiet loosening',
    source: 'Seeds: revisions that loosened commitments under pressure',
    setting: 'anthropic-rsp, competitive pressure 1 → 3',
    a: RSP,
    b: rsp({ competitivePressure: 3 }),
    metric: quietRevisions,
    expected: 'up',
    group: 'pauses',
  },
  {
    id: 'V13',
    expectation: 'Binding commitments mean fewer catastrophes',
    source: 'Seeds: voluntary policies "lack enforcement mechanisms"; Seoul commitments (2024)',
    setting: 'anthropic-rsp, share of labs bound 0 → 1',
    a: RSP,
    b: rsp({ bindingShare: 1 }),
    metric: catastrophe,
    expected: 'down',
    group: 'pauses',
  },
  {
    id: 'V14',
    expectation: 'Binding commitments mean fewer broken commitments',
    source: 'Seeds: voluntary policies "lack enforcement mechanisms"',
    setting: 'anthropic-rsp, share of labs bound 0 → 1',
    a: RSP,
    b: rsp({ bindingShare: 1 }),
    metric: broken,
    expected: 'down',
    group: 'pauses',
  },
  {
    id: 'V15',
    expectation: 'A pause agreement the racer is inside means fewer catastrophes',
    source: 'DeepMind FSF v2: some mitigations work only if adopted widely; RSP v3.0 rationale',
    setting: 'coordinated-pause, agreement membership 0 → all four labs (racer inside)',
    a: { scenario: 'coordinated-pause', settings: { pauseMembership: 0 } },
    b: { scenario: 'coordinated-pause', settings: { pauseMembership: 1 } },
    metric: catastrophe,
    expected: 'down',
    group: 'pauses',
  },
  {
    id: 'V16',
    expectation: 'A pause agreement without the racer makes its members pause',
    source: 'Conditional pause agreements (DeepMind FSF v2; the seeds)',
    setting: 'coordinated-pause, agreement membership 0 → the first three labs (racer outside)',
    a: { scenario: 'coordinated-pause', settings: { pauseMembership: 0 } },
    b: { scenario: 'coordinated-pause', settings: { pauseMembership: 0.75 } },
    metric: agreementPause,
    expected: 'up',
    group: 'pauses',
  },
  {
    id: 'V17',
    expectation: 'A pause agreement without the racer hands the racer market share',
    source: 'RSP v3.0 rationale: unilateral pauses do not help if others race on',
    setting: 'coordinated-pause, agreement membership 0 → the first three labs (racer outside)',
    a: { scenario: 'coordinated-pause', settings: { pauseMembership: 0 } },
    b: { scenario: 'coordinated-pause', settings: { pauseMembership: 0.75 } },
    metric: finalShare('vantage', 'Vantage (race-to-deploy)'),
    expected: 'up',
    group: 'pauses',
  },
  {
    id: 'V18',
    expectation: 'A careful lab pausing alone loses market share',
    source: 'RSP v3.0 rationale: a unilateral pause hands the lead to rivals',
    setting: 'anthropic-rsp, Aster (safety-first) pauses from quarter 5',
    a: RSP,
    b: { scenario: 'anthropic-rsp', labs: { aster: { pauseFrom: 5 } } },
    metric: finalShare('aster', 'Aster'),
    expected: 'down',
    group: 'pauses',
  },
  {
    id: 'V19',
    expectation: 'A careful lab pausing alone hands the lead to the racer',
    source: 'RSP v3.0 rationale; Armstrong, Bostrom & Shulman (2016)',
    setting: 'anthropic-rsp, Aster (safety-first) pauses from quarter 5',
    a: RSP,
    b: { scenario: 'anthropic-rsp', labs: { aster: { pauseFrom: 5 } } },
    metric: leads('vantage', 'Vantage (race-to-deploy)'),
    expected: 'up',
    group: 'pauses',
  },
  {
    id: 'V20',
    expectation: 'A careful lab pausing alone lowers total risk only by its own share of it',
    source: 'RSP v3.0 rationale (unilateral pauses do not help if others race on)',
    setting: 'anthropic-rsp, Aster (safety-first) pauses from quarter 5',
    a: RSP,
    b: { scenario: 'anthropic-rsp', labs: { aster: { pauseFrom: 5 } } },
    metric: catastrophe,
    expected: 'down',
    group: 'pauses',
  },
  {
    id: 'V21',
    expectation: 'The racer pausing lowers catastrophe',
    source: 'Armstrong, Bostrom & Shulman (2016): the least careful team sets the risk',
    setting: 'anthropic-rsp, Vantage (race-to-deploy) pauses from quarter 5',
    a: RSP,
    b: { scenario: 'anthropic-rsp', labs: { vantage: { pauseFrom: 5 } } },
    metric: catastrophe,
    expected: 'down',
    group: 'pauses',
  },
  {
    id: 'V22',
    expectation: 'More information about rivals means more risk where labs are close',
    source:
      'Armstrong, Bostrom & Shulman (2016): information raises risk when capability matters little',
    setting: 'anthropic-rsp (labs start close), information none → published evals',
    a: rsp({ information: 0 }),
    b: rsp({ information: 2 }),
    metric: catastrophe,
    expected: 'up',
    group: 'pauses',
  },
  {
    id: 'V23',
    expectation:
      'The competitor clause needs information: with announcements, more public loosening',
    source:
      'OpenAI Preparedness Framework v2: adjust only after confirming a rival released a high-risk system',
    setting: 'openai-preparedness, information none → announcements',
    a: { scenario: 'openai-preparedness', settings: { information: 0 } },
    b: { scenario: 'openai-preparedness', settings: { information: 1 } },
    metric: publicRevisions,
    expected: 'up',
    group: 'pauses',
  },
  // ---------------------------------------------------------------- risk, safeguards, regulation
  {
    id: 'V24',
    expectation: 'Costlier safeguards mean more catastrophes',
    source:
      'Required safeguards (RSP v2); OpenAI PF v2: safeguards that "sufficiently minimize" risk',
    setting: 'anthropic-rsp, safeguard cost 1 → 3',
    a: RSP,
    b: rsp({ safeguardCost: 3 }),
    metric: catastrophe,
    expected: 'up',
    group: 'risk',
  },
  {
    id: 'V25',
    expectation: 'Safeguards that decay faster mean more catastrophes',
    source: 'RAND security levels: controls need upkeep; design brief: risk from the gap',
    setting: 'anthropic-rsp, safeguard decay 0.02 → 0.08 a quarter',
    a: RSP,
    b: rsp({ safeguardDecay: 0.08 }),
    metric: catastrophe,
    expected: 'up',
    group: 'risk',
  },
  {
    id: 'V26',
    expectation:
      'A restricted release that reaches as many people as a full one means more catastrophes',
    source:
      'The frameworks\u2019 "restrict" alternative to full release (trusted users, monitoring)',
    setting: 'anthropic-rsp, restricted deployment exposure 0.3 → 1',
    a: RSP,
    b: rsp({ restrictedBreadth: 1 }),
    metric: catastrophe,
    expected: 'up',
    group: 'risk',
  },
  {
    id: 'V27',
    expectation: 'A larger misuse hazard means more catastrophes',
    source: 'Design brief: misuse risk from deployed capability beyond mitigations',
    setting: 'anthropic-rsp, misuse hazard 0.1 → 0.2',
    a: RSP,
    b: rsp({ misuseHazard: 0.2 }),
    metric: catastrophe,
    expected: 'up',
    group: 'risk',
  },
  {
    id: 'V28',
    expectation: 'A larger loss-of-control hazard means more catastrophes',
    source:
      'DeepMind FSF v3 and OpenAI PF v2 research categories (autonomy, undermining oversight)',
    setting: 'anthropic-rsp, loss-of-control hazard 0.1 → 0.2',
    a: RSP,
    b: rsp({ lossOfControlHazard: 0.2 }),
    metric: catastrophe,
    expected: 'up',
    group: 'risk',
  },
  {
    id: 'V29',
    expectation: 'A faster regulator halts more games',
    source:
      'Seeds: "whether incidents occur before regulation catches up"; EU GPAI Code, California SB 53',
    setting: 'anthropic-rsp, regulation lag 8 → 2 quarters',
    a: rsp({ regulationLag: 8 }),
    b: RSP,
    metric: moratorium,
    expected: 'up',
    group: 'risk',
  },
  {
    id: 'V30',
    expectation: 'A racer that keeps its policy instead lowers everyone\u2019s risk',
    source: 'Seeds: the race-to-deploy dynamic; Armstrong, Bostrom & Shulman (2016)',
    setting: 'anthropic-rsp, Vantage plays safety-first instead of race-to-deploy',
    a: RSP,
    b: { scenario: 'anthropic-rsp', labs: { vantage: { strategy: 'safety-first' } } },
    metric: catastrophe,
    expected: 'down',
    group: 'risk',
  },
];
