import { assign, setup, type SnapshotFrom } from 'xstate';
import {
  advanceGame,
  createGame,
  plannedRounds,
  replayGame,
  withLength,
  type DecisionLog,
  type FiredInject,
  type RoundDecisions,
} from '../game';
import { fireInject } from '../round';
import type { GameState, LabDecision, Scenario, ScriptedEvent } from '../types';

/** Everything needed to rebuild a game exactly: saves and share links carry this. */
export interface GameSetup {
  scenario: Scenario;
  seed: number;
  humans: string[];
  /** Quarters to play when fewer than the scenario's (see GameOptions.rounds). */
  rounds?: number;
  /** The quarter the facilitator made the last ("end now"; see GameOptions.endAfter). */
  endAfter?: number;
}

export interface GameContext {
  setup: GameSetup | null;
  game: GameState | null;
  log: DecisionLog;
  /** Human decisions locked in for the current quarter. */
  pending: RoundDecisions;
  /** Resolve as soon as every human has decided (solo); otherwise wait for `resolveRound` (workshop). */
  autoResolve: boolean;
  /** Injects a facilitator fired live, replayed with the log. */
  injects: FiredInject[];
  /** Where a restored game resumes in its quarter (read once, as it is restored). */
  resumeAt: QuarterStep;
}

/** The steps of a quarter a saved game can resume at. */
export type QuarterStep = 'briefing' | 'evaluation' | 'decisions';

export type GameEvent =
  | { type: 'start'; setup: GameSetup; autoResolve: boolean }
  | { type: 'continue' }
  /** Straight to the decisions from the briefing or the evaluation (a workshop's facilitator). */
  | { type: 'openDecisions' }
  /** The current quarter is the last: resolving it ends the game ("end now"). */
  | { type: 'endAfterThisQuarter' }
  /** Take back "end now": the game plays on to its planned length. */
  | { type: 'playOn' }
  | { type: 'submitDecision'; lab: string; decision: LabDecision }
  | { type: 'withdrawDecision'; lab: string }
  | { type: 'resolveRound' }
  | { type: 'undoResolution' }
  | { type: 'rewind'; round: number }
  /** `scripted`: the event's index in `scenario.events`, when it is one of the scripted events. */
  | { type: 'fireInject'; event: ScriptedEvent; scripted?: number }
  | {
      type: 'restore';
      setup: GameSetup;
      log: DecisionLog;
      pending: RoundDecisions;
      autoResolve: boolean;
      injects?: FiredInject[];
      /** The step of the quarter the player was at (default: the decision). */
      step?: QuarterStep;
    }
  | { type: 'newGame' };

const everyHumanDecided = (context: GameContext, extra: string | null = null): boolean =>
  (context.game?.humans ?? []).every((lab) => lab in context.pending || lab === extra);

/**
 * The game's flow: setup → briefing → evaluation → decisions → resolution → next quarter or
 * debrief. The numbers all come from the engine's pure functions; this machine only decides
 * what happens next.
 */
