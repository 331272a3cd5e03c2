// Resilience (issue 7): random and damaged share links (#play=) and sweep links (#explore=) fed to
// their decoders. Each ends in a game or sweep, or in a clear message; nothing throws; the game in
// play and the shipped scenarios are untouched.

import { inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSpec } from '../../src/explorer/defaults';
import {
  makeExploreLink,
  parseExploreLink,
  type ExploreLinkResult,
} from '../../src/explorer/exploreLink';
import {
  decodeShareLink,
  encodeShareLink,
  fromBase64Url,
  type ShareLinkResult,
} from '../../src/lib/shareLink';
import {
  BASE64URL,
  damagedJson,
  damagedText,
  expectClearMessage,
  exploreLinkOf,
  gameInPlay,
  runs,
  packedLink,
  playedLog,
  shipped,
  type Json,
} from './helpers';

const world = gameInPlay();
afterAll(() => world.untouched());

function expectShareHandled(result: ShareLinkResult): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    expect(result.setup.scenario.id.length).toBeGreaterThan(0);
    expect(Array.isArray(result.log)).toBe(true);
  } else {
    expectClearMessage(result.message);
  }
}

function expectExploreHandled(result: ExploreLinkResult): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) expect(result.spec.v).toBe(1);
  else expectClearMessage(result.message);
}

describe('share links under random and damaged input', { timeout: 30_000 }, () => {
  const scenario = shipped('eval-blind-spot');
  const { log } = playedLog(scenario, 5, 'lantern', 4);
  const setup = { scenario, seed: 5, humans: ['lantern'] };
  let byId = '';
  let embedded = '';
  let embeddedPayload: Json = null;

  beforeAll(async () => {
    byId = await encodeShareLink(setup, log, [scenario.id]);
    embedded = await encodeShareLink(setup, log, []);
    const bytes = fromBase64Url(embedded.slice('#play='.length));
    embeddedPayload = JSON.parse(inflateRawSync(bytes as Uint8Array).toString('utf8')) as Json;
  });

  it('the valid links this suite damages open', async () => {
    for (const link of [byId, embedded]) {
      const result = await decodeShareLink(link, world.shipped);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.log).toEqual(log);
    }
  });

  it('random text, with and without the #play= prefix', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 100 }),
          fc.string({ maxLength: 100 }).map((s) => `#play=${s}`),
          fc
            .string({ unit: fc.constantFrom(...BASE64URL.split('')), maxLength: 200 })
            .map((s) => `#play=${s}`),
        ),
        async (text) => expectShareHandled(await decodeShareLink(text, world.shipped)),
      ),
      { numRuns: runs(200) },
    );
    world.untouched();
  });

  it('valid links damaged in transit (cut short, characters changed)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 1).chain((which) => {
          const link = which === 0 ? byId : embedded;
          return damagedText(link.slice('#play='.length), BASE64URL).map((body) => `#play=${body}`);
        }),
        async (text) => expectShareHandled(await decodeShareLink(text, world.shipped)),
      ),
      { numRuns: runs(150) },
    );
    world.untouched();
  });

  it('well-packed links whose contents are damaged or random', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          damagedJson(embeddedPayload),
          fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
          fc.record({
            v: fc.constantFrom<Json>(1, 2, '1', null),
            scenarioId: fc.oneof(fc.constantFrom(...world.shipped.map((s) => s.id)), fc.string()),
            seed: fc.oneof(fc.integer(), fc.double()),
            humans: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
            log: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
          }) as fc.Arbitrary<Json>,
        ),
        async (payload) =>
          expectShareHandled(await decodeShareLink(packedLink(payload), world.shipped)),
      ),
      { numRuns: runs(150) },
    );
    world.untouched();
  });

  it('a link that unpacks to far more than any game (a "zip bomb") is refused', async () => {
    const result = await decodeShareLink(packedLink('x'.repeat(8_000_000)), world.shipped);
    expect(result.ok).toBe(false);
    if (!result.ok) expectClearMessage(result.message);
  });
});

describe('sweep links under random and damaged input', { timeout: 30_000 }, () => {
  const ids = world.shipped.map((s) => s.id);
  const valid = makeExploreLink(defaultSpec(world.shipped[0]));
  const validPayload = JSON.parse(
    Buffer.from(valid.slice('#explore='.length), 'base64url').toString('utf8'),
  ) as Json;

  it('the valid link this suite damages opens', () => {
    expect(parseExploreLink(valid, ids).ok).toBe(true);
  });

  it('random text, damaged links, and well-encoded damaged or random contents', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 100 }),
          fc.string({ maxLength: 100 }).map((s) => `#explore=${s}`),
          damagedText(valid.slice('#explore='.length), BASE64URL).map((s) => `#explore=${s}`),
          damagedJson(validPayload).map(exploreLinkOf),
          (fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>).map(exploreLinkOf),
        ),
        fc.boolean(),
        (text, withIds) => expectExploreHandled(parseExploreLink(text, withIds ? ids : undefined)),
      ),
      { numRuns: runs(400) },
    );
    world.untouched();
  });
});
