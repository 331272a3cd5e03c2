import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayGame, type DecisionLog } from '../../src/engine/game';
import type { Scenario } from '../../src/engine/types';
import { makeSavedGame, parseSavedGame, type SavedGame } from '../../src/lib/saveFormat';
import { decision, testScenario, withLadderPolicy } from '../engine/fixtures';

/** testScenario made to pass the scenario validator (ids, descriptions, sources). */
function validScenario(overrides: Partial<Scenario> = {}): Scenario {
  const base = testScenario();
  return withLadderPolicy({
    ...base,
    id: 'valid-ladder',
    domains: base.domains.map((d) => ({ ...d, description: `${d.name} capability.` })),
    levels: base.levels.map((l) => ({ ...l, id: l.id.toLowerCase() })),
    sources: [
      {
        element: 'If-then commitments',
        title: 'Test source',
        url: 'https://example.org/',
        version: '1, 2026-01-01',
      },
    ],
    simplifications: ['Numbers invented for tests.'],
    ...overrides,
  });
}

const log: DecisionLog = [
  { player: decision('deploy') },
  {
    player: decision('restrict', [
      { kind: 'reviseThreshold', levelId: 'l3', domain: 'cbrn', to: 0.7, publicly: false },
      { kind: 'inviteAudit' },
    ]),
  },
  { player: decision('pause', [{ kind: 'publishEvals', publish: true }]) },
  { player: decision('deploy') },
];

function save(overrides: Partial<SavedGame> = {}): SavedGame {
  return makeSavedGame({
    savedAt: '2026-03-01T10:00:00.000Z',
    mode: 'solo',
    setup: { scenario: validScenario(), seed: 11, humans: ['player'] },
    log,
    pending: { player: decision('pause') },
    autoResolve: true,
    ...overrides,
  });
}

