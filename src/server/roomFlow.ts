// One room's flow: the game (the engine's game machine: decisions, resolution, undo, injects)
// and the session record around it (decisions open, paused, the timer: src/engine/workshop/flow.ts).
// This is the one module that changes a room; the hub (rooms.ts) persists and broadcasts what it
// returns. Every change is checked here against who asks: a team only for its own lab, the
// facilitator for the room, the projector for nothing. A refusal is a plain sentence, never a throw.
//
// The state it keeps is exactly a workshop session (src/lib/workshopSession.ts), so a room is
// rebuilt from the database — or an imported session file — by replaying its decision log.
// When the workshop machine lands, it replaces the game actor and the flow calls here; the
// interface (restore, session, apply) stays.

import { createActor, type Actor } from 'xstate';
import * as v from 'valibot';
import type { DecisionLog, FiredInject, RoundDecisions } from '../engine/game';
import { gameMachine, type GameSetup } from '../engine/machines/gameMachine';
import type { GameState, LabDecision, ScriptedEvent } from '../engine/types';
import * as flow from '../engine/workshop/flow';
import {
  addCommitment,
  commitmentProblems,
  markCommitment,
  removeCommitment,
  type CommitmentInput,
} from '../engine/workshop/commitments';
import { validateInject } from '../engine/workshop/injects';
import { WORKSHOP_LIMITS, type WorkshopMeta } from '../engine/workshop/types';
import { gameSchemas, problemMessage, problemsOf } from '../lib/saveFormat';
import type { WorkshopSession } from '../lib/workshopSession';
import type { ErrorCode, RoomCommand } from '../lib/roomProtocol';

/** Who sent a command: the role its token gives (and, for a team, its lab). */
export type Principal =
  { role: 'team'; lab: string } | { role: 'projector' } | { role: 'facilitator' };

export type RoomRecord = Omit<WorkshopSession, 'savedAt'>;

export type ApplyResult =
  { ok: true; changed: boolean } | { ok: false; code: ErrorCode; message: string };

const TEAM_COMMANDS: ReadonlySet<RoomCommand['type']> = new Set(['submit', 'withdraw']);

const refuse = (code: ErrorCode, message: string): ApplyResult => ({ ok: false, code, message });
const done: ApplyResult = { ok: true, changed: true };

export class RoomFlow {
  private readonly actor: Actor<typeof gameMachine>;
  private metaState: WorkshopMeta;
  private endedState: boolean;

  private constructor(record: RoomRecord, ended: boolean) {
    this.actor = createActor(gameMachine);
    this.actor.start();
    this.endedState = ended;
    if (record.meta.stage === 'setup') {
      // A setup that was never started (a saved setup imported): the room starts it.
      this.actor.send({ type: 'start', setup: record.setup, autoResolve: false });
      this.metaState = flow.beginPlay({ ...record.meta, injects: [], commitments: [] });
      return;
    }
    this.actor.send({
      type: 'restore',
      setup: record.setup,
      log: record.log,
      pending: record.pending,
      autoResolve: false,
      injects: record.meta.injects,
      step: record.meta.roundOpen ? 'decisions' : 'briefing',
    });
    // No device holds "the laptop" in a networked room: every team has its own screen.
    this.metaState = flow.toConsole(record.meta);
  }

  /** A room from a checked session (parseWorkshopSession): the log is replayed by the engine. */
  static restore(record: RoomRecord, ended = false): RoomFlow {
    return new RoomFlow(record, ended);
  }

  private get context() {
    return this.actor.getSnapshot().context;
  }

  private get machineState(): string {
    return this.actor.getSnapshot().value as string;
  }

  get setup(): GameSetup {
    return this.context.setup as GameSetup;
  }

  get game(): GameState {
    return this.context.game as GameState;
  }

  get meta(): WorkshopMeta {
    return { ...this.metaState, injects: this.context.injects };
  }

  get log(): DecisionLog {
    return this.context.log;
  }

  get pending(): RoundDecisions {
    return this.context.pending;
  }

  get injects(): FiredInject[] {
    return this.context.injects;
  }

  get ended(): boolean {
    return this.endedState;
  }

  get over(): boolean {
    return this.game.outcome !== null;
  }

  /** The room as a workshop session, for the database and for export. */
  record(): RoomRecord {
    return { setup: this.setup, log: this.log, pending: this.pending, meta: this.meta };
  }

