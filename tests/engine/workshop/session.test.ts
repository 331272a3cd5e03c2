// The workshop session file and the browser's copy (src/lib/workshopSession.ts).
import { describe, expect, it } from 'vitest';
import { replayGame, type FiredInject } from '../../../src/engine/game';
import { createStore } from '../../../src/lib/persistence';
import { makeSavedGame } from '../../../src/lib/saveFormat';
import {
  WORKSHOP_KEY,
  loadWorkshop,
  makeWorkshopSave,
  parseWorkshopSession,
  parseWorkshopText,
  sessionFileName,
  workshopInProgress,
  type WorkshopSession,
} from '../../../src/lib/workshopSession';
import { MemoryStorage } from '../../ui/helpers';
import type { DomainId } from '../../../src/engine/types';
import { driftOf } from '../../../src/engine/workshop/drift';
import {
  draftFromTemplate,
  firstDrafts,
  withTeamPolicies,
} from '../../../src/engine/workshop/teamPolicies';
import { shippedScenarios } from '../../support/shippedScenarios';
import { BOT, LAB_A, LAB_B, SCENARIO, TEAMS, dec, playMeta, played } from './helpers';

const setup = { scenario: SCENARIO, seed: 5, humans: [LAB_A, LAB_B] };
const stolen: FiredInject = {
  round: 2,
  event: {
    round: 2,
    headline: 'Weights leak',
    body: 'On a forum.',
    effect: { kind: 'weightsStolen', lab: BOT },
  },
};

function session(overrides: Partial<Omit<WorkshopSession, 'savedAt'>> = {}) {
  const { log } = played(3, 5, [stolen]);
  return {
    setup,
    log,
    pending: { [LAB_A]: dec('pause') },
    meta: playMeta({ injects: [stolen], roundOpen: true }),
    ...overrides,
  };
}

/** The saved value with one field changed (a path like ['extra', 'teams', 0, 'lab']). */
function withChange(path: (string | number)[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(makeWorkshopSave(session()))) as Record<string, unknown>;
  let target: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1) as string | number] = value;
  return copy;
}

const message = (value: unknown): string => {
  const r = parseWorkshopSession(value);
  return r.ok ? 'ok' : r.message;
};

