// `npm run sim -- merge <part.json> …`: the parts of a sharded `sim batch` or `sim sweep`, merged
// into exactly what the unsharded command prints (every figure; only the timing line and the
// worker counts differ). Parts that do not belong together are refused, one line each, naming
// the files: a different engine version, scenario, command, settings, grid, arms, runs or seed;
// two parts holding the same games; games no part holds (naming the missing shard).

import { readFileSync, statSync } from 'node:fs';
import { emptyStudyTally, mergeStudyTally } from '../../engine/batch/study';
import { shardUnits, type GameRange, type WorkUnit } from '../../engine/batch/shard';
import { ENGINE_VERSION } from '../../engine/record';
import { validateScenarioValue } from '../../engine/scenario/validate';
import { parseCliArgs } from '../args';
import { describeReadError } from '../readInput';
import { parsePart, type PartFile } from '../study/part';
import { buildStudy, type Study } from '../study/spec';
import { batchReport } from './batch';
import { CliError } from './scenarioFile';
import { sweepReport } from './sweep';

export const MERGE_USAGE = [
  'usage: sim merge <part.json> [more parts …] [--json | --csv]',
  'Merges the part files written by `sim batch … --shard K/N --out FILE` or `sim sweep … --shard',
  'K/N --out FILE` and prints what the whole batch or sweep prints (--json and --csv as there).',
  'Refuses parts of different studies, overlapping parts and missing ones, one line each.',
];

/** Parts of a study can be large (a tally per setting), but not larger than this. */
const MAX_PART_BYTES = 1 << 30;

interface Loaded {
  file: string;
  part: PartFile;
}

function readPart(file: string): Loaded | string {
  let text: string;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) return `${file} is a folder, not a part file`;
    if (!stats.isFile()) return `cannot read ${file}: it is not a regular file`;
    if (stats.size > MAX_PART_BYTES)
      return `${file}: too large for a part file (${stats.size} bytes)`;
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return describeReadError(file, e);
  }
  const parsed = parsePart(text);
  return parsed.ok ? { file, part: parsed.part } : `${file}: ${parsed.message}`;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** One line per part that does not belong with the first. */
function mismatches(parts: readonly Loaded[]): string[] {
  const [first, ...rest] = parts as [Loaded, ...Loaded[]];
  const a = first.part;
  const problems: string[] = [];
  for (const { file, part: b } of rest) {
    const pair = `${first.file} and ${file}`;
    if (a.engine !== b.engine) {
      problems.push(`${pair} were made by different engine versions (${a.engine} and ${b.engine})`);
    } else if (a.scenario.hash !== b.scenario.hash) {
      problems.push(
        `${pair} are parts of different scenarios (${a.scenario.id} ${a.scenario.hash.slice(0, 12)} and ${b.scenario.id} ${b.scenario.hash.slice(0, 12)})`,
      );
    } else if (a.spec.command !== b.spec.command) {
      problems.push(
        `${pair} are parts of different commands (sim ${a.spec.command} and sim ${b.spec.command})`,
      );
    } else if (!same(a.spec.settings, b.spec.settings)) {
      problems.push(`${pair} were played with different --set settings`);
    } else if (!same(a.spec.grid, b.spec.grid)) {
      problems.push(`${pair} are parts of different grids`);
    } else if (!same(a.spec.arms, b.spec.arms)) {
      problems.push(`${pair} compare different arms`);
    } else if (a.spec.runs !== b.spec.runs || a.spec.seed !== b.spec.seed) {
      problems.push(
        `${pair} have different runs or seeds (--runs ${a.spec.runs} --seed ${a.spec.seed} and --runs ${b.spec.runs} --seed ${b.spec.seed})`,
      );
    }
  }
  return problems;
}

function seedText(study: Study, [from, to]: GameRange): string {
  const s = study.spec.seed;
  return `games ${from + 1}…${to} (seeds ${s + from}…${s + to - 1})`;
}

function cellText(study: Study, cell: number): string {
  return study.spec.command === 'sweep'
    ? ` of ${study.cells[cell]?.name ?? `setting ${cell + 1}`}`
    : '';
}

function unitsText(study: Study, units: readonly WorkUnit[]): string {
  const shown = units
    .slice(0, 2)
    .map(
      (u) =>
        `${seedText(study, [u.from, u.from + u.count])}${u.cell === null ? '' : cellText(study, u.cell)}`,
    );
  const more = units.length > 2 ? ` and ${units.length - 2} more settings` : '';
  return `${shown.join('; ')}${more}`;
}