  /** Carry out a command for whoever sent it. */
  apply(command: RoomCommand, by: Principal, now: number): ApplyResult {
    if (by.role === 'projector') {
      return refuse('forbidden', 'the projector’s link is read-only: it cannot change the room');
    }
    const teamCommand = TEAM_COMMANDS.has(command.type);
    if (by.role === 'team' && !teamCommand) {
      return refuse(
        'forbidden',
        `a team’s device cannot “${command.type}”: only the facilitator’s console can`,
      );
    }
    if (by.role === 'facilitator' && teamCommand) {
      return refuse(
        'forbidden',
        'the facilitator’s console does not decide for a team (use “reopenTeam” to let a team decide again)',
      );
    }
    if (this.endedState) return refuse('ended', 'this room has ended: export it to keep it');
    switch (command.type) {
      case 'submit':
      case 'withdraw':
        return this.teamCommand(command, by as { role: 'team'; lab: string });
      case 'openDecisions':
        return this.openDecisions(now);
      case 'resolve':
        return this.resolve();
      case 'undo':
        return this.undo();
      case 'pause':
        return this.setMeta(flow.pauseSession(this.metaState, now));
      case 'resume':
        return this.setMeta(flow.resumeSession(this.metaState, now));
      case 'end':
        this.endedState = true;
        return done;
      case 'reopenTeam':
        return this.reopenTeam(command.lab);
      case 'timer':
        return this.timer(command.action, command.seconds, now);
      case 'fireInject':
        return this.fireInject(command.scripted, command.event);
      case 'recordCommitment':
        return this.recordCommitment(command.commitment);
      case 'markCommitment':
      case 'removeCommitment':
        return this.changeCommitment(command);
      default:
        return refuse('invalid', 'unknown command');
    }
  }

  private setMeta(next: WorkshopMeta): ApplyResult {
    const changed = next !== this.metaState;
    this.metaState = next;
    return { ok: true, changed };
  }

  private teamName(lab: string): string {
    return this.metaState.teams.find((t) => t.lab === lab)?.name ?? lab;
  }

  private teamCommand(
    command: Extract<RoomCommand, { type: 'submit' | 'withdraw' }>,
    by: { role: 'team'; lab: string },
  ): ApplyResult {
    if (command.lab !== undefined && command.lab !== by.lab) {
      return refuse(
        'forbidden',
        `this device’s link is ${this.teamName(by.lab)}’s: it cannot act for ${JSON.stringify(command.lab)}`,
      );
    }
    // A malformed decision is refused as such, whatever the step of the quarter.
    let decision: LabDecision | null = null;
    if (command.type === 'submit') {
      const parsed = v.safeParse(gameSchemas(this.setup.scenario).Decision, command.decision);
      if (!parsed.success) {
        return refuse('invalid', problemMessage(problemsOf(parsed.issues, ['decision'])));
      }
      decision = parsed.output as LabDecision;
    }
    if (this.over) return refuse('notNow', 'the game is over: no more decisions');
    if (!this.metaState.roundOpen) {
      return refuse('notNow', 'decisions are not open yet: wait for the facilitator');
    }
    if (this.metaState.paused) {
      return refuse('notNow', 'the game is paused for discussion: decide when it continues');
    }
    if (decision === null) {
      if (!(by.lab in this.pending)) return { ok: true, changed: false };
      this.actor.send({ type: 'withdrawDecision', lab: by.lab });
      return done;
    }
    this.actor.send({ type: 'submitDecision', lab: by.lab, decision });
    return by.lab in this.pending
      ? done
      : refuse('notNow', 'the decision could not be recorded in this step of the quarter');
  }

  private openDecisions(now: number): ApplyResult {
    if (this.over) return refuse('notNow', 'the game is over');
    if (this.metaState.roundOpen) return { ok: true, changed: false };
    for (let i = 0; i < 3 && this.machineState !== 'decisions'; i++) {
      this.actor.send({ type: 'continue' });
    }
    if (this.machineState !== 'decisions') return refuse('notNow', 'decisions cannot open now');
    return this.setMeta(flow.openDecisions(this.metaState, now));
  }

