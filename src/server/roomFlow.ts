// One room's flow: a workshop actor (src/engine/workshop/workshopMachine.ts, with the game machine
// as its child), exactly as the browser's workshop runs it. This is the one module that changes a
// room; the hub (rooms.ts) persists and broadcasts what it returns. Every command becomes machine
// events, sent only when the machine takes them where it stands (`snapshot.can`), and is checked
// here against who asks: a team only for its own lab, the facilitator for the room, the projector
// for nothing. A refusal is a plain sentence, never a throw.
//
// What is kept is what the browser's session save keeps (workshopRecord.ts: the record derived
// from the snapshot), so a room is rebuilt from the database — or an imported session file — by
// the machine's own `restore`.

import { createActor } from 'xstate';
import * as v from 'valibot';
import {
  createGame,
  plannedRounds,
  type DecisionLog,
  type FiredInject,
  type RoundDecisions,
} from '../engine/game';
import type { GameSetup } from '../engine/machines/gameMachine';
import type { GameState, LabDecision, PolicySpec, ScriptedEvent } from '../engine/types';
import { commitmentProblems, type CommitmentInput } from '../engine/workshop/commitments';
import { validateInject } from '../engine/workshop/injects';
import { checkPolicy } from '../engine/scenario/policyFile';
import { formatIssue } from '../engine/scenario/validate';
import { PolicySchema } from '../engine/scenario/schema';
import { teamPolicyId } from '../engine/workshop/teamPolicies';
import { draftProblems, type DraftProblem } from '../engine/workshop/teamPolicyCheck';
import { checkedWorkshopMachine } from '../engine/workshop/checkedWorkshopMachine';
import { WORKSHOP_LIMITS, type WorkshopMeta } from '../engine/workshop/types';
import type { PlayRecord, WorkshopActor, WorkshopEvent } from '../engine/workshop/workshopMachine';
import { gameSnapshotOf, playRecord } from '../engine/workshop/workshopRecord';
import { gameSchemas, problemMessage, problemsOf } from '../lib/saveFormat';
import type { WorkshopSession } from '../lib/workshopSession';
import type { ErrorCode, RoomCommand } from '../lib/roomProtocol';
import type { RoomSnapshot } from './views';

/** Who sent a command: the role its token gives (and, for a team, its lab). */
export type Principal =
  { role: 'team'; lab: string } | { role: 'projector' } | { role: 'facilitator' };

export type RoomRecord = Omit<WorkshopSession, 'savedAt'>;

export type ApplyResult =
  { ok: true; changed: boolean } | { ok: false; code: ErrorCode; message: string };

const TEAM_COMMANDS: ReadonlySet<RoomCommand['type']> = new Set([
  'submit',
  'withdraw',
  'policyEdit',
  'policyTemplate',
  'policySubmit',
  'policyWithdraw',
]);

type PolicyTeamCommand = Extract<
  RoomCommand,
  { type: 'policyEdit' | 'policyTemplate' | 'policySubmit' | 'policyWithdraw' }
>;

const refuse = (code: ErrorCode, message: string): ApplyResult => ({ ok: false, code, message });
const done: ApplyResult = { ok: true, changed: true };
const unchanged: ApplyResult = { ok: true, changed: false };

const TIMER_EVENTS = {
  pause: 'timer.stop',
  resume: 'timer.start',
  restart: 'timer.restart',
  add: 'timer.add',
} as const;

/** Whether an inject could fire now does not depend on the inject (see canFireInject). */
const PROBE: ScriptedEvent = { round: 0, headline: '', body: '', effect: { kind: 'news' } };

export class RoomFlow {
  private readonly actor: WorkshopActor;
  private endedState: boolean;
  /** In the policy step: the teams (labs) that have handed their policy in. */
  private readonly submittedLabs: Set<string>;
  /** The game quarter 1 will start, shown while the teams write their policies. */
  private preview: { setup: GameSetup; game: GameState } | null = null;

