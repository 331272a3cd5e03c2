import { assign, setup } from 'xstate';
import {
  advanceGame,
  createGame,
  replayGame,
  type DecisionLog,
  type RoundDecisions,
} from '../game';
import type { GameState, LabDecision, Scenario } from '../types';

/** Everything needed to rebuild a game exactly: saves and share links carry this. */
export interface GameSetup {
  scenario: Scenario;
  seed: number;
  humans: string[];
}

export interface GameContext {
  setup: GameSetup | null;
  game: GameState | null;
  log: DecisionLog;
  /** Human decisions locked in for the current quarter. */
  pending: RoundDecisions;
  /** Resolve as soon as every human has decided (solo); otherwise wait for `resolveRound` (workshop). */
  autoResolve: boolean;
  /** The path a rewind branched from, kept to draw as a ghost line. */
  ghost: GameState | null;
}

export type GameEvent =
  | { type: 'start'; setup: GameSetup; autoResolve: boolean }
  | { type: 'continue' }
  | { type: 'submitDecision'; lab: string; decision: LabDecision }
  | { type: 'withdrawDecision'; lab: string }
  | { type: 'resolveRound' }
  | { type: 'undoResolution' }
  | { type: 'rewind'; round: number }
  | {
      type: 'restore';
      setup: GameSetup;
      log: DecisionLog;
      pending: RoundDecisions;
      autoResolve: boolean;
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
    readyToResolve: ({ context, event }) =>
      event.type === 'submitDecision' &&
      context.autoResolve &&
      everyHumanDecided(context, event.lab),
    everyHumanDecided: ({ context }) => everyHumanDecided(context),
    hasResolvedRounds: ({ context }) => context.log.length > 0,
    isKnownHuman: ({ context, event }) =>
      event.type === 'submitDecision' && (context.game?.humans ?? []).includes(event.lab),
    restoredGameOver: ({ event }) =>
      event.type === 'restore' &&
      replayGame(event.setup.scenario, event.setup, event.log).outcome != null,
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
        ghost: null,
      };
    }),
    restoreGame: assign(({ event }) => {
      if (event.type !== 'restore') return {};
      return {
        setup: event.setup,
        game: replayGame(event.setup.scenario, event.setup, event.log),
        log: event.log,
        pending: event.pending,
        autoResolve: event.autoResolve,
        ghost: null,
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
        game: advanceGame(context.game, context.setup.scenario, context.pending),
        log: [...context.log, context.pending],
        pending: {},
      };
    }),
    undoLastResolution: assign(({ context }) => {
      if (!context.setup) return {};
      const last = context.log.at(-1) ?? {};
      const log = context.log.slice(0, -1);
      return {
        game: replayGame(context.setup.scenario, context.setup, log),
        log,
        pending: last,
      };
    }),
    rewindToRound: assign(({ context, event }) => {
      if (event.type !== 'rewind' || !context.setup) return {};
      const log = context.log.slice(0, Math.max(0, event.round - 1));
      return {
        ghost: context.ghost ?? context.game,
        game: replayGame(context.setup.scenario, context.setup, log),
        log,
        pending: {},
      };
    }),
    clearGame: assign({ setup: null, game: null, log: [], pending: {}, ghost: null }),
  },
}).createMachine({
  id: 'game',
  context: { setup: null, game: null, log: [], pending: {}, autoResolve: true, ghost: null },
  initial: 'setup',
  on: {
    restore: [
      { guard: 'restoredGameOver', target: '.debrief', actions: 'restoreGame' },
      { target: '.decisions', actions: 'restoreGame' },
    ],
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
    briefing: {
      on: { continue: 'evaluation' },
    },
    evaluation: {
      on: { continue: 'decisions' },
    },
    decisions: {
      on: {
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
