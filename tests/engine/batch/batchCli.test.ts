import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseBatchArgs, runBatch } from '../../../src/cli/commands/batch';

const SCENARIO = 'scenarios/anthropic-rsp.json';

function run(argv: string[]): { code: number | Promise<number>; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runBatch(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

describe('sim batch: argument errors are one line and exit code 2', () => {
  it.each([
    [[SCENARIO], /^error: --runs N is required/],
    [
      [SCENARIO, '--runs', '0'],
      /^error: --runs must be a whole number from 1 to 1000000, got "0"$/,
    ],
    [[SCENARIO, '--runs', '12abc'], /^error: --runs must be a whole number/],
    [[SCENARIO, '--runs', '10', '--seed=-1'], /^error: --seed must be a whole number/],
    [
      [SCENARIO, '--runs', '10', '--workers', '0'],
      /^error: --workers must be a whole number from 1 to 64/,
    ],
    [[SCENARIO, '--runs', '10', '--set', 'warpSpeed=2'], /^error: --set: unknown key "warpSpeed"/],
    [
      [SCENARIO, '--runs', '10', '--set', 'competitvePressure=2'],
      /^error: --set: unknown key "competitvePressure" \(did you mean "competitivePressure"\?\)/,
    ],
    [
      [SCENARIO, '--runs', '10', '--set', 'labs=twelve'],
      /^error: --set labs: expected a whole number from 1 to 8, got "twelve"$/,
    ],
    [
      [SCENARIO, '--runs', '10', '--set', 'labs=12'],
      /^error: --set labs must be from 1 to 8, got 12$/,
    ],
    [[SCENARIO, '--runs', '10', '--set', 'labs=2.5'], /^error: --set labs must be a whole number/],
    [[SCENARIO, '--runs', '10', '--set', 'labs'], /^error: --set needs key=value, got "labs"$/],
    [
      [SCENARIO, '--runs', '10', '--set', 'labs=2', '--set', 'labs=3'],
      /^error: --set labs given more than once$/,
    ],
    [[SCENARIO, '--runs', '10', '--bogus'], /^error: Unknown option '--bogus'/],
    [['--runs', '10'], /^error: usage: sim batch <scenario>/],
    [['missing.json', '--runs', '10'], /^error: cannot read .*missing\.json/],
  ])('%j', (argv, message) => {
    const { code, out, err } = run(argv);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
  });

  it('--help prints the usage and exits 0', () => {
    const { code, out } = run(['--help']);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^usage: sim batch/);
  });
});

describe('sim batch: arguments', () => {
  it('reads --set as sweep or model parameters, information by number or name', () => {
    const args = parseBatchArgs(
      [
        SCENARIO,
        '--runs',
        '50',
        '--seed',
        '9',
        '--set',
        'competitivePressure=2',
        '--set=information=none',
        '--json',
      ],
      4,
    );
    expect(args).toEqual({
      file: SCENARIO,
      runs: 50,
      seed: 9,
      settings: [
        { id: 'competitivePressure', value: 2 },
        { id: 'information', value: 0 },
      ],
      compare: [],
      workers: 1,
      json: true,
      study: { shard: null, out: null, emit: null },
    });
  });

  it('uses one worker thread per 10,000 games by default, up to every core', () => {
    expect(parseBatchArgs([SCENARIO, '--runs', '5'], 6).workers).toBe(1);
    expect(parseBatchArgs([SCENARIO, '--runs', '25000'], 6).workers).toBe(2);
    expect(parseBatchArgs([SCENARIO, '--runs', '900000'], 6).workers).toBe(6);
    expect(parseBatchArgs([SCENARIO, '--runs', '50000'], 0).workers).toBe(1);
  });
});

interface BatchJson {
  engine: string;
  runs: number;
  settings: Record<string, number>;
  workers: number;
  fallback: string | null;
  stats: { games: number; catastrophe: { count: number }; firstDeployment: unknown[] };
}

describe('sim batch: running', () => {
  it('--json reports pauses by cause and each lab, as {count, n, p, lo, hi}', async () => {
    const { code, out } = run([SCENARIO, '--runs', '60', '--workers', '1', '--json']);
    expect(await code).toBe(0);
    const stats = (JSON.parse(out[0] as string) as { stats: Record<string, unknown> }).stats as {
      pauseByCause: Record<string, { count: number; n: number; p: number; lo: number; hi: number }>;
      perLab: Record<string, Record<string, { count: number; n: number; p: number } | number>>;
    };
    for (const cause of ['ownPolicy', 'agreement', 'regulator']) {
      const p = stats.pauseByCause[cause];
      expect(p, cause).toBeDefined();
      expect(p!.lo).toBeLessThanOrEqual(p!.p);
      expect(p!.hi).toBeGreaterThanOrEqual(p!.p);
    }
    expect(Object.keys(stats.perLab)).toEqual(['aster', 'meridian', 'vantage', 'commonweal']);
    const aster = stats.perLab.aster!;
    for (const key of ['ownPolicyPause', 'brokenCommitment', 'catastrophesCaused', 'leads']) {
      expect(aster[key], key).toMatchObject({ n: expect.any(Number), p: expect.any(Number) });
    }
    // The safety-first lab keeps its commitment; the racer breaks its own.
    expect((aster.brokenCommitment as { count: number }).count).toBe(0);
    expect((stats.perLab.vantage!.brokenCommitment as { p: number }).p).toBeGreaterThan(0.3);
    const shares = Object.values(stats.perLab).map((l) => l.meanFinalShare as number);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('prints outcome frequencies with intervals and games/s', async () => {
    const { code, out, err } = run([
      SCENARIO,
      '--runs',
      '30',
      '--workers',
      '1',
      '--set',
      'rounds=8',
    ]);
    expect(await code).toBe(0);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(text).toMatch(/30 games, seeds 1…30/);
    expect(text).toMatch(/settings: rounds=8; 4 labs, 8 quarters/);
    for (const label of [
      'catastrophe',
      'any incident',
      'any pause',
      'lab-quarters breaking a commitment',
      'crossings missed',
      '  own policy',
      '  pause agreement',
      '  regulator',
    ]) {
      expect(text).toMatch(new RegExp(`^${label} +\\d+\\.\\d% +\\d+\\.\\d% – \\d+\\.\\d%`, 'm'));
    }
    // One row per lab, by name and strategy, with its own rates.
    expect(text).toMatch(
      /^ {2}\S.*\(safety-first\) +\d+\.\d% +\d+\.\d% +\d+\.\d% +\d+\.\d% +\d+\.\d%$/m,
    );
    expect(text).toMatch(/30 games in [\d.]+ s: \d+ games\/s on this thread/);
  });

  it('worker threads (under tsx) give exactly the in-process result', async () => {
    const args = [SCENARIO, '--runs', '40', '--seed', '5', '--set', 'rounds=10', '--json'];
    const single = run([...args, '--workers', '1']);
    expect(await single.code).toBe(0);
    const inProcess = JSON.parse(single.out[0] as string) as BatchJson;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'tests/engine/batch/batchCli.ts', ...args, '--workers', '2'],
      { encoding: 'utf8' },
    );
    const threaded = JSON.parse(stdout) as BatchJson;
    expect(threaded.fallback).toBeNull();
    expect(threaded.workers).toBe(2);
    expect(inProcess.workers).toBe(0);
    expect(threaded.stats).toEqual(inProcess.stats);
    expect(threaded.settings).toEqual({ rounds: 10 });
  }, 60_000);
});

describe('sim batch: per-lab settings and paired comparisons', () => {
  it.each([
    [
      [SCENARIO, '--runs', '10', '--set', 'pauseFrom.x=3'],
      /^error: --set pauseFrom\.x: no lab "x" in anthropic-rsp; labs: aster, meridian, vantage, commonweal$/,
    ],
    [
      [SCENARIO, '--runs', '10', '--set', 'strategy.aster=reckless'],
      /^error: --set strategy\.aster: expected one of safety-first, fast-follower, .*, got "reckless"$/,
    ],
    [
      [SCENARIO, '--runs', '10', '--set', 'binding.aster=yes'],
      /^error: --set binding\.aster: expected one of false, true, got "yes"$/,
    ],
    [
      [SCENARIO, '--runs', '10', '--set', 'pauseFrom=3'],
      /^error: --set: "pauseFrom" must name a lab by its id, e\.g\. pauseFrom\.aster$/,
    ],
    [
      [SCENARIO, '--runs', '10', '--compare', 'pauseFrom.nobody=5'],
      /^error: --compare "pauseFrom\.nobody=5": pauseFrom\.nobody: no lab "nobody" in anthropic-rsp/,
    ],
    [
      [SCENARIO, '--runs', '1', '--compare', 'pauseFrom.aster=5'],
      /^error: --runs must be from 2 to 1000000 with --compare/,
    ],
    [[SCENARIO, '--runs', '10', '--compare', ' , '], /^error: --compare needs at least one/],
  ])('%j', (argv, message) => {
    const { code, err } = run(argv);
    expect(code).toBe(2);
    expect(err[0]).toMatch(message);
  });

  it('--compare --json gives every arm paired differences on the same seeds', async () => {
    const { code, out } = run([
      SCENARIO,
      '--runs',
      '40',
      '--workers',
      '1',
      '--compare',
      'pauseFrom.aster=5',
      '--compare',
      'binding.aster=false',
      '--json',
    ]);
    expect(await code).toBe(0);
    const json = JSON.parse(out[0] as string) as {
      arms: { arm: string; identicalToBaseline: boolean; note: string | null }[];
      comparisons: {
        arm: string;
        outcome: string;
        a: number;
        b: number;
        diff: number;
        lo: number;
        hi: number;
        n: number;
      }[];
    };
    expect(json.arms.map((a) => a.arm)).toEqual(['pauseFrom.aster=5', 'binding.aster=false']);
    const row = json.comparisons.find(
      (c) => c.arm === 'pauseFrom.aster=5' && c.outcome === 'lab.aster.leads',
    )!;
    expect(Object.keys(row)).toEqual(['arm', 'outcome', 'a', 'b', 'diff', 'lo', 'hi', 'n']);
    expect(row.n).toBe(40);
    expect(row.b).toBeLessThan(row.a);
    // Aster is voluntary as written: "binding.aster=false" changes nothing, and says so.
    expect(json.arms[1]).toMatchObject({ identicalToBaseline: true });
    expect(json.arms[1]?.note).toMatch(/did not change any game/);
    for (const c of json.comparisons.filter((c) => c.arm === 'binding.aster=false')) {
      expect([c.diff, c.lo, c.hi]).toEqual([0, 0, 0]);
    }
  });

  it('--compare prints each arm against the baseline, with a note for an arm that changed nothing', async () => {
    const { code, out } = run([
      SCENARIO,
      '--runs',
      '20',
      '--workers',
      '1',
      '--compare',
      'pauseFrom.aster=40',
    ]);
    expect(await code).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/arm: pauseFrom\.aster=40/);
    expect(text).toMatch(
      /note: every game came out exactly as in the baseline: .*after the last quarter/,
    );
    expect(text).toMatch(/Aster Labs: ends with the largest share/);
    expect(text).toMatch(/never happened counts as the last quarter \+ 1/);
  });
});
