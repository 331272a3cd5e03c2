// The workshop session file: a saved game (src/lib/saveFormat.ts) with mode "workshop" and the
// session's own record (src/engine/workshop/types.ts) in `extra`. The same value is kept in the
// browser's storage after every action and downloaded as a file to move to another laptop; a
// saved setup (before the game starts) is the same format with an empty log.
//
// Reading one never throws: a bad file gets one message naming what is wrong and where, e.g.
// "extra.injects[0].event.effect.delta: expected a number between -1 and 1, got 5".

import * as v from 'valibot';
import type { DecisionLog, FiredInject, RoundDecisions } from '../engine/game';
import type { GameSetup } from '../engine/machines/gameMachine';
import { describeValue } from '../engine/scenario/words';
import type { PathSegment } from '../engine/scenario/semantics';
import { pathOf } from '../engine/scenario/checkValue';
import type { Scenario, ScriptedEvent } from '../engine/types';
import {
  jsonTextDepthProblem,
  readPickedFile,
  valueDepthProblem,
  type PickedFile,
} from '../engine/scenario/input';
import { validateInject } from '../engine/workshop/injects';
import { teamNameKey } from '../engine/workshop/teamNames';
import { keptSentence, sentence } from './persistence';
import { draftProblems, teamPolicyId } from '../engine/workshop/teamPolicies';
import {
  COMMITMENT_KINDS,
  PIN_PATTERN,
  POLICY_DISCLOSURES,
  type TeamPolicyDraft,
  WORKSHOP_LIMITS,
  type WorkshopMeta,
} from '../engine/workshop/types';
import {
  gameSchemas,
  makeSavedGame,
  parseSavedGame,
  problemMessage,
  replayChecked,
  SAVE_KIND,
  type SavedGame,
} from './saveFormat';

/** Where the browser keeps the workshop in progress. */
export const WORKSHOP_KEY = 'threshold:workshop';

/** Session files larger than this are refused before reading. */
export const MAX_SESSION_BYTES = 5 * 1024 * 1024;

export interface WorkshopSession {
  setup: GameSetup;
  log: DecisionLog;
  pending: RoundDecisions;
  meta: WorkshopMeta;
  savedAt: string;
}

export type SessionResult = { ok: true; session: WorkshopSession } | { ok: false; message: string };

interface Problem {
  path: PathSegment[];
  message: string;
}

const got = (issue: { input: unknown }): string => `got ${describeValue(issue.input)}`;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function problemsOf(issues: readonly v.BaseIssue<unknown>[], prefix: PathSegment[]): Problem[] {
  return issues.map((issue) => ({ path: [...prefix, ...pathOf(issue)], message: issue.message }));
}

