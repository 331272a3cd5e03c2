// Limits every loader shares (issue 17, items 10 and 16): files nested thousands of levels deep
// get a message naming the limit (never "please report this"), in every loader; the browser and
// the command line accept and refuse the same scenario files — size, encoding — with the same
// words; and a scenario of a newer format says so.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/commands/validate';
import { MAX_JSON_DEPTH, MAX_SCENARIO_BYTES } from '../../src/engine/scenario/input';
import { parseScenario, parseScenarioFile } from '../../src/engine/scenario/validate';
import { parseSavedGame } from '../../src/lib/saveFormat';
import { decodeShareLink, toBase64Url } from '../../src/lib/shareLink';
import { parseWorkshopFile, parseWorkshopText } from '../../src/lib/workshopSession';

const TEXT = readFileSync('scenarios/eval-blind-spot.json', 'utf8');
const SCENARIO = JSON.parse(TEXT) as Record<string, unknown>;
const DEPTH = 5000;
const deepText = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
const deepValue = (): unknown => {
  let v: unknown = [];
  for (let i = 0; i < DEPTH; i++) v = [v];
  return v;
};
const DEEP = new RegExp(`nested more than ${MAX_JSON_DEPTH} levels deep`);
const dir = mkdtempSync(join(tmpdir(), 'threshold-limits-'));

function messagesOf(result: { ok: boolean; errors?: { message: string }[]; message?: string }) {
  return result.ok ? [] : (result.errors?.map((e) => e.message) ?? [result.message ?? '']);
}

describe('deep nesting (item 10)', () => {
  it('a scenario file: the limit, with its line, in the browser and the command line', async () => {
    const text = TEXT.replace('"rounds":', `"junk":\n ${deepText}, "rounds":`);
    const browser = await parseScenarioFile(new Blob([text]));
    const path = join(dir, 'deep.json');
    writeFileSync(path, text);
    const cli = loadScenarioFile(path);
    for (const result of [browser, cli, parseScenario(text)]) {
      expect(result.ok).toBe(false);
      const [message] = messagesOf(result);
      expect(message).toMatch(DEEP);
      expect(message).not.toMatch(/please report|call stack/);
    }
    if (!browser.ok)
      expect(browser.errors[0]?.line).toBe(
        TEXT.slice(0, TEXT.indexOf('"rounds":')).split('\n').length + 1,
      );
  });

  it('a saved game, a session file and a share link', async () => {
    const save = {
      kind: 'threshold-save',
      version: 1,
      setup: { scenario: SCENARIO },
      extra: { x: deepValue() },
    };
    const saved = parseSavedGame(save);
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.message).toMatch(DEEP);

    const session = parseWorkshopText(
      `{"kind": "threshold-save", "mode": "workshop", "extra": ${deepText}}`,
    );
    expect(session.ok).toBe(false);
    if (!session.ok) expect(session.message).toMatch(DEEP);
    const sessionFile = await parseWorkshopFile(
      new Blob([`{"kind": "threshold-save", "extra": ${deepText}}`]),
    );
    expect(sessionFile.ok).toBe(false);
    if (!sessionFile.ok) expect(sessionFile.message).toMatch(DEEP);

    const payload = `{"v": 1, "scenario": ${TEXT}, "seed": 1, "humans": [], "log": ${deepText}}`;
    const link = await decodeShareLink(
      `#play=${toBase64Url(deflateRawSync(Buffer.from(payload)))}`,
      [],
    );
    expect(link.ok).toBe(false);
    if (!link.ok) {
      expect(link.message).toMatch(DEEP);
      expect(link.message).not.toMatch(/could not be opened \(/);
    }
  });
});

/** The same bytes through the browser's reader and the command line's: the same verdict. */
async function bothWays(name: string, bytes: Uint8Array) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const cli = loadScenarioFile(path);
  const browser = await parseScenarioFile(new Blob([new Uint8Array(bytes)]));
  return { cli, browser };
}

describe('the browser and the command line agree (item 16)', () => {
  it('both read UTF-8 with or without a byte-order mark, and UTF-16 LE or BE with one', async () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const utf16be = Buffer.from(utf16le).swap16();
    const files: [string, Uint8Array][] = [
      ['plain.json', Buffer.from(TEXT)],
      ['bom8.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
      ['le.json', utf16le],
      ['be.json', utf16be],
    ];
    for (const [name, bytes] of files) {
      const { cli, browser } = await bothWays(name, bytes);
      expect(cli.ok, name).toBe(true);
      expect(browser.ok, name).toBe(true);
    }
  });

  it('both refuse a file that is not UTF-8, with the same message', async () => {
    const latin1 = Buffer.from(
      TEXT.replace('The Eval Blind Spot', 'The Eval Blind Spot é'),
      'latin1',
    );
    const { cli, browser } = await bothWays('latin1.json', latin1);
    expect(messagesOf(cli)).toEqual(messagesOf(browser));
    expect(messagesOf(cli)[0]).toMatch(/not UTF-8 text/);
  });

  it('both refuse a file over the one size limit, and accept one just under it', async () => {
    const over = Buffer.from(TEXT.replace('{', `{${' '.repeat(MAX_SCENARIO_BYTES)}`));
    const { cli, browser } = await bothWays('over.json', over);
    expect(cli.ok).toBe(false);
    expect(browser.ok).toBe(false);
    const limit = /too large to be a scenario \(1(\.0)? MB; the limit is 1 MB\)/;
    expect('readError' in cli ? cli.readError : '').toMatch(limit);
    expect(messagesOf(browser)[0]).toMatch(limit);
    const under = Buffer.from(
      TEXT.replace('{', `{${' '.repeat(MAX_SCENARIO_BYTES - TEXT.length - 10)}`),
    );
    const near = await bothWays('under.json', under);
    expect(near.cli.ok).toBe(true);
    expect(near.browser.ok).toBe(true);
  });
});

describe('a scenario of a newer format (item 16)', () => {
  it('says it was made by a newer version, not "unknown field"', () => {
    const { schemaVersion: _current, ...rest } = SCENARIO;
    const newer = JSON.stringify({ schemaVersion: 3, ...rest, newField: {} }, null, 2);
    const result = parseScenario(newer);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: 'schemaVersion', line: 2 });
    expect(result.errors[0]?.message).toMatch(
      /made by a newer version of Threshold \(scenario format 3\); this version reads format 2/,
    );
    expect(JSON.stringify(result.errors)).not.toMatch(/unknown field/);
  });

  it('accepts a file that names the current format', () => {
    expect(parseScenario(JSON.stringify({ ...SCENARIO, schemaVersion: 1 })).ok).toBe(true);
  });
});
