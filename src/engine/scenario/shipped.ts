// Reading a scenario that ships with the game. Every shipped file is checked in full before it
// ships: the build refuses one that does not validate (vite.config.ts, shippedScenarioCheck) and
// tests/engine/scenario/shipped.test.ts reads each with the full validator and checks this
// reader gives the same scenario. So at run time a shipped file is only parsed, given the defaults
// a file may leave out (defaults.ts, the table the schema uses), put in the schema's key order
// (keyOrder.ts) and resolved, without the schema, valibot or the semantic checks.
// Anything unexpected (a file that is not JSON, not an object, or that resolving trips on) is
// null: the caller then reads that file with the full validator, whose messages say what is wrong.

import { POLICY_DEFAULTS, POLICY_EVALUATION_DEFAULTS, SCENARIO_DEFAULTS } from './defaults';
import type { ScenarioResult } from './issue';
import { inKeyOrder } from './keyOrder';
import { SCENARIO_KEY_ORDER } from './scenarioKeyOrder';
import { resolveScenario } from './resolve';
import type { ScenarioInput } from './schema';

/** A checked shipped file's scenario, or null when only the full validator can say more. */
export function readShippedScenario(text: string): ScenarioResult | null {
  try {
    const value: unknown = JSON.parse(text);
    if (!isScenarioShaped(value)) return null;
    const ordered = inKeyOrder(withDefaults(value), SCENARIO_KEY_ORDER) as ScenarioInput;
    return { ok: true, ...resolveScenario(ordered) };
  } catch {
    return null;
  }
}

/** The fields resolving reads without looking: enough to never resolve a stray JSON value. */
function isScenarioShaped(value: unknown): value is ScenarioInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    Array.isArray(v.labs) &&
    typeof v.evaluation === 'object' &&
    v.evaluation !== null &&
    (v.policies === undefined || Array.isArray(v.policies))
  );
}

/** The file with what it left out filled in, as the schema would (inKeyOrder puts them in place). */
function withDefaults(input: ScenarioInput): ScenarioInput {
  return {
    ...input,
    information: input.information ?? SCENARIO_DEFAULTS.information,
    dynamics: input.dynamics ?? {},
    events: input.events ?? [],
    ...(input.policies && {
      policies: input.policies.map((policy) => ({
        ...policy,
        evaluation: {
          ...policy.evaluation,
          ...missing(policy.evaluation, POLICY_EVALUATION_DEFAULTS),
        },
        ...missing(policy, POLICY_DEFAULTS),
      })),
    }),
  };
}

/** The defaults for the fields `value` does not have. */
function missing<D extends object>(value: object, defaults: D): Partial<D> {
  return Object.fromEntries(
    Object.entries(defaults).filter(([key]) => !(key in value)),
  ) as Partial<D>;
}
