// The room's flow as a statechart, with the game machine as its child actor. The game machine
// owns the game (decisions, resolution, undo, injects, the game's length); this machine owns the
// room around it — the "pass the laptop" cycle, whether decisions are open, the pause for
// discussion, the decision timer, commitments, the facilitator's PIN — and the debrief:
//
//   setup ─start─▶ play ─(the game ends)─▶ debrief ─undo─▶ play
//   setup ─writePolicies─▶ policies ─start─▶ play   (the optional policy step: each team writes
//                          its own policy, on a timer, before quarter 1; see teamPolicies.ts)
//                  play is three regions at once:
//                    round:      closed ─openDecisions─▶ open ─resolve─▶ closed
//                    discussion: running ⇄ paused
//                    screen:     console ─callTeam─▶ handover ─startTurn─▶ team ─lockIn─▶ handover …
//                                (and the public view on this laptop)
//                                or, in a networked room, lockInFromDevice while open
//
// Pure and deterministic (no clock: events that touch the timer carry `now`), so the same machine
// runs in the browser, in tests and on a server. What a save keeps is derived from its snapshot
// (workshopRecord.ts); nothing here can reveal a team's decision to another team.

import {
  and,
  assign,
  enqueueActions,
  not,
  sendTo,
  setup,
  stateIn,
  type ActorRefFrom,
  type SnapshotFrom,
} from 'xstate';
import type { DecisionLog, RoundDecisions } from '../game';
import { gameMachine, type GameEvent, type GameSetup } from '../machines/gameMachine';
import type { LabDecision, PolicySpec, ScriptedEvent } from '../types';
import {
  addCommitment,
  markCommitment,
  removeCommitment,
  type CommitmentInput,
} from './commitments';
import { nextTeam } from './flow';
import { draftFromTemplate, firstDrafts, withTeamPolicies } from './teamPolicies';
import { addTime, pauseTimer, resumeTimer, startTimer } from './timer';
import type {
  Commitment,
  CommitmentMark,
  PolicyDisclosure,
  PolicyStep,
  TimerState,
  TurnScreen,
  WorkshopMeta,
  WorkshopTeam,
} from './types';

/** Where play resumes when it is entered: a new game, a restored save, an undone ending. */
export interface ResumePoint {
  roundOpen: boolean;
  paused: boolean;
  screen: TurnScreen;
}

export interface WorkshopContext {
  /** The game machine, a child of this one. */
  game: ActorRefFrom<typeof gameMachine>;
  teams: WorkshopTeam[];
  /** Decision time per quarter in seconds; null: no timer. */
  timerSeconds: number | null;
  timer: TimerState | null;
  /** The team called to the laptop (handover and team screens); null otherwise. */
  turnTeam: string | null;
  commitments: Commitment[];
  /** The facilitator's PIN (null: the console is not locked). */
  pin: string | null;
  resume: ResumePoint;
  /** The policy step while it runs (state `policies`); null otherwise. */
  policyStep: PolicyStep | null;
  /** The game the policy step leads to (its scenario before the teams' policies join it). */
  pendingSetup: GameSetup | null;
}

/** A saved session in play, as restore reads it (checked by src/lib/workshopSession.ts first). */
export interface PlayRecord {
  setup: GameSetup;
  log: DecisionLog;
  pending: RoundDecisions;
  meta: WorkshopMeta;
}