  private resolve(): ApplyResult {
    if (!this.metaState.roundOpen) return refuse('notNow', 'open decisions first');
    if (this.metaState.paused) return refuse('notNow', 'the game is paused: resume it first');
    const waiting = this.metaState.teams.filter((t) => !(t.lab in this.pending));
    if (waiting.length > 0) {
      return refuse(
        'notNow',
        `not every team has locked in: waiting for ${waiting.map((t) => t.name).join(', ')}`,
      );
    }
    const before = this.log.length;
    this.actor.send({ type: 'resolveRound' });
    if (this.log.length === before) return refuse('notNow', 'the quarter could not be resolved');
    return this.setMeta(flow.afterResolve(this.metaState));
  }

  private undo(): ApplyResult {
    if (this.log.length === 0) return refuse('notNow', 'no quarter has been resolved yet');
    this.actor.send({ type: 'undoResolution' });
    return this.setMeta(flow.afterUndo(this.metaState));
  }

  private reopenTeam(lab: string): ApplyResult {
    if (!this.metaState.teams.some((t) => t.lab === lab)) {
      return refuse('invalid', `lab: ${JSON.stringify(lab)} is not a team’s lab in this room`);
    }
    if (!this.metaState.roundOpen) return refuse('notNow', 'decisions are not open');
    if (!(lab in this.pending)) return { ok: true, changed: false };
    this.actor.send({ type: 'withdrawDecision', lab });
    return done;
  }

  private timer(
    action: 'pause' | 'resume' | 'restart' | 'add',
    seconds: number | undefined,
    now: number,
  ): ApplyResult {
    if (this.metaState.timerSeconds === null) return refuse('notNow', 'this room has no timer');
    switch (action) {
      case 'pause':
        return this.setMeta(flow.timerPause(this.metaState, now));
      case 'resume':
        return this.setMeta(flow.timerResume(this.metaState, now));
      case 'restart':
        return this.setMeta(flow.timerRestart(this.metaState, now));
      case 'add':
        return this.setMeta(flow.timerAdd(this.metaState, seconds ?? 60, now));
    }
  }

  private recordCommitment(input: CommitmentInput): ApplyResult {
    const list = this.metaState.commitments;
    if (list.length >= WORKSHOP_LIMITS.commitments) {
      return refuse('invalid', `a room keeps at most ${WORKSHOP_LIMITS.commitments} commitments`);
    }
    const problem = commitmentProblems(input, this.setup.scenario, this.game.totalRounds)[0];
    if (problem) return refuse('invalid', `commitment.${problem.field}: ${problem.message}`);
    return this.setMeta({ ...this.metaState, commitments: addCommitment(list, input) });
  }

  private changeCommitment(
    command: Extract<RoomCommand, { type: 'markCommitment' | 'removeCommitment' }>,
  ): ApplyResult {
    const list = this.metaState.commitments;
    if (!list.some((c) => c.id === command.commitmentId)) {
      return refuse(
        'invalid',
        `commitmentId: no commitment ${JSON.stringify(command.commitmentId)} in this room`,
      );
    }
    const commitments =
      command.type === 'markCommitment'
        ? markCommitment(list, command.commitmentId, command.mark)
        : removeCommitment(list, command.commitmentId);
    return this.setMeta({ ...this.metaState, commitments });
  }

  private fireInject(
    scripted: number | undefined,
    written: { headline: unknown; body: unknown; effect: unknown } | undefined,
  ): ApplyResult {
    if (this.over) return refuse('notNow', 'the game is over');
    const scenario = this.setup.scenario;
    let event: ScriptedEvent;
    if (scripted !== undefined) {
      if (written !== undefined) {
        return refuse('invalid', 'give either "scripted" or "event", not both');
      }
      const found = scenario.events[scripted];
      if (!found) {
        return refuse(
          'invalid',
          `scripted: this scenario has ${scenario.events.length} scripted events, got ${scripted}`,
        );
      }
      event = found;
    } else if (written !== undefined) {
      const checked = validateInject(scenario, written);
      if (!checked.ok) {
        const first = checked.problems[0];
        return refuse('invalid', `event.${first?.path ?? ''}: ${first?.message ?? 'not valid'}`);
      }
      event = checked.event;
    } else {
      return refuse('invalid', 'give "scripted" (a scripted event’s index) or "event"');
    }
    const before = this.injects.length;
    this.actor.send({ type: 'fireInject', event, scripted });
    if (this.injects.length === before) return refuse('notNow', 'an inject cannot fire now');
    return done;
  }
}
