// The saved-game format, and the checks every saved game or shared link goes through before the
// game is rebuilt from it. A save is (scenario, seed, human seats, decision log): replaying the
// log reproduces the game exactly, so nothing else needs storing. Whatever the value, the checks
// never throw: they return a message naming what is wrong and where, e.g.
// "log[3].meridian.budget: shares must add up to 100%".

import * as v from 'valibot';
import {
  replayGame,
  type DecisionLog,
  type FiredInject,
  type GameOptions,
  type RoundDecisions,
} from '../engine/game';
import { valueDepthProblem } from '../engine/scenario/input';
import { describeValue } from '../engine/scenario/words';
import type { PathSegment } from '../engine/scenario/semantics';
import { formatPath, pathOf, validateScenarioValue } from '../engine/scenario/checkValue';
import { BUDGET_LINES, POSTURES, type GameState, type Scenario } from '../engine/types';
import {
  SAVE_KIND,
  SAVE_VERSION,
  makeSavedGame,
  type SaveResult,
  type SavedGame,
} from './savedGame';

export { SAVE_KIND, SAVE_VERSION, makeSavedGame, type SaveResult, type SavedGame };

/** Budget shares may miss 100% by this much (rounding in sliders). */
export const SHARE_TOLERANCE = 0.001;
/** Policy actions one lab can take in one quarter (far more than the UI offers). */
export const MAX_ACTIONS = 50;
export const MAX_SEED = 4294967295;

export interface Problem {
  path: PathSegment[];
  message: string;
}

// ---------------------------------------------------------------- schemas for one scenario

const got = (issue: { input: unknown }): string => `got ${describeValue(issue.input)}`;
const quoted = (ids: readonly string[]): string => ids.map((id) => JSON.stringify(id)).join(', ');

