// Validated directions of the main model: evaluations (expectations V1–V5 in MODEL.md).
//
// Each check plays both arms over the same seeds (1 … n) with bots in every seat and applies the
// decision rule of decision.ts: the 99.8% paired interval of the difference must lie on the
// expected side of 0. Test names carry the measured effect and interval.

import { describe } from 'vitest';
import {
  catastrophe,
  compare,
  compareShare,
  crossedQuarters,
  crossings,
  memo,
  missed,
  playArm,
  shipped,
  unseen,
  withEvaluation,
  withSettings,
  type GameFacts,
} from './harness';
import { expectDirection, expectFlat } from './checks';

const rsp = shipped('anthropic-rsp');
const blindSpot = shipped('eval-blind-spot');
const arm = memo();

// Games per arm. Measurement checks have effects of tens of points, so 400 games are plenty;
// the catastrophe check under binding commitments needs more.
const N_MEASURE = 400;
const N_RISK = 2000;

const rspBase = (): GameFacts[] => arm('rsp', () => playArm(rsp, N_MEASURE));
const missedShare = (a: GameFacts[], b: GameFacts[]) => compareShare(a, b, missed, crossings);
const unseenShare = (a: GameFacts[], b: GameFacts[]) => compareShare(a, b, unseen, crossedQuarters);

// V1. More sensitive evals miss fewer crossings. Seeds: "a framework is only as good as the evals
// behind it: if a dangerous capability is present but the eval doesn't surface it, the threshold
// never trips"; METR's common elements: full capability elicitation.
describe('V1 eval sensitivity 0.3 → 0.9 (eval-blind-spot)', () => {
  const low = arm('blind', () => playArm(blindSpot, N_MEASURE));
  const high = arm('blind-0.9', () =>
    playArm(withSettings(blindSpot, { evalSensitivity: 0.9 }), N_MEASURE),
  );
  expectDirection('share of crossings missed at the first eval', 'down', missedShare(low, high));
  expectDirection('share of quarters past a threshold unseen', 'down', unseenShare(low, high));
});

// V2. Weaker elicitation and more sandbagging hide more crossings. Reference glossary: "weak
// elicitation understates capability"; OpenAI Preparedness Framework v2 names sandbagging as a
// research category.
describe('V2 weaker elicitation (anthropic-rsp)', () => {
  const gap = arm('gap', () => playArm(withSettings(rsp, { elicitationGap: 0.2 }), N_MEASURE));
  const sandbagging = arm('sandbagging', () =>
    playArm(withEvaluation(rsp, { sandbagging: 0.3 }), N_MEASURE),
  );
  describe('elicitation gap 0.06 → 0.2', () => {
    expectDirection('share of crossings missed', 'up', missedShare(rspBase(), gap));
    expectDirection('share of quarters past a threshold unseen', 'up', unseenShare(rspBase(), gap));
  });
  describe('sandbagging 0.05 → 0.3 per unit of autonomy', () => {
    expectDirection('share of crossings missed', 'up', missedShare(rspBase(), sandbagging));
    expectDirection(
      'share of quarters past a threshold unseen',
      'up',
      unseenShare(rspBase(), sandbagging),
    );
  });
});

// V3. Rarer evals leave crossings unseen for longer. DeepMind FSF v1: evaluations every 3 months
// of fine-tuning progress; RSP v3 lengthened the assessment interval to 6 months; METR's common
// elements: evaluation timing. The first-look share of missed crossings moves the other way (a
// later first look sees a larger overshoot): pinned here because MODEL.md says so.
describe('V3 eval cadence every quarter → every fourth quarter (anthropic-rsp)', () => {
  const quarterly = arm('cadence-1', () =>
    playArm(withSettings(rsp, { evalCadence: 1 }), N_MEASURE),
  );
  const yearly = arm('cadence-4', () => playArm(withSettings(rsp, { evalCadence: 4 }), N_MEASURE));
  expectDirection(
    'share of quarters past a threshold unseen',
    'up',
    unseenShare(quarterly, yearly),
  );
  expectDirection(
    'share of crossings missed at the first eval (documented artefact)',
    'down',
    missedShare(quarterly, yearly),
  );
});

// V4. A bigger safety buffer misses fewer crossings and, where commitments bind, holds labs back
// sooner. RSP v1's safety buffer; FSF alert thresholds; Anthropic's precautionary ASL-3
// activation (May 2025).
describe('V4 safety buffer 0.03 → 0.1 (anthropic-rsp)', () => {
  const wide = arm('buffer', () => playArm(withEvaluation(rsp, { safetyBuffer: 0.1 }), N_MEASURE));
  expectDirection('share of crossings missed', 'down', missedShare(rspBase(), wide));
  expectDirection(
    'share of quarters past a threshold unseen',
    'down',
    unseenShare(rspBase(), wide),
  );
  describe('with every commitment binding', () => {
    const binding = withSettings(rsp, { bindingShare: 1 });
    const narrow = arm('binding', () => playArm(binding, N_MEASURE));
    const wider = arm('binding-buffer', () =>
      playArm(withEvaluation(binding, { safetyBuffer: 0.1 }), N_MEASURE),
    );
    expectDirection(
      'share of lab-quarters paused',
      'up',
      compare(narrow, wider, (g) => g.pausedShare),
    );
    expectDirection(
      'quarter of the first full deployment of a top-level model',
      'up',
      compare(narrow, wider, (g) => g.topLevelDeployment),
      false,
    );
  });
});

// V5. Better evals lower the risk only where what the evals show changes what labs do. With
// binding commitments the engine holds every lab to what its evals show, so sharper evals mean
// earlier pauses and fewer catastrophes. With voluntary policies the shipped bots' behaviour
// barely depends on their evals (race-to-deploy ignores them by design; the commitment keepers
// have their safeguards ready before their evals show a crossing), so the catastrophe rate is
// flat: a documented property of the bots, pinned so that MODEL.md stays true.
describe('V5 eval sensitivity and catastrophe (eval-blind-spot)', () => {
  describe('with every commitment binding, sensitivity 0.1 → 0.9', () => {
    const binding = withSettings(blindSpot, { bindingShare: 1 });
    const low = arm('binding-0.1', () =>
      playArm(withSettings(binding, { evalSensitivity: 0.1 }), N_RISK),
    );
    const high = arm('binding-0.9', () =>
      playArm(withSettings(binding, { evalSensitivity: 0.9 }), N_RISK),
    );
    expectDirection('catastrophe', 'down', compare(low, high, catastrophe));
    expectDirection(
      'quarter of the first full deployment of a top-level model',
      'up',
      compare(low, high, (g) => g.topLevelDeployment),
      false,
    );
  });
  describe('with voluntary commitments (as written), sensitivity 0.3 → 0.9', () => {
    const low = arm('blind', () => playArm(blindSpot, N_MEASURE));
    const high = arm('blind-0.9', () =>
      playArm(withSettings(blindSpot, { evalSensitivity: 0.9 }), N_MEASURE),
    );
    expectFlat('catastrophe', 0.01, compare(low, high, catastrophe));
  });
});
