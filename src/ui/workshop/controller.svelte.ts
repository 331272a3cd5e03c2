// The workshop session in the browser: the game machine (decisions, resolution, undo, injects),
// the session record (teams, timer, turn, commitments: src/engine/workshop/) and the setup
// being prepared. Every action goes through here, and every action is saved at once (key
// "threshold:workshop") and its public snapshot sent to the projector window. It holds no game
// rules: those are the engine's; the turn flow is src/engine/workshop/flow.ts.
//
// Call createWorkshop while a component initialises (the game actor lives with the component).

import { readableNews } from '../../engine/news';
import { createGame } from '../../engine/game';
import type { LabDecision, Scenario, ScriptedEvent } from '../../engine/types';
import {
  addCommitment,
  markCommitment,
  removeCommitment,
  type CommitmentInput,
} from '../../engine/workshop/commitments';
import * as flow from '../../engine/workshop/flow';
import { publicSnapshot, type PublicSnapshot } from '../../engine/workshop/publicView';
import { clampRevealSection } from '../../engine/workshop/reveal';
import { workshopReportMarkdown } from '../../report/workshop';
import {
  defaultTeamName,
  draftProblems,
  setupFromDraft,
  teamNamesByLab,
  type WorkshopDraft,
} from '../../engine/workshop/seats';
import type { CommitmentMark, WorkshopMeta } from '../../engine/workshop/types';
import { downloadText, slug } from '../../lib/download';
import { createGameActor } from '../../lib/gameActor.svelte';
import { createStore } from '../../lib/persistence';
import {
  WORKSHOP_KEY,
  loadWorkshop,
  makeWorkshopSave,
  parseWorkshopFile,
  sessionFileName,
  type WorkshopSession,
} from '../../lib/workshopSession';
import { decisionsCsv } from '../../report/csv';
import { isRoom, newRoom } from '../../lib/publicSnapshot';
import type { PublicChannel } from './publicChannel';

export type WorkshopScreen =
  'loading' | 'setup' | 'console' | 'handover' | 'team' | 'public' | 'debrief';

export interface WorkshopNotice {
  tone: 'info' | 'warn' | 'danger' | 'ok';
  title: string;
  text: string;
}

export interface WorkshopOptions {
  scenarios: readonly Scenario[];
  storage: Storage | null;
  /** The clock (tests pass a fixed one). */
  now?: () => number;
  /** Where public snapshots go (the projector window); null: nowhere. */
  channel?: PublicChannel | null;
  /** A new game's seed (tests pass a fixed one). */
  randomSeed?: () => number;
  /** The token that ties the projector window to this console (default: this tab's own). */
  room?: string;
}

const ROOM_KEY = 'threshold:workshop:room';

/**
 * This tab's room token, kept in the tab's session storage so that a reload of the console keeps
 * talking to the projector it opened; a fresh one where that storage is unavailable.
 */
export function tabRoom(): string {
  try {
    const kept = globalThis.sessionStorage?.getItem(ROOM_KEY);
    if (isRoom(kept)) return kept;
    const room = newRoom();
    globalThis.sessionStorage?.setItem(ROOM_KEY, room);
    return room;
  } catch {
    return newRoom();
  }
}

export const DEFAULT_TIMER_SECONDS = 300;

export function defaultDraft(scenario: Scenario, seed: number): WorkshopDraft {
  return {
    scenario,
    teams: [0, 1].map((i) => ({ name: defaultTeamName(i), labName: '' })),
    timerSeconds: DEFAULT_TIMER_SECONDS,
    seed,
  };
}

const sameScenario = (a: Scenario, b: Scenario) => JSON.stringify(a) === JSON.stringify(b);

