// Scenario files: the format (schema.ts), the cross-reference rules (semantics.ts) and the
// validator everyone calls (validate.ts). Pure TypeScript; safe for the browser and Workers.

export {
  MAX_ISSUES,
  MAX_SCENARIO_BYTES,
  formatIssue,
  formatPath,
  parseScenario,
  parseScenarioFile,
  validateScenarioValue,
  type ScenarioIssue,
  type ScenarioResult,
} from './validate';
export { EFFECT_KINDS, LIMITS, ScenarioSchema } from './schema';