/** Schemas for the parts of a game that refer to a scenario: seats, decisions, the log. */
export function gameSchemas(scenario: Scenario) {
  const labIds = scenario.labs.map((l) => l.id);
  // A revision names a level of the lab's own ladder, which may be any policy's (issue 14).
  const levelIds = [
    ...new Set(
      [...scenario.levels, ...scenario.policies.flatMap((p) => p.levels)].map((l) => l.id),
    ),
  ];
  const domainIds = scenario.domains.map((d) => d.id);

  const LabId = v.picklist(
    labIds,
    (issue) =>
      `${describeValue(issue.input)} is not a lab in this scenario — expected one of ${quoted(labIds)}`,
  );
  const Share = v.pipe(
    v.number((issue) => `expected a budget share from 0 to 1, ${got(issue)}`),
    v.finite((issue) => `expected a budget share from 0 to 1, ${got(issue)}`),
    v.minValue(0, (issue) => `a budget share cannot be negative, ${got(issue)}`),
    v.maxValue(1, (issue) => `a budget share cannot be more than 1 (100%), ${got(issue)}`),
  );
  const Budget = v.pipe(
    v.strictObject(
      {
        capabilities: Share,
        security: Share,
        deployment: Share,
        alignment: Share,
        evals: Share,
      },
      (issue) => `expected budget shares {${BUDGET_LINES.join(', ')}}, ${got(issue)}`,
    ),
    v.check(
      (budget) =>
        Math.abs(BUDGET_LINES.reduce((sum, line) => sum + budget[line], 0) - 1) <= SHARE_TOLERANCE,
      'shares must add up to 100%',
    ),
  );
  const Bool = v.boolean((issue) => `expected true or false, ${got(issue)}`);
  const actionObject = <T extends v.ObjectEntries>(entries: T) =>
    v.strictObject(entries, (issue) => `expected a policy action object, ${got(issue)}`);
  const Action = v.variant(
    'kind',
    [
      actionObject({
        kind: v.literal('reviseThreshold'),
        levelId: v.picklist(
          levelIds,
          (issue) =>
            `${describeValue(issue.input)} is not a level in this scenario — expected one of ${quoted(levelIds)}`,
        ),
        domain: v.picklist(
          domainIds,
          (issue) =>
            `${describeValue(issue.input)} is not a domain in this scenario — expected one of ${quoted(domainIds)}`,
        ),
        to: v.pipe(
          v.number((issue) => `expected a threshold from 0 to 1, ${got(issue)}`),
          v.finite((issue) => `expected a threshold from 0 to 1, ${got(issue)}`),
          v.minValue(0, (issue) => `expected a threshold from 0 to 1, ${got(issue)}`),
          v.maxValue(1, (issue) => `expected a threshold from 0 to 1, ${got(issue)}`),
        ),
        publicly: Bool,
      }),
      actionObject({ kind: v.literal('inviteAudit') }),
      actionObject({ kind: v.literal('joinPauseAgreement') }),
      actionObject({ kind: v.literal('leavePauseAgreement') }),
      actionObject({ kind: v.literal('publishEvals'), publish: Bool }),
    ],
    (issue) =>
      `expected a policy action (kind "reviseThreshold", "inviteAudit", "joinPauseAgreement", "leavePauseAgreement" or "publishEvals"), ${got(issue)}`,
  );
  const Decision = v.strictObject(
    {
      posture: v.picklist(
        POSTURES,
        (issue) => `expected "pause", "restrict" or "deploy", ${got(issue)}`,
      ),
      budget: Budget,
      actions: v.pipe(
        v.array(Action, (issue) => `expected a list of policy actions, ${got(issue)}`),
        v.maxLength(MAX_ACTIONS, `at most ${MAX_ACTIONS} policy actions per quarter`),
      ),
    },
    (issue) => `expected a decision {posture, budget, actions}, ${got(issue)}`,
  );
  const Decisions = v.record(
    LabId,
    Decision,
    (issue) => `expected an object of decisions by lab id, ${got(issue)}`,
  );
  const Seed = v.pipe(
    v.number((issue) => `expected a whole number seed, ${got(issue)}`),
    v.integer((issue) => `expected a whole number seed, ${got(issue)}`),
    v.minValue(0, (issue) => `expected a seed from 0 to ${MAX_SEED}, ${got(issue)}`),
    v.maxValue(MAX_SEED, (issue) => `expected a seed from 0 to ${MAX_SEED}, ${got(issue)}`),
  );
  const Humans = v.pipe(
    v.array(LabId, (issue) => `expected a list of lab ids, ${got(issue)}`),
    v.check((ids) => new Set(ids).size === ids.length, 'a lab is listed twice'),
  );
  const Log = v.pipe(
    v.array(Decisions, (issue) => `expected a list of quarters' decisions, ${got(issue)}`),
    v.maxLength(
      scenario.rounds,
      (issue) =>
        `the scenario has ${scenario.rounds} quarters, but the log has ${(issue.input as unknown[]).length}`,
    ),
  );
  return { Seed, Humans, Decision, Decisions, Log };
}

// ---------------------------------------------------------------- problems → one message

/**
 * The issue's message in plain words. Our schemas give their own messages; what is left is
 * valibot's default for a missing key ("Invalid key: Expected "seed" but received undefined"),
 * said here as "missing".
 */
export function plainIssueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.type === 'object' && issue.received === 'undefined') {
    return 'missing';
  }
  return issue.message;
}

export function problemsOf(
  issues: readonly v.BaseIssue<unknown>[],
  prefix: PathSegment[],
): Problem[] {
  return issues.map((issue) => ({
    path: [...prefix, ...pathOf(issue)],
    message: plainIssueMessage(issue),
  }));
}

/** The first problem with its place, and how many more there are. */
export function problemMessage(problems: readonly Problem[]): string {
  const first = problems[0];
  if (!first) return 'this value is not valid';
  const text = `${formatPath(first.path)}: ${first.message}`;
  const more = problems.length - 1;
  return more > 0 ? `${text} (and ${more} more problem${more === 1 ? '' : 's'})` : text;
}