  private constructor(record: RoomRecord, ended: boolean, submitted: readonly string[]) {
    this.actor = createActor(checkedWorkshopMachine);
    this.actor.start();
    this.endedState = ended;
    this.submittedLabs = new Set(
      record.meta.stage === 'policies'
        ? submitted.filter((lab) => record.meta.teams.some((t) => t.lab === lab))
        : [],
    );
    const { setup, meta } = record;
    if (meta.stage === 'setup') {
      // A setup that was never started (a saved setup imported): the room starts it.
      this.actor.send({
        type: 'start',
        setup,
        teams: meta.teams,
        timerSeconds: meta.timerSeconds,
        pin: meta.pin,
      });
      return;
    }
    // No device holds "the laptop" in a networked room: every team has its own screen, so a
    // session saved mid-turn on a laptop resumes at the console.
    const atConsole: PlayRecord = {
      ...record,
      meta: { ...meta, turn: { screen: 'console', team: null } },
    };
    this.actor.send({ type: 'restore', record: atConsole, reload: true });
  }

  /** A room from a checked session (parseWorkshopSession): the log is replayed by the engine. */
  static restore(record: RoomRecord, ended = false, submitted: readonly string[] = []): RoomFlow {
    return new RoomFlow(record, ended, submitted);
  }

  private get current(): PlayRecord {
    const record = playRecord(this.actor.getSnapshot());
    // A room is always started (the constructor starts or restores it).
    if (!record) throw new Error('a room’s workshop has not started');
    return record;
  }

  private get gameContext() {
    return gameSnapshotOf(this.actor.getSnapshot()).context;
  }

  get setup(): GameSetup {
    return this.current.setup;
  }

  /** The game; in the policy step, the one quarter 1 starts (not yet under the teams' policies). */
  get game(): GameState {
    const game = this.gameContext.game;
    if (game) return game;
    const { setup } = this;
    if (this.preview?.setup !== setup)
      this.preview = { setup, game: createGame(setup.scenario, setup) };
    return this.preview.game;
  }

  /** 'policies' while the teams write their policies; 'play' from quarter 1 on. */
  get stage(): 'policies' | 'play' {
    return this.actor.getSnapshot().matches('policies') ? 'policies' : 'play';
  }

  /** The teams that have handed their policy in (the policy step). */
  get submitted(): string[] {
    return [...this.submittedLabs];
  }

  /** What is wrong with each team's draft, by lab (the policy step; empty otherwise). */
  get policyProblems(): DraftProblem[] {
    const { policyStep, pendingSetup } = this.actor.getSnapshot().context;
    return policyStep && pendingSetup
      ? draftProblems(pendingSetup.scenario, policyStep.drafts)
      : [];
  }

  get meta(): WorkshopMeta {
    return this.current.meta;
  }

  get log(): DecisionLog {
    return this.gameContext.log;
  }

  get pending(): RoundDecisions {
    return this.gameContext.pending;
  }

  get injects(): FiredInject[] {
    return this.gameContext.injects;
  }

  get ended(): boolean {
    return this.endedState;
  }

  get over(): boolean {
    return this.game.outcome !== null;
  }

  /** An inject can be fired now (any event will do: the machine's answer does not depend on it). */
  get canFireInject(): boolean {
    return !this.endedState && this.actor.getSnapshot().can({ type: 'fireInject', event: PROBE });
  }

  get canEndNow(): boolean {
    return !this.endedState && this.actor.getSnapshot().can({ type: 'endAfterThisQuarter' });
  }

  get canPlayOn(): boolean {
    return !this.endedState && this.actor.getSnapshot().can({ type: 'playOn' });
  }

  /** The quarters the game was set up to play (before any "end after this quarter"). */
  get plannedQuarters(): number {
    return plannedRounds(this.setup.scenario, this.setup);
  }

