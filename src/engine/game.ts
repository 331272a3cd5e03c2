import { BOTS } from './bots';
import { createLab } from './labs';
import { emptyTally, type OutcomeTally } from './outcome';
import {
  WITH_TEXT,
  fireInject,
  openRound,
  resolveQuarter,
  type PlayOptions,
  type RoundDecisions,
} from './round';
import { seedToState } from './rng';
import type { GameState, LabDecision, LabState, LabView, Scenario, ScriptedEvent } from './types';
import { labViews, quarterViews } from './view';

export type { PlayOptions, RoundDecisions } from './round';
export { WITHOUT_TEXT } from './round';

/** Human decisions, one entry per resolved round. With the scenario and seed it reproduces a game. */
export type DecisionLog = RoundDecisions[];

export interface GameOptions {
  seed: number;
  /** Labs whose seats humans hold (default: none, bots play every seat). */
  humans?: string[];
  /**
   * Quarters this game plays when fewer than the scenario's (a workshop that fits the day).
   * Bots plan to this horizon from the first quarter, so a replay must carry it.
   */
  rounds?: number;
  /**
   * The facilitator ended the game after this quarter ("end now"): from that quarter on it is
   * the last. Applied when the quarter opens, so earlier quarters play as they were played.
   */
  endAfter?: number;
}

/** The quarters a game set up with these options plans to play (before any "end now"). */
export function plannedRounds(scenario: Scenario, options: GameOptions): number {
  const rounds = options.rounds ?? scenario.rounds;
  return Math.max(1, Math.min(scenario.rounds, Math.floor(rounds)));
}

/**
 * The game with its last quarter set as the options say: the planned length, cut short at
 * `endAfter` once the game has reached that quarter. Nothing else changes; a game over stays so.
 */
export function withLength(state: GameState, scenario: Scenario, options: GameOptions): GameState {
  if (state.outcome) return state;
  const planned = plannedRounds(scenario, options);
  const end = options.endAfter;
  const last = end !== undefined && state.round >= end ? Math.min(planned, state.round) : planned;
  return last === state.totalRounds ? state : { ...state, totalRounds: last };
}

export function createGame(
  scenario: Scenario,
  options: GameOptions,
  play: PlayOptions = WITH_TEXT,
): GameState {
  const initial: GameState = {
    version: 1,
    scenarioId: scenario.id,
    seed: options.seed,
    rng: seedToState(options.seed),
    round: 1,
    totalRounds: plannedRounds(scenario, options),
    humans: options.humans ?? [],
    labs: scenario.labs.map((spec) => createLab(spec, scenario)),
    world: {
      publicTrust: 0.75,
      regulation: 0,
      regulatoryPressure: 0,
      stolenModels: [],
      news: [],
      pauseAgreementActive: false,
      injects: [],
      firedEarly: [],
    },
    history: [],
    outcome: null,
  };
  // The initial state is built here and held by no one else, so the first quarter opens on it in
  // place (beginRound would copy every lab and the world once more, for every game of a batch).
  return withLength(openRound(initial, scenario, play), scenario, options);
}

/**
 * Decisions for every seat bots hold, each from what that lab can see, with the lab's own tuning
 * (`labs[].bot`). A lab given `pauseFrom` pauses from that quarter on, whatever its strategy says.
 */
export function botDecisions(
  state: GameState,
  scenario: Scenario,
  views: readonly LabView[] = labViews(state, scenario),
): RoundDecisions {
  const inOrder = botsInOrder(state, scenario, views);
  const decisions: RoundDecisions = {};
  for (let i = 0; i < state.labs.length; i++) {
    const decision = inOrder[i];
    if (decision) decisions[(state.labs[i] as LabState).id] = decision;
  }
  return decisions;
}

/** `botDecisions` in the labs' order, undefined for the seats humans hold (the quarter's input). */
function botsInOrder(
  state: GameState,
  scenario: Scenario,
  views: readonly LabView[],
): (LabDecision | undefined)[] {
  const decisions: (LabDecision | undefined)[] = [];
  for (let i = 0; i < state.labs.length; i++) {
    const lab = state.labs[i] as LabState;
    if (state.humans.includes(lab.id)) {
      decisions.push(undefined);
      continue;
    }
    const spec = scenario.labs[i];
    const pauseFrom = spec?.pauseFrom;
    const pauseNow = pauseFrom !== undefined && state.round >= pauseFrom;
    decisions.push(
      BOTS[lab.strategy](views[i] as LabView, spec?.bot, pauseNow ? PAUSE_NOW : AS_STRATEGY),
    );
  }
  return decisions;
}

