import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runPlay } from '../../src/cli/commands/play';
import type { GameRecord } from '../../src/engine/record';

const SCENARIO = 'scenarios/anthropic-rsp.json';

function play(args: string[]): string[] {
  const lines: string[] = [];
  expect(runPlay(args, (l) => lines.push(l))).toBe(0);
  return lines;
}

describe('sim play', () => {
  it('prints the same bytes for the same seed, and a different game for another seed', () => {
    const a = play([SCENARIO, '--seed', '5', '--json']);
    const b = play([SCENARIO, '--seed', '5', '--json']);
    const c = play([SCENARIO, '--seed', '6', '--json']);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('records each round with every lab’s true and measured capability, safeguards, decision and risk', () => {
    const record = JSON.parse(
      play([SCENARIO, '--seed', '2', '--rounds', '6', '--json'])[0] as string,
    ) as GameRecord;
    expect(record.scenarioId).toBe('anthropic-rsp');
    expect(record.seed).toBe(2);
    expect(record.outcome).not.toBeNull();
    expect(record.rounds.length).toBeGreaterThan(0);
    expect(record.rounds.length).toBeLessThanOrEqual(6);
    const row = record.rounds[0]?.labs[0];
    expect(Object.keys(row?.capability ?? {})).toContain('cbrn');
    expect(row?.measured).not.toBeNull();
    expect(row?.safeguards).toHaveProperty('security');
    expect(['pause', 'restrict', 'deploy']).toContain(row?.decision.posture);
    expect(row?.risk.total).toBeGreaterThanOrEqual(0);
  });

  it('prints a readable summary by default', () => {
    const text = play([SCENARIO, '--seed', '1', '--rounds', '4']).join('\n');
    expect(text).toMatch(/^Q 1 {2}trust/m);
    expect(text).toMatch(/cum\. risk/);
  });

  it('rejects bad arguments with one line and exit code 2, never a stack trace', () => {
    for (const args of [
      ['play'],
      ['play', SCENARIO, '--seed', 'x'],
      ['play', SCENARIO, '--rounds', '0'],
      ['play', 'missing.json'],
      ['frobnicate'],
    ]) {
      const r = spawnSync('npx', ['tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8' });
      expect(r.status, args.join(' ')).toBe(2);
      const errLines = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
      expect(errLines.length, r.stderr).toBeGreaterThanOrEqual(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);
});
