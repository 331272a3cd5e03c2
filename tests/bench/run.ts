// `npm run bench`: prints performance figures. Benchmarks measure and report; tests never fail on time.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadScenarioFile } from '../../src/cli/commands/scenarioFile';
import { benchBrowser } from './browser';
import { benchBundle } from './bundle';
import { benchEngine } from './engine';
import { benchRounds, type Stats } from './round';
import { BENCH_LABS, BENCH_ROUNDS, sixLabScenario, sixLabScenarioJson } from './sixLabs';

const { values } = parseArgs({
  options: {
    games: { type: 'string', default: '10000' },
    scenario: { type: 'string', default: 'scenarios/anthropic-rsp.json' },
    loads: { type: 'string', default: '5' },
    'engine-only': { type: 'boolean', default: false },
  },
});

const games = Number(values.games);
const scenario = loadScenarioFile(values.scenario);
const labs = scenario.labs.length;
console.log(`Engine: ${games} headless games, 20 rounds, ${labs} labs (${scenario.id}), one core`);
const r = benchEngine(scenario, games);
console.log(
  `  ${r.gamesPerSecond.toFixed(0)} games/s — ${r.seconds.toFixed(2)} s for ${games} games`,
);
console.log(`  target: 10,000 games in under 10 s on one core → ${r.secondsFor10k.toFixed(2)} s`);
console.log(
  `  CPU time: ${((r.cpuSeconds / games) * 1000).toFixed(3)} ms per game → ${((r.cpuSeconds / games) * 10_000).toFixed(2)} CPU-s for 10,000 (wall time is inflated when other processes share the cores)`,
);

if (!values['engine-only']) await budgets();

// ---------------------------------------------------------------- issue 7 budgets

function ms(s: Stats): string {
  return `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`;
}

function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function verdict(value: number, budget: number, unit: string): string {
  return value <= budget
    ? `within budget (${budget} ${unit})`
    : `OVER budget (${budget} ${unit}) by ${(value - budget).toFixed(1)} ${unit}`;
}

async function budgets(): Promise<void> {
  const six = sixLabScenario();
  const ROUND_BUDGET = 50;

  console.log(
    `\nRound resolution in Node: ${BENCH_ROUNDS} rounds, ${BENCH_LABS} labs (${six.id}), bots in every seat`,
  );
  const rounds = benchRounds(six, 20);
  console.log(
    `  ${rounds.rounds} rounds timed in 20 games (${rounds.fullGames} ran all ${BENCH_ROUNDS} quarters)`,
  );
  console.log(`  advanceGame:                ${ms(rounds.resolve)}`);
  console.log(`  advanceGame + chart data:   ${ms(rounds.resolveAndChart)}`);
  console.log(`  → ${verdict(rounds.resolveAndChart.max, ROUND_BUDGET, 'ms')} at the worst round`);

  const root = resolve('.');
  const outDir = mkdtempSync(join(tmpdir(), 'threshold-bench-'));
  try {
    const bundle = await benchBundle(root, outDir);
    console.log(
      `\nJavaScript: vite build in ${bundle.seconds.toFixed(1)} s (into a scratch folder)`,
    );
    for (const f of bundle.files) {
      const kind = f.initial ? 'with the page' : 'on demand';
      console.log(
        `  ${f.file.padEnd(36)} ${kB(f.bytes).padStart(9)} → ${kB(f.gzip).padStart(8)} gzip  ${kind}`,
      );
    }
    const total = bundle.totalGzip / 1000;
    console.log(
      `  total ${kB(bundle.totalGzip)} gzip (${kB(bundle.initialGzip)} loaded with the page) → ${verdict(total, 110, 'kB')}`,
    );
    const top = bundle.entryBySource.slice(0, 8);
    console.log(
      `  the page’s entry chunk by source (rendered, before minification): ${top.map((s) => `${s.source} ${kB(s.bytes)}`).join(', ')}`,
    );

    const browser = await benchBrowser(root, outDir, sixLabScenarioJson(), Number(values.loads));
    const fr = browser.firstRender;
    console.log(
      `\nFirst render (vite preview on localhost, headless Chromium, ${fr.loads} fresh loads, no cache)`,
    );
    console.log(`  the page's scripts downloaded:   ${ms(fr.script)}`);
    console.log(`  start screen heading in the DOM: ${ms(fr.heading)}`);
    console.log(`  … and painted (next frame):      ${ms(fr.painted)}`);
    console.log(`  first contentful paint:          ${ms(fr.fcp)}`);
    console.log(`  → ${verdict(fr.painted.median, 1000, 'ms')} (median)`);

    console.log(
      `\nA round in the UI: ${BENCH_ROUNDS} quarters, ${BENCH_LABS} labs, loaded through the file input`,
    );
    if ('pending' in browser.rounds) {
      console.log(`  pending: the game UI could not be driven (${browser.rounds.pending})`);
    } else {
      const ui = browser.rounds;
      console.log(
        `  ${ui.rounds} quarters played${ui.confirmations ? ` (${ui.confirmations} after confirming a broken commitment)` : ''}; click on "End quarter" →`,
      );
      console.log(`  quarter screen and chart updated (DOM): ${ms(ui.dom)}`);
      console.log(`  … and the next frame:                   ${ms(ui.frame)}`);
      if (!ui.chartHook)
        console.log('  (the chart table was not found: timed the quarter heading only)');
      console.log(`  → ${verdict(ui.frame.max, ROUND_BUDGET, 'ms')} at the worst round`);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  const [one, five] = loadavg();
  console.log(
    `\nMachine: ${cpus().length} cores, load average ${one?.toFixed(1)} (1 min) / ${five?.toFixed(1)} (5 min) while measuring.`,
  );
}