/** The session record's schema for one scenario (lab ids, level ids and quarters it refers to). */
function metaSchema(scenario: Scenario) {
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

type OlderRecord = Omit<WorkshopMeta, 'format' | 'pin' | 'policyStep'> & {
  pin?: string | null;
  policyStep?: WorkshopMeta['policyStep'];
};

/**
 * A record of any format this version reads, as the current format: 2 added the PIN, 3 the
 * policy step (an older record has neither).
 */
function migrateRecord(record: OlderRecord): WorkshopMeta {
  return { ...record, format: 3, pin: record.pin ?? null, policyStep: record.policyStep ?? null };
}

/** What is wrong with a saved policy step, checked against the session's teams and scenario. */
function policyStepProblem(meta: WorkshopMeta, scenario: Scenario): string | null {
  const step = meta.policyStep;
  if (meta.stage !== 'policies') {
    return step === null
      ? null
      : 'extra.policyStep: only a session in its policy step (stage "policies") keeps one';
  }
  if (step === null)
    return 'extra.policyStep: a session in its policy step needs the teams’ drafts';
  const labs = meta.teams.map((t) => t.lab);
  if (step.drafts.length !== labs.length || step.drafts.some((d, i) => d.lab !== labs[i])) {
    return `extra.policyStep.drafts: one draft per team, in the teams’ order (${labs.join(', ')})`;
  }
  for (const [i, draft] of step.drafts.entries()) {
    if (draft.policy.id !== teamPolicyId(draft.lab)) {
      return `extra.policyStep.drafts[${i}].policy.id: expected ${JSON.stringify(teamPolicyId(draft.lab))}, got ${describeValue(draft.policy.id)}`;
    }
  }
  const problem = draftProblems(scenario, step.drafts as TeamPolicyDraft[])[0];
  if (problem) {
    const i = labs.indexOf(problem.lab);
    return `extra.policyStep.drafts[${i}].policy.${problem.message}`;
  }
  return null;
}

/**
 * Check the session record against its game: teams hold exactly the human seats, every inject is
 * a valid event fired in a quarter the game has reached, and the log replays (with the injects)
 * to exactly its length. `humans`, `log` and `pending` are already checked against the scenario.
 */
export function parseWorkshopMeta(
  value: unknown,
  setup: GameSetup,
  log: DecisionLog,
  pending: RoundDecisions,
): { ok: true; meta: WorkshopMeta } | { ok: false; message: string } {
  const { scenario, seed, humans } = setup;
  const parsed = v.safeParse(metaSchema(scenario), value);
  if (!parsed.success) {
    return { ok: false, message: problemMessage(problemsOf(parsed.issues, ['extra'])) };
  }
  const meta: WorkshopMeta = migrateRecord(parsed.output as OlderRecord);
  const teamLabs = meta.teams.map((t) => t.lab);
  if (teamLabs.length !== humans.length || teamLabs.some((lab, i) => humans[i] !== lab)) {
    return {
      ok: false,
      message: `extra.teams: the teams’ labs (${teamLabs.join(', ')}) must be the human seats in setup.humans (${humans.join(', ')}), in the same order`,
    };
  }
  const names = new Set<string>();
  for (const [i, team] of meta.teams.entries()) {
    const key = teamNameKey(team.name);
    if (key === '') {
      return {
        ok: false,
        message: `extra.teams[${i}].name: a team name cannot be empty (it shows no characters)`,
      };
    }
    if (names.has(key)) {
      return {
        ok: false,
        message: `extra.teams[${i}].name: two teams are called ${JSON.stringify(team.name)}`,
      };
    }
    names.add(key);
  }
  if (meta.turn.team !== null && !teamLabs.includes(meta.turn.team)) {
    return {
      ok: false,
      message: `extra.turn.team: ${JSON.stringify(meta.turn.team)} is not a team’s lab`,
    };
  }
  for (const [i, c] of meta.commitments.entries()) {
    if (c.until !== null && c.until < c.round) {
      return {
        ok: false,
        message: `extra.commitments[${i}].until: the last quarter covered (${c.until}) is before the quarter it was made (${c.round})`,
      };
    }
  }
  if (meta.stage !== 'play' && (log.length > 0 || meta.injects.length > 0)) {
    return {
      ok: false,
      message: 'extra.stage: a setup that has not started cannot have played quarters or injects',
    };
  }
  const stepProblem = policyStepProblem(meta, scenario);
  if (stepProblem) return { ok: false, message: stepProblem };
  const injects: FiredInject[] = [];
  for (const [i, inject] of meta.injects.entries()) {
    const raw: Record<string, unknown> = isObject(inject.event) ? inject.event : {};
    if (!isObject(inject.event)) {
      return {
        ok: false,
        message: `extra.injects[${i}].event: expected an event {headline, body, effect}, got ${describeValue(inject.event)}`,
      };
    }
    const checked = validateInject(scenario, {
      headline: raw.headline,
      body: raw.body,
      effect: raw.effect,
    });
    if (!checked.ok) {
      const first = checked.problems[0];
      return {
        ok: false,
        message: `extra.injects[${i}].event.${first?.path ?? ''}: ${first?.message ?? 'not a valid event'}`,
      };
    }
    const extraKeys = Object.keys(raw).filter(
      (k) => !['round', 'headline', 'body', 'effect'].includes(k),
    );
    if (extraKeys.length > 0) {
      return {
        ok: false,
        message: `extra.injects[${i}].event.${extraKeys[0]}: unknown field (an event has round, headline, body and effect)`,
      };
    }
    if (inject.round > log.length + 1) {
      return {
        ok: false,
        message: `extra.injects[${i}].round: fired in quarter ${inject.round}, but the game has only reached quarter ${log.length + 1}`,
      };
    }
    if (i > 0 && inject.round < (injects[i - 1]?.round ?? 0)) {
      return {
        ok: false,
        message: `extra.injects[${i}].round: injects are listed in the order they were fired, but quarter ${inject.round} comes after quarter ${injects[i - 1]?.round}`,
      };
    }
    const fired: FiredInject = {
      round: inject.round,
      event: { ...checked.event, round: inject.round },
    };
    if (inject.scripted !== undefined) {
      const scripted = scenario.events[inject.scripted];
      if (!scripted || !sameEvent(scripted, checked.event)) {
        return {
          ok: false,
          message: `extra.injects[${i}].scripted: the event is not the scenario’s scripted event ${inject.scripted} (“${scripted?.headline ?? ''}”)`,
        };
      }
      fired.scripted = inject.scripted;
    }
    injects.push(fired);
  }
  const { rounds, endAfter } = setup;
  const played = replayChecked(
    scenario,
    seed,
    humans,
    log,
    pending,
    { log: ['log'], pending: ['pending'] },
    {
      injects,
      mode: 'workshop',
      length: {
        ...(rounds !== undefined ? { rounds } : {}),
        ...(endAfter !== undefined ? { endAfter } : {}),
      },
    },
  );
  if (!played.ok) return played;
  if (played.state.outcome !== null && Object.keys(pending).length > 0) {
    return { ok: false, message: 'pending: the game is over, so no decisions can be waiting' };
  }
  return { ok: true, meta: { ...meta, injects } };
}

/** Two events say and do the same (their quarters aside). */
function sameEvent(a: ScriptedEvent, b: ScriptedEvent): boolean {
  return (
    a.headline === b.headline &&
    a.body === b.body &&
    JSON.stringify(a.effect) === JSON.stringify(b.effect)
  );
}

/**
 * Read a workshop session (already parsed from JSON). The saved-game part goes through the
 * saved-game checks; the log, the decisions waiting and the session record are then checked
 * together, with the live injects replayed where they were fired. Never throws.
 */
export function parseWorkshopSession(value: unknown): SessionResult {
  try {
    const deep = valueDepthProblem(value);
    if (deep) return { ok: false, message: `this is not a Threshold workshop session: ${deep}` };
    if (!isObject(value) || value.kind !== SAVE_KIND) {
      return { ok: false, message: 'this is not a Threshold workshop session file' };
    }
    if (value.mode === 'solo') {
      return {
        ok: false,
        message:
          'mode: this is a solo saved game, not a workshop session — open it from “Play solo”',
      };
    }
    // The saved-game checks, on everything but the log: the log is checked below, replayed with
    // the injects (the saved-game check replays it without them).
    const base = parseSavedGame({ ...value, log: [], pending: {} });
    if (!base.ok) return base;
    const save = base.save;
    if (save.mode !== 'workshop') {
      return { ok: false, message: 'mode: expected "workshop"' };
    }
    if (save.autoResolve) {
      return {
        ok: false,
        message:
          'autoResolve: a workshop waits for the facilitator to resolve each quarter (false)',
      };
    }
    const scenario = save.setup.scenario;
    const { Log, Decisions } = gameSchemas(scenario);
    const log = v.safeParse(Log, value.log);
    if (!log.success)
      return { ok: false, message: problemMessage(problemsOf(log.issues, ['log'])) };
    const pending = v.safeParse(Decisions, value.pending);
    if (!pending.success) {
      return { ok: false, message: problemMessage(problemsOf(pending.issues, ['pending'])) };
    }
    if (save.extra === undefined) {
      return { ok: false, message: 'extra: the workshop record (teams, timer …) is missing' };
    }
    const meta = parseWorkshopMeta(
      save.extra,
      save.setup,
      log.output as DecisionLog,
      pending.output as RoundDecisions,
    );
    if (!meta.ok) return meta;
    return {
      ok: true,
      session: {
        setup: save.setup,
        log: log.output as DecisionLog,
        pending: pending.output as RoundDecisions,
        meta: meta.meta,
        savedAt: save.savedAt,
      },
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `the session could not be checked (${detail})` };
  }
}

/** Read a session file's text: JSON first, then the session checks. Never throws. */
export function parseWorkshopText(text: string): SessionResult {
  if (typeof text !== 'string' || text.trim() === '') {
    return { ok: false, message: 'this file is empty — a session file is JSON that starts with {' };
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = jsonTextDepthProblem(source);
  if (deep) return { ok: false, message: `line ${deep.line}: ${deep.message}` };
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `this file is not valid JSON (${detail}) — was it cut short or edited by hand?`,
    };
  }
  return parseWorkshopSession(value);
}