/** No human decisions (a game with bots in every seat; shared, never written). */
const NO_HUMANS: RoundDecisions = Object.freeze({});

/** The two seat options a bot is given (shared: a bot reads them, never changes them). */
const PAUSE_NOW = { pauseNow: true } as const;
const AS_STRATEGY = { pauseNow: false } as const;

/**
 * The humans' decisions over the bots' (in place: the list is the caller's own). Nothing to do
 * when no human decided, as in every quarter of a batch.
 */
function withHumans(
  state: GameState,
  bots: (LabDecision | undefined)[],
  humans: RoundDecisions,
): (LabDecision | undefined)[] {
  for (const id in humans) {
    if (!Object.hasOwn(humans, id)) continue;
    for (let i = 0; i < state.labs.length; i++) {
      const lab = state.labs[i] as LabState;
      if (Object.hasOwn(humans, lab.id)) bots[i] = humans[lab.id];
    }
    break;
  }
  return bots;
}

/** Resolve the current quarter with the humans' decisions (bots decide the rest) and open the next. */
export function advanceGame(
  state: GameState,
  scenario: Scenario,
  humanDecisions: RoundDecisions,
  options: PlayOptions = WITH_TEXT,
): GameState {
  return advance(state, scenario, humanDecisions, options, undefined);
}

/**
 * `advanceGame`; `owned`: the caller drops `state` for the result, and this is its game's
 * outcome tally so far (see `resolveQuarter`).
 */
function advance(
  state: GameState,
  scenario: Scenario,
  humanDecisions: RoundDecisions,
  options: PlayOptions,
  owned: OutcomeTally | undefined,
): GameState {
  if (state.outcome) return state;
  // The views the bots decide on go to the quarter too: it reads what each lab knew from them.
  const seen = quarterViews(state, scenario);
  const resolved = resolveQuarter(
    state,
    scenario,
    withHumans(state, botsInOrder(state, scenario, seen.views), humanDecisions),
    options,
    seen,
    owned,
  );
  // resolveRound returns fresh copies, so the next quarter can open on them in place.
  return resolved.outcome ? resolved : openRound(resolved, scenario, options);
}

/** An inject a facilitator fired live, in the quarter it was fired (its own `round` is ignored). */
export interface FiredInject {
  round: number;
  event: ScriptedEvent;
  /**
   * When the inject is one of the scenario's scripted events, its index in `scenario.events`. A
   * scripted event fired before its quarter then does not fire again in that quarter.
   */
  scripted?: number;
}

/** The injects due in the state's quarter, fired in order (as a workshop fired them). */
export function fireDue(
  state: GameState,
  scenario: Scenario,
  injects: readonly FiredInject[],
): GameState {
  let s = state;
  for (const inject of injects)
    if (inject.round === s.round) s = fireInject(s, scenario, inject.event, inject.scripted);
  return s;
}

/**
 * Replay a game from its decision log (and any live injects, re-fired in the quarter they were
 * fired, before that quarter's decisions). `upToRound` stops before that round is resolved.
 */
export function replayGame(
  scenario: Scenario,
  options: GameOptions,
  log: DecisionLog,
  upToRound = Infinity,
  injects: readonly FiredInject[] = [],
): GameState {
  let state = fireDue(createGame(scenario, options), scenario, injects);
  for (const decisions of log) {
    if (state.outcome || state.round >= upToRound) break;
    state = withLength(
      fireDue(advanceGame(state, scenario, decisions), scenario, injects),
      scenario,
      options,
    );
  }
  return state;
}

/**
 * A whole game with bots in every seat: the CLI's `play`, the explorer's and the bench's unit of
 * work. Batch games pass `{ text: false }`: no news is written, and the record is otherwise the
 * same game, draw for draw (the golden-replay test checks it).
 */
export function playWithBots(
  scenario: Scenario,
  seed: number,
  rounds?: number,
  options: PlayOptions = WITH_TEXT,
): GameState {
  // A copy only when the length differs: per-scenario caches (labPolicy, domainIds) then live
  // for the whole batch instead of being rebuilt for every game.
  const s = rounds && rounds !== scenario.rounds ? { ...scenario, rounds } : scenario;
  let state = createGame(s, { seed }, options);
  // Every state but the last is this loop's alone: the quarters append to one history list, and
  // the outcome is tallied as the records are made.
  const tally = emptyTally(state.labs.length);
  while (!state.outcome) state = advance(state, s, NO_HUMANS, options, tally);
  return state;
}