export type WorkshopEvent =
  | {
      type: 'start';
      setup: GameSetup;
      teams: WorkshopTeam[];
      timerSeconds: number | null;
      pin: string | null;
    }
  /** Setup done, with the policy step first: teams write their policies before quarter 1. */
  | {
      type: 'writePolicies';
      setup: GameSetup;
      teams: WorkshopTeam[];
      timerSeconds: number | null;
      pin: string | null;
      /** Writing time (null: no timer). */
      policySeconds: number | null;
      disclosure: PolicyDisclosure;
      now: number;
    }
  /** The policy step is over: quarter 1 starts with every team's lab under its own policy. */
  | { type: 'beginQuarterOne' }
  /** A team starts again from a template (a policy of the scenario, by id). */
  | { type: 'policy.template'; lab: string; template: string }
  /** A team's edited policy (its id stays the team's). */
  | { type: 'policy.edit'; lab: string; policy: PolicySpec }
  | { type: 'policy.disclosure'; disclosure: PolicyDisclosure }
  | { type: 'policy.timer.stop'; now: number }
  | { type: 'policy.timer.start'; now: number }
  | { type: 'policy.timer.add'; seconds: number; now: number }
  /** A saved session, resumed; `reload`: this laptop reloaded, so a team screen is not reopened. */
  | { type: 'restore'; record: PlayRecord; reload: boolean }
  | { type: 'newWorkshop' }
  | { type: 'openDecisions'; now: number }
  | { type: 'callTeam'; lab: string }
  | { type: 'startTurn' }
  | { type: 'lockIn'; lab: string; decision: LabDecision }
  /** A team locks in from its own device (a networked room): no laptop changes hands. */
  | { type: 'lockInFromDevice'; lab: string; decision: LabDecision }
  | { type: 'stepAway' }
  /** Back to the console; from a team's screen (handover or team) only with the PIN. */
  | { type: 'toConsole'; pin?: string }
  | { type: 'showPublic' }
  | { type: 'letDecideAgain'; lab: string }
  | { type: 'resolve' }
  | { type: 'undo' }
  | { type: 'pause'; now: number }
  | { type: 'resume'; now: number }
  | { type: 'timer.stop'; now: number }
  | { type: 'timer.start'; now: number }
  | { type: 'timer.add'; seconds: number; now: number }
  | { type: 'timer.restart'; now: number }
  | { type: 'fireInject'; event: ScriptedEvent; scripted?: number }
  | { type: 'endAfterThisQuarter' }
  | { type: 'playOn' }
  | { type: 'commitment.record'; input: CommitmentInput }
  | { type: 'commitment.mark'; id: string; mark: CommitmentMark }
  | { type: 'commitment.forget'; id: string };

/** The game machine's event for a workshop event the game must take, or null. */
export function gameEventFor(event: WorkshopEvent): GameEvent | null {
  switch (event.type) {
    case 'openDecisions':
      return { type: 'openDecisions' };
    case 'lockIn':
    case 'lockInFromDevice':
      return { type: 'submitDecision', lab: event.lab, decision: event.decision };
    case 'letDecideAgain':
      return { type: 'withdrawDecision', lab: event.lab };
    case 'resolve':
      return { type: 'resolveRound' };
    case 'undo':
      return { type: 'undoResolution' };
    case 'fireInject':
      return event.scripted === undefined
        ? { type: 'fireInject', event: event.event }
        : { type: 'fireInject', event: event.event, scripted: event.scripted };
    case 'endAfterThisQuarter':
    case 'playOn':
      return { type: event.type };
    default:
      return null;
  }
}

const NEW_PLAY: ResumePoint = { roundOpen: false, paused: false, screen: 'console' };

/** A session's context as it begins (a start, a policy step, or one restored to its policy step). */
function freshSession(room: {
  teams: WorkshopTeam[];
  timerSeconds: number | null;
  pin: string | null;
}): Pick<
  WorkshopContext,
  'teams' | 'timerSeconds' | 'pin' | 'timer' | 'turnTeam' | 'commitments' | 'resume'
> {
  return {
    teams: room.teams,
    timerSeconds: room.timerSeconds,
    pin: room.pin,
    timer: null,
    turnTeam: null,
    commitments: [],
    resume: NEW_PLAY,
  };
}

const pendingOf = (context: WorkshopContext): RoundDecisions =>
  context.game.getSnapshot().context.pending;

/** Where a saved session resumes: a reload never reopens a team's screen (the team presses Start). */
function resumePointOf(record: PlayRecord, reload: boolean): ResumePoint {
  const { roundOpen, paused, turn } = record.meta;
  const screen = turn.screen === 'team' && reload ? 'handover' : turn.screen;
  return { roundOpen, paused, screen };
}