/** Read a file the facilitator picked. Never rejects. */
export async function parseWorkshopFile(file: PickedFile): Promise<SessionResult> {
  const read = await readPickedFile(file, MAX_SESSION_BYTES, 'a session file');
  return read.ok ? parseWorkshopText(read.text) : read;
}

/** The saved-game value for a session as it stands. */
export function makeWorkshopSave(session: Omit<WorkshopSession, 'savedAt'>): SavedGame {
  return makeSavedGame({
    mode: 'workshop',
    setup: session.setup,
    log: session.log,
    pending: session.pending,
    autoResolve: false,
    extra: session.meta as unknown as Record<string, unknown>,
  });
}

/** "threshold-workshop-the-eval-blind-spot-q3.json", "…-setup.json". */
export function sessionFileName(slugged: string, meta: WorkshopMeta, quarter: number): string {
  const where = meta.stage === 'setup' ? 'setup' : `q${quarter}`;
  return `threshold-workshop-${slugged}-${where}.json`;
}

// ---------------------------------------------------------------- the browser's copy

export type WorkshopLoad =
  | { status: 'empty'; warning?: string }
  /** `recovered`: read from the set-aside copy, so the main key is empty until saved again. */
  | { status: 'ok'; session: WorkshopSession; recovered?: boolean }
  | { status: 'corrupt'; message: string; setAsideKey: string };

