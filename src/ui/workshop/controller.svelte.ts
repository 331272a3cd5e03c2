// The workshop session in the browser: a thin adapter around the workshop machine
// (src/engine/workshop/workshopMachine.ts, whose child is the game machine) plus the setup being
// prepared. Each action is an event the machine either takes (`snapshot.can`) or refuses; what
// was taken is saved at once (key "threshold:workshop", the record derived from the machine's
// snapshot) and its public snapshot sent to the projector window. No game rules and no flow here.
//
// Call createWorkshop while a component initialises (the actor lives with the component).

import { readableNews } from '../../presentation/newsWords';
import { createGame, plannedRounds } from '../../engine/game';
import type { LabDecision, Scenario, ScriptedEvent } from '../../engine/types';
import type { CommitmentInput } from '../../engine/workshop/commitments';
import { initialMeta } from '../../engine/workshop/flow';
import { publicSnapshot, type PublicSnapshot } from '../../presentation/workshop/publicView';
import { clampRevealSection } from '../../presentation/workshop/reveal';
import {
  defaultTeamName,
  draftProblems,
  setupFromDraft,
  teamNamesByLab,
  type WorkshopDraft,
} from '../../engine/workshop/seats';
import {
  NO_SESSION_OPTIONS,
  policySecondsOf,
  sessionDraftOf,
  sessionDraftProblems,
  withQuarters,
  type PolicyStepDraft,
  type SessionDraft,
} from '../../engine/workshop/sessionDraft';
import type {
  CommitmentMark,
  PolicyDisclosure,
  PolicyStep,
  WorkshopMeta,
} from '../../engine/workshop/types';
import type { PolicySpec } from '../../engine/types';
import { workshopMachine, type WorkshopEvent } from '../../engine/workshop/workshopMachine';
import { playRecord, roomRecord } from '../../engine/workshop/workshopRecord';
import { downloadText, slug } from '../../lib/download';
import { createMachineActor } from '../../lib/gameActor.svelte';
import { createGameStore } from '../../lib/gameStore';
import { WORKSHOP_KEY, type WorkshopSession } from '../../lib/workshopFile/sessionTypes';
import { makeWorkshopSave, sessionFileName } from '../../lib/workshopFile/writeSession';
import { loadReportWriter } from '../common/reportWriter';
import { isRoom, newRoom } from '../../lib/roomToken';
import type { PublicChannel } from './publicChannel';
import type { StressComparison } from '../../engine/workshop/stressTest';
import { labsWithTeamPolicies } from '../../engine/workshop/teamPolicies';
import type { WorkerLike } from '../../explorer/pool';
import { runStressTest, type StressRun } from './stressRun';
import { consoleViewOf, type ConsoleView } from '../../presentation/workshop/consoleView';

export type WorkshopScreen =
  'loading' | 'setup' | 'policies' | 'console' | 'handover' | 'team' | 'public' | 'debrief';

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
  /** Workers for the stress test (tests pass in-thread ones; default: Web Workers). */
  createStressWorker?: () => WorkerLike;
  /** Games per arm of the stress test (tests use few). */
  stressGames?: number;
}

/** The stress test of the teams' policies, as the debrief shows it (not saved: rerun it). */
export interface StressState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  comparisons: StressComparison[] | null;
  message: string | null;
}

const NO_STRESS: StressState = {
  status: 'idle',
  done: 0,
  total: 0,
  comparisons: null,
  message: null,
};

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

type SessionReader = typeof import('../../lib/workshopFile/sessionReader');

/** The reader is fetched only when there is something to read: is anything kept under `key`? */
function somethingStored(storage: Storage | null, key: string): boolean {
  try {
    return storage?.getItem(key) != null;
  } catch {
    return false; // storage refused: the store's load says so
  }
}

type PolicyCheck = typeof import('../../engine/workshop/teamPolicyCheck');

const READER_MISSING =
  'the part of Threshold that reads saved sessions could not be loaded — check the connection and try again';

