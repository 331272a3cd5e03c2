import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayGame, type DecisionLog } from '../../src/engine/game';
import type { GameSetup } from '../../src/engine/machines/gameMachine';
import type { Scenario } from '../../src/engine/types';
import {
  decodeShareLink,
  encodeShareLink,
  fromBase64Url,
  toBase64Url,
} from '../../src/lib/shareLink';
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
      { element: 'If-then', title: 'Test source', url: 'https://example.org/', version: '1' },
    ],
    simplifications: ['Numbers invented for tests.'],
    ...overrides,
  });
}

const scenario = validScenario();
const setup: GameSetup = { scenario, seed: 2026, humans: ['player'] };
const log: DecisionLog = [
  { player: decision('deploy') },
  {
    player: decision('restrict', [
      { kind: 'reviseThreshold', levelId: 'l3', domain: 'cbrn', to: 0.7, publicly: false },
      { kind: 'inviteAudit' },
    ]),
  },
  { player: decision('pause', [{ kind: 'joinPauseAgreement' }]) },
  {
    player: {
      posture: 'deploy',
      budget: { capabilities: 0.1, security: 0.2, deployment: 0.3, alignment: 0.3, evals: 0.1 },
      actions: [{ kind: 'publishEvals', publish: true }],
    },
  },
];

/** Compress a payload the way links are, so tests can hand-craft tampered links. */
async function linkFor(payload: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return `#play=${toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()))}`;
}

describe('base64url', () => {
  it('round-trips any bytes and rejects characters outside the alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });
});

describe('share links', () => {
  it('replays to the identical game from a shipped scenario, which travels by id', async () => {
    const link = await encodeShareLink(setup, log, ['valid-ladder']);
    expect(link).toMatch(/^#play=[A-Za-z0-9_-]+$/);
    const embedded = await encodeShareLink(setup, log, []);
    expect(link.length).toBeLessThan(embedded.length);

    const decoded = await decodeShareLink(link, [validScenario()]);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.setup).toEqual(setup);
    expect(decoded.log).toEqual(log);
    expect(replayGame(decoded.setup.scenario, decoded.setup, decoded.log)).toEqual(
      replayGame(scenario, setup, log),
    );
  });

  it('carries a scenario of the player’s own whole', async () => {
    const own = validScenario({ id: 'my-own', title: 'My own scenario', rounds: 6 });
    const ownSetup: GameSetup = { scenario: own, seed: 5, humans: ['player', 'fast'] };
    const ownLog: DecisionLog = log.map((d) => ({ ...d, fast: decision('pause') }));
    const link = await encodeShareLink(ownSetup, ownLog, ['valid-ladder']);
    const decoded = await decodeShareLink(`https://example.org/threshold/${link}`, []);
    expect(decoded).toEqual({ ok: true, setup: ownSetup, log: ownLog });
    if (!decoded.ok) return;
    expect(replayGame(decoded.setup.scenario, decoded.setup, decoded.log)).toEqual(
      replayGame(own, ownSetup, ownLog),
    );
  });

  it('says when this version lacks the scenario, or has a different edition of it', async () => {
    const link = await encodeShareLink(setup, log, ['valid-ladder']);
    expect(await decodeShareLink(link, [])).toEqual({
      ok: false,
      message: 'This link names a scenario this version doesn\'t have: "valid-ladder".',
    });
    const edited = validScenario({ rounds: 12 });
    expect(await decodeShareLink(link, [edited])).toEqual({
      ok: false,
      message:
        'This link was made with a different edition of the scenario "Test ladder" than this version has, so it would not replay the same game.',
    });
  });

  it('explains damaged, truncated and foreign links', async () => {
    const link = await encodeShareLink(setup, log, ['valid-ladder']);
    const shipped = [scenario];
    const truncated = await decodeShareLink(link.slice(0, link.length - 12), shipped);
    expect(truncated).toEqual({
      ok: false,
      message: expect.stringMatching(/^This link is damaged: /),
    });
    expect(await decodeShareLink('#play=abc$def', shipped)).toEqual({
      ok: false,
      message:
        'This link is damaged: it contains characters a game link cannot have. Ask for the link again, and copy all of it.',
    });
    expect(await decodeShareLink('#play=', shipped)).toMatchObject({
      message: expect.stringContaining('it is empty'),
    });
    expect(await decodeShareLink('#about', shipped)).toEqual({
      ok: false,
      message: 'This is not a Threshold game link: it has no "#play=" part.',
    });
    const future = await linkFor({
      v: 2,
      scenarioId: 'valid-ladder',
      seed: 1,
      humans: [],
      log: [],
    });
    expect(await decodeShareLink(future, shipped)).toEqual({
      ok: false,
      message:
        'This link was made by a different version of Threshold (link format 2); this version reads format 1.',
    });
  });

  it('checks tampered decisions like a saved game', async () => {
    const shipped = [scenario];
    const payload = { v: 1, scenarioId: 'valid-ladder', seed: 3, humans: ['player'] };
    const badBudget = structuredClone(log);
    badBudget[1]!.player!.budget.capabilities = 0.9;
    expect(await decodeShareLink(await linkFor({ ...payload, log: badBudget }), shipped)).toEqual({
      ok: false,
      message:
        'This link is damaged: log[1].player.budget: shares must add up to 100%. Ask for the link again, and copy all of it.',
    });
    expect(
      await decodeShareLink(
        await linkFor({
          ...payload,
          log: [{ player: decision('deploy'), racer: decision('pause') }],
        }),
        shipped,
      ),
    ).toMatchObject({
      message: expect.stringContaining('log[0].racer: this lab is played by a bot in this game'),
    });
    expect(
      await decodeShareLink(
        await linkFor({ ...payload, humans: ['player'], seed: -1, log }),
        shipped,
      ),
    ).toMatchObject({ message: expect.stringContaining('seed: expected a seed from 0') });
    const { seed: _seed, ...noSeed } = payload;
    expect(await decodeShareLink(await linkFor({ ...noSeed, log }), shipped)).toEqual({
      ok: false,
      message: 'This link is damaged: seed: missing. Ask for the link again, and copy all of it.',
    });
  });

  it('never throws on flipped bytes or cut links: a clear refusal or a game that replays', async () => {
    const link = await encodeShareLink(setup, log, []);
    const bytes = fromBase64Url(link.slice('#play='.length))!;
    const shipped = [scenario];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.option(fc.nat(), { nil: undefined }),
        async (flips, cut) => {
          const damaged = new Uint8Array(bytes);
          for (const { at, xor } of flips) damaged[at % damaged.length]! ^= xor;
          let text = `#play=${toBase64Url(damaged)}`;
          if (cut !== undefined) text = text.slice(0, 6 + (cut % (text.length - 6)));
          const result = await decodeShareLink(text, shipped);
          if (result.ok) {
            const state = replayGame(result.setup.scenario, result.setup, result.log);
            expect(state.history).toHaveLength(result.log.length);
          } else {
            expect(result.message).toMatch(/^This (link|is not)/);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
