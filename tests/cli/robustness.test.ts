// The command line under hostile input (issue 17, items 9, 10, 12, 14, 15, 16), run as a real
// process as a user would: special files are refused at once, limits agree with the browser's,
// nothing printed carries a raw control character, numbers are plain decimal integers, and a
// reader that closes the pipe early gets no stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAbs } from '../../src/cli/commands/abs';
import { MAX_JSON_DEPTH, MAX_SCENARIO_BYTES } from '../../src/engine/scenario/input';

/** The real CLI, as `npm run sim` runs it (tsx), started straight from node: half the start-up of npx. */
const SIM = ['--import', 'tsx', 'src/cli/sim.ts'];
const SCENARIO = 'scenarios/eval-blind-spot.json';
const TEXT = readFileSync(SCENARIO, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'threshold-cli-'));

function sim(args: string[], timeout = 60_000) {
  const r = spawnSync(process.execPath, [...SIM, ...args], { encoding: 'utf8', timeout });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** One `error:` line on stderr, nothing else, and exit code 2. */
function expectOneLineError(r: ReturnType<typeof sim>, pattern: RegExp): void {
  expect(r.signal, 'not killed').toBeNull();
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(pattern);
}

describe('special files (item 9)', () => {
  it('refuses a device file at once instead of reading it without end, in every command', () => {
    for (const command of [['validate'], ['play'], ['batch', '--runs', '1']]) {
      const [name, ...rest] = command as [string, ...string[]];
      const r = sim([name, '/dev/zero', ...rest], 30_000);
      expectOneLineError(r, /\/dev\/zero: it is a device, not a regular file/);
    }
  }, 120_000);

  it('refuses a named pipe at once instead of waiting for a writer', () => {
    const fifo = join(dir, 'pipe.json');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo here: nothing to test
    expectOneLineError(sim(['validate', fifo], 30_000), /it is a named pipe, not a regular file/);
    expectOneLineError(sim(['play', fifo], 30_000), /it is a named pipe, not a regular file/);
  }, 120_000);
});

describe('limits the browser shares (items 10 and 16)', () => {
  it('refuses a scenario over the shared size limit, though it is otherwise valid', () => {
    const padded = TEXT.replace('{', `{${' '.repeat(MAX_SCENARIO_BYTES)}`);
    const r = sim(['validate', file('padded.json', padded)]);
    expectOneLineError(r, /too large to be a scenario .*the limit is 1 MB/);
  }, 60_000);

  it('reads UTF-16 files with a byte-order mark, as the browser does', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const r = sim(['validate', file('le.json', le), file('be.json', be)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.match(/^ok: /gm)).toHaveLength(2);
  }, 60_000);

  it('says a file nested thousands of levels deep is nested too deep, not "please report"', () => {
    const deep = TEXT.replace(
      '"rounds":',
      `"junk": ${'['.repeat(5000)}${']'.repeat(5000)}, "rounds":`,
    );
    const r = sim(['validate', file('deep.json', deep)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    expect(r.stderr).not.toMatch(/please report|Maximum call stack/);
  }, 60_000);
});

describe('control characters (item 12)', () => {
  it('never reach the terminal raw: they are shown as visible escapes', () => {
    const title = 'Evil \u001b[2J\u001b]0;pwned\u0007 \u009b31m title\rok: forged\u202e';
    const scenario = { ...JSON.parse(TEXT), title };
    const path = file('evil\u001b[31m.json', JSON.stringify(scenario));
    const ok = sim(['validate', path]);
    expect(ok.status).toBe(0);
    const bad = sim(['validate', file('bad\u001b[31m.json', '{"id": 5}')]);
    const played = sim(['play', path, '--rounds', '1']);
    expect(played.status).toBe(0);
    for (const output of [ok.stdout, ok.stderr, bad.stdout, bad.stderr, played.stdout]) {
      // eslint-disable-next-line no-control-regex
      expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    }
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);
    expect(ok.stdout).toContain('Evil \\u001b[2J\\u001b]0;pwned\\u0007 \\u009b31m title\\u000dok');
    expect(played.stdout).toContain('\\u001b[2J');
  }, 120_000);
});

describe('numbers (item 14)', () => {
  it('accepts only plain decimal integers, with the one-line error otherwise', () => {
    for (const [args, pattern] of [
      [['play', SCENARIO, '--seed', '0x10'], /--seed must be a whole number .*got "0x10"/],
      [['play', SCENARIO, '--seed', ''], /--seed must be a whole number .*got ""/],
      [['play', SCENARIO, '--seed', '1e1'], /--seed must be a whole number .*got "1e1"/],
      [['play', SCENARIO, '--rounds', ' 5'], /--rounds must be a whole number .*got " 5"/],
      [['play', SCENARIO, '--rounds', '-5'], /--rounds must be a whole number .*got "-5"/],
      [['batch', SCENARIO, '--runs', '-5'], /--runs must be a whole number .*got "-5"/],
      [['batch', SCENARIO, '--runs', '0x10'], /--runs must be a whole number .*got "0x10"/],
    ] as [string[], RegExp][]) {
      expectOneLineError(sim(args), pattern);
    }
  }, 180_000);
});

describe('numbers in the race model (item 14)', () => {
  it('takes counts and seeds as plain decimal integers only', () => {
    for (const [flag, raw] of [
      ['--runs', '1e3'],
      ['--seed', '0x10'],
      ['--seed', ''],
      ['--teams', '2.0'],
    ] as const) {
      const lines: string[] = [];
      expect(runAbs([flag, raw], (line) => lines.push(line))).toBe(2);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^error: ${flag} must be an? (integer|number)`));
    }
  });
});

/** Run `sim …` with its stdout piped to a reader that takes `bytes` bytes and closes the pipe. */
function piped(args: string[], bytes: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SIM, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let taken = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      taken += chunk.length;
      if (taken >= bytes) child.stdout.destroy();
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that closes the pipe early (item 15)', () => {
  it('ends the program quietly, with no stack trace', async () => {
    for (const args of [
      ['validate', ...Array.from({ length: 400 }, () => SCENARIO)],
      ['play', SCENARIO, '--json'],
    ]) {
      const r = await piped(args, 50);
      expect(r.stderr, args[0]).not.toMatch(/EPIPE|\n\s+at |Error/);
      expect(r.code, args[0]).toBe(0);
    }
  }, 120_000);
});