/** One line per pair of parts holding the same games, per stretch of missing games. */
function coverageProblems(study: Study, parts: readonly Loaded[]): string[] {
  const problems: string[] = [];
  const overlapping = new Set<string>();
  const gaps: { cell: number; range: GameRange }[] = [];
  const runs = study.spec.runs;
  study.cells.forEach((_, cell) => {
    const held = parts
      .flatMap(({ file, part }) => (part.cells[cell]?.ranges ?? []).map((r) => ({ file, r })))
      .sort((x, y) => x.r[0] - y.r[0] || x.r[1] - y.r[1]);
    let reached = 0;
    let last: { file: string; r: GameRange } | null = null;
    for (const h of held) {
      if (h.r[0] > reached) gaps.push({ cell, range: [reached, h.r[0]] });
      if (last && h.r[0] < reached) {
        const key = `${last.file}\n${h.file}`;
        if (!overlapping.has(key)) {
          overlapping.add(key);
          const both: GameRange = [h.r[0], Math.min(reached, h.r[1])];
          problems.push(
            `${last.file} and ${h.file} overlap: both hold ${seedText(study, both)}${cellText(study, cell)}`,
          );
        }
      }
      if (h.r[1] > reached) {
        reached = h.r[1];
        last = h;
      }
    }
    if (reached < runs) gaps.push({ cell, range: [reached, runs] });
  });
  if (gaps.length === 0) return problems;
  // When every part is a shard of the same N, name the shards that are missing.
  const ns = new Set(parts.map((p) => p.part.shard.n));
  if (ns.size === 1) {
    const n = parts[0]!.part.shard.n;
    const have = new Set(parts.map((p) => p.part.shard.k));
    for (let k = 1; k <= n; k++) {
      if (have.has(k)) continue;
      const units = shardUnits(study.cells.length, runs, study.games.paired, k, n);
      if (units.length > 0)
        problems.push(`missing shard ${k}/${n}: no part holds ${unitsText(study, units)}`);
    }
    if (problems.length > 0) return problems;
  }
  for (const g of gaps.slice(0, 10)) {
    problems.push(
      `missing games: no part holds ${seedText(study, g.range)}${cellText(study, g.cell)}`,
    );
  }
  if (gaps.length > 10) problems.push(`missing games: ${gaps.length - 10} more stretches`);
  return problems;
}

/** The study the parts say they hold, or a line saying why it cannot be rebuilt. */
function studyOf(loaded: Loaded): Study | string {
  const { file, part } = loaded;
  const checked = validateScenarioValue(part.scenario.data);
  if (!checked.ok) return `${file}: damaged part file: its scenario is not valid`;
  let study: Study;
  try {
    study = buildStudy(part.spec, checked.scenario);
  } catch (e) {
    return `${file}: damaged part file: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (part.cells.length !== study.cells.length) {
    return `${file}: damaged part file: it has ${part.cells.length} settings, its study ${study.cells.length}`;
  }
  if ((part.pairs?.length ?? -1) !== (study.games.paired ? study.cells.length - 1 : -1)) {
    return `${file}: damaged part file: its paired comparisons do not match its arms`;
  }
  const outside = part.cells.some((c) => c.ranges.some(([, to]) => to > part.spec.runs));
  if (outside) return `${file}: damaged part file: it holds games past --runs ${part.spec.runs}`;
  return study;
}

export function runMerge(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void = out,
): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    for (const line of MERGE_USAGE) out(line);
    return 0;
  }
  const { values, positionals } = parseCliArgs(argv, {
    json: { type: 'boolean', default: false },
    csv: { type: 'boolean', default: false },
  });
  if (positionals.length === 0) throw new CliError(MERGE_USAGE[0] as string);
  if (values.json && values.csv) throw new CliError('--json or --csv, not both');
  const files = [...new Set(positionals)];
  const loaded: Loaded[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const result = readPart(file);
    if (typeof result === 'string') problems.push(result);
    else loaded.push(result);
  }
  if (problems.length === 0) problems.push(...mismatches(loaded));
  if (problems.length === 0 && loaded[0]!.part.engine !== ENGINE_VERSION) {
    const { file, part } = loaded[0]!;
    problems.push(
      `${file} was made by engine ${part.engine}; this sim is engine ${ENGINE_VERSION} (merge with the version that played it)`,
    );
  }
  let study: Study | string | null = null;
  if (problems.length === 0) {
    const studies = loaded.map(studyOf);
    const broken = studies.filter((s): s is string => typeof s === 'string');
    problems.push(...broken);
    study = studies[0] ?? null;
  }
  if (problems.length === 0 && study && typeof study !== 'string') {
    problems.push(...coverageProblems(study, loaded));
  }
  if (problems.length > 0 || !study || typeof study === 'string') {
    for (const p of problems) err(`error: ${p}`);
    return 2;
  }
  const tally = emptyStudyTally(study.games);
  for (const { part } of loaded) {
    mergeStudyTally(tally, {
      cells: part.cells.map((c) => c.tally),
      pairs: part.pairs,
    });
  }
  const info = {
    seconds: loaded.reduce((s, { part }) => s + part.seconds, 0),
    threads: loaded.reduce((s, { part }) => s + part.threads, 0),
    fallback: null,
    parts: loaded.length,
  };
  if (study.spec.command === 'sweep') {
    sweepReport(study, values.json ? 'json' : values.csv ? 'csv' : 'text', out)(tally, info);
  } else {
    if (values.csv) throw new CliError('--csv is for sweeps; a batch prints text or --json');
    batchReport(study, values.json ?? false, out)(tally, info);
  }
  return 0;
}
