// Exact shards: a batch, a comparison or a sweep cut into K/N parts and merged prints exactly what
// the whole run prints (every field but timing and worker counts), with the real command line.
// Parts that do not belong together are refused, one line each, naming the files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/commands/scenarioFile';
import { cellStats, planSweep, runSweep, type SweepSpec } from '../../src/engine/batch/sweep';
import { resultsCsv } from '../../src/explorer/results';
import { scratch, sim, withoutTiming, withoutTimingLine } from './simCli';

const RUNS = '2000';

/** Play shards 1…n of `args` (two at a time) into a scratch folder; the part paths. */
async function shards(args: string[], n: number): Promise<string[]> {
  const dir = scratch();
  const files = Array.from({ length: n }, (_, i) => join(dir, `part-${i + 1}.json`));
  for (let k = 0; k < n; k += 2) {
    const results = await Promise.all(
      files
        .slice(k, k + 2)
        .map((file, j) =>
          sim([...args, '--shard', `${k + j + 1}/${n}`, '--out', file, '--workers', '1']),
        ),
    );
    for (const r of results) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^wrote shard \d+\/\d+ \(\d+ games in [\d.]+ s\) to /);
    }
  }
  return files;
}

describe('sim batch --shard and sim merge', () => {
  const args = ['batch', 'anthropic-rsp', '--runs', RUNS, '--seed', '1'];
  let parts: string[] = [];

  it('the merge of four parts agrees with the whole batch on every field but timing', async () => {
    const [whole, files] = await Promise.all([
      sim([...args, '--json', '--workers', '1']),
      shards(args, 4),
    ]);
    parts = files;
    const merged = await sim(['merge', ...parts, '--json']);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    const a = withoutTiming(whole.stdout);
    expect(withoutTiming(merged.stdout)).toEqual(a);
    expect((a.stats as { games: number }).games).toBe(2000);
    // The text report too, but for its last line (timing).
    const [text, mergedText] = await Promise.all([
      sim([...args, '--workers', '1']),
      sim(['merge', ...parts]),
    ]);
    expect(withoutTimingLine(mergedText.stdout)).toEqual(withoutTimingLine(text.stdout));
    expect(mergedText.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^2000 games in .* on 4 parts, merged$/,
    );
  }, 600_000);

  it('refuses a missing part, naming the shard and its games', async () => {
    const r = await sim(['merge', parts[0]!, parts[1]!, parts[3]!]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: missing shard 3/4: no part holds games 1001…1500 (seeds 1001…1500)\n',
    );
  });

  it('refuses overlapping parts, naming both files', async () => {
    const copy = parts[1]!.replace('part-2', 'copy-of-2');
    writeFileSync(copy, readFileSync(parts[1]!));
    const r = await sim(['merge', ...parts, copy]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `error: ${parts[1]} and ${copy} overlap: both hold games 501…1000 (seeds 501…1000)`,
    ]);
  });

  it('refuses an edited part, and a file that is not a part', async () => {
    const edited = parts[0]!.replace('part-1', 'edited');
    writeFileSync(
      edited,
      readFileSync(parts[0]!, 'utf8').replace('"catastrophe":', '"catastrophe":1'),
    );
    const wrongType = parts[0]!.replace('part-1', 'wrong-type');
    const json = JSON.parse(readFileSync(parts[0]!, 'utf8')) as { spec: { runs: unknown } };
    json.spec.runs = 'many';
    writeFileSync(wrongType, JSON.stringify(json));
    const notPart = parts[0]!.replace('part-1', 'scenario');
    writeFileSync(notPart, readFileSync('scenarios/anthropic-rsp.json'));
    const r = await sim(['merge', edited, wrongType, notPart, parts[1]!]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `error: ${edited}: damaged part file: its contents do not match its checksum (edited after it was written?)`,
      expect.stringMatching(
        new RegExp(`^error: ${wrongType}: damaged part file: spec\\.runs: Invalid type`),
      ),
      `error: ${notPart}: not a part file of sim batch or sim sweep (no "format": "threshold-study-part")`,
    ]);
  });

  it('refuses parts of a different study, one line each', async () => {
    const other = await shards(['batch', 'anthropic-rsp', '--runs', '8', '--seed', '2'], 2);
    const r = await sim(['merge', parts[0]!, other[1]!]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: ${parts[0]} and ${other[1]} have different runs or seeds (--runs 2000 --seed 1 and --runs 8 --seed 2)\n`,
    );
  }, 60_000);
});

describe('sim sweep --shard and sim merge', () => {
  const grid = ['--grid', 'evalSensitivity=0.3,0.9'];
  const args = ['sweep', 'anthropic-rsp', ...grid, '--runs', '300', '--seed', '4'];

  it('a two-setting sweep merged from three parts (one cuts a setting in two) matches the whole, in JSON, CSV and text', async () => {
    const [json, csv, text, files] = await Promise.all([
      sim([...args, '--json', '--workers', '1']),
      sim([...args, '--csv', '--workers', '1']),
      sim([...args, '--workers', '1']),
      shards(args, 3),
    ]);
    const [mergedJson, mergedCsv, mergedText] = await Promise.all([
      sim(['merge', ...files, '--json']),
      sim(['merge', ...files, '--csv']),
      sim(['merge', ...files]),
    ]);
    expect(withoutTiming(mergedJson.stdout)).toEqual(withoutTiming(json.stdout));
    expect(mergedCsv.stdout).toBe(csv.stdout);
    expect(withoutTimingLine(mergedText.stdout)).toEqual(withoutTimingLine(text.stdout));
    expect(text.stdout).toMatch(/^evalSensitivity=0\.3 +300 /m);

    // The CSV is the Explorer's export of the same sweep.
    const scenario = loadScenarioFile('anthropic-rsp');
    const spec: SweepSpec = {
      scenarioId: 'anthropic-rsp',
      params: [{ id: 'evalSensitivity', values: [0.3, 0.9] }],
      runs: 300,
      seed: 4,
    };
    const levelIds = scenario.levels.map((l) => l.id);
    const progress = runSweep(spec, scenario);
    const explorer = resultsCsv(
      spec,
      levelIds,
      planSweep(spec).map((cell, i) => ({ cell, stats: cellStats(progress, i, levelIds) })),
      scenario.labs.map((l) => l.id),
    );
    // Row for row the same text; the download ends lines with CRLF (RFC 4180), the terminal with LF.
    expect(explorer).toContain('\r\n');
    expect(csv.stdout).toBe(explorer.replaceAll('\r\n', '\n'));
  }, 600_000);

  it('per-lab levers sweep by name; a setting that changes nothing says so', async () => {
    const r = await sim([
      'sweep',
      'anthropic-rsp',
      '--grid',
      'binding.aster=false,true',
      '--grid',
      'pauseFrom.aster=0,40',
      '--runs',
      '20',
      '--set',
      'rounds=8',
      '--workers',
      '1',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { cells: { settings: Record<string, number> }[] };
    expect(json.cells.map((c) => c.settings)).toEqual([
      { 'binding.aster': 0, 'pauseFrom.aster': 0 },
      { 'binding.aster': 0, 'pauseFrom.aster': 40 },
      { 'binding.aster': 1, 'pauseFrom.aster': 0 },
      { 'binding.aster': 1, 'pauseFrom.aster': 40 },
    ]);
    const inert = await sim([
      'sweep',
      'anthropic-rsp',
      '--grid',
      'pauseFrom.aster=0,40',
      '--runs',
      '10',
      '--workers',
      '1',
    ]);
    expect(inert.stdout).toMatch(
      /^note: every setting gave exactly the same games: every quarter given is 0 \(never\) or after the last quarter/m,
    );
  }, 120_000);

  it('argument errors are one line', async () => {
    const cases: [string[], RegExp][] = [
      [['sweep', 'anthropic-rsp', '--runs', '5'], /^error: --grid key=v1,v2,… is required/],
      [
        ['sweep', 'anthropic-rsp', '--grid', 'labs=2,,3', '--runs', '5'],
        /^error: --grid labs: give values separated by commas/,
      ],
      [
        ['sweep', 'anthropic-rsp', '--grid', 'labs=2,2', '--runs', '5'],
        /^error: --grid labs: the value 2 is given twice/,
      ],
      [
        ['sweep', 'anthropic-rsp', '--grid', 'pauseFrom.zed=1,2', '--runs', '5'],
        /^error: --grid pauseFrom\.zed: no lab "zed"/,
      ],
      [
        ['sweep', 'anthropic-rsp', '--grid', 'labs=2,3', '--set', 'labs=4', '--runs', '5'],
        /^error: labs is both --set and --grid/,
      ],
      [
        [
          'sweep',
          'anthropic-rsp',
          '--grid',
          'labs=2,3',
          '--runs',
          '5',
          '--shard',
          '5/4',
          '--out',
          'x',
        ],
        /^error: --shard must be K\/N/,
      ],
      [
        ['sweep', 'anthropic-rsp', '--grid', 'labs=2,3', '--runs', '5', '--shard', '1/4'],
        /^error: --shard needs --out FILE/,
      ],
      [
        ['sweep', 'anthropic-rsp', '--grid', 'labs=2,3', '--runs', '5', '--emit', 'pbs'],
        /^error: --emit must be slurm or kubernetes/,
      ],
      [['merge'], /^error: usage: sim merge/],
    ];
    const results = await Promise.all(cases.map(([argv]) => sim(argv)));
    results.forEach((r, i) => {
      expect(r.code, cases[i]![0].join(' ')).toBe(2);
      expect(r.stderr.trimEnd().split('\n'), cases[i]![0].join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(cases[i]![1]);
    });
  }, 120_000);
});

describe('sim batch --compare --shard', () => {
  it('paired comparisons merge exactly: every shard plays every arm on its seeds', async () => {
    const args = [
      'batch',
      'anthropic-rsp',
      '--runs',
      '120',
      '--compare',
      'strategy.aster=race-to-deploy',
      '--set',
      'rounds=10',
    ];
    const [whole, files] = await Promise.all([
      sim([...args, '--json', '--workers', '1']),
      shards(args, 2),
    ]);
    const merged = await sim(['merge', ...files, '--json']);
    expect(merged.code).toBe(0);
    expect(withoutTiming(merged.stdout)).toEqual(withoutTiming(whole.stdout));
  }, 120_000);
});