// ---------------------------------------------------------------- the game itself

/** What else a replay needs besides the log: live injects, the game's length, who plays. */
export interface ReplayOptions {
  injects?: readonly FiredInject[];
  length?: Pick<GameOptions, 'rounds' | 'endAfter'>;
  mode?: 'game' | 'workshop';
}

/**
 * Checks that need the whole game: every resolved quarter has a decision for every human seat,
 * decisions only for human seats, and the log replays without error to exactly its length.
 * `where` names the log and pending decisions in messages. The replayed game, when it plays.
 */
export function replayChecked(
  scenario: Scenario,
  seed: number,
  humans: readonly string[],
  log: DecisionLog,
  pending: RoundDecisions | null,
  where: { log: PathSegment[]; pending: PathSegment[] },
  { injects = [], length = {}, mode = 'game' }: ReplayOptions = {},
): { ok: true; state: GameState } | { ok: false; message: string } {
  const problems = seatProblems(humans, log, pending, where, mode);
  if (problems.length > 0) return { ok: false, message: problemMessage(problems) };
  try {
    const options = { seed, humans: [...humans], ...length };
    const state = replayGame(scenario, options, log, Infinity, injects);
    if (state.history.length !== log.length) {
      return {
        ok: false,
        message: `${formatPath(where.log)}: the game ended after quarter ${state.history.length}, but the log has ${log.length} quarters`,
      };
    }
    return { ok: true, state };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `${formatPath(where.log)}: the game could not be replayed (${detail})`,
    };
  }
}

/** `replayChecked`'s problem, or null when the log plays. */
export function checkPlayable(...args: Parameters<typeof replayChecked>): string | null {
  const result = replayChecked(...args);
  return result.ok ? null : result.message;
}

/** The game's length in a setup: quarters to play, and the quarter "end now" made the last. */
function lengthSchema(scenario: Scenario) {
  const quarter = (what: string) =>
    v.pipe(
      v.number((issue) => `expected ${what} from 1 to ${scenario.rounds}, ${got(issue)}`),
      v.integer((issue) => `expected ${what} from 1 to ${scenario.rounds}, ${got(issue)}`),
      v.minValue(1, (issue) => `expected ${what} from 1 to ${scenario.rounds}, ${got(issue)}`),
      v.maxValue(
        scenario.rounds,
        (issue) =>
          `the scenario has ${scenario.rounds} quarters, so ${what} cannot be ${describeValue(issue.input)}`,
      ),
    );
  return {
    rounds: v.optional(quarter('a number of quarters')),
    endAfter: v.optional(quarter('the last quarter')),
  };
}

/**
 * Every logged quarter has a decision for each human-held seat, and only those seats decide.
 * In a workshop the seats are held by teams, and the messages say so.
 */
export function seatProblems(
  humans: readonly string[],
  log: DecisionLog,
  pending: RoundDecisions | null,
  where: { log: PathSegment[]; pending: PathSegment[] },
  mode: 'game' | 'workshop',
): Problem[] {
  const holder = mode === 'game' ? 'human' : 'team';
  const problems: Problem[] = [];
  const onlyHumans = (decisions: RoundDecisions, path: PathSegment[]) => {
    for (const lab of Object.keys(decisions)) {
      if (!humans.includes(lab)) {
        problems.push({
          path: [...path, lab],
          message: `this lab is played by a bot in this ${mode}, so it has no ${holder} decisions`,
        });
      }
    }
  };
  log.forEach((decisions, index) => {
    for (const lab of humans) {
      if (!(lab in decisions)) {
        problems.push({
          path: [...where.log, index],
          message: `no decision for ${JSON.stringify(lab)}, whose seat a ${holder} holds`,
        });
      }
    }
    onlyHumans(decisions, [...where.log, index]);
  });
  if (pending) onlyHumans(pending, where.pending);
  return problems;
}

