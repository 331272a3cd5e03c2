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
export {
  MAX_POLICY_BYTES,
  POLICY_FILE_FORMAT,
  POLICY_FILE_VERSION,
  checkPolicy,
  parsePickedPolicyFile,
  parsePolicyFile,
  policyFileText,
  type PolicyResult,
} from './policyFile';