export function createWorkshop(options: WorkshopOptions) {
  const { scenarios, storage, channel = null } = options;
  const room = options.room ?? tabRoom();
  const now = options.now ?? (() => Date.now());
  const randomSeed = options.randomSeed ?? (() => Math.floor(Math.random() * 1_000_000));
  const actor = createGameActor();
  const store = createStore(storage);

  let ready = $state(false);
  let meta = $state.raw<WorkshopMeta>(flow.initialMeta([], DEFAULT_TIMER_SECONDS));
  let draft = $state.raw<WorkshopDraft | null>(
    scenarios[0] ? defaultDraft(scenarios[0], randomSeed()) : null,
  );
  /** Scenarios from files and setups opened this visit (listed after the shipped ones). */
  let extraScenarios = $state.raw<Scenario[]>([]);
  let saveWarning = $state<string | null>(null);
  let notice = $state<WorkshopNotice | null>(null);
  /** Read out by screen readers (round results, lock-ins, injects). */
  let announcement = $state('');
  /** Draft saved in this browser (the setup survives a reload). */
  let draftSaved = $state(false);

  const ctx = () => actor.snapshot.context;
  const machineState = () => actor.snapshot.value as string;

  // ---------------------------------------------------------------- saving

  function currentSession(): Omit<WorkshopSession, 'savedAt'> | null {
    if (meta.stage === 'setup') {
      if (!draft || draftProblems(draft).length > 0) return null;
      const { setup, teams } = setupFromDraft(draft);
      return {
        setup,
        log: [],
        pending: {},
        meta: { ...meta, teams, timerSeconds: draft.timerSeconds, injects: [], commitments: [] },
      };
    }
    const c = ctx();
    if (!c.setup) return null;
    return {
      setup: c.setup,
      log: c.log,
      pending: c.pending,
      meta: { ...meta, injects: c.injects },
    };
  }

  // ---------------------------------------------------------------- the reveal (issue 16 item 3)
  // Which section of the end-of-game reveal the projector shows. Presentation only: not saved
  // (a reload starts the reveal again from its first section), never part of the game.

  let revealSection = $state(0);

  /** Step the projector's reveal by `delta` sections (kept in range) and show it at once. */
  function stepReveal(delta: number) {
    revealSection = clampRevealSection(revealSection + delta);
    broadcast();
  }

  // ----------------------------------------------------------------

  function snapshotOf(session: Omit<WorkshopSession, 'savedAt'> | null): PublicSnapshot | null {
    if (!session) return null;
    const c = ctx();
    const game =
      session.meta.stage === 'play' && c.game
        ? c.game
        : createGame(session.setup.scenario, session.setup);
    return publicSnapshot(
      session.setup.scenario,
      game,
      session.meta,
      Object.keys(session.pending),
      revealSection,
    );
  }

  function broadcast(session = currentSession()) {
    channel?.post({ type: 'public', room, snapshot: snapshotOf(session) });
  }

  function persist(force = false) {
    if (!ready) return;
    const session = currentSession();
    if (!session) return;
    const result = store.save(WORKSHOP_KEY, makeWorkshopSave(session), { force });
    saveWarning = result.ok ? null : result.warning;
    if (result.ok && meta.stage === 'setup') draftSaved = true;
    broadcast(session);
  }

  function update(next: WorkshopMeta) {
    meta = next;
    // "Resumed" and "opened" notes have done their job once the facilitator acts.
    if (notice && (notice.tone === 'info' || notice.tone === 'ok')) notice = null;
    persist();
  }

  // ---------------------------------------------------------------- opening a session

  function draftFrom(session: Omit<WorkshopSession, 'savedAt'>): WorkshopDraft {
    const scenario = session.setup.scenario;
    return {
      scenario:
        [...scenarios, ...extraScenarios].find((s) => sameScenario(s, scenario)) ?? scenario,
      teams: session.meta.teams.map((t) => ({ name: t.name, labName: '' })),
      timerSeconds: session.meta.timerSeconds,
      seed: session.setup.seed,
    };
  }

  function remember(scenario: Scenario) {
    const known = [...scenarios, ...extraScenarios].some((s) => sameScenario(s, scenario));
    if (!known) extraScenarios = [...extraScenarios, scenario];
  }

  /** Take a session (from storage or a file) as the current one. */
  function apply(session: WorkshopSession, fromReload: boolean) {
    remember(session.setup.scenario);
    if (session.meta.stage === 'setup') {
      actor.send({ type: 'newGame' });
      meta = session.meta;
      draft = draftFrom(session);
      draftSaved = true;
      return;
    }
    actor.send({
      type: 'restore',
      setup: session.setup,
      log: session.log,
      pending: session.pending,
      autoResolve: false,
      injects: session.meta.injects,
    });
    let next = session.meta;
    // A team screen is never reopened by a reload: that team presses Start again.
    if (fromReload && next.turn.screen === 'team') {
      next = { ...next, turn: { screen: 'handover', team: next.turn.team } };
    }
    if (ctx().pending && next.turn.team && next.turn.team in ctx().pending) {
      next = flow.afterLockIn(next, Object.keys(ctx().pending));
    }
    meta = next;
    draft = draftFrom(session);
  }

  function init() {
    const loaded = loadWorkshop(store, storage);
    if (loaded.status === 'ok') {
      apply(loaded.session, true);
      notice = {
        tone: 'info',
        title: 'Workshop resumed',
        text:
          loaded.session.meta.stage === 'setup'
            ? 'Your saved setup was reopened.'
            : ctx().game?.outcome
              ? 'The finished workshop was reopened at its debrief.'
              : `Resumed where it was: quarter ${ctx().game?.round ?? 1} of ${ctx().game?.totalRounds ?? ''}.`,
      };
    } else if (loaded.status === 'corrupt') {
      notice = {
        tone: 'warn',
        title: 'The saved workshop could not be resumed',
        text: `${loaded.message} Import a session file to continue, or set up a new workshop.`,
      };
    } else if (loaded.warning) {
      saveWarning = loaded.warning;
    }
    ready = true;
    // A copy recovered from the set-aside key is written straight back, so it is safe at once.
    if (loaded.status === 'ok' && loaded.recovered) persist();
    else broadcast();
  }

  $effect(() => {
    if (!channel) return;
    return channel.listen((message) => {
      if (message.type === 'hello' && message.room === room) broadcast();
    });
  });

  // ---------------------------------------------------------------- setup

  function setDraft(next: WorkshopDraft) {
    draft = next;
    draftSaved = false;
    persist();
  }

  function addScenario(scenario: Scenario) {
    remember(scenario);
    if (draft) setDraft({ ...draft, scenario });
  }

  function start(): boolean {
    if (!draft || draftProblems(draft).length > 0) return false;
    const { setup, teams } = setupFromDraft(draft);
    meta = flow.beginPlay({
      ...flow.initialMeta(teams, draft.timerSeconds),
      commitments: [],
      injects: [],
    });
    notice = null;
    actor.send({ type: 'start', setup, autoResolve: false });
    announcement = `The workshop has started: quarter 1 of ${setup.scenario.rounds}. Open decisions when the room has read the news.`;
    persist();
    return true;
  }

  // ---------------------------------------------------------------- the round

  function openDecisions() {
    if (meta.stage !== 'play' || ctx().game?.outcome) return;
    for (let i = 0; i < 3 && machineState() !== 'decisions'; i++) actor.send({ type: 'continue' });
    if (machineState() !== 'decisions') return;
    update(flow.openDecisions(meta, now()));
    announcement = `Decisions are open for quarter ${ctx().game?.round}.`;
  }

  function callTeam(lab: string) {
    if (lab in ctx().pending) return;
    update(flow.callTeam(meta, lab));
  }

  function startTurn() {
    const lab = meta.turn.team;
    if (!lab || lab in ctx().pending) return;
    update(flow.startTurn(meta));
  }

  function lockIn(lab: string, decision: LabDecision) {
    if (meta.turn.screen !== 'team' || meta.turn.team !== lab || !meta.roundOpen) return;
    actor.send({ type: 'submitDecision', lab, decision });
    if (!(lab in ctx().pending)) return;
    const team = meta.teams.find((t) => t.lab === lab);
    announcement = `${team?.name ?? 'The team'} has locked in.`;
    update(flow.afterLockIn(meta, Object.keys(ctx().pending)));
  }

  function stepAway() {
    update(flow.stepAway(meta));
  }

  function toConsole() {
    update(flow.toConsole(meta));
  }

  function showPublic() {
    update(flow.showPublic(meta));
  }

  function letDecideAgain(lab: string) {
    if (!(lab in ctx().pending)) return;
    actor.send({ type: 'withdrawDecision', lab });
    const team = meta.teams.find((t) => t.lab === lab);
    announcement = `${team?.name ?? 'The team'} can decide again.`;
    persist();
  }

  const allLockedIn = () => meta.teams.every((t) => t.lab in ctx().pending);

  function resolve() {
    if (!meta.roundOpen || !allLockedIn()) return;
    const before = ctx().log.length;
    actor.send({ type: 'resolveRound' });
    if (ctx().log.length === before) return;
    const game = ctx().game;
    const last = game?.history.at(-1);
    const scenario = ctx().setup?.scenario;
    const news = last && game && scenario ? readableNews(scenario, game.labs, last.news) : [];
    const headlines = news
      .filter((n) => n.kind !== 'evals' && n.kind !== 'board')
      .slice(0, 4)
      .map((n) => n.headline);
    announcement = `Quarter ${last?.round} resolved.${headlines.length ? ` ${headlines.join('. ')}.` : ' A quiet quarter.'}${
      game?.outcome ? ' The game is over: the debrief is ready.' : ` Quarter ${game?.round} begins.`
    }`;
    update(flow.afterResolve(meta));
  }

  function undo() {
    if (ctx().log.length === 0) return;
    const round = ctx().log.length;
    actor.send({ type: 'undoResolution' });
    announcement = `Quarter ${round}’s resolution was undone: every team’s choice is locked in again, and any team can be let to decide again.`;
    update(flow.afterUndo({ ...meta, injects: ctx().injects }));
  }

  function pause() {
    update(flow.pauseSession(meta, now()));
    announcement = 'The game is paused for discussion.';
  }

  function resume() {
    update(flow.resumeSession(meta, now()));
    announcement = 'The game continues.';
  }

  const timer = {
    pause: () => update(flow.timerPause(meta, now())),
    resume: () => update(flow.timerResume(meta, now())),
    add: (seconds: number) => update(flow.timerAdd(meta, seconds, now())),
    restart: () => update(flow.timerRestart(meta, now())),
  };

  /** Fire an inject now; `scripted` is its index when it is one of the scenario's own events. */
  function fireInject(event: ScriptedEvent, scripted?: number): boolean {
    const before = ctx().injects.length;
    actor.send({ type: 'fireInject', event, scripted });
    if (ctx().injects.length === before) return false;
    announcement = `Inject fired: ${event.headline}.`;
    update(flow.withInjects(meta, ctx().injects));
    return true;
  }

  // ---------------------------------------------------------------- commitments

  function recordCommitment(input: CommitmentInput) {
    update({ ...meta, commitments: addCommitment(meta.commitments, input) });
    announcement = 'Commitment recorded.';
  }

  function mark(id: string, value: CommitmentMark) {
    update({ ...meta, commitments: markCommitment(meta.commitments, id, value) });
  }

  function forget(id: string) {
    update({ ...meta, commitments: removeCommitment(meta.commitments, id) });
  }

  // ---------------------------------------------------------------- files

  function fileBase(): string {
    const scenario = ctx().setup?.scenario ?? draft?.scenario;
    return slug(scenario?.title ?? 'workshop');
  }

  /** Download the session (or the setup) as a file. False if there is nothing valid to save. */
  function exportSession(): boolean {
    const session = currentSession();
    if (!session) return false;
    persist();
    const text = `${JSON.stringify(makeWorkshopSave(session), null, 2)}\n`;
    downloadText(
      sessionFileName(fileBase(), session.meta, ctx().game?.round ?? 1),
      text,
      'application/json',
    );
    return true;
  }

  async function importSession(file: File): Promise<{ ok: true } | { ok: false; message: string }> {
    const result = await parseWorkshopFile(file);
    if (!result.ok) return result;
    apply(result.session, false);
    notice = {
      tone: 'ok',
      title: 'Session opened',
      text:
        result.session.meta.stage === 'setup'
          ? `The setup from “${file.name}” is ready to start.`
          : `“${file.name}”: quarter ${ctx().game?.round ?? 1} of ${ctx().game?.totalRounds ?? ''}, where it was saved.`,
    };
    persist(true);
    return { ok: true };
  }

  function downloadReport(format: 'markdown' | 'csv') {
    const c = ctx();
    if (!c.setup || !c.game) return;
    const base = `threshold-workshop-${fileBase()}-seed-${c.setup.seed}`;
    if (format === 'markdown') {
      downloadText(
        `${base}-report.md`,
        workshopReportMarkdown(c.setup.scenario, c.game, { ...meta, injects: c.injects }),
        'text/markdown',
      );
    } else {
      downloadText(
        `${base}-decisions.csv`,
        decisionsCsv(c.setup.scenario, c.game, teamNamesByLab(meta.teams)),
        'text/csv',
      );
    }
  }

  /** Close this workshop and prepare a new one with the same teams and scenario. */
  function newWorkshop() {
    const c = ctx();
    const session = currentSession();
    if (session) draft = { ...draftFrom(session), seed: randomSeed() };
    if (c.setup) remember(c.setup.scenario);
    actor.send({ type: 'newGame' });
    meta = flow.backToSetup(meta);
    notice = null;
    persist();
  }

  // ---------------------------------------------------------------- what to show

  const screen = $derived.by<WorkshopScreen>(() => {
    if (!ready) return 'loading';
    if (meta.stage === 'setup' || machineState() === 'setup' || !actor.snapshot.context.game) {
      return 'setup';
    }
    if (machineState() === 'debrief') return meta.turn.screen === 'public' ? 'public' : 'debrief';
    const { screen: s, team } = meta.turn;
    if (s === 'team' && (!team || !meta.roundOpen || team in actor.snapshot.context.pending))
      return 'handover';
    return s;
  });

  return {
    init,
    /** The token the projector window is opened with (`#projector=<room>`). */
    room,
    get ready() {
      return ready;
    },
    get screen() {
      return screen;
    },
    get meta() {
      return meta;
    },
    get draft() {
      return draft;
    },
    get draftSaved() {
      return draftSaved;
    },
    get scenarios(): Scenario[] {
      return [...scenarios, ...extraScenarios];
    },
    get setup() {
      return actor.snapshot.context.setup;
    },
    get game() {
      return actor.snapshot.context.game;
    },
    get log() {
      return actor.snapshot.context.log;
    },
    /** Labs that have locked in this quarter (never what they chose). */
    get lockedIn(): string[] {
      return Object.keys(actor.snapshot.context.pending);
    },
    get injects() {
      return actor.snapshot.context.injects;
    },
    get canFireInject() {
      const s = actor.snapshot.value as string;
      return (
        ['briefing', 'evaluation', 'decisions'].includes(s) && !actor.snapshot.context.game?.outcome
      );
    },
    get saveWarning() {
      return saveWarning;
    },
    get notice() {
      return notice;
    },
    get announcement() {
      return announcement;
    },
    /** The public snapshot of the session as it stands. */
    get publicView(): PublicSnapshot | null {
      void actor.snapshot;
      void meta;
      void revealSection;
      return snapshotOf(currentSession());
    },
    /** The reveal's section on the projector, and stepping through it. */
    get revealSection() {
      return revealSection;
    },
    stepReveal,
    dismissNotice: () => (notice = null),
    dismissSaveWarning: () => (saveWarning = null),
    setDraft,
    addScenario,
    start,
    openDecisions,
    callTeam,
    startTurn,
    lockIn,
    stepAway,
    toConsole,
    showPublic,
    letDecideAgain,
    resolve,
    undo,
    pause,
    resume,
    timer,
    fireInject,
    recordCommitment,
    mark,
    forget,
    exportSession,
    importSession,
    downloadReport,
    newWorkshop,
    now,
  };
}

export type WorkshopController = ReturnType<typeof createWorkshop>;