/**
 * A save as it comes back from JSON, changed by `edit`. The edits deliberately break the save's
 * types, so the value is untyped here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = Record<string, any>;
function edited(edit: (value: Untyped) => void): unknown {
  const value = JSON.parse(JSON.stringify(save()));
  edit(value);
  return value;
}

function messageOf(value: unknown): string {
  const result = parseSavedGame(value);
  if (result.ok) throw new Error('expected the save to be refused');
  return result.message;
}

describe('parseSavedGame', () => {
  it('reads back a save written as JSON, which replays to the same game', () => {
    const original = save();
    const result = parseSavedGame(JSON.parse(JSON.stringify(original)));
    expect(result).toEqual({ ok: true, save: original });
    if (!result.ok) return;
    const { setup } = result.save;
    expect(replayGame(setup.scenario, setup, result.save.log)).toEqual(
      replayGame(original.setup.scenario, original.setup, original.log),
    );
  });

  it('keeps workshop metadata in extra', () => {
    const withExtra = save({ mode: 'workshop', extra: { teams: { player: 'Red' } } });
    expect(parseSavedGame(JSON.parse(JSON.stringify(withExtra)))).toEqual({
      ok: true,
      save: withExtra,
    });
  });

  it('names what is wrong and where', () => {
    expect(
      messageOf(
        edited((s) => {
          s.log[3].player.budget.capabilities = 0.6;
        }),
      ),
    ).toBe('log[3].player.budget: shares must add up to 100%');
    expect(
      messageOf(
        edited((s) => {
          s.log[0].player.posture = 'launch';
        }),
      ),
    ).toBe('log[0].player.posture: expected "pause", "restrict" or "deploy", got "launch"');
    expect(
      messageOf(
        edited((s) => {
          s.log[1].player.budget.evals = -0.15;
          s.log[1].player.budget.capabilities = 0.7;
        }),
      ),
    ).toBe('log[1].player.budget.evals: a budget share cannot be negative, got -0.15');
    expect(
      messageOf(
        edited((s) => {
          s.log[2].ghost = s.log[2].player;
        }),
      ),
    ).toBe(
      'log[2].ghost: "ghost" is not a lab in this scenario — expected one of "player", "fast", "racer", "open"',
    );
    expect(
      messageOf(
        edited((s) => {
          s.log[1].player.actions[0].levelId = 'l9';
        }),
      ),
    ).toBe(
      'log[1].player.actions[0].levelId: "l9" is not a level in this scenario — expected one of "l3", "l4"',
    );
    expect(
      messageOf(
        edited((s) => {
          s.log[1].player.actions[1] = { kind: 'bribeRegulator' };
        }),
      ),
    ).toMatch(/^log\[1\]\.player\.actions\[1\]\.kind: expected a policy action/);
    expect(
      messageOf(
        edited((s) => {
          s.setup.humans = ['player', 'nobody'];
        }),
      ),
    ).toMatch(/^setup\.humans\[1\]: "nobody" is not a lab in this scenario/);
    expect(
      messageOf(
        edited((s) => {
          s.setup.seed = 1.5;
        }),
      ),
    ).toBe('setup.seed: expected a whole number seed, got 1.5');
    expect(
      messageOf(
        edited((s) => {
          delete s.setup.seed;
        }),
      ),
    ).toBe('setup.seed: missing');
  });

  it('reports the scenario’s own problems under setup.scenario', () => {
    expect(
      messageOf(
        edited((s) => {
          s.setup.scenario.levels[0].thresholds.cbrn = 'high';
        }),
      ),
    ).toMatch(/^setup\.scenario\.levels\[0\]\.thresholds\.cbrn: /);
  });

  it('refuses decision logs the engine could not replay as saved', () => {
    expect(
      messageOf(
        edited((s) => {
          delete s.log[2].player;
        }),
      ),
    ).toBe('log[2]: no decision for "player", whose seat a human holds');
    expect(
      messageOf(
        edited((s) => {
          s.log[0].racer = s.log[0].player;
        }),
      ),
    ).toBe('log[0].racer: this lab is played by a bot in this game, so it has no human decisions');
    expect(
      messageOf(
        edited((s) => {
          s.log = Array.from({ length: 21 }, () => s.log[0]);
        }),
      ),
    ).toBe('log: the scenario has 20 quarters, but the log has 21');
  });

  it('refuses a log that goes on after the game ended', () => {
    const short = validScenario({ rounds: 2 });
    const value = JSON.parse(
      JSON.stringify(
        save({ setup: { scenario: short, seed: 1, humans: ['player'] }, log: log.slice(0, 2) }),
      ),
    );
    expect(parseSavedGame(value).ok).toBe(true);
    // A catastrophe in quarter 1 ends the game: a second quarter cannot have been played.
    const deadly = validScenario({
      rounds: 2,
      dynamics: { lossOfControlHazard: 1, catastropheShare: 1, dangerFloor: 0 },
      labs: short.labs.map((l) => ({
        ...l,
        start: { ...l.start, capability: { cbrn: 0.99, autonomy: 0.99 }, safeguards: {} },
      })),
    });
    const seed = Array.from({ length: 50 }, (_, i) => i).find(
      (s) => replayGame(deadly, { seed: s, humans: ['player'] }, log).history.length === 1,
    );
    expect(seed).toBeDefined();
    const ended = JSON.parse(
      JSON.stringify(
        save({
          setup: { scenario: deadly, seed: seed!, humans: ['player'] },
          log: log.slice(0, 2),
        }),
      ),
    );
    expect(messageOf(ended)).toBe(
      'log: the game ended after quarter 1, but the log has 2 quarters',
    );
  });

  it('recognises saves from other versions and things that are not saves', () => {
    expect(messageOf({ ...save(), version: 0 })).toBe(
      'version: this save was made by an older version of Threshold (save format 0); this version reads format 1',
    );
    expect(messageOf({ ...save(), version: 2 })).toMatch(/a newer version of Threshold/);
    expect(messageOf({ hello: 'world' })).toBe('this is not a Threshold saved game');
    expect(messageOf(null)).toBe('this is not a Threshold saved game');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(parseSavedGame(value).ok).toBe(false);
      }),
    );
    // Mutations of a real save: each is either refused with a message or replays.
    const paths = fc.constantFrom('log', 'pending', 'setup', 'mode', 'autoResolve');
    fc.assert(
      fc.property(paths, fc.jsonValue(), (key, junk) => {
        const value = edited((s) => {
          s[key] = junk;
        });
        const result = parseSavedGame(value);
        if (result.ok) {
          const { setup } = result.save;
          expect(replayGame(setup.scenario, setup, result.save.log).history).toHaveLength(
            result.save.log.length,
          );
        } else {
          expect(result.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('a workshop save with live injects', () => {
  // Without the inject every lab's misuse turns catastrophic in quarter 1; the inject (full
  // deployment safeguards for all) averts it, so only a replay with the inject plays 2 quarters.
  const deadly = validScenario({
    dynamics: { misuseHazard: 1, catastropheShare: 1, dangerFloor: 0, theftHazard: 0 },
  });
  deadly.labs = deadly.labs.map((l) => ({
    ...l,
    start: {
      ...l.start,
      capability: { cbrn: 1, autonomy: 0 },
      safeguards: { security: 1, deployment: 0, alignment: 1 },
    },
  }));
  const setup = { scenario: deadly, seed: 3, humans: ['player'] };
  const shield = {
    round: 1,
    event: {
      round: 1,
      headline: 'Emergency filters everywhere',
      body: '',
      effect: { kind: 'safeguards' as const, lab: 'all', track: 'deployment' as const, delta: 1 },
    },
  };
  const twoQuarters: DecisionLog = [{ player: decision('deploy') }, { player: decision('deploy') }];

  it('replays the log with the injects the facilitator fired', () => {
    expect(replayGame(deadly, setup, twoQuarters).history).toHaveLength(1);
    expect(replayGame(deadly, setup, twoQuarters, Infinity, [shield]).history).toHaveLength(2);
    const withInjects = makeSavedGame({
      mode: 'workshop',
      setup,
      log: twoQuarters,
      pending: {},
      autoResolve: false,
      extra: { injects: [shield] },
    });
    expect(parseSavedGame(JSON.parse(JSON.stringify(withInjects)))).toMatchObject({ ok: true });
    const { extra: _dropped, ...withoutInjects } = withInjects;
    void _dropped;
    expect(parseSavedGame(JSON.parse(JSON.stringify(withoutInjects)))).toMatchObject({
      ok: false,
    });
  });
});