describe('the workshop session file', () => {
  it('round-trips: what is saved is what is read', () => {
    const s = session();
    const save = JSON.parse(JSON.stringify(makeWorkshopSave(s)));
    expect(save).toMatchObject({ kind: 'threshold-save', mode: 'workshop', autoResolve: false });
    const r = parseWorkshopSession(save);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.session.log).toEqual(s.log);
    expect(r.session.pending).toEqual(s.pending);
    expect(r.session.meta).toEqual(s.meta);
    expect(r.session.setup.humans).toEqual([LAB_A, LAB_B]);
  });

  it('holds a setup before the game starts (an empty log)', () => {
    const r = parseWorkshopSession(
      makeWorkshopSave({ setup, log: [], pending: {}, meta: playMeta({ stage: 'setup' }) }),
    );
    expect(r.ok).toBe(true);
    expect(message(withChange(['extra', 'stage'], 'setup'))).toBe(
      'extra.stage: a setup that has not started cannot have played quarters or injects',
    );
  });

  it('names what is wrong and where', () => {
    expect(message(withChange(['extra', 'teams', 1, 'lab'], 'nowhere'))).toMatch(
      /^extra\.teams\[1\]\.lab: "nowhere" is not a lab in this scenario/,
    );
    expect(message(withChange(['extra', 'teams', 1, 'name'], '   '))).toBe(
      'extra.teams[1].name: a team name cannot be empty',
    );
    expect(message(withChange(['extra', 'teams', 1, 'name'], 'team amber'))).toBe(
      'extra.teams[1].name: two teams are called "team amber"',
    );
    expect(message(withChange(['extra', 'teams'], [TEAMS[1], TEAMS[0]]))).toMatch(
      /^extra\.teams: the teams’ labs .* must be the human seats/,
    );
    expect(message(withChange(['extra', 'timerSeconds'], 5))).toMatch(
      /^extra\.timerSeconds: expected 30 to 3600 seconds, got 5/,
    );
    expect(message(withChange(['extra', 'injects', 0, 'event', 'effect', 'lab'], 'mars'))).toMatch(
      /^extra\.injects\[0\]\.event\.effect\.lab: .*"mars"/,
    );
    expect(message(withChange(['extra', 'injects', 0, 'round'], 9))).toBe(
      'extra.injects[0].round: fired in quarter 9, but the game has only reached quarter 4',
    );
    expect(message(withChange(['extra', 'commitments'], [{ id: 'c1' }]))).toMatch(
      /^extra\.commitments\[0\]/,
    );
    expect(message(withChange(['extra', 'turn', 'screen'], 'kitchen'))).toMatch(
      /^extra\.turn\.screen: expected "console"/,
    );
    expect(message(withChange(['log', 1, LAB_A, 'posture'], 'sprint'))).toMatch(
      /^log\[1\]\.lantern\.posture: expected "pause", "restrict" or "deploy"/,
    );
    expect(message(withChange(['log', 0], { [LAB_A]: dec() }))).toBe(
      'log[0]: no decision for "corvid", whose seat a team holds',
    );
    expect(message(withChange(['pending'], { [BOT]: dec() }))).toBe(
      'pending.halcyon: this lab is played by a bot in this workshop, so it has no team decisions',
    );
    expect(message(withChange(['autoResolve'], true))).toMatch(/^autoResolve:/);
    expect(message(withChange(['extra'], undefined))).toMatch(/^extra: /);
    expect(message(withChange(['mode'], 'solo'))).toMatch(/solo saved game/);
    expect(message({ kind: 'something-else' })).toBe(
      'this is not a Threshold workshop session file',
    );
    expect(message(withChange(['version'], 2))).toMatch(/^version: .*newer/);
    expect(message(withChange(['setup', 'scenario', 'rounds'], 'twelve'))).toMatch(
      /^setup\.scenario\.rounds/,
    );
  });

  it('reads a format 1 record (saved before the PIN) as format 3 without a PIN', () => {
    const old = withChange(['extra', 'format'], 1) as { extra: Record<string, unknown> };
    delete old.extra.pin;
    delete old.extra.policyStep;
    const r = parseWorkshopSession(old);
    expect(r.ok && r.session.meta).toEqual({ ...session().meta, format: 3, pin: null });
    expect(message(withChange(['extra', 'format'], 4))).toMatch(
      /^extra\.format: expected session record format 1, 2 or 3, got 4/,
    );
    expect(message(withChange(['extra', 'pin'], '12'))).toBe('extra.pin: a PIN is 4 to 8 digits');
  });

  it('keeps the game’s length and an “end now”, and names a bad one', () => {
    const short = { ...setup, rounds: 4 };
    const { log } = played(4);
    const r = parseWorkshopSession(
      makeWorkshopSave({ ...session({ setup: short, log }), pending: {} }),
    );
    expect(r.ok && r.session.setup).toMatchObject({ rounds: 4 });
    // The log cannot run past the game's own length.
    const long = played(5).log;
    expect(
      message(makeWorkshopSave({ ...session({ setup: short, log: long }), pending: {} })),
    ).toBe('log: the game ended after quarter 4, but the log has 5 quarters');
    const cut = { ...setup, endAfter: 2 };
    const two = played(2).log;
    const c = parseWorkshopSession(
      makeWorkshopSave({ ...session({ setup: cut, log: two }), pending: {} }),
    );
    expect(c.ok && c.session.setup.endAfter).toBe(2);
    expect(message(withChange(['setup', 'rounds'], 40))).toBe(
      'setup.rounds: the scenario has 12 quarters, so a number of quarters cannot be 40',
    );
    expect(message(withChange(['setup', 'endAfter'], 0))).toMatch(
      /^setup\.endAfter: expected the last quarter from 1 to 12, got 0/,
    );
  });

  it('reads file text: not JSON, empty, or a session', () => {
    expect(parseWorkshopText('')).toEqual({ ok: false, message: expect.stringMatching(/empty/) });
    expect(parseWorkshopText('{"kind": "threshold-save",')).toEqual({
      ok: false,
      message: expect.stringMatching(/^this file is not valid JSON/),
    });
    expect(parseWorkshopText(`\uFEFF${JSON.stringify(makeWorkshopSave(session()))}`).ok).toBe(true);
  });

  it('replays the live injects: a session they changed is read, not refused', () => {
    // Find a game where the inject changes how it ends: without it, it ends earlier.
    let found: { log: ReturnType<typeof played>['log']; seed: number } | null = null;
    for (let seed = 0; seed < 400 && !found; seed++) {
      const { state, log } = played(SCENARIO.rounds, seed, [stolen], () => ({
        [LAB_A]: dec('deploy'),
        [LAB_B]: dec('deploy'),
      }));
      const without = replayGame(SCENARIO, { ...setup, seed }, log);
      if (without.history.length < log.length && state.history.length === log.length)
        found = { log, seed };
    }
    expect(found, 'a seed where the inject changes the ending').not.toBeNull();
    if (!found) return;
    const value = makeWorkshopSave({
      setup: { ...setup, seed: found.seed },
      log: found.log,
      pending: {},
      meta: playMeta({ injects: [stolen] }),
    });
    expect(parseWorkshopSession(JSON.parse(JSON.stringify(value))).ok).toBe(true);

    // The browser's copy: the saved-game check replays the live injects too, so it is read
    // directly, with nothing set aside.
    const storage = new MemoryStorage();
    createStore(storage).save(WORKSHOP_KEY, value);
    const loaded = loadWorkshop(createStore(storage), storage);
    expect(loaded).toMatchObject({ status: 'ok' });
    expect(loaded).not.toMatchObject({ recovered: true });
    expect([...Array(storage.length).keys()].map((i) => storage.key(i))).toEqual([WORKSHOP_KEY]);
  });

  it('loads what the browser kept, and says so when it cannot', () => {
    const storage = new MemoryStorage();
    expect(loadWorkshop(createStore(storage), storage)).toEqual({ status: 'empty' });
    createStore(storage).save(WORKSHOP_KEY, makeWorkshopSave(session()));
    expect(workshopInProgress(storage)).toBe(true);
    const ok = loadWorkshop(createStore(storage), storage);
    expect(ok.status === 'ok' && ok.session.meta.injects).toEqual([stolen]);

    // A solo save under the workshop key: refused, and a copy kept aside.
    const solo = new MemoryStorage();
    createStore(solo).save(
      WORKSHOP_KEY,
      makeSavedGame({
        mode: 'solo',
        setup: { ...setup, humans: [LAB_A] },
        log: [],
        pending: {},
        autoResolve: true,
      }),
    );
    const refused = loadWorkshop(createStore(solo), solo);
    expect(refused.status).toBe('corrupt');
    if (refused.status === 'corrupt') {
      expect(refused.message).toMatch(/solo saved game/);
      expect(solo.getItem(refused.setAsideKey)).not.toBeNull();
    }
    expect(workshopInProgress(solo)).toBe(false);

    // Unreadable text: the store's own message.
    const broken = new MemoryStorage();
    broken.setItem(WORKSHOP_KEY, '{"revision": 1, "save": {');
    const bad = loadWorkshop(createStore(broken), broken);
    expect(bad.status).toBe('corrupt');
    expect(workshopInProgress(broken)).toBe(false);
  });

  it('names files by scenario and quarter', () => {
    expect(sessionFileName('the-eval-blind-spot', playMeta(), 3)).toBe(
      'threshold-workshop-the-eval-blind-spot-q3.json',
    );
    expect(sessionFileName('x', playMeta({ stage: 'setup' }), 1)).toBe(
      'threshold-workshop-x-setup.json',
    );
  });
});