  /** The room as the views see it (views.ts): every device's view is built from one of these. */
  snapshot(roomId: string, drafts: RoomSnapshot['drafts'], now: number): RoomSnapshot {
    const inStep = this.stage === 'policies';
    return {
      roomId,
      setup: this.setup,
      game: this.game,
      meta: this.meta,
      pending: this.pending,
      ended: this.ended,
      now,
      drafts,
      controls: {
        canFireInject: this.canFireInject,
        canEndNow: this.canEndNow,
        canPlayOn: this.canPlayOn,
        plannedQuarters: this.plannedQuarters,
      },
      policyStep: inStep ? { submitted: this.submitted, problems: this.policyProblems } : undefined,
    };
  }

  /** The room as a workshop session (what the browser's save keeps), for the database and export. */
  record(): RoomRecord {
    return this.current;
  }

  /** Send an event if the machine takes it where it stands; false (nothing sent) if not. */
  private send(event: WorkshopEvent): boolean {
    if (!this.actor.getSnapshot().can(event)) return false;
    this.actor.send(event);
    return true;
  }

  /** Send an event the room requires the machine to take; a refusal otherwise. */
  private sendOr(event: WorkshopEvent, message: string): ApplyResult {
    return this.send(event) ? done : refuse('notNow', message);
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
      case 'policyEdit':
      case 'policyTemplate':
      case 'policySubmit':
      case 'policyWithdraw':
        return this.policyCommand(command, by as { role: 'team'; lab: string });
      case 'policyReopen':
        return this.policyReopen(command.lab);
      case 'policyDisclosure':
        return this.inPolicyStep(() =>
          this.sendOr({ type: 'policy.disclosure', disclosure: command.disclosure }, 'not now'),
        );
      case 'policyTimer':
        return this.inPolicyStep(() => this.policyTimer(command.action, command.seconds, now));
      case 'beginQuarterOne':
        return this.inPolicyStep(() => this.beginQuarterOne());
      case 'openDecisions':
        return this.openDecisions(now);
      case 'resolve':
        return this.resolve();
      case 'undo':
        if (this.log.length === 0) return refuse('notNow', 'no quarter has been resolved yet');
        return this.sendOr({ type: 'undo' }, 'the last quarter cannot be undone now');
      case 'pause':
        return this.send({ type: 'pause', now }) ? done : unchanged;
      case 'resume':
        return this.send({ type: 'resume', now }) ? done : unchanged;
      case 'end':
        this.endedState = true;
        return done;
      case 'endAfterThisQuarter':
        if (this.over) return refuse('notNow', 'the game is over');
        return this.canEndNow
          ? this.sendOr({ type: 'endAfterThisQuarter' }, 'the game cannot end after this quarter')
          : unchanged;
      case 'playOn':
        return this.canPlayOn
          ? this.sendOr({ type: 'playOn' }, 'the game cannot play on now')
          : refuse('notNow', 'this quarter is not the last: there is nothing to take back');
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
      case 'draft':
        // A team's unfinished decision is the hub's to keep (rooms.ts), not the game's.
        return refuse('invalid', 'a draft is kept by the room, not played');
      default:
        return refuse('invalid', 'unknown command');
    }
  }

  private teamName(lab: string): string {
    return this.meta.teams.find((t) => t.lab === lab)?.name ?? lab;
  }

  /** The refusal when a team's device names a lab that is not its own (null: its own, or none). */
  private otherLab(lab: string | undefined, by: { lab: string }): ApplyResult | null {
    if (lab === undefined || lab === by.lab) return null;
    return refuse(
      'forbidden',
      `this device’s link is ${this.teamName(by.lab)}’s: it cannot act for ${JSON.stringify(lab)}`,
    );
  }

  private teamCommand(
    command: Extract<RoomCommand, { type: 'submit' | 'withdraw' }>,
    by: { role: 'team'; lab: string },
  ): ApplyResult {
    const other = this.otherLab(command.lab, by);
    if (other) return other;
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
    const meta = this.meta;
    if (!meta.roundOpen) {
      return refuse('notNow', 'decisions are not open yet: wait for the facilitator');
    }
    if (meta.paused) {
      return refuse('notNow', 'the game is paused for discussion: decide when it continues');
    }
    if (decision === null) {
      if (!(by.lab in this.pending)) return unchanged;
      return this.sendOr(
        { type: 'letDecideAgain', lab: by.lab },
        'the decision cannot be withdrawn in this step of the quarter',
      );
    }
    return this.lockIn(by.lab, decision);
  }

  /** A team locks in (or changes its lock-in) from its own device: the machine's own event. */
  private lockIn(lab: string, decision: LabDecision): ApplyResult {
    return this.sendOr(
      { type: 'lockInFromDevice', lab, decision },
      'the decision could not be recorded in this step of the quarter',
    );
  }

  private openDecisions(now: number): ApplyResult {
    if (this.over) return refuse('notNow', 'the game is over');
    if (this.meta.roundOpen) return unchanged;
    return this.sendOr({ type: 'openDecisions', now }, 'decisions cannot open now');
  }

  private resolve(): ApplyResult {
    const meta = this.meta;
    if (!meta.roundOpen) return refuse('notNow', 'open decisions first');
    if (meta.paused) return refuse('notNow', 'the game is paused: resume it first');
    const waiting = meta.teams.filter((t) => !(t.lab in this.pending));
    if (waiting.length > 0) {
      return refuse(
        'notNow',
        `not every team has locked in: waiting for ${waiting.map((t) => t.name).join(', ')}`,
      );
    }
    return this.sendOr({ type: 'resolve' }, 'the quarter could not be resolved');
  }

  private reopenTeam(lab: string): ApplyResult {
    if (!this.meta.teams.some((t) => t.lab === lab)) {
      return refuse('invalid', `lab: ${JSON.stringify(lab)} is not a team’s lab in this room`);
    }
    if (!this.meta.roundOpen) return refuse('notNow', 'decisions are not open');
    if (!(lab in this.pending)) return unchanged;
    return this.sendOr({ type: 'letDecideAgain', lab }, 'the team cannot decide again now');
  }

  private timer(
    action: 'pause' | 'resume' | 'restart' | 'add',
    seconds: number | undefined,
    now: number,
  ): ApplyResult {
    if (this.meta.timerSeconds === null) return refuse('notNow', 'this room has no timer');
    const before = this.meta.timer;
    const type = TIMER_EVENTS[action];
    const event: WorkshopEvent =
      type === 'timer.add' ? { type, seconds: seconds ?? 60, now } : { type, now };
    if (!this.send(event)) return unchanged;
    return { ok: true, changed: this.meta.timer !== before };
  }

  private recordCommitment(input: CommitmentInput): ApplyResult {
    if (this.meta.commitments.length >= WORKSHOP_LIMITS.commitments) {
      return refuse('invalid', `a room keeps at most ${WORKSHOP_LIMITS.commitments} commitments`);
    }
    const problem = commitmentProblems(input, this.setup.scenario, this.game.totalRounds)[0];
    if (problem) return refuse('invalid', `commitment.${problem.field}: ${problem.message}`);
    return this.sendOr({ type: 'commitment.record', input }, 'commitments are recorded in play');
  }

  private changeCommitment(
    command: Extract<RoomCommand, { type: 'markCommitment' | 'removeCommitment' }>,
  ): ApplyResult {
    const id = command.commitmentId;
    if (!this.meta.commitments.some((c) => c.id === id)) {
      return refuse('invalid', `commitmentId: no commitment ${JSON.stringify(id)} in this room`);
    }
    return command.type === 'markCommitment'
      ? this.sendOr({ type: 'commitment.mark', id, mark: command.mark }, 'cannot mark it now')
      : this.sendOr({ type: 'commitment.forget', id }, 'commitments are removed in play');
  }

  /** A policy-step command, refused (in words) once the step is over or before it. */
  private inPolicyStep(then: () => ApplyResult): ApplyResult {
    if (this.stage !== 'policies') {
      return refuse('notNow', 'the teams are not writing their policies: the game has started');
    }
    return then();
  }

  private policyCommand(command: PolicyTeamCommand, by: { role: 'team'; lab: string }) {
    const other = this.otherLab(command.lab, by);
    if (other) return other;
    // A malformed policy is refused as such, whatever the step.
    let policy: PolicySpec | null = null;
    if (command.type === 'policyEdit') {
      const parsed = v.safeParse(PolicySchema, command.policy);
      if (!parsed.success) {
        const checked = checkPolicy(command.policy, this.setup.scenario);
        const first = checked.ok ? null : checked.errors[0];
        return refuse('invalid', `policy.${first ? formatIssue(first) : 'not a policy'}`);
      }
      policy = parsed.output as PolicySpec;
      if (policy.id !== teamPolicyId(by.lab)) {
        return refuse(
          'invalid',
          `policy.id: a team’s policy keeps its id ${JSON.stringify(teamPolicyId(by.lab))}, got ${JSON.stringify(policy.id)}`,
        );
      }
    }
    return this.inPolicyStep(() => {
      const lab = by.lab;
      const submitted = this.submittedLabs.has(lab);
      switch (command.type) {
        case 'policySubmit':
          if (submitted) return unchanged;
          this.submittedLabs.add(lab);
          return done;
        case 'policyWithdraw':
          if (!submitted) return unchanged;
          this.submittedLabs.delete(lab);
          return done;
        default:
          if (submitted) {
            return refuse(
              'notNow',
              'your policy is handed in: press “Edit our policy” to change it',
            );
          }
          return command.type === 'policyTemplate'
            ? this.sendOr(
                { type: 'policy.template', lab, template: command.template },
                `template: ${JSON.stringify(command.template)} is not one of this scenario’s policies`,
              )
            : this.sendOr({ type: 'policy.edit', lab, policy: policy as PolicySpec }, 'not now');
      }
    });
  }

  private policyReopen(lab: string): ApplyResult {
    if (!this.meta.teams.some((t) => t.lab === lab)) {
      return refuse('invalid', `lab: ${JSON.stringify(lab)} is not a team’s lab in this room`);
    }
    return this.inPolicyStep(() => (this.submittedLabs.delete(lab) ? done : unchanged));
  }

  private policyTimer(
    action: 'pause' | 'resume' | 'add',
    seconds: number | undefined,
    now: number,
  ): ApplyResult {
    if (!this.meta.policyStep?.timer) return refuse('notNow', 'the policy step has no timer');
    const event: WorkshopEvent =
      action === 'add'
        ? { type: 'policy.timer.add', seconds: seconds ?? 120, now }
        : { type: action === 'pause' ? 'policy.timer.stop' : 'policy.timer.start', now };
    return this.sendOr(event, 'the writing timer cannot change now');
  }

  private beginQuarterOne(): ApplyResult {
    const waiting = this.meta.teams.filter((t) => !this.submittedLabs.has(t.lab));
    if (waiting.length > 0) {
      return refuse(
        'notNow',
        `not every team has handed in its policy: waiting for ${waiting.map((t) => t.name).join(', ')}`,
      );
    }
    const problems = this.policyProblems;
    if (problems.length > 0) {
      const first = problems[0] as DraftProblem;
      return refuse('notNow', `${this.teamName(first.lab)}’s policy: ${first.message}`);
    }
    const result = this.sendOr({ type: 'beginQuarterOne' }, 'quarter 1 cannot start now');
    if (result.ok) this.submittedLabs.clear();
    return result;
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
    const fire: WorkshopEvent =
      scripted === undefined
        ? { type: 'fireInject', event }
        : { type: 'fireInject', event, scripted };
    return this.sendOr(fire, 'an inject cannot fire now');
  }
}
