// What each device may see, built on the server so that nothing else ever leaves it. A team's
// device gets its own lab (labView: its evals, budget, safeguards — never the hidden truth), the
// news its lab may read, its own past quarters and its own locked-in decision, and the public
// view. The projector gets the public view (src/presentation/workshop/publicView.ts). The facilitator
// gets the public view, who has locked in (never what) and the room's controls.
//
// Pure functions of the room's state: tests/server/views.test.ts checks, for random games, that
// nothing one team may not see reaches its view.

import type { RoundDecisions } from '../engine/game';
import type { GameSetup } from '../engine/machines/gameMachine';
import { readableNews } from '../presentation/newsWords';
import type { GameState } from '../engine/types';
import { labView, newsVisibleTo } from '../engine/view';
import { publicSnapshot, type PublicSnapshot } from '../presentation/workshop/publicView';
import { assessCommitments } from '../engine/workshop/commitments';
import type { DraftProblem } from '../engine/workshop/teamPolicyCheck';
import type { WorkshopMeta } from '../engine/workshop/types';
import type { DecisionDraft } from '../lib/decisionDraftSave';
import type {
  FacilitatorView,
  JoinLinks,
  OwnQuarter,
  PolicyStepStatus,
  ProjectorView,
  TeamPolicyView,
  RoomStatus,
  TableOfEvent,
  TeamView,
} from '../lib/roomProtocol';

export interface RoomSnapshot {
  roomId: string;
  setup: GameSetup;
  game: GameState;
  meta: WorkshopMeta;
  /** Decisions locked in this quarter: only a team's own ever goes into a view. */
  pending: RoundDecisions;
  ended: boolean;
  now: number;
  /** Each team's unfinished decision as its device last sent it: only a team's own is shown. */
  drafts: Readonly<Record<string, DecisionDraft>>;
  /** What the console may do now, as the workshop machine answers (roomFlow.ts). */
  controls: RoomControls;
  /** In the policy step: who has handed in its policy, and what is wrong with each draft. */
  policyStep?: { submitted: readonly string[]; problems: readonly DraftProblem[] };
}

export interface RoomControls {
  canFireInject: boolean;
  canEndNow: boolean;
  canPlayOn: boolean;
  plannedQuarters: number;
}

function statusOf(room: RoomSnapshot): RoomStatus {
  return {
    roomId: room.roomId,
    stage: inPolicyStep(room) ? 'policies' : 'play',
    round: room.game.round,
    totalRounds: room.game.totalRounds,
    roundOpen: room.meta.roundOpen,
    paused: room.meta.paused,
    over: room.game.outcome !== null,
    ended: room.ended,
    serverNow: room.now,
  };
}

const inPolicyStep = (room: RoomSnapshot) =>
  room.meta.stage === 'policies' && room.meta.policyStep !== null;

/** A team's own draft in the policy step, with its submission and its problems. */
function ownPolicy(room: RoomSnapshot, lab: string): TeamPolicyView | null {
  const draft = inPolicyStep(room) ? room.meta.policyStep?.drafts.find((d) => d.lab === lab) : null;
  if (!draft) return null;
  return {
    draft,
    submitted: room.policyStep?.submitted.includes(lab) ?? false,
    problems: (room.policyStep?.problems ?? []).filter((p) => p.lab === lab).map((p) => p.message),
  };
}

function policyStepStatus(room: RoomSnapshot): PolicyStepStatus | null {
  const step = room.meta.policyStep;
  if (!inPolicyStep(room) || !step) return null;
  const submitted = room.policyStep?.submitted ?? [];
  const problems = room.policyStep?.problems ?? [];
  const teams = room.meta.teams.map((t) => ({
    lab: t.lab,
    name: t.name,
    submitted: submitted.includes(t.lab),
    problems: problems.filter((p) => p.lab === t.lab).length,
  }));
  return {
    disclosure: step.disclosure,
    seconds: step.seconds,
    teams,
    canBegin: !room.ended && teams.every((t) => t.submitted && t.problems === 0),
  };
}

function lockedIn(room: RoomSnapshot): string[] {
  return room.meta.teams.map((t) => t.lab).filter((lab) => lab in room.pending);
}