describe('a session saved in its policy step', () => {
  function inStep() {
    const drafts = firstDrafts(SCENARIO, TEAMS);
    return {
      setup,
      log: [],
      pending: {},
      meta: {
        ...playMeta(),
        stage: 'policies' as const,
        policyStep: { seconds: 600, timer: null, disclosure: 'all' as const, drafts },
      },
    };
  }
  const saved = (s: Omit<WorkshopSession, 'savedAt'>) =>
    JSON.parse(JSON.stringify(makeWorkshopSave(s))) as { extra: Record<string, unknown> };

  it('round-trips, drafts and all, and counts as a workshop in progress', () => {
    const s = inStep();
    const r = parseWorkshopSession(saved(s));
    expect(r.ok && r.session.meta).toEqual(s.meta);
  });

  it('reads a format 2 record as format 3 without a policy step', () => {
    const old = saved(session());
    old.extra.format = 2;
    delete old.extra.policyStep;
    const r = parseWorkshopSession(old);
    expect(r.ok && r.session.meta.policyStep).toBeNull();
    expect(r.ok && r.session.meta.format).toBe(3);
  });

  it('names the team’s draft and the field that is wrong', () => {
    const bad = saved(inStep());
    const step = bad.extra.policyStep as {
      drafts: { policy: { evaluation: { cadence: number } } }[];
    };
    step.drafts[1]!.policy.evaluation.cadence = 99;
    expect(message(bad)).toMatch(/^extra\.policyStep\.drafts\[1\]\.policy\.evaluation\.cadence: /);
    const stray = saved(session());
    stray.extra.policyStep = (saved(inStep()).extra as { policyStep: unknown }).policyStep;
    expect(message(stray)).toMatch(/^extra\.policyStep: only a session in its policy step/);
  });
});