function readSetAside(storage: Storage | null, key: string): unknown {
  try {
    const raw = storage?.getItem(key);
    if (raw == null) return undefined;
    const envelope: unknown = JSON.parse(raw);
    return isObject(envelope) ? envelope.save : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The workshop kept in this browser. The store checks it as a saved game first; that check
 * replays the log without the live injects, so a session whose injects changed how the game went
 * can be refused — and set aside — although it is sound. Then the set-aside copy is read with the
 * workshop's own checks (which replay the injects) and, if sound, resumed and the copy removed.
 */
export function loadWorkshop(
  store: GameStoreLike,
  storage: Storage | null,
  key = WORKSHOP_KEY,
): WorkshopLoad {
  const loaded = store.load(key);
  if (loaded.status === 'empty') return loaded;
  if (loaded.status === 'ok') {
    const result = parseWorkshopSession(loaded.save);
    if (result.ok) return { status: 'ok', session: result.session };
    let aside: string | null = null;
    try {
      const raw = storage?.getItem(key);
      if (storage && raw != null) {
        const copy = `${key}:corrupt:${new Date().toISOString()}`;
        storage.setItem(copy, raw);
        aside = copy;
      }
    } catch {
      aside = null;
    }
    return {
      status: 'corrupt',
      message: `${sentence(`The saved workshop could not be resumed: ${result.message}`)} ${keptSentence(aside)}`,
      setAsideKey: aside ?? key,
    };
  }
  const result = parseWorkshopSession(readSetAside(storage, loaded.setAsideKey));
  if (result.ok) {
    try {
      if (loaded.setAsideKey !== key) storage?.removeItem(loaded.setAsideKey);
    } catch {
      // The copy stays set aside; the session is resumed all the same.
    }
    return { status: 'ok', session: result.session, recovered: true };
  }
  return loaded;
}

interface GameStoreLike {
  load(
    key: string,
  ):
    | { status: 'empty'; warning?: string }
    | { status: 'ok'; save: SavedGame }
    | { status: 'corrupt'; message: string; setAsideKey: string };
}

/**
 * Whether this browser holds a workshop that has started (for the app to open on the Workshop
 * section after a reload). A quick look at the stored value, not a full check.
 */
export function workshopInProgress(storage: Storage | null, key = WORKSHOP_KEY): boolean {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return false;
    const envelope: unknown = JSON.parse(raw);
    const save = isObject(envelope) ? envelope.save : null;
    return (
      isObject(save) &&
      save.mode === 'workshop' &&
      isObject(save.extra) &&
      (save.extra.stage === 'play' || save.extra.stage === 'policies')
    );
  } catch {
    return false;
  }
}