/**
 * The public view, built once per snapshot: the hub sends every device of a room its view from
 * one snapshot, and all of them (the projector's, the console's, each team's) share this part.
 */
const publicViews = new WeakMap<RoomSnapshot, PublicSnapshot>();

function publicOf(room: RoomSnapshot): PublicSnapshot {
  let view = publicViews.get(room);
  if (!view) {
    view = publicSnapshot(room.setup.scenario, room.game, room.meta, lockedIn(room));
    publicViews.set(room, view);
  }
  return view;
}

export function projectorView(room: RoomSnapshot): ProjectorView {
  return { kind: 'projector', status: statusOf(room), public: publicOf(room) };
}

/** A team's own past quarters, without what only the debrief reveals (true capability, risk). */
function ownHistory(game: GameState, lab: string): OwnQuarter[] {
  const quarters: OwnQuarter[] = [];
  for (const record of game.history) {
    const row = record.labs.find((l) => l.lab === lab);
    if (!row) continue;
    quarters.push({
      round: record.round,
      decision: {
        posture: row.decision.posture,
        budget: row.decision.budget,
        actions: row.decision.actions,
      },
      effectivePosture: row.effectivePosture,
      deployment: row.deployment,
      overriddenBy: row.overriddenBy,
      allowedPosture: row.allowedPosture,
      pauseCause: row.pauseCause,
      knownLevel: row.knownLevel,
      compliance: row.compliance,
      measured: row.measured,
      safeguards: row.safeguards,
      budget: row.budget,
      marketShare: row.marketShare,
      reputation: row.reputation,
      boardPressure: row.boardPressure,
    });
  }
  return quarters;
}

export function teamView(room: RoomSnapshot, lab: string): TeamView {
  const team = room.meta.teams.find((t) => t.lab === lab);
  if (!team) throw new Error(`"${lab}" is not a team's lab in room ${room.roomId}`);
  const { scenario } = room.setup;
  const { game } = room;
  const thisQuarter = game.world.news.filter((n) => n.round === game.round);
  const last = game.history.at(-1);
  const news = newsVisibleTo(
    readableNews(scenario, game.labs, [...(last?.news ?? []), ...thisQuarter]),
    lab,
  );
  const decision = room.pending[lab];
  const draft = room.drafts[lab];
  return {
    kind: 'team',
    status: statusOf(room),
    team: { lab: team.lab, name: team.name },
    lab: labView(game, scenario, lab),
    news,
    history: ownHistory(game, lab),
    decision: decision
      ? { posture: decision.posture, budget: decision.budget, actions: decision.actions }
      : null,
    // A draft from an earlier quarter is left behind: the form starts afresh each quarter.
    draft: draft && draft.round === game.round ? draft : null,
    policy: ownPolicy(room, lab),
    public: publicOf(room),
  };
}

export function facilitatorView(
  room: RoomSnapshot,
  tokens: JoinLinks,
  event: TableOfEvent | null = null,
): FacilitatorView {
  const locked = lockedIn(room);
  const over = room.game.outcome !== null;
  return {
    kind: 'facilitator',
    status: statusOf(room),
    public: publicOf(room),
    lockedIn: locked,
    waiting: room.meta.teams.map((t) => t.lab).filter((lab) => !locked.includes(lab)),
    canOpen: !room.ended && !over && !room.meta.roundOpen && !inPolicyStep(room),
    canResolve:
      !room.ended &&
      room.meta.roundOpen &&
      !room.meta.paused &&
      locked.length === room.meta.teams.length,
    resolved: room.game.history.length,
    timerSeconds: room.meta.timerSeconds,
    injects: room.meta.injects,
    commitments: room.meta.commitments,
    // How each commitment stands, as the laptop console shows it (the verdict, not the private
    // evidence behind it); the projector gets only the commitments' words (publicView.ts).
    assessed: assessCommitments(room.meta.commitments, room.setup.scenario, room.game).map(
      ({ commitment, assessment }) => ({ commitment, verdict: assessment.verdict }),
    ),
    labs: room.game.labs.map((l) => ({ id: l.id, name: l.name })),
    ...room.controls,
    policyStep: policyStepStatus(room),
    scriptedEvents: room.setup.scenario.events.map((e, index) => ({
      index,
      round: e.round,
      headline: e.headline,
    })),
    tokens,
    event,
  };
}