export const gameMachine = setup({
  types: { context: {} as GameContext, events: {} as GameEvent },
  guards: {
    gameOver: ({ context }) => context.game?.outcome != null,
    gameInProgress: ({ context }) => context.game != null && context.game.outcome == null,
    readyToResolve: ({ context, event }) =>
      event.type === 'submitDecision' &&
      context.autoResolve &&
      everyHumanDecided(context, event.lab),
    everyHumanDecided: ({ context }) => everyHumanDecided(context),
    hasResolvedRounds: ({ context }) => context.log.length > 0,
    isKnownHuman: ({ context, event }) =>
      event.type === 'submitDecision' && (context.game?.humans ?? []).includes(event.lab),
    resumesAtBriefing: ({ context }) => context.resumeAt === 'briefing',
    resumesAtEvaluation: ({ context }) => context.resumeAt === 'evaluation',
    notLastQuarter: ({ context }) =>
      context.game != null &&
      context.setup != null &&
      context.game.outcome == null &&
      context.game.round < context.game.totalRounds,
    cutShort: ({ context }) => context.game?.outcome == null && context.setup?.endAfter != null,
  },
  actions: {
    startGame: assign(({ event }) => {
      if (event.type !== 'start') return {};
      return {
        setup: event.setup,
        game: createGame(event.setup.scenario, event.setup),
        log: [],
        pending: {},
        autoResolve: event.autoResolve,
        injects: [],
      };
    }),
    restoreGame: assign(({ event }) => {
      if (event.type !== 'restore') return {};
      return {
        setup: event.setup,
        game: replayGame(
          event.setup.scenario,
          event.setup,
          event.log,
          Infinity,
          event.injects ?? [],
        ),
        log: event.log,
        pending: event.pending,
        autoResolve: event.autoResolve,
        injects: event.injects ?? [],
        resumeAt: event.step ?? 'decisions',
      };
    }),
    recordDecision: assign({
      pending: ({ context, event }) =>
        event.type === 'submitDecision'
          ? { ...context.pending, [event.lab]: event.decision }
          : context.pending,
    }),
    withdrawDecision: assign({
      pending: ({ context, event }) => {
        if (event.type !== 'withdrawDecision') return context.pending;
        const { [event.lab]: _withdrawn, ...rest } = context.pending;
        void _withdrawn;
        return rest;
      },
    }),
    resolveQuarter: assign(({ context }) => {
      if (!context.game || !context.setup) return {};
      return {
        game: withLength(
          advanceGame(context.game, context.setup.scenario, context.pending),
          context.setup.scenario,
          context.setup,
        ),
        log: [...context.log, context.pending],
        pending: {},
      };
    }),
    fireInject: assign(({ context, event }) => {
      if (event.type !== 'fireInject' || !context.game || !context.setup) return {};
      // Recorded as it happened: in this quarter (as fireInject plays it, and as a saved session
      // is read back), whatever quarter a scripted event was due in.
      const round = context.game.round;
      const fired: FiredInject = { round, event: { ...event.event, round } };
      if (event.scripted !== undefined) fired.scripted = event.scripted;
      return {
        game: fireInject(context.game, context.setup.scenario, event.event, event.scripted),
        injects: [...context.injects, fired],
      };
    }),
    undoLastResolution: assign(({ context }) => {
      if (!context.setup) return {};
      const last = context.log.at(-1) ?? {};
      const log = context.log.slice(0, -1);
      // The reopened quarter keeps the injects fired in it; later ones go with the undone path.
      const injects = context.injects.filter((i) => i.round <= log.length + 1);
      return {
        game: replayGame(context.setup.scenario, context.setup, log, Infinity, injects),
        log,
        pending: last,
        injects,
      };
    }),
    rewindToRound: assign(({ context, event }) => {
      if (event.type !== 'rewind' || !context.setup) return {};
      const log = context.log.slice(0, Math.max(0, event.round - 1));
      const injects = context.injects.filter((i) => i.round < event.round);
      // "End now" is made in the last quarter played, so it goes with the path rewound away.
      const { endAfter: _cut, ...setup } = context.setup;
      void _cut;
      return {
        setup,
        game: replayGame(setup.scenario, setup, log, Infinity, injects),
        log,
        pending: {},
        injects,
      };
    }),
    endAfterThisQuarter: assign(({ context }) => {
      if (!context.game || !context.setup) return {};
      const setup = { ...context.setup, endAfter: context.game.round };
      return { setup, game: withLength(context.game, setup.scenario, setup) };
    }),
    playOn: assign(({ context }) => {
      if (!context.game || !context.setup) return {};
      const { endAfter: _cut, ...setup } = context.setup;
      void _cut;
      return {
        setup,
        game: { ...context.game, totalRounds: plannedRounds(setup.scenario, setup) },
      };
    }),
    clearGame: assign({ setup: null, game: null, log: [], pending: {}, injects: [] }),
  },
}).createMachine({
  id: 'game',
  context: {
    setup: null,
    game: null,
    log: [],
    pending: {},
    autoResolve: true,
    injects: [],
    resumeAt: 'decisions',
  },
  initial: 'setup',
  on: {
    // Replayed once, then the restored state says where the game resumes.
    restore: { target: '.restored', actions: 'restoreGame' },
    newGame: { target: '.setup', actions: 'clearGame' },
    rewind: { guard: 'hasResolvedRounds', target: '.briefing', actions: 'rewindToRound' },
    // A facilitator's undo: the last quarter is replayed away and its decisions reopened.
    undoResolution: {
      guard: 'hasResolvedRounds',
      target: '.decisions',
      actions: 'undoLastResolution',
    },
  },
  states: {
    setup: {
      on: { start: { target: 'briefing', actions: 'startGame' } },
    },
    restored: {
      always: [
        { guard: 'gameOver', target: 'debrief' },
        { guard: 'resumesAtBriefing', target: 'briefing' },
        { guard: 'resumesAtEvaluation', target: 'evaluation' },
        { target: 'decisions' },
      ],
    },
    // While a quarter is being played: the facilitator's injects and "end now".
    briefing: {
      on: {
        continue: 'evaluation',
        openDecisions: 'decisions',
        fireInject: { guard: 'gameInProgress', actions: 'fireInject' },
        endAfterThisQuarter: { guard: 'notLastQuarter', actions: 'endAfterThisQuarter' },
        playOn: { guard: 'cutShort', actions: 'playOn' },
      },
    },
    evaluation: {
      on: {
        continue: 'decisions',
        openDecisions: 'decisions',
        fireInject: { guard: 'gameInProgress', actions: 'fireInject' },
        endAfterThisQuarter: { guard: 'notLastQuarter', actions: 'endAfterThisQuarter' },
        playOn: { guard: 'cutShort', actions: 'playOn' },
      },
    },
    decisions: {
      on: {
        fireInject: { guard: 'gameInProgress', actions: 'fireInject' },
        endAfterThisQuarter: { guard: 'notLastQuarter', actions: 'endAfterThisQuarter' },
        playOn: { guard: 'cutShort', actions: 'playOn' },
        submitDecision: [
          { guard: 'readyToResolve', target: 'resolution', actions: 'recordDecision' },
          { guard: 'isKnownHuman', actions: 'recordDecision' },
        ],
        withdrawDecision: { actions: 'withdrawDecision' },
        resolveRound: { guard: 'everyHumanDecided', target: 'resolution' },
      },
    },
    resolution: {
      entry: 'resolveQuarter',
      always: [{ guard: 'gameOver', target: 'debrief' }, { target: 'briefing' }],
    },
    debrief: {},
  },
});

export type GameSnapshot = SnapshotFrom<typeof gameMachine>;
