// The model's parameters in words: what each stands for, where its value comes from, its range.
// Apart from parameters.ts (the values the engine reads) so that playing a game does not fetch
// this text: the validator, the Explorer and MODEL.md read it.
import type { DynamicsParams } from './types';

/** What a parameter stands for and where its value comes from; rendered in MODEL.md and the explorer. */
export interface ParameterDoc {
  meaning: string;
  source: string;
  min: number;
  max: number;
}

const PLAY = 'Chosen for play (invented; tuned so a 20-round game crosses one or two levels).';

export const PARAMETER_DOCS: Record<keyof DynamicsParams, ParameterDoc> = {
  growthRate: {
    meaning:
      'Capability gained per quarter by a lab spending half its budget on capabilities, times the remaining headroom (1 − capability).',
    source: `${PLAY} Shape follows the frameworks' premise that capability rises steadily with effective compute.`,
    min: 0,
    max: 0.3,
  },
  breakthroughChance: {
    meaning: 'Chance per quarter per scaling lab of an algorithmic breakthrough.',
    source: `${PLAY} Stands for the "6 months of accumulated post-training improvement" that RSP v2 treats as a trigger.`,
    min: 0,
    max: 0.5,
  },
  breakthroughMultiplier: {
    meaning: "Multiplier on a breakthrough quarter's capability growth.",
    source: PLAY,
    min: 1,
    max: 10,
  },
  safeguardRate: {
    meaning:
      'Readiness gained per quarter per unit of budget share on a safeguard track, times (1 − readiness). Lower = costlier safeguards.',
    source: `${PLAY} Safeguards take sustained investment and time (RSP v2 safeguards assessment).`,
    min: 0,
    max: 5,
  },
  safeguardDecay: {
    meaning:
      'Share of readiness every safeguard track loses each quarter (staff leave, attacks improve, controls go stale); spending on a track must outpace it.',
    source: PLAY,
    min: 0,
    max: 0.2,
  },
  evalLearningRate: {
    meaning:
      'How fast eval sensitivity rises with accumulated eval investment (sensitivity = base + (1 − base)·x/(1 + x), x = rate·investment/100).',
    source: `${PLAY} "Full capability elicitation" is a common element (METR 2024) and costs effort.`,
    min: 0,
    max: 5,
  },
  dangerFloor: {
    meaning: 'Capability below which a model adds no catastrophic hazard, whatever its safeguards.',
    source: `${PLAY} The frameworks treat models below the first threshold (ASL-2) as posing no meaningful catastrophic risk.`,
    min: 0,
    max: 0.9,
  },
  misuseHazard: {
    meaning:
      'Per-quarter incident probability from fully deployed, fully dangerous misuse capability with no deployment mitigations.',
    source: PLAY,
    min: 0,
    max: 1,
  },
  theftHazard: {
    meaning: 'Per-quarter chance of weight theft for a fully dangerous model with no security.',
    source: `${PLAY} Weight security is a common element; a stolen model is deployed with no safeguards.`,
    min: 0,
    max: 1,
  },
  lossOfControlHazard: {
    meaning:
      'Per-quarter incident probability from fully dangerous autonomy / oversight-undermining capability with no alignment evidence.',
    source: `${PLAY} DeepMind FSF v3 (2025) and OpenAI PF v2 research categories name these risks.`,
    min: 0,
    max: 1,
  },
  catastropheShare: {
    meaning:
      'Share of incidents from a fully dangerous model that are catastrophic (scaled by how far past the danger floor it is).',
    source: PLAY,
    min: 0,
    max: 1,
  },
  restrictedBreadth: {
    meaning:
      'Exposure of a restricted deployment relative to a full one (trusted users, monitoring).',
    source: `${PLAY} "Restrict" is the frameworks' alternative to full release.`,
    min: 0,
    max: 1,
  },
  restrictedValue: {
    meaning: 'Commercial value of a restricted deployment relative to a full one.',
    source: PLAY,
    min: 0,
    max: 1,
  },
  marketSize: {
    meaning: 'Revenue per quarter shared among labs by market share (budget units).',
    source: PLAY,
    min: 0,
    max: 1000,
  },
  baseFunding: {
    meaning:
      'Investor funding every lab receives per quarter regardless of revenue (budget units).',
    source: PLAY,
    min: 0,
    max: 1000,
  },
  competitivePressure: {
    meaning:
      'How sharply market share follows relative capability and how hard boards push when behind (1 = default).',
    source: `${PLAY} The competitive-pressure critique the seeds name; RSP v3's stated rationale.`,
    min: 0,
    max: 5,
  },
  pressureDecay: {
    meaning: 'Share of board pressure that fades each quarter.',
    source: PLAY,
    min: 0,
    max: 1,
  },
  trustRecovery: {
    meaning: 'Public trust regained per quarter without incidents.',
    source: PLAY,
    min: 0,
    max: 0.2,
  },
  regulationLag: {
    meaning: 'Quarters of low trust before a regulator acts.',
    source: `${PLAY} Binding rules followed incidents and lost trust (EU GPAI Code 2025, California SB 53 2025).`,
    min: 0,
    max: 12,
  },
  auditChance: {
    meaning:
      'Chance per quarter that a third-party evaluator audits a lab once regulation requires reporting.',
    source: `${PLAY} External evaluators: METR, UK AISI, US CAISI.`,
    min: 0,
    max: 1,
  },
  pauseAgreementMinimum: {
    meaning: 'Members needed for the conditional pause agreement to be in force.',
    source: `${PLAY} Conditional pauses only work if adopted widely (DeepMind FSF v2; RSP v3 rationale).`,
    min: 1,
    max: 8,
  },
};
