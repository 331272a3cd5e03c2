// The shape of a workshop session's own record (`extra` in the saved game), checked field by field
// against one scenario with messages that say what was expected and what was found. What the
// fields must say about each other and about the game is checked in recordChecks.ts.
import * as v from 'valibot';
import { pathOf } from '../../engine/scenario/checkValue';
import { describeValue } from '../../engine/scenario/words';
import type { PathSegment } from '../../engine/scenario/semantics';
import type { Scenario } from '../../engine/types';
import {
  COMMITMENT_KINDS,
  PIN_PATTERN,
  POLICY_DISCLOSURES,
  WORKSHOP_LIMITS,
} from '../../engine/workshop/types';

interface Problem {
  path: PathSegment[];
  message: string;
}

const got = (issue: { input: unknown }): string => `got ${describeValue(issue.input)}`;

/** Each issue as a problem at its full path below `prefix`, with the schema's own message. */
export function problemsOf(
  issues: readonly v.BaseIssue<unknown>[],
  prefix: PathSegment[],
): Problem[] {
  return issues.map((issue) => ({ path: [...prefix, ...pathOf(issue)], message: issue.message }));
}

/** The session record's schema for one scenario (lab ids, level ids and quarters it refers to). */
export function metaSchema(scenario: Scenario) {
  const labIds = scenario.labs.map((l) => l.id);
  const levelIds = scenario.levels.map((l) => l.id);
  const quoted = (ids: readonly string[]) => ids.map((id) => JSON.stringify(id)).join(', ');
  const LabId = v.picklist(
    labIds,
    (issue) =>
      `${describeValue(issue.input)} is not a lab in this scenario — expected one of ${quoted(labIds)}`,
  );
  const Bool = v.boolean((issue) => `expected true or false, ${got(issue)}`);
  const Quarter = v.pipe(
    v.number((issue) => `expected a quarter number, ${got(issue)}`),
    v.integer((issue) => `expected a whole quarter number, ${got(issue)}`),
    v.minValue(1, (issue) => `expected a quarter from 1 to ${scenario.rounds}, ${got(issue)}`),
    v.maxValue(
      scenario.rounds,
      (issue) => `expected a quarter from 1 to ${scenario.rounds}, ${got(issue)}`,
    ),
  );
  const Millis = v.pipe(
    v.number((issue) => `expected a time in milliseconds, ${got(issue)}`),
    v.finite((issue) => `expected a time in milliseconds, ${got(issue)}`),
    v.minValue(0, (issue) => `a time cannot be negative, ${got(issue)}`),
  );
  const Text = (max: number, what: string) =>
    v.pipe(
      v.string((issue) => `expected ${what} as text, ${got(issue)}`),
      v.trim(),
      v.minLength(1, `${what} cannot be empty`),
      v.maxLength(max, `${what} is longer than ${max} characters`),
    );
  const Team = v.strictObject(
    { lab: LabId, name: Text(WORKSHOP_LIMITS.teamName, 'a team name') },
    (issue) => `expected a team {lab, name}, ${got(issue)}`,
  );
  const { min: tMin, max: tMax } = WORKSHOP_LIMITS.timerSeconds;
  const Timer = v.strictObject(
    { durationMs: Millis, deadline: v.nullable(Millis), remainingMs: Millis },
    (issue) => `expected a timer {durationMs, deadline, remainingMs} or null, ${got(issue)}`,
  );
  const Terms = v.variant(
    'kind',
    [
      v.strictObject({ kind: v.literal('statement') }),
      v.strictObject({ kind: v.literal('pausePact') }),
      v.strictObject({
        kind: v.literal('noDeployAbove'),
        level: v.picklist(
          levelIds,
          (issue) =>
            `${describeValue(issue.input)} is not a level in this scenario — expected one of ${quoted(levelIds)}`,
        ),
      }),
      v.strictObject({ kind: v.literal('noQuietRevision') }),
    ],
    (issue) => `expected terms whose "kind" is one of ${quoted(COMMITMENT_KINDS)}, ${got(issue)}`,
  );
  const Commitment = v.strictObject(
    {
      id: Text(40, 'an id'),
      round: Quarter,
      until: v.nullable(Quarter),
      parties: v.pipe(
        v.array(LabId, (issue) => `expected a list of lab ids, ${got(issue)}`),
        v.minLength(1, 'a commitment binds at least one lab'),
      ),
      text: Text(WORKSHOP_LIMITS.commitmentText, 'the commitment'),
      terms: Terms,
      mark: v.nullable(
        v.picklist(
          ['kept', 'broken'],
          (issue) => `expected "kept", "broken" or null, ${got(issue)}`,
        ),
      ),
    },
    (issue) =>
      `expected a commitment {id, round, until, parties, text, terms, mark}, ${got(issue)}`,
  );
  const Inject = v.strictObject(
    {
      round: Quarter,
      event: v.unknown(),
      scripted: v.optional(
        v.pipe(
          v.number((issue) => `expected the index of a scripted event, ${got(issue)}`),
          v.integer((issue) => `expected the index of a scripted event, ${got(issue)}`),
          v.minValue(0, (issue) => `expected the index of a scripted event, ${got(issue)}`),
          v.maxValue(scenario.events.length - 1, (issue) =>
            scenario.events.length === 0
              ? `this scenario has no scripted events, ${got(issue)}`
              : `this scenario has ${scenario.events.length} scripted events (indices 0 to ${scenario.events.length - 1}), ${got(issue)}`,
          ),
        ),
      ),
    },
    (issue) => `expected an inject {round, event, scripted?}, ${got(issue)}`,
  );
  const policyIds = scenario.policies.map((p) => p.id);
  const { min: pMin, max: pMax } = WORKSHOP_LIMITS.policySeconds;
  const Draft = v.strictObject(
    {
      lab: LabId,
      template: v.picklist(
        policyIds,
        (issue) =>
          `${describeValue(issue.input)} is not a policy of this scenario — expected one of ${quoted(policyIds)}`,
      ),
      // Checked as part of the scenario it joins (parseWorkshopMeta), with the scenario's messages.
      policy: v.looseObject(
        { id: v.string((issue) => `expected the policy's id as text, ${got(issue)}`) },
        (issue) => `expected a policy object, ${got(issue)}`,
      ),
    },
    (issue) => `expected a team's draft {lab, template, policy}, ${got(issue)}`,
  );
  const PolicyStep = v.strictObject(
    {
      seconds: v.nullable(
        v.pipe(
          v.number((issue) => `expected seconds or null, ${got(issue)}`),
          v.integer((issue) => `expected whole seconds, ${got(issue)}`),
          v.minValue(pMin, (issue) => `expected ${pMin} to ${pMax} seconds, ${got(issue)}`),
          v.maxValue(pMax, (issue) => `expected ${pMin} to ${pMax} seconds, ${got(issue)}`),
        ),
      ),
      timer: v.nullable(Timer),
      disclosure: v.picklist(
        POLICY_DISCLOSURES,
        (issue) => `expected ${quoted(POLICY_DISCLOSURES)}, ${got(issue)}`,
      ),
      drafts: v.array(Draft, (issue) => `expected a list of the teams' drafts, ${got(issue)}`),
    },
    (issue) =>
      `expected the policy step {seconds, timer, disclosure, drafts} or null, ${got(issue)}`,
  );
  return v.strictObject(
    {
      // Formats 1 (before the PIN) and 2 (before the policy step) are read as format 3: see
      // migrateRecord.
      format: v.picklist(
        [1, 2, 3],
        (issue) => `expected session record format 1, 2 or 3, ${got(issue)}`,
      ),
      stage: v.picklist(
        ['setup', 'policies', 'play'],
        (issue) => `expected "setup", "policies" or "play", ${got(issue)}`,
      ),
      teams: v.pipe(
        v.array(Team, (issue) => `expected a list of teams, ${got(issue)}`),
        v.minLength(
          WORKSHOP_LIMITS.teams.min,
          `a workshop needs at least ${WORKSHOP_LIMITS.teams.min} teams`,
        ),
        v.maxLength(
          WORKSHOP_LIMITS.teams.max,
          `a workshop has at most ${WORKSHOP_LIMITS.teams.max} teams`,
        ),
      ),
      timerSeconds: v.nullable(
        v.pipe(
          v.number((issue) => `expected seconds or null, ${got(issue)}`),
          v.integer((issue) => `expected whole seconds, ${got(issue)}`),
          v.minValue(tMin, (issue) => `expected ${tMin} to ${tMax} seconds, ${got(issue)}`),
          v.maxValue(tMax, (issue) => `expected ${tMin} to ${tMax} seconds, ${got(issue)}`),
        ),
      ),
      timer: v.nullable(Timer),
      roundOpen: Bool,
      paused: Bool,
      turn: v.strictObject(
        {
          screen: v.picklist(
            ['console', 'handover', 'team', 'public'],
            (issue) => `expected "console", "handover", "team" or "public", ${got(issue)}`,
          ),
          team: v.nullable(LabId),
        },
        (issue) => `expected a turn {screen, team}, ${got(issue)}`,
      ),
      commitments: v.pipe(
        v.array(Commitment, (issue) => `expected a list of commitments, ${got(issue)}`),
        v.maxLength(
          WORKSHOP_LIMITS.commitments,
          `at most ${WORKSHOP_LIMITS.commitments} commitments`,
        ),
      ),
      injects: v.pipe(
        v.array(Inject, (issue) => `expected a list of injects, ${got(issue)}`),
        v.maxLength(WORKSHOP_LIMITS.injects, `at most ${WORKSHOP_LIMITS.injects} injects`),
      ),
      pin: v.optional(
        v.nullable(
          v.pipe(
            v.string((issue) => `expected the facilitator's PIN as text or null, ${got(issue)}`),
            v.regex(
              PIN_PATTERN,
              `a PIN is ${WORKSHOP_LIMITS.pin.min} to ${WORKSHOP_LIMITS.pin.max} digits`,
            ),
          ),
        ),
      ),
      policyStep: v.optional(v.nullable(PolicyStep)),
    },
    (issue) =>
      `expected the workshop record {format, stage, teams, timerSeconds, timer, roundOpen, paused, turn, commitments, injects, pin, policyStep}, ${got(issue)}`,
  );
}