export function createWorkshop(options: WorkshopOptions) {
  const { scenarios, storage, channel = null } = options;
  const room = options.room ?? tabRoom();
  const now = options.now ?? (() => Date.now());
  const randomSeed = options.randomSeed ?? (() => Math.floor(Math.random() * 1_000_000));
  // The policy step's check (the scenario validator, with valibot) is fetched when a policy step
  // begins or is resumed, not with every workshop: the machine takes `beginQuarterOne` only once
  // it is here and every draft passes (workshopMachine.ts's `policiesSound`).
  let policyCheck = $state.raw<PolicyCheck | null>(null);
  let policyCheckFailed = $state(false);
  let policyCheckLoading: Promise<PolicyCheck> | null = null;
  function loadPolicyCheck() {
    policyCheckLoading ??= import('../../engine/workshop/teamPolicyCheck').then(
      (module) => (policyCheck = module),
      (error: unknown) => {
        policyCheckLoading = null;
        policyCheckFailed = true;
        throw error;
      },
    );
    void policyCheckLoading.catch(() => {}); // shown as a problem with the drafts
  }
  const actor = createMachineActor(
    workshopMachine.provide({
      guards: { policiesSound: ({ context }) => policyCheck?.policiesSound(context) ?? false },
    }),
  );

  // Reading a session back (the browser's copy, a file) needs the session checks, which a new
  // workshop never uses: they are fetched the first time something is read (loadReader), and the
  // store reads nothing before then.
  let reader: SessionReader | null = null;
  let readerLoading: Promise<SessionReader> | null = null;
  function loadReader(): Promise<SessionReader> {
    readerLoading ??= import('../../lib/workshopFile/sessionReader').then(
      (module) => (reader = module),
      (error: unknown) => {
        readerLoading = null; // the next attempt fetches it again
        throw error;
      },
    );
    return readerLoading;
  }
  const store = createGameStore(storage, (value) =>
    reader ? reader.parseSavedGame(value) : { ok: false, message: READER_MISSING },
  );

  // The game machine is the workshop's child: its changes reach this wrapper through its own
  // subscription (the workshop's snapshot object stays the same when only the game moved).
  const gameActor = actor.snapshot.context.game;
  let gameSnapshot = $state.raw(gameActor.getSnapshot());
  const gameSubscription = gameActor.subscribe((next) => (gameSnapshot = next));
  $effect(() => () => gameSubscription.unsubscribe());

  let ready = $state(false);
  /** Why the session kept in this browser could not even be read (the reader did not load). */
  let loadError = $state<string | null>(null);
  let draft = $state.raw<WorkshopDraft | null>(
    scenarios[0] ? defaultDraft(scenarios[0], randomSeed()) : null,
  );
  /** The length and the PIN chosen at setup. */
  let sessionDraft = $state.raw<SessionDraft>(NO_SESSION_OPTIONS);
  /** Scenarios from files and setups opened this visit (listed after the shipped ones). */
  let extraScenarios = $state.raw<Scenario[]>([]);
  let saveWarning = $state<string | null>(null);
  let notice = $state<WorkshopNotice | null>(null);
  /** Read out by screen readers (round results, lock-ins, injects). */
  let announcement = $state('');
  /** Draft saved in this browser (the setup survives a reload). */
  let draftSaved = $state(false);

  const game = () => gameSnapshot.context;
  const inSetup = () => actor.snapshot.matches('setup');

  /** The room's record, from the machine (teams, timer, turn, commitments, injects, PIN). */
  const meta = $derived.by<WorkshopMeta>(() => {
    void gameSnapshot;
    return roomRecord(actor.snapshot);
  });

  // ---------------------------------------------------------------- saving

  function setupSession(): Omit<WorkshopSession, 'savedAt'> | null {
    if (!draft || draftProblems(draft).length > 0) return null;
    if (sessionDraftProblems(sessionDraft, draft.scenario).length > 0) return null;
    const { setup, teams } = setupFromDraft(draft);
    return {
      setup: withQuarters(setup, sessionDraft),
      log: [],
      pending: {},
      meta: { ...initialMeta(teams, draft.timerSeconds), pin: sessionDraft.pin || null },
    };
  }

  function currentSession(): Omit<WorkshopSession, 'savedAt'> | null {
    if (inSetup()) return setupSession();
    void gameSnapshot;
    return playRecord(actor.snapshot);
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

  // ---------------------------------------------------------------- the stress test

  let stress = $state.raw<StressState>(NO_STRESS);
  let stressRun: StressRun | null = null;

  /** Play the stress test off the main thread, with progress; the result joins the report. */
  function runStress() {
    const { setup, game: state } = game();
    if (!setup || !state || stressRun) return;
    stress = { ...NO_STRESS, status: 'running' };
    const run = runStressTest(setup.scenario, state.history.length, setup.seed, {
      ...(options.stressGames ? { games: options.stressGames } : {}),
      ...(options.createStressWorker ? { createWorker: options.createStressWorker } : {}),
      onProgress: (done, total) => (stress = { ...stress, done, total }),
    });
    stressRun = run;
    run.done.then(
      (comparisons) => {
        stressRun = null;
        stress = comparisons
          ? { ...stress, status: 'done', comparisons }
          : { ...stress, status: 'cancelled' };
        announcement = comparisons
          ? 'The stress test is done: its results are in the debrief and the report.'
          : 'The stress test was stopped.';
      },
      (error: unknown) => {
        stressRun = null;
        stress = {
          ...stress,
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        };
      },
    );
  }

  function cancelStress() {
    stressRun?.cancel();
  }

  function forgetStress() {
    stressRun?.cancel();
    stressRun = null;
    stress = NO_STRESS;
  }

  // ----------------------------------------------------------------

  function snapshotOf(session: Omit<WorkshopSession, 'savedAt'> | null): PublicSnapshot | null {
    if (!session) return null;
    const current = game().game;
    const state =
      session.meta.stage === 'play' && current
        ? current
        : createGame(session.setup.scenario, session.setup);
    return publicSnapshot(
      session.setup.scenario,
      state,
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
    if (result.ok && inSetup()) draftSaved = true;
    broadcast(session);
  }

  /**
   * Send an event the machine takes, then save. False (and nothing sent) when the machine
   * refuses it where it stands.
   */
  function act(event: WorkshopEvent): boolean {
    if (!actor.snapshot.can(event)) return false;
    actor.send(event);
    // "Resumed" and "opened" notes have done their job once the facilitator acts.
    if (notice && (notice.tone === 'info' || notice.tone === 'ok')) notice = null;
    persist();
    return true;
  }

  // ---------------------------------------------------------------- opening a session

  function draftFrom(session: Omit<WorkshopSession, 'savedAt'>): WorkshopDraft {
    const { rounds: _rounds, endAfter: _end, ...setup } = session.setup;
    void _rounds;
    void _end;
    const scenario = setup.scenario;
    return {
      scenario:
        [...scenarios, ...extraScenarios].find((s) => sameScenario(s, scenario)) ?? scenario,
      teams: session.meta.teams.map((t) => ({ name: t.name, labName: '' })),
      timerSeconds: session.meta.timerSeconds,
      seed: setup.seed,
    };
  }

  function remember(scenario: Scenario) {
    const known = [...scenarios, ...extraScenarios].some((s) => sameScenario(s, scenario));
    if (!known) extraScenarios = [...extraScenarios, scenario];
  }

  /** Take a session (from storage or a file) as the current one. */
  function apply(session: WorkshopSession, reload: boolean) {
    forgetStress();
    remember(session.setup.scenario);
    draft = draftFrom(session);
    sessionDraft = sessionDraftOf(session.setup, session.meta.pin, stepDraftOf(session.meta));
    if (session.meta.stage === 'setup') {
      actor.send({ type: 'newWorkshop' });
      draftSaved = true;
      return;
    }
    actor.send({ type: 'restore', record: session, reload });
  }

  function where(): string {
    if (actor.snapshot.matches('policies')) return 'The teams are writing their policies.';
    const g = game().game;
    if (!g) return '';
    return g.outcome
      ? 'The finished workshop was reopened at its debrief.'
      : `Resumed where it was: quarter ${g.round} of ${g.totalRounds}.`;
  }

  async function init() {
    if (somethingStored(storage, WORKSHOP_KEY)) {
      try {
        await loadReader();
      } catch {
        // Nothing is shown or saved over the kept session: a reload tries again.
        loadError =
          'The workshop kept in this browser could not be opened: the part of Threshold that reads saved sessions could not be loaded. It is still saved here: check the connection and reload the page.';
        return;
      }
    }
    if (!reader) {
      // Nothing kept here: a new workshop. Loading reads nothing then (no reader is called); it
      // only says whether this browser lets the page save.
      const probe = store.load(WORKSHOP_KEY);
      if (probe.status === 'empty' && probe.warning) saveWarning = probe.warning;
      ready = true;
      broadcast();
      return;
    }
    const loaded = reader.loadWorkshop(store, storage);
    if (loaded.status === 'ok') {
      apply(loaded.session, true);
      notice = {
        tone: 'info',
        title: 'Workshop resumed',
        text: loaded.session.meta.stage === 'setup' ? 'Your saved setup was reopened.' : where(),
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

  function setSessionDraft(next: SessionDraft) {
    sessionDraft = next;
    draftSaved = false;
    persist();
  }

  function addScenario(scenario: Scenario) {
    remember(scenario);
    if (draft) setDraft({ ...draft, scenario });
  }

  function start(): boolean {
    const session = setupSession();
    if (!session) return false;
    const { setup, meta: record } = session;
    const step = sessionDraft.policyStep;
    if (step) {
      const writing = act({
        type: 'writePolicies',
        setup,
        teams: record.teams,
        timerSeconds: record.timerSeconds,
        pin: record.pin,
        policySeconds: policySecondsOf(step),
        disclosure: step.disclosure,
        now: now(),
      });
      if (writing) {
        notice = null;
        announcement =
          'The teams write their policies now. Each starts from a copy of its lab’s policy.';
      }
      return writing;
    }
    const started = act({
      type: 'start',
      setup,
      teams: record.teams,
      timerSeconds: record.timerSeconds,
      pin: record.pin,
    });
    if (!started) return false;
    notice = null;
    announcement = `The workshop has started: quarter 1 of ${game().game?.totalRounds ?? setup.scenario.rounds}. Open decisions when the room has read the news.`;
    return true;
  }

  // ---------------------------------------------------------------- the policy step

  const policyStep = (): PolicyStep | null => {
    void gameSnapshot;
    return actor.snapshot.context.policyStep;
  };

  function editPolicy(lab: string, policy: PolicySpec) {
    act({ type: 'policy.edit', lab, policy });
  }

  function pickTemplate(lab: string, template: string) {
    if (act({ type: 'policy.template', lab, template })) {
      announcement = `${teamName(lab)} starts again from ${
        actor.snapshot.context.pendingSetup?.scenario.policies.find((p) => p.id === template)
          ?.name ?? template
      }.`;
    }
  }

  const setDisclosure = (disclosure: PolicyDisclosure) =>
    act({ type: 'policy.disclosure', disclosure });

  const policyTimer = {
    pause: () => act({ type: 'policy.timer.stop', now: now() }),
    resume: () => act({ type: 'policy.timer.start', now: now() }),
    add: (seconds: number) => act({ type: 'policy.timer.add', seconds, now: now() }),
  };

  /** Quarter 1, with each team's lab under its own policy. False while a draft has a problem. */
  function beginQuarterOne(): boolean {
    if (!act({ type: 'beginQuarterOne' })) return false;
    announcement = `The policies are written. Quarter 1 of ${game().game?.totalRounds ?? ''} begins: open decisions when the room has read the news.`;
    return true;
  }

  // ---------------------------------------------------------------- the round

  const teamName = (lab: string) => meta.teams.find((t) => t.lab === lab)?.name ?? 'The team';

  function openDecisions() {
    if (act({ type: 'openDecisions', now: now() })) {
      announcement = `Decisions are open for quarter ${game().game?.round}.`;
    }
  }

  const callTeam = (lab: string) => act({ type: 'callTeam', lab });
  const startTurn = () => act({ type: 'startTurn' });
  const stepAway = () => act({ type: 'stepAway' });
  const showPublic = () => act({ type: 'showPublic' });

  /** Back to the console: from a team's screen only with the PIN. False if it was refused. */
  function toConsole(pin?: string): boolean {
    return act(pin === undefined ? { type: 'toConsole' } : { type: 'toConsole', pin });
  }

  function lockIn(lab: string, decision: LabDecision) {
    if (act({ type: 'lockIn', lab, decision })) {
      announcement = `${teamName(lab)} has locked in.`;
    }
  }

  function letDecideAgain(lab: string) {
    if (act({ type: 'letDecideAgain', lab })) {
      announcement = `${teamName(lab)} can decide again.`;
    }
  }

  function resolve() {
    if (!act({ type: 'resolve' })) return;
    const { game: state, setup } = game();
    const last = state?.history.at(-1);
    const news = last && state && setup ? readableNews(setup.scenario, state.labs, last.news) : [];
    const headlines = news
      .filter((n) => n.kind !== 'evals' && n.kind !== 'board')
      .slice(0, 4)
      .map((n) => n.headline);
    announcement = `Quarter ${last?.round} resolved.${headlines.length ? ` ${headlines.join('. ')}.` : ' A quiet quarter.'}${
      state?.outcome
        ? ' The game is over: the debrief is ready.'
        : ` Quarter ${state?.round} begins.`
    }`;
  }

  function undo() {
    const round = game().log.length;
    if (act({ type: 'undo' })) {
      // The stress test plays as many quarters as the game: a game reopened may end elsewhere.
      forgetStress();
      announcement = `Quarter ${round}’s resolution was undone: every team’s choice is locked in again, and any team can be let to decide again.`;
    }
  }

  /** "End now": the current quarter is the last; resolving it opens the debrief. */
  function endAfterThisQuarter() {
    if (act({ type: 'endAfterThisQuarter' })) {
      announcement = `Quarter ${game().game?.round} is now the last: resolving it opens the debrief.`;
    }
  }

  /** Take back "end now": the game plays on to its planned length. */
  function playOn() {
    if (act({ type: 'playOn' })) {
      announcement = `The game plays on to quarter ${game().game?.totalRounds}.`;
    }
  }

  function pause() {
    if (act({ type: 'pause', now: now() })) announcement = 'The game is paused for discussion.';
  }

  function resume() {
    if (act({ type: 'resume', now: now() })) announcement = 'The game continues.';
  }

  const timer = {
    pause: () => act({ type: 'timer.stop', now: now() }),
    resume: () => act({ type: 'timer.start', now: now() }),
    add: (seconds: number) => act({ type: 'timer.add', seconds, now: now() }),
    restart: () => act({ type: 'timer.restart', now: now() }),
  };

  /** Fire an inject now; `scripted` is its index when it is one of the scenario's own events. */
  function fireInject(event: ScriptedEvent, scripted?: number): boolean {
    const fired = act(
      scripted === undefined
        ? { type: 'fireInject', event }
        : { type: 'fireInject', event, scripted },
    );
    if (fired) announcement = `Inject fired: ${event.headline}.`;
    return fired;
  }

  // ---------------------------------------------------------------- commitments

  function recordCommitment(input: CommitmentInput) {
    if (act({ type: 'commitment.record', input })) announcement = 'Commitment recorded.';
  }

  const mark = (id: string, value: CommitmentMark) =>
    act({ type: 'commitment.mark', id, mark: value });
  const forget = (id: string) => act({ type: 'commitment.forget', id });

  // ---------------------------------------------------------------- files

  function fileBase(): string {
    const scenario = game().setup?.scenario ?? draft?.scenario;
    return slug(scenario?.title ?? 'workshop');
  }

  /** Download the session (or the setup) as a file. False if there is nothing valid to save. */
  function exportSession(): boolean {
    const session = currentSession();
    if (!session) return false;
    persist();
    const text = `${JSON.stringify(makeWorkshopSave(session), null, 2)}\n`;
    downloadText(
      sessionFileName(fileBase(), session.meta, game().game?.round ?? 1),
      text,
      'application/json',
    );
    return true;
  }

  async function importSession(file: File): Promise<{ ok: true } | { ok: false; message: string }> {
    let read: SessionReader;
    try {
      read = await loadReader();
    } catch {
      return { ok: false, message: READER_MISSING };
    }
    const result = await read.parseWorkshopFile(file);
    if (!result.ok) return result;
    apply(result.session, false);
    const g = game().game;
    notice = {
      tone: 'ok',
      title: 'Session opened',
      text:
        result.session.meta.stage === 'setup'
          ? `The setup from “${file.name}” is ready to start.`
          : `“${file.name}”: quarter ${g?.round ?? 1} of ${g?.totalRounds ?? ''}, where it was saved.`,
    };
    persist(true);
    return { ok: true };
  }

  async function downloadReport(format: 'markdown' | 'csv') {
    const { setup, game: state } = game();
    if (!setup || !state) return;
    const base = `threshold-workshop-${fileBase()}-seed-${setup.seed}`;
    if (format === 'markdown') {
      const writer = await loadReportWriter(
        () => import('../../presentation/report/workshop'),
        (missing) => (notice = missing),
      );
      if (!writer) return;
      downloadText(
        `${base}-report.md`,
        writer.workshopReportMarkdown(setup.scenario, state, meta, setup, stress.comparisons),
        'text/markdown',
      );
    } else {
      // The CSV writer too is fetched on the click.
      const writer = await loadReportWriter(
        () => import('../../presentation/report/csv'),
        (missing) => (notice = missing),
      );
      if (!writer) return;
      downloadText(
        `${base}-decisions.csv`,
        writer.decisionsCsv(setup.scenario, state, teamNamesByLab(meta.teams)),
        'text/csv',
      );
    }
  }

  /** Close this workshop and prepare a new one with the same teams, scenario, length and PIN. */
  function newWorkshop() {
    const session = currentSession();
    if (session) {
      draft = { ...draftFrom(session), seed: randomSeed() };
      sessionDraft = {
        ...sessionDraftOf(session.setup, session.meta.pin),
        policyStep: sessionDraft.policyStep,
      };
      remember(session.setup.scenario);
    }
    actor.send({ type: 'newWorkshop' });
    forgetStress();
    notice = null;
    persist();
  }

  // ---------------------------------------------------------------- what to show

  $effect(() => {
    if (screen === 'policies') loadPolicyCheck();
  });

  const screen = $derived.by<WorkshopScreen>(() => {
    const s = actor.snapshot;
    if (!ready) return 'loading';
    if (s.matches('setup')) return 'setup';
    if (s.matches('policies')) return 'policies';
    if (s.matches({ debrief: 'public' })) return 'public';
    if (s.matches('debrief')) return 'debrief';
    if (s.matches({ play: { screen: 'handover' } })) return 'handover';
    if (s.matches({ play: { screen: 'team' } })) return 'team';
    if (s.matches({ play: { screen: 'public' } })) return 'public';
    return 'console';
  });

  return {
    init,
    /** The token the projector window is opened with (`#projector=<room>`). */
    room,
    get ready() {
      return ready;
    },
    get loadError() {
      return loadError;
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
    get sessionDraft() {
      return sessionDraft;
    },
    get draftSaved() {
      return draftSaved;
    },
    get scenarios(): Scenario[] {
      return [...scenarios, ...extraScenarios];
    },
    get setup() {
      return gameSnapshot.context.setup;
    },
    /** The policy step while the room is in it (drafts, timer, disclosure); null otherwise. */
    get policyStep() {
      return policyStep();
    },
    /** The scenario the teams write for (the game the step leads to). */
    get policyScenario() {
      void gameSnapshot;
      return actor.snapshot.context.pendingSetup?.scenario ?? null;
    },
    /** What is wrong with the drafts, by team (empty: quarter 1 can start). */
    /** The stress test of the teams' policies (only a game with team policies has one). */
    get stress() {
      return stress;
    },
    get hasTeamPolicies() {
      const setup = gameSnapshot.context.setup;
      return setup ? labsWithTeamPolicies(setup.scenario).length > 0 : false;
    },
    get policyProblems(): { lab: string; message: string }[] {
      const step = policyStep();
      const scenario = actor.snapshot.context.pendingSetup?.scenario;
      if (!step || !scenario) return [];
      if (policyCheck) return policyCheck.draftProblems(scenario, step.drafts);
      return [
        {
          lab: '',
          message: policyCheckFailed
            ? 'the part of Threshold that checks policies could not be loaded — check the connection and reload the page'
            : 'the policies are still being checked',
        },
      ];
    },
    get game() {
      return gameSnapshot.context.game;
    },
    /** What the facilitator's console shows of the game in play (null before it starts). */
    get consoleView(): ConsoleView | null {
      const { game, setup } = gameSnapshot.context;
      return game && setup ? consoleViewOf(game, setup.scenario, meta.commitments) : null;
    },
    get log() {
      return gameSnapshot.context.log;
    },
    /** Labs that have locked in this quarter (never what they chose). */
    get lockedIn(): string[] {
      return Object.keys(gameSnapshot.context.pending);
    },
    get injects() {
      return gameSnapshot.context.injects;
    },
    get canFireInject() {
      void gameSnapshot;
      return actor.snapshot.can({ type: 'fireInject', event: INJECT_PROBE });
    },
    get canEndNow() {
      void gameSnapshot;
      return actor.snapshot.can({ type: 'endAfterThisQuarter' });
    },
    get canPlayOn() {
      void gameSnapshot;
      return actor.snapshot.can({ type: 'playOn' });
    },
    /** The quarters the game was set up to play (before any "end now"). */
    get plannedQuarters() {
      const setup = gameSnapshot.context.setup;
      return setup ? plannedRounds(setup.scenario, setup) : 0;
    },
    get canUndo() {
      void gameSnapshot;
      return actor.snapshot.can({ type: 'undo' });
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
      void gameSnapshot;
      void actor.snapshot;
      void revealSection;
      return snapshotOf(currentSession());
    },
    /** The reveal's section on the projector, and stepping through it. */
    get revealSection() {
      return revealSection;
    },
    stepReveal,
    editPolicy,
    pickTemplate,
    setDisclosure,
    policyTimer,
    beginQuarterOne,
    runStress,
    cancelStress,
    dismissNotice: () => (notice = null),
    dismissSaveWarning: () => (saveWarning = null),
    setDraft,
    setSessionDraft,
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
    endAfterThisQuarter,
    playOn,
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

/** The setup's choice of policy step, read back from a saved session in that step. */
function stepDraftOf(meta: WorkshopMeta): PolicyStepDraft | null {
  const step = meta.policyStep;
  if (!step) return null;
  return { minutes: step.seconds === null ? null : step.seconds / 60, disclosure: step.disclosure };
}

/** Whether an inject could be fired now does not depend on the inject: any event will do. */
const INJECT_PROBE: ScriptedEvent = {
  round: 0,
  headline: '',
  body: '',
  effect: { kind: 'news' },
};

export type WorkshopController = ReturnType<typeof createWorkshop>;