/** The team a restored session calls: a team that already locked in hands on to the next one. */
function turnTeamOf(record: PlayRecord): string | null {
  const team = record.meta.turn.team;
  if (team !== null && team in record.pending) {
    return nextTeam(record.meta.teams, Object.keys(record.pending));
  }
  return team;
}

const fullTimerStopped = (seconds: number | null): TimerState | null =>
  seconds === null ? null : pauseTimer(startTimer(seconds, 0), 0);

/** The policy step with one change made to its drafts or its timer. */
function stepWith(context: WorkshopContext, change: Partial<PolicyStep>): PolicyStep | null {
  return context.policyStep ? { ...context.policyStep, ...change } : null;
}

/** The policy step with its writing timer changed (unchanged when it has none). */
function withPolicyTimer(
  context: WorkshopContext,
  change: (timer: TimerState) => TimerState,
): PolicyStep | null {
  const timer = context.policyStep?.timer;
  return timer ? stepWith(context, { timer: change(timer) }) : context.policyStep;
}

/** The game the policy step leads to: the pending setup with the teams' policies in its scenario. */
function setupWithPolicies(context: WorkshopContext): GameSetup | null {
  const { pendingSetup, policyStep } = context;
  if (!pendingSetup || !policyStep) return null;
  return {
    ...pendingSetup,
    scenario: withTeamPolicies(pendingSetup.scenario, policyStep.drafts),
  };
}