/**
 * A workshop keeps the injects its facilitator fired in `extra.injects` (validated in full by
 * workshopSession.ts); the replay needs them, since an inject can change how a game ends. A
 * malformed entry makes the replay fail, which is reported like any unplayable log.
 */
function liveInjects(extra: Record<string, unknown> | undefined): FiredInject[] {
  const injects = extra?.injects;
  return Array.isArray(injects) ? (injects as FiredInject[]) : [];
}

/** A scenario carried inside a save or link: the first problem, with its path under `prefix`. */
export function checkEmbeddedScenario(
  value: unknown,
  prefix: PathSegment[],
): { ok: true; scenario: Scenario } | { ok: false; message: string } {
  const result = validateScenarioValue(value);
  if (result.ok) return result;
  const [first] = result.errors;
  const place = first && first.path !== '(file)' ? `.${first.path}`.replace('.[', '[') : '';
  const more = result.errors.length - 1;
  const text = `${formatPath(prefix)}${place}: ${first?.message ?? 'not a valid scenario'}`;
  return {
    ok: false,
    message: more > 0 ? `${text} (and ${more} more problem${more === 1 ? '' : 's'})` : text,
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The steps of a quarter a solo save may resume at (anything else resumes at the decision). */
export const SOLO_STEPS = ['briefing', 'evaluation', 'decisions', 'resolution', 'debrief'] as const;

/**
 * A solo save's optional parts, each checked before use: `ghostLog` (the path the player rewound
 * from, drawn as a ghost line: it must replay like any log) and `step` (where in the quarter the
 * player was). A malformed part is dropped with a message naming it; other keys are kept as they
 * are (nothing here reads them). Never throws.
 */
export function soloExtra(
  value: unknown,
  scenario: Scenario,
  seed: number,
  humans: readonly string[],
): { extra: Record<string, unknown> | undefined; dropped: string[] } {
  if (value === undefined) return { extra: undefined, dropped: [] };
  if (!isObject(value)) {
    return {
      extra: undefined,
      dropped: [
        `extra: expected an object, got ${describeValue(value)}; it was dropped (it held only the rewound path and the step of the quarter)`,
      ],
    };
  }
  const extra: Record<string, unknown> = { ...value };
  const dropped: string[] = [];
  if ('ghostLog' in extra) {
    const problem = ghostLogProblem(extra.ghostLog, scenario, seed, humans);
    if (problem) {
      delete extra.ghostLog;
      dropped.push(`${problem}; the path you rewound from was dropped`);
    }
  }
  if ('step' in extra && !(SOLO_STEPS as readonly unknown[]).includes(extra.step)) {
    dropped.push(
      `extra.step: expected one of ${quoted(SOLO_STEPS)}, got ${describeValue(extra.step)}; it was dropped, so the quarter opens at your decision`,
    );
    delete extra.step;
  }
  return { extra, dropped };
}

function ghostLogProblem(
  value: unknown,
  scenario: Scenario,
  seed: number,
  humans: readonly string[],
): string | null {
  const { Log } = gameSchemas(scenario);
  const parsed = v.safeParse(Log, value);
  if (!parsed.success) return problemMessage(problemsOf(parsed.issues, ['extra', 'ghostLog']));
  return checkPlayable(scenario, seed, humans, parsed.output as DecisionLog, null, {
    log: ['extra', 'ghostLog'],
    pending: [],
  });
}

/**
 * Read a saved game (already parsed from JSON). Checks the whole shape, the scenario, every
 * decision against the scenario, and that the log replays. Never throws.
 */
export function parseSavedGame(value: unknown): SaveResult {
  try {
    const deep = valueDepthProblem(value);
    if (deep) return { ok: false, message: `this is not a Threshold saved game: ${deep}` };
    if (!isObject(value) || value.kind !== SAVE_KIND) {
      return { ok: false, message: 'this is not a Threshold saved game' };
    }
    if (value.version !== SAVE_VERSION) {
      const version = describeValue(value.version);
      const older = typeof value.version === 'number' && value.version < SAVE_VERSION;
      return {
        ok: false,
        message: `version: this save was made by ${older ? 'an older' : typeof value.version === 'number' ? 'a newer' : 'an unknown'} version of Threshold (save format ${version}); this version reads format ${SAVE_VERSION}`,
      };
    }
    const setup = value.setup;
    if (!isObject(setup)) {
      return {
        ok: false,
        message: `setup: expected an object {scenario, seed, humans}, got ${describeValue(setup)}`,
      };
    }
    const scenarioResult = checkEmbeddedScenario(setup.scenario, ['setup', 'scenario']);
    if (!scenarioResult.ok) return scenarioResult;
    const scenario = scenarioResult.scenario;

    const { Seed, Humans, Decisions, Log } = gameSchemas(scenario);
    const Save = v.object({
      kind: v.literal(SAVE_KIND),
      version: v.literal(SAVE_VERSION),
      savedAt: v.string((issue) => `expected the date and time of the save as text, ${got(issue)}`),
      mode: v.picklist(
        ['solo', 'workshop'],
        (issue) => `expected "solo" or "workshop", ${got(issue)}`,
      ),
      setup: v.object({
        scenario: v.unknown(),
        seed: Seed,
        humans: Humans,
        ...lengthSchema(scenario),
      }),
      log: Log,
      pending: Decisions,
      autoResolve: v.boolean((issue) => `expected true or false, ${got(issue)}`),
      // Checked below: a solo save's extra holds only optional parts, dropped if malformed.
      extra: v.optional(v.unknown()),
    });
    const parsed = v.safeParse(Save, value);
    if (!parsed.success)
      return { ok: false, message: problemMessage(problemsOf(parsed.issues, [])) };
    const out = parsed.output;
    const log = out.log as DecisionLog;
    const pending = out.pending as RoundDecisions;
    let extra: Record<string, unknown> | undefined;
    const dropped: string[] = [];
    if (out.mode === 'solo') {
      const solo = soloExtra(out.extra, scenario, out.setup.seed, out.setup.humans);
      extra = solo.extra;
      dropped.push(...solo.dropped);
    } else if (out.extra !== undefined) {
      // A workshop's record is checked in full by workshopSession.ts.
      if (!isObject(out.extra)) {
        return { ok: false, message: `extra: expected an object, got ${describeValue(out.extra)}` };
      }
      extra = out.extra;
    }
    const { rounds, endAfter } = out.setup;
    const length = {
      ...(rounds !== undefined ? { rounds } : {}),
      ...(endAfter !== undefined ? { endAfter } : {}),
    };
    if (endAfter !== undefined && endAfter > (rounds ?? scenario.rounds)) {
      return {
        ok: false,
        message: `setup.endAfter: the game was set to ${rounds ?? scenario.rounds} quarters, so it cannot end after quarter ${endAfter}`,
      };
    }
    const unplayable = checkPlayable(
      scenario,
      out.setup.seed,
      out.setup.humans,
      log,
      pending,
      { log: ['log'], pending: ['pending'] },
      { injects: liveInjects(extra), length },
    );
    if (unplayable) return { ok: false, message: unplayable };
    const save: SavedGame = {
      kind: SAVE_KIND,
      version: SAVE_VERSION,
      savedAt: out.savedAt,
      mode: out.mode,
      setup: { scenario, seed: out.setup.seed, humans: out.setup.humans, ...length },
      log,
      pending,
      autoResolve: out.autoResolve,
      ...(extra ? { extra } : {}),
    };
    return dropped.length > 0 ? { ok: true, save, dropped } : { ok: true, save };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `the save could not be checked (${detail})` };
  }
}
