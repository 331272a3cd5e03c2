// Research-scale study figures for `npm run bench`: the CLI's games per second on one core and on
// every worker, peak memory at 10,000 and 200,000 games (flat: statistics are tallies), the time
// `sim merge` takes over 100 parts, and the projected cost of the study (eight levers at
// five levels, 2,000 games each: 5⁸ × 2,000 ≈ 781 million games). Figures only, never asserted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { partText } from '../../src/cli/study/part';
import { buildStudy } from '../../src/cli/study/spec';
import { loadScenarioFile } from '../../src/cli/commands/scenarioFile';
import { shardUnits, unitRanges } from '../../src/engine/batch/shard';
import { emptyStudyTally, mergeStudyTally, playUnit } from '../../src/engine/batch/study';
import { ENGINE_VERSION } from '../../src/engine/record';

export const STUDY_GAMES = 5 ** 8 * 2000;

interface ChildCost {
  code: number;
  seconds: number;
  maxRssKiB: number;
}

function node(args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
}

/** `sim batch <args>` in a fresh process: its JSON report. */
function batchJson(args: string[]): { gamesPerSecond: number; workers: number } {
  return JSON.parse(node(['src/cli/sim.ts', 'batch', ...args, '--json'])) as {
    gamesPerSecond: number;
    workers: number;
  };
}

function cost(args: string[]): ChildCost {
  return JSON.parse(node(['tests/bench/studyChild.ts', ...args])) as ChildCost;
}

const MiB = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;

export function benchStudy(options: { games: number; memoryGames: [number, number] }): void {
  const cores = availableParallelism();
  const scenario = 'anthropic-rsp';
  console.log(`\nStudies (sim batch ${scenario}, through the CLI with its tallies)`);
  const one = batchJson([scenario, '--runs', String(options.games), '--workers', '1']);
  console.log(
    `  one core:        ${one.gamesPerSecond.toFixed(0)} games/s (${options.games} games)`,
  );
  const all = batchJson([
    scenario,
    '--runs',
    String(options.games * cores),
    '--workers',
    String(cores),
  ]);
  console.log(
    `  every worker:    ${all.gamesPerSecond.toFixed(0)} games/s on ${all.workers} worker threads (${options.games * cores} games; wall time, with the threads' start-up)`,
  );

  const [small, large] = options.memoryGames;
  const a = cost([scenario, '--runs', String(small), '--workers', '1']);
  const b = cost([scenario, '--runs', String(large), '--workers', '1']);
  const growth = (b.maxRssKiB / a.maxRssKiB - 1) * 100;
  console.log(
    `  peak memory, --workers 1: ${MiB(a.maxRssKiB)} at ${small} games, ${MiB(b.maxRssKiB)} at ${large} games (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%; target within 15%)`,
  );

  // 100 parts of a 25-setting sweep, written in this process, then merged by the CLI.
  const dir = mkdtempSync(join(tmpdir(), 'threshold-bench-parts-'));
  try {
    const written = loadScenarioFile(scenario);
    const spec = {
      command: 'sweep' as const,
      file: scenario,
      settings: [{ id: 'rounds', value: 8 }],
      grid: [
        { id: 'evalSensitivity', values: [0.1, 0.3, 0.5, 0.7, 0.9] },
        { id: 'competitivePressure', values: [0.5, 1, 1.5, 2, 2.5] },
      ],
      arms: [],
      runs: 40,
      seed: 1,
    };
    const study = buildStudy(spec, written);
    const N = 100;
    for (let k = 1; k <= N; k++) {
      const units = shardUnits(study.cells.length, spec.runs, false, k, N);
      const tally = emptyStudyTally(study.games);
      for (const unit of units) mergeStudyTally(tally, playUnit(study.games, unit));
      writeFileSync(
        join(dir, `part-${k}.json`),
        partText({
          engine: ENGINE_VERSION,
          spec,
          scenario: { id: written.id, title: written.title, data: written },
          shard: { k, n: N },
          ranges: unitRanges(units, study.cells.length),
          tally,
          seconds: 0,
          threads: 0,
        }),
      );
    }
    const files = Array.from({ length: N }, (_, i) => join(dir, `part-${i + 1}.json`));
    let started = performance.now();
    node(['src/cli/sim.ts', 'help']);
    const startup = (performance.now() - started) / 1000;
    started = performance.now();
    node(['src/cli/sim.ts', 'merge', ...files, '--json']);
    const merge = (performance.now() - started) / 1000;
    console.log(
      `  sim merge of ${N} parts (a 25-setting sweep): ${merge.toFixed(2)} s wall, of which ${startup.toFixed(2)} s is starting node and tsx`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const coreHours = STUDY_GAMES / one.gamesPerSecond / 3600;
  console.log(
    `  the issue's study, 8 levers × 5 levels × 2,000 games = ${(STUDY_GAMES / 1e6).toFixed(0)} million games: ${coreHours.toFixed(0)} core-hours at ${one.gamesPerSecond.toFixed(0)} games/s per core (${(coreHours / 24).toFixed(1)} core-days; on 500 cores about ${(coreHours / 500).toFixed(1)} hours)`,
  );
}
