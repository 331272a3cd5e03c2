// A request to create a room (POST /api/rooms), read into a workshop setup that the room starts
// (roomFlow.ts sends the workshop machine's `start`, as the browser's setup form does). The setup
// goes through the same checks the setup form uses (seats.ts: teams, names, timer;
// sessionDraft.ts: the length) and the record through the session-file checks, so a room the
// server creates is one the app could have saved. Never throws: a bad request gets one message
// naming what is wrong.

import { randomInt } from 'node:crypto';
import * as v from 'valibot';
import { describeValue } from '../engine/scenario/schema';
import type { Scenario } from '../engine/types';
import { initialMeta } from '../engine/workshop/flow';
import { draftProblems, setupFromDraft } from '../engine/workshop/seats';
import {
  policySecondsOf,
  sessionDraftProblems,
  withQuarters,
} from '../engine/workshop/sessionDraft';
import { firstDrafts } from '../engine/workshop/teamPolicies';
import { pauseTimer, startTimer } from '../engine/workshop/timer';
import { PIN_PATTERN, POLICY_DISCLOSURES, WORKSHOP_LIMITS } from '../engine/workshop/types';
import { checkEmbeddedScenario, gameSchemas, problemMessage, problemsOf } from '../lib/saveFormat';
import { makeWorkshopSave, parseWorkshopSession } from '../lib/workshopSession';
import type { RoomRecord } from './roomFlow';

/** The decision timer when the request names none (as the setup form's default). */
export const DEFAULT_TIMER_SECONDS = 300;

const got = (issue: { input: unknown }): string => `got ${describeValue(issue.input)}`;

const RequestSchema = v.strictObject(
  {
    scenario: v.union(
      [v.pipe(v.string(), v.maxLength(200)), v.record(v.string(), v.unknown())],
      (issue) => `expected a shipped scenario's id or a scenario's contents, ${got(issue)}`,
    ),
    teams: v.pipe(
      v.array(
        v.strictObject(
          {
            name: v.string((issue) => `expected a team name as text, ${got(issue)}`),
            labName: v.optional(v.string((issue) => `expected a lab name as text, ${got(issue)}`)),
          },
          (issue) => `expected a team {name, labName?}, ${got(issue)}`,
        ),
        (issue) => `expected a list of teams, ${got(issue)}`,
      ),
      v.maxLength(
        WORKSHOP_LIMITS.teams.max,
        `a workshop has at most ${WORKSHOP_LIMITS.teams.max} teams`,
      ),
    ),
    seed: v.optional(v.unknown()),
    timerSeconds: v.optional(
      v.nullable(v.number((issue) => `expected seconds or null, ${got(issue)}`)),
    ),
    quarters: v.optional(
      v.pipe(
        v.number((issue) => `expected a number of quarters, ${got(issue)}`),
        v.integer((issue) => `expected a whole number of quarters, ${got(issue)}`),
        v.minValue(1, (issue) => `expected at least 1 quarter, ${got(issue)}`),
      ),
    ),
    pin: v.optional(
      v.pipe(
        v.string((issue) => `expected the PIN as text, ${got(issue)}`),
        v.regex(
          PIN_PATTERN,
          `a PIN is ${WORKSHOP_LIMITS.pin.min} to ${WORKSHOP_LIMITS.pin.max} digits`,
        ),
      ),
    ),
    policyStep: v.optional(
      v.strictObject(
        {
          minutes: v.nullable(
            v.number((issue) => `expected the writing time in minutes or null, ${got(issue)}`),
          ),
          disclosure: v.picklist(
            POLICY_DISCLOSURES,
            (issue) => `expected "asWritten" or "all", ${got(issue)}`,
          ),
        },
        (issue) => `expected a policy step {minutes, disclosure}, ${got(issue)}`,
      ),
    ),
  },
  (issue) =>
    `expected a room {scenario, teams, seed?, timerSeconds?, quarters?, pin?, policyStep?}, ${got(issue)}`,
);

const stoppedTimer = (seconds: number | null) =>
  seconds === null ? null : pauseTimer(startTimer(seconds, 0), 0);

export type RoomRequestResult = { ok: true; record: RoomRecord } | { ok: false; message: string };

/** Read a create-room request; `shipped` are the scenarios the server ships. */
export function readRoomRequest(
  value: unknown,
  shipped: readonly Scenario[],
  randomSeed: () => number = () => randomInt(0, 1_000_000),
): RoomRequestResult {
  const parsed = v.safeParse(RequestSchema, value);
  if (!parsed.success) return { ok: false, message: problemMessage(problemsOf(parsed.issues, [])) };
  const request = parsed.output;
  let scenario: Scenario;
  if (typeof request.scenario === 'string') {
    const found = shipped.find((s) => s.id === request.scenario);
    if (!found) {
      return {
        ok: false,
        message: `scenario: no shipped scenario is called ${JSON.stringify(request.scenario)} — expected one of ${shipped.map((s) => JSON.stringify(s.id)).join(', ')}, or a scenario's contents`,
      };
    }
    scenario = found;
  } else {
    const checked = checkEmbeddedScenario(request.scenario, ['scenario']);
    if (!checked.ok) return checked;
    scenario = checked.scenario;
  }
  const { Seed } = gameSchemas(scenario);
  const seed = v.safeParse(Seed, request.seed ?? randomSeed());
  if (!seed.success)
    return { ok: false, message: problemMessage(problemsOf(seed.issues, ['seed'])) };
  if (request.quarters !== undefined && request.quarters > scenario.rounds) {
    return {
      ok: false,
      message: `quarters: this scenario has ${scenario.rounds} quarters, so a workshop can play at most that many (got ${request.quarters})`,
    };
  }
  const draft = {
    scenario,
    teams: request.teams.map((t) => ({ name: t.name, labName: t.labName ?? '' })),
    timerSeconds: request.timerSeconds === undefined ? DEFAULT_TIMER_SECONDS : request.timerSeconds,
    seed: seed.output,
  };
  const problems = draftProblems(draft);
  if (problems.length > 0) {
    return { ok: false, message: problems.map((p) => p.message).join(' ') };
  }
  const { setup, teams } = setupFromDraft(draft);
  // The length as the setup form records it (the game's `rounds`), so a room of 4 quarters plays
  // exactly as a browser session of 4 quarters on the same seed.
  const quarters = request.quarters ?? null;
  const step = request.policyStep;
  const stepProblem = step
    ? sessionDraftProblems({ quarters, pin: request.pin ?? '', policyStep: step }, scenario).find(
        (p) => p.field === 'policyMinutes',
      )
    : undefined;
  if (stepProblem) return { ok: false, message: `policyStep.minutes: ${stepProblem.message}` };
  const meta = { ...initialMeta(teams, draft.timerSeconds), pin: request.pin ?? null };
  const record: RoomRecord = {
    setup: withQuarters(setup, { quarters, pin: '' }),
    log: [],
    pending: {},
    // With the policy step the room starts in it: each team's draft a copy of its lab's policy.
    // The writing timer waits, full, for the console to start it once the teams have joined.
    meta: step
      ? {
          ...meta,
          stage: 'policies',
          policyStep: {
            seconds: policySecondsOf(step),
            timer: stoppedTimer(policySecondsOf(step)),
            disclosure: step.disclosure,
            drafts: firstDrafts(scenario, teams),
          },
        }
      : meta,
  };
  // The session-file checks, so every room is one the app itself could open.
  const session = parseWorkshopSession(makeWorkshopSave(record));
  return session.ok ? { ok: true, record: session.session } : session;
}
