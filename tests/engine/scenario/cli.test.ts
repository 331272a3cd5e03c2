import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadScenarioFile,
  resolveScenarioPath,
  runValidate,
} from '../../../src/cli/commands/validate';
import { FIXTURES_DIR, ROOT, SCENARIOS_DIR, lineOf, fixture } from './helpers';

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runValidate(
    argv,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out, err };
}

describe('npm run sim -- validate', () => {
  it('exits 0 and says ok for good files', () => {
    const file = `${SCENARIOS_DIR}anthropic-rsp.json`;
    const { code, out, err } = run(file, `${FIXTURES_DIR}valid-minimal.json`);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toBe(`ok: ${file} — Anthropic's Responsible Scaling Policy (20 rounds, 4 labs)`);
    expect(out[1]).toMatch(/^ok: .*valid-minimal\.json — Two-lab test \(12 rounds, 2 labs\)$/);
  });

  it('exits 1 with file:line: path: message for a bad file', () => {
    const file = `${FIXTURES_DIR}wrong-types.json`;
    const { code, out, err } = run(file);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    const line = lineOf(fixture('wrong-types.json'), '"high"');
    expect(err).toContain(
      `${file}:${line}: levels[1].thresholds.autonomy: expected a number between 0 and 1, got "high"`,
    );
    expect(err.at(-1)).toBe(`${file}: 4 problems found`);
  });

  it('prints issues without a line as file: path: message', () => {
    const file = `${FIXTURES_DIR}empty.txt`;
    const { code, err } = run(file);
    expect(code).toBe(1);
    expect(err[0]).toBe(
      `${file}: (file): this file is empty — a scenario is a JSON object that starts with {`,
    );
  });

  it('exits 2 with one line for a missing file or no argument', () => {
    const missing = run('no/such/file.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual(['error: cannot read no/such/file.json: no such file']);
    const none = run();
    expect(none.code).toBe(2);
    expect(none.err).toEqual([
      'error: no scenario file given — usage: npm run sim -- validate <scenario.json> [more files]',
    ]);
    const folder = run(SCENARIOS_DIR);
    expect(folder.code).toBe(2);
    expect(folder.err[0]).toMatch(/is a folder, not a file$/);
  });

  it('checks every file and reports the worst outcome', () => {
    const { code, out, err } = run(
      `${SCENARIOS_DIR}eval-blind-spot.json`,
      `${FIXTURES_DIR}bad-strategy.json`,
      'missing.json',
    );
    expect(code).toBe(2);
    expect(out).toHaveLength(1);
    expect(err.some((line) => line.includes('labs[1].strategy'))).toBe(true);
    expect(err.at(-1)).toBe('error: cannot read missing.json: no such file');
  });

  it('never prints a stack trace, even for a binary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threshold-validate-'));
    const file = join(dir, 'binary.json');
    writeFileSync(file, Buffer.from([0, 159, 146, 150, 255, 0, 10, 123]));
    const { code, err } = run(file);
    expect(code).toBe(1);
    for (const line of err) expect(line).not.toMatch(/\n\s+at |Error:/);
  });

  it('answers --help', () => {
    const { code, out } = run('--help');
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^usage: npm run sim -- validate/);
  });
});

describe('loading scenario files in Node', () => {
  it('loads a file and resolves a shipped id', () => {
    const result = loadScenarioFile(resolveScenarioPath('quiet-revision', ROOT));
    expect(result.ok && result.scenario.id).toBe('quiet-revision');
    expect(resolveScenarioPath('not-a-scenario', ROOT)).toBe('not-a-scenario');
  });
});