describe('a session under the teams’ own policies', () => {
  it('keeps a quiet revision of a team’s own ladder through a save and a reload', () => {
    const three = shippedScenarios.find((s) => s.id === 'three-frameworks');
    if (!three) throw new Error('three-frameworks is shipped');
    const [a, b] = three.labs.map((l) => l.id) as [string, string];
    const teams = [
      { lab: a, name: 'Amber' },
      { lab: b, name: 'Blue' },
    ];
    // Blue starts from a policy whose levels are not the default's.
    const other = three.policies.find(
      (p) => !p.levels.some((l) => three.levels.some((d) => d.id === l.id)),
    );
    if (!other) throw new Error('three-frameworks has a policy with its own level ids');
    const drafts = [
      draftFromTemplate(three, teams[0]!, three.defaultPolicy),
      draftFromTemplate(three, teams[1]!, other.id),
    ];
    const scenario = withTeamPolicies(three, drafts);
    const level = other.levels[0]!;
    const domain = Object.keys(level.thresholds)[0] as DomainId;
    const revise = {
      ...dec('restrict'),
      actions: [
        { kind: 'reviseThreshold' as const, levelId: level.id, domain, to: 0.9, publicly: false },
      ],
    };
    const s = {
      setup: { scenario, seed: 4, humans: [a, b] },
      log: [{ [a]: dec('restrict'), [b]: revise }],
      pending: {},
      meta: { ...playMeta(), teams },
    };
    const r = parseWorkshopSession(JSON.parse(JSON.stringify(makeWorkshopSave(s))));
    if (!r.ok) throw new Error(r.message);
    const state = replayGame(scenario, r.session.setup, r.session.log);
    expect(driftOf(scenario, state, b)).toMatchObject({ quietRevisions: 1, publicRevisions: 0 });
  });
});