export const workshopMachine = setup({
  types: { context: {} as WorkshopContext, events: {} as WorkshopEvent },
  actors: { game: gameMachine },
  guards: {
    /** The game machine takes the game's part of this event (its own guards decide). */
    gameAccepts: ({ context, event }) => {
      const forwarded = gameEventFor(event);
      return forwarded !== null && context.game.getSnapshot().can(forwarded);
    },
    gameEnded: ({ context }) => context.game.getSnapshot().matches('debrief'),
    isPaused: stateIn('#workshop.play.discussion.paused'),
    decisionsOpen: stateIn('#workshop.play.round.open'),
    hasTimerLength: ({ context }) => context.timerSeconds !== null,
    hasTimer: ({ context }) => context.timer !== null,
    teamStillToDecide: ({ context, event }) =>
      event.type === 'callTeam' &&
      context.teams.some((t) => t.lab === event.lab) &&
      !(event.lab in pendingOf(context)),
    calledTeamStillToDecide: ({ context }) =>
      context.turnTeam !== null && !(context.turnTeam in pendingOf(context)),
    /** The lab is one a team plays (a bot's lab never locks in from a device). */
    isTeamLab: ({ context, event }) =>
      event.type === 'lockInFromDevice' && context.teams.some((t) => t.lab === event.lab),
    isCalledTeam: ({ context, event }) => event.type === 'lockIn' && event.lab === context.turnTeam,
    teamLockedIn: ({ context, event }) =>
      event.type === 'letDecideAgain' && event.lab in pendingOf(context),
    pinAccepted: ({ context, event }) =>
      event.type === 'toConsole' && (context.pin === null || event.pin === context.pin),
    resumesOpen: ({ context }) => context.resume.roundOpen,
    resumesPaused: ({ context }) => context.resume.paused,
    resumesAtHandover: ({ context }) =>
      context.resume.screen === 'handover' ||
      (context.resume.screen === 'team' && !context.turnTeam),
    resumesAtTeam: ({ context }) => context.resume.screen === 'team',
    resumesAtPublic: ({ context }) => context.resume.screen === 'public',
    restoresPolicyStep: ({ event }) =>
      event.type === 'restore' && event.record.meta.stage === 'policies',
    /** The team is one of the room's, and the edit keeps its policy's id. */
    isTeamDraft: ({ context, event }) =>
      (event.type === 'policy.edit' || event.type === 'policy.template') &&
      (context.policyStep?.drafts.some((d) => d.lab === event.lab) ?? false) &&
      (event.type !== 'policy.edit' ||
        context.policyStep?.drafts.find((d) => d.lab === event.lab)?.policy.id === event.policy.id),
    isTemplate: ({ context, event }) =>
      event.type === 'policy.template' &&
      (context.pendingSetup?.scenario.policies.some((p) => p.id === event.template) ?? false),
    hasPolicyTimer: ({ context }) => context.policyStep?.timer != null,
    /**
     * Every team's policy passes the scenario's checks: quarter 1 can start. The check needs the
     * scenario validator, which this module does not import (a workshop without a policy step
     * should not load it): it is provided — checkedWorkshopMachine.ts for the server and the
     * tests, the laptop's controller once it has fetched it. Until then no draft passes, so nothing
     * unchecked can ever start.
     */
    policiesSound: () => false,
  },
  actions: {
    forwardToGame: enqueueActions(({ event, enqueue }) => {
      const forwarded = gameEventFor(event);
      if (forwarded) enqueue.sendTo('game', forwarded);
    }),
    startGame: enqueueActions(({ event, enqueue }) => {
      if (event.type !== 'start') return;
      enqueue.sendTo('game', { type: 'start', setup: event.setup, autoResolve: false });
    }),
    restoreGame: enqueueActions(({ event, enqueue }) => {
      if (event.type !== 'restore') return;
      const { setup, log, pending, meta } = event.record;
      enqueue.sendTo('game', {
        type: 'restore',
        setup,
        log,
        pending,
        autoResolve: false,
        injects: meta.injects,
        // Decisions closed: the room is reading the quarter's news.
        step: meta.roundOpen ? 'decisions' : 'briefing',
      });
    }),
    clearGame: sendTo('game', { type: 'newGame' }),
    beginPolicyStep: assign(({ event }) => {
      if (event.type !== 'writePolicies') return {};
      const { setup, teams, policySeconds, disclosure, now } = event;
      return {
        ...freshSession(event),
        pendingSetup: setup,
        policyStep: {
          seconds: policySeconds,
          timer: policySeconds === null ? null : startTimer(policySeconds, now),
          disclosure,
          drafts: firstDrafts(setup.scenario, teams),
        },
      };
    }),
    resumePolicyStep: assign(({ event }) => {
      if (event.type !== 'restore') return {};
      const { meta, setup } = event.record;
      return {
        ...freshSession(meta),
        pendingSetup: setup,
        policyStep: meta.policyStep,
      };
    }),
    applyTemplate: assign({
      policyStep: ({ context, event }) => {
        if (event.type !== 'policy.template' || !context.pendingSetup) return context.policyStep;
        const team = context.teams.find((t) => t.lab === event.lab);
        if (!team) return context.policyStep;
        const fresh = draftFromTemplate(context.pendingSetup.scenario, team, event.template);
        return stepWith(context, {
          drafts: (context.policyStep?.drafts ?? []).map((d) => (d.lab === event.lab ? fresh : d)),
        });
      },
    }),
    editPolicy: assign({
      policyStep: ({ context, event }) =>
        event.type === 'policy.edit'
          ? stepWith(context, {
              drafts: (context.policyStep?.drafts ?? []).map((d) =>
                d.lab === event.lab ? { ...d, policy: event.policy } : d,
              ),
            })
          : context.policyStep,
    }),
    setDisclosure: assign({
      policyStep: ({ context, event }) =>
        event.type === 'policy.disclosure'
          ? stepWith(context, { disclosure: event.disclosure })
          : context.policyStep,
    }),
    stopPolicyTimer: assign({
      policyStep: ({ context, event }) =>
        'now' in event
          ? withPolicyTimer(context, (t) => pauseTimer(t, event.now))
          : context.policyStep,
    }),
    runPolicyTimer: assign({
      policyStep: ({ context, event }) =>
        'now' in event
          ? withPolicyTimer(context, (t) => resumeTimer(t, event.now))
          : context.policyStep,
    }),
    addPolicyTime: assign({
      policyStep: ({ context, event }) =>
        event.type === 'policy.timer.add'
          ? withPolicyTimer(context, (t) => addTime(t, event.seconds, event.now))
          : context.policyStep,
    }),
    /** Quarter 1 starts with the teams' policies in the scenario, each team's lab under its own. */
    startGameWithPolicies: enqueueActions(({ context, enqueue }) => {
      const setup = setupWithPolicies(context);
      if (setup) enqueue.sendTo('game', { type: 'start', setup, autoResolve: false });
    }),
    endPolicyStep: assign({ policyStep: null, pendingSetup: null }),
    beginSession: assign(({ event }) => (event.type === 'start' ? freshSession(event) : {})),
    resumeSession: assign(({ event }) => {
      if (event.type !== 'restore') return {};
      const { meta } = event.record;
      return {
        teams: meta.teams,
        timerSeconds: meta.timerSeconds,
        timer: meta.timer,
        pin: meta.pin,
        commitments: meta.commitments,
        turnTeam: turnTeamOf(event.record),
        resume: resumePointOf(event.record, event.reload),
      };
    }),
    /** A new setup keeps the teams, the timer and the PIN. */
    endSession: assign({
      timer: null,
      turnTeam: null,
      commitments: [],
      resume: NEW_PLAY,
      policyStep: null,
      pendingSetup: null,
    }),
    startTimer: assign({
      timer: ({ context, event }) =>
        context.timerSeconds === null || !('now' in event)
          ? null
          : startTimer(context.timerSeconds, event.now),
    }),
    startTimerStopped: assign({
      timer: ({ context, event }) =>
        context.timerSeconds === null || !('now' in event)
          ? null
          : pauseTimer(startTimer(context.timerSeconds, event.now), event.now),
    }),
    stopTimer: assign({
      timer: ({ context, event }) =>
        context.timer && 'now' in event ? pauseTimer(context.timer, event.now) : context.timer,
    }),
    runTimer: assign({
      timer: ({ context, event }) =>
        context.timer && 'now' in event ? resumeTimer(context.timer, event.now) : context.timer,
    }),
    addTime: assign({
      timer: ({ context, event }) =>
        context.timer && event.type === 'timer.add'
          ? addTime(context.timer, event.seconds, event.now)
          : context.timer,
    }),
    clearTimer: assign({ timer: null }),
    /** An undone resolution: the timer waits, full, for the facilitator to start it. */
    fullTimerStopped: assign({ timer: ({ context }) => fullTimerStopped(context.timerSeconds) }),
    callTeam: assign({
      turnTeam: ({ event, context }) => (event.type === 'callTeam' ? event.lab : context.turnTeam),
    }),
    /** After a lock-in the laptop goes to the next team still to decide (null: the facilitator). */
    callNextTeam: assign({
      turnTeam: ({ context, event }) =>
        event.type === 'lockIn'
          ? nextTeam(context.teams, [...Object.keys(pendingOf(context)), event.lab])
          : context.turnTeam,
    }),
    releaseTeam: assign({ turnTeam: null }),
    resumeAfterUndo: assign({ resume: { roundOpen: true, paused: false, screen: 'console' } }),
    /** After a resolution the room is back at the console (and so is a debrief it leads to). */
    resumeAtConsole: assign({ resume: NEW_PLAY }),
    recordCommitment: assign({
      commitments: ({ context, event }) =>
        event.type === 'commitment.record'
          ? addCommitment(context.commitments, event.input)
          : context.commitments,
    }),
    markCommitment: assign({
      commitments: ({ context, event }) =>
        event.type === 'commitment.mark'
          ? markCommitment(context.commitments, event.id, event.mark)
          : context.commitments,
    }),
    forgetCommitment: assign({
      commitments: ({ context, event }) =>
        event.type === 'commitment.forget'
          ? removeCommitment(context.commitments, event.id)
          : context.commitments,
    }),
  },
}).createMachine({
  id: 'workshop',
  context: ({ spawn }) => ({
    // syncSnapshot: every change of the game reaches this machine as `xstate.snapshot.game`.
    game: spawn('game', { id: 'game', syncSnapshot: true }),
    teams: [],
    timerSeconds: null,
    timer: null,
    turnTeam: null,
    commitments: [],
    pin: null,
    resume: NEW_PLAY,
    policyStep: null,
    pendingSetup: null,
  }),
  initial: 'setup',
  on: {
    newWorkshop: { target: '.setup', actions: ['clearGame', 'endSession'] },
    'commitment.mark': { actions: 'markCommitment' },
  },
  states: {
    setup: {
      on: {
        start: { target: 'play', actions: ['beginSession', 'startGame'] },
        writePolicies: { target: 'policies', actions: 'beginPolicyStep' },
        restore: [
          { guard: 'restoresPolicyStep', target: 'policies', actions: 'resumePolicyStep' },
          { target: 'play', actions: ['resumeSession', 'restoreGame'] },
        ],
      },
    },
    // The policy step: each team edits its draft (or starts again from a template) while the
    // writing timer runs; the projector shows the drafts; `beginQuarterOne` starts once every
    // draft passes the scenario's checks (the session record keeps the step: a reload resumes it).
    policies: {
      on: {
        'policy.template': { guard: and(['isTeamDraft', 'isTemplate']), actions: 'applyTemplate' },
        'policy.edit': { guard: 'isTeamDraft', actions: 'editPolicy' },
        'policy.disclosure': { actions: 'setDisclosure' },
        'policy.timer.stop': { guard: 'hasPolicyTimer', actions: 'stopPolicyTimer' },
        'policy.timer.start': { guard: 'hasPolicyTimer', actions: 'runPolicyTimer' },
        'policy.timer.add': { guard: 'hasPolicyTimer', actions: 'addPolicyTime' },
        beginQuarterOne: {
          guard: 'policiesSound',
          target: 'play',
          actions: ['startGameWithPolicies', 'endPolicyStep'],
        },
        restore: [
          {
            guard: 'restoresPolicyStep',
            target: 'policies',
            reenter: true,
            actions: 'resumePolicyStep',
          },
          { target: 'play', actions: ['endPolicyStep', 'resumeSession', 'restoreGame'] },
        ],
      },
    },
    play: {
      type: 'parallel',
      on: {
        // A saved session replaces the one open; if its game is over, the game's snapshot
        // takes the room on to the debrief.
        restore: [
          {
            guard: 'restoresPolicyStep',
            target: '#workshop.policies',
            actions: ['clearGame', 'resumePolicyStep'],
          },
          { target: 'play', reenter: true, actions: ['resumeSession', 'restoreGame'] },
        ],
        'xstate.snapshot.game': { guard: 'gameEnded', target: 'debrief' },
        fireInject: { guard: 'gameAccepts', actions: 'forwardToGame' },
        endAfterThisQuarter: { guard: 'gameAccepts', actions: 'forwardToGame' },
        playOn: { guard: 'gameAccepts', actions: 'forwardToGame' },
        'commitment.record': { actions: 'recordCommitment' },
        'commitment.forget': { actions: 'forgetCommitment' },
      },
      states: {
        round: {
          initial: 'resuming',
          states: {
            resuming: {
              always: [{ guard: 'resumesOpen', target: 'open' }, { target: 'closed' }],
            },
            closed: {
              on: {
                openDecisions: [
                  {
                    guard: and(['gameAccepts', 'isPaused']),
                    target: 'open',
                    actions: ['forwardToGame', 'startTimerStopped'],
                  },
                  {
                    guard: 'gameAccepts',
                    target: 'open',
                    actions: ['forwardToGame', 'startTimer'],
                  },
                ],
                undo: {
                  guard: 'gameAccepts',
                  target: 'open',
                  actions: ['forwardToGame', 'fullTimerStopped'],
                },
              },
            },
            open: {
              on: {
                letDecideAgain: {
                  guard: and(['teamLockedIn', 'gameAccepts']),
                  actions: 'forwardToGame',
                },
                // Every team on its own device decides in parallel: a lock-in (or a changed
                // one, which replaces it) goes straight to the game, whatever the laptop shows.
                lockInFromDevice: {
                  guard: and(['isTeamLab', not('isPaused'), 'gameAccepts']),
                  actions: 'forwardToGame',
                },
                resolve: {
                  guard: 'gameAccepts',
                  target: 'closed',
                  actions: ['forwardToGame', 'clearTimer', 'resumeAtConsole'],
                },
                undo: { guard: 'gameAccepts', actions: ['forwardToGame', 'fullTimerStopped'] },
                'timer.stop': { guard: 'hasTimer', actions: 'stopTimer' },
                'timer.start': { guard: and(['hasTimer', not('isPaused')]), actions: 'runTimer' },
                'timer.add': { guard: 'hasTimer', actions: 'addTime' },
                'timer.restart': [
                  {
                    guard: and(['hasTimerLength', 'isPaused']),
                    actions: 'startTimerStopped',
                  },
                  { guard: 'hasTimerLength', actions: 'startTimer' },
                ],
              },
            },
          },
        },
        discussion: {
          initial: 'resuming',
          states: {
            resuming: {
              always: [{ guard: 'resumesPaused', target: 'paused' }, { target: 'running' }],
            },
            running: { on: { pause: { target: 'paused', actions: 'stopTimer' } } },
            paused: { on: { resume: { target: 'running', actions: 'runTimer' } } },
          },
        },
        screen: {
          initial: 'resuming',
          states: {
            resuming: {
              always: [
                { guard: 'resumesAtTeam', target: 'team' },
                { guard: 'resumesAtHandover', target: 'handover' },
                { guard: 'resumesAtPublic', target: 'public' },
                { target: 'console', actions: 'releaseTeam' },
              ],
            },
            console: {
              on: {
                callTeam: {
                  guard: and(['decisionsOpen', not('isPaused'), 'teamStillToDecide']),
                  target: 'handover',
                  actions: 'callTeam',
                },
                showPublic: 'public',
              },
            },
            handover: {
              on: {
                startTurn: {
                  guard: and(['decisionsOpen', not('isPaused'), 'calledTeamStillToDecide']),
                  target: 'team',
                },
                toConsole: { guard: 'pinAccepted', target: 'console', actions: 'releaseTeam' },
                pause: { target: 'console', actions: 'releaseTeam' },
                undo: { guard: 'gameAccepts', target: 'console', actions: 'releaseTeam' },
              },
            },
            team: {
              on: {
                lockIn: {
                  guard: and(['decisionsOpen', 'isCalledTeam', 'gameAccepts']),
                  target: 'handover',
                  actions: ['forwardToGame', 'callNextTeam'],
                },
                stepAway: 'handover',
                toConsole: { guard: 'pinAccepted', target: 'console', actions: 'releaseTeam' },
                pause: { target: 'console', actions: 'releaseTeam' },
                undo: { guard: 'gameAccepts', target: 'console', actions: 'releaseTeam' },
              },
            },
            public: {
              on: { toConsole: 'console', undo: { guard: 'gameAccepts', target: 'console' } },
            },
          },
        },
      },
    },
    // A projector reveal paced by the facilitator would keep its section index in the context,
    // stepped by events handled here, and saved with the room's record like the timer.
    debrief: {
      initial: 'resuming',
      entry: ['clearTimer', 'releaseTeam'],
      on: {
        restore: [
          {
            guard: 'restoresPolicyStep',
            target: 'policies',
            actions: ['clearGame', 'resumePolicyStep'],
          },
          { target: 'play', actions: ['resumeSession', 'restoreGame'] },
        ],
        undo: {
          guard: 'gameAccepts',
          target: 'play',
          actions: ['forwardToGame', 'resumeAfterUndo', 'fullTimerStopped'],
        },
      },
      states: {
        resuming: {
          always: [{ guard: 'resumesAtPublic', target: 'public' }, { target: 'report' }],
        },
        report: { on: { showPublic: 'public' } },
        public: { on: { toConsole: 'report' } },
      },
    },
  },
});

export type WorkshopSnapshot = SnapshotFrom<typeof workshopMachine>;
export type WorkshopActor = ActorRefFrom<typeof workshopMachine>;
