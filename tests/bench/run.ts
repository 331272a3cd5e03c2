// `npm run bench`: prints performance figures. Benchmarks measure and report; tests never fail on time.
import { parseArgs } from 'node:util';
import { loadScenarioFile } from '../../src/cli/commands/scenarioFile';
import { benchEngine } from './engine';

const { values } = parseArgs({
  options: {
    games: { type: 'string', default: '10000' },
    scenario: { type: 'string', default: 'scenarios/anthropic-rsp.json' },
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
