import type { DynamicsParams } from './types';

// The words for each parameter live in parameterDocs.ts (the validator, the Explorer and MODEL.md
// read them; a game does not).
export { PARAMETER_DOCS, type ParameterDoc } from './parameterDocs';

export const DEFAULT_DYNAMICS: DynamicsParams = {
  growthRate: 0.07,
  breakthroughChance: 0.05,
  breakthroughMultiplier: 3,
  safeguardRate: 1.0,
  safeguardDecay: 0.02,
  evalLearningRate: 0.6,
  dangerFloor: 0.4,
  misuseHazard: 0.1,
  theftHazard: 0.06,
  lossOfControlHazard: 0.1,
  catastropheShare: 0.25,
  restrictedBreadth: 0.3,
  restrictedValue: 0.6,
  marketSize: 120,
  baseFunding: 40,
  competitivePressure: 1,
  pressureDecay: 0.25,
  trustRecovery: 0.015,
  regulationLag: 2,
  auditChance: 0.1,
  pauseAgreementMinimum: 2,
};

export function resolveDynamics(overrides: Partial<DynamicsParams>): DynamicsParams {
  return { ...DEFAULT_DYNAMICS, ...overrides };
}
