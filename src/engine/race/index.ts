// Public surface of the "Racing to the precipice" validation model.
export type {
  InfoRegime,
  NoInfoStrategy,
  PrivateStrategy,
  PublicOutcome,
  PublicRule,
  PublicStrategy,
  PublicWinner,
  RaceError,
  RaceParams,
  RaceScenario,
  RaceSimulation,
  SimulateOptions,
  Strategy,
} from './types';
export { DEFAULT_PUBLIC_RULE, INFO_REGIMES, PUBLIC_RULES } from './types';
export {
  MAX_RUNS,
  MAX_TEAMS,
  MAX_TEAM_RUNS,
  infoErrors,
  paramErrors,
  simulateErrors,
} from './params';
export { equilibriumSafety, publicOutcome, yieldThreshold } from './equilibrium';
export { closedFormDisaster, integratedDisaster } from './closedForm';
export { simulateRace, wilsonInterval } from './simulate';
export {
  noInfoDeviationGain,
  noInfoPayoff,
  privateDeviationGain,
  privatePayoff,
  publicDeviationGain,
  publicStackelbergSearch,
} from './verify';
export type { NashPublicRule, StackelbergSearch } from './verify';
