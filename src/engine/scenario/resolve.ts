// From a checked file to the `Scenario` the engine plays: every lab names its policy, every
// policy is complete, and the default policy's ladder and evaluation rules are repeated at the top
// (old readers, sweeps and the debrief read them there). A file in the old format (format 1: one
// top-level ladder for every lab) becomes one policy, "scenario-policy", that says exactly what
// the old rules said: pause when training safeguards are short, no competitor clause, public.
// Such a file plays exactly as before; the note says how to update it.

import { ladderPolicy } from '../policies';
import type { LabSpec, PolicySpec, Scenario } from '../types';
import type { ScenarioInput } from './schema';

/** Id of the policy an old-format file's ladder becomes. */
export const MIGRATED_POLICY_ID = 'scenario-policy';

export const OLD_FORMAT_NOTE =
  'read in the old scenario format (one top-level "levels" ladder for every lab); it plays the same. To update it, move "levels", "evaluation.cadence" and "evaluation.safetyBuffer" into a policy in "policies" and set "schemaVersion": 2 — see scenarios/README.md, "Policies".';

export interface Resolved {
  scenario: Scenario;
  /** Things worth telling the author that are not errors (the old format was read). */
  notes: string[];
}

/** The old format's one ladder as a policy (its rules are the old engine's rules). */
function migratedPolicy(input: ScenarioInput): PolicySpec {
  return {
    ...ladderPolicy(
      input.levels ?? [],
      { cadence: input.evaluation.cadence ?? 1, safetyBuffer: input.evaluation.safetyBuffer ?? 0 },
      input.framework,
      MIGRATED_POLICY_ID,
    ),
    description: `The one ladder of "${input.title}", which every lab plays under.`,
  };
}

/** Resolve a file that has passed the schema and the semantic checks. */
export function resolveScenario(input: ScenarioInput): Resolved {
  const old = input.policies === undefined;
  const written = input.policies ?? [migratedPolicy(input)];
  const given = written.find((p) => p.id === input.defaultPolicy) ?? written[0];
  if (!given) throw new Error('a checked scenario has at least one policy');
  // A ladder, cadence or buffer at the top beside policies is the default policy's.
  const fallback: PolicySpec = old
    ? given
    : {
        ...given,
        levels: input.levels ?? given.levels,
        evaluation: {
          ...given.evaluation,
          cadence: input.evaluation.cadence ?? given.evaluation.cadence,
          safetyBuffer: input.evaluation.safetyBuffer ?? given.evaluation.safetyBuffer,
        },
      };
  const policies = written.map((p) => (p === given ? fallback : p));
  const byId = new Map(policies.map((p) => [p.id, p]));
  const labs: LabSpec[] = input.labs.map((lab) => {
    const use = lab.policy.use ?? fallback.id;
    const policy = byId.get(use) ?? fallback;
    return {
      ...lab,
      policy: {
        use,
        binding: lab.policy.binding ?? policy.binding,
        inPauseAgreement: lab.policy.inPauseAgreement,
        publishesEvals: lab.policy.publishesEvals,
      },
    };
  });
  const { $schema: _schema, schemaVersion: _version, ...rest } = input;
  const scenario: Scenario = {
    ...rest,
    policies,
    defaultPolicy: fallback.id,
    levels: fallback.levels,
    evaluation: {
      ...input.evaluation,
      cadence: fallback.evaluation.cadence,
      safetyBuffer: fallback.evaluation.safetyBuffer,
    },
    labs,
  };
  const replaced = !old && JSON.stringify(fallback) !== JSON.stringify(given);
  const notes = old ? [OLD_FORMAT_NOTE] : replaced ? [replacedNote(fallback.id)] : [];
  return { scenario, notes };
}

/** The note for a top-level ladder or evaluation rule that replaced the default policy's own. */
function replacedNote(id: string): string {
  return `"levels", "evaluation.cadence" or "evaluation.safetyBuffer" at the top of the file replace those of the default policy, "${id}" — to avoid surprises, keep them in the policy and remove them from the top.`;
}
