// `npm run sim -- scorecard <scenario> --lab <id> --policies a,b[,file.json] [--grid key=v1,v2 …]
// --runs N [--seed S] [--json | --csv]`: the Explorer's policy scorecard on the command line. The
// spec is checked by the same function as a `#scorecard=` link, the games are paired seed by seed
// as they are played (memory stays flat), and the rows, CSV and JSON come from the same functions
// as the Explorer's exports, so the numbers are the same.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  SCORECARD_AXES,
  emptyScorecardTally,
  scorecardCells,
  scorecardScenarios,
  tallyScorecardSeed,
  type ScorecardAxis,
  type ScorecardRow,
} from '../../engine/batch/scorecard';
import { summariseGame } from '../../engine/batch/runBatch';
import { playWithBots } from '../../engine/game';
import { percent, signedPoints } from '../../engine/numbers';
import { ENGINE_VERSION } from '../../engine/record';
import { decodeFileBytes } from '../../engine/scenario/input';
import type { Scenario } from '../../engine/types';
import {
  SCORECARD_LIMITS,
  checkScorecardSpec,
  defaultGrid,
  makeScorecardLink,
  scorecardChoices,
  type PolicyRef,
  type ScorecardSpec,
} from '../../explorer/scorecardLink';
import { MAX_POLICY_BYTES, readPolicyFile } from '../../explorer/scorecardPolicy';
import {
  scorecardCsv,
  scorecardJson,
  scorecardResult,
  type ScorecardResult,
} from '../../explorer/scorecardResults';
import { parseCliArgs, wholeNumberOption } from '../args';
import { readInputFile } from '../readInput';
import { CliError, loadScenarioFile } from './scenarioFile';

export const SCORECARD_USAGE = [
  'usage: sim scorecard <scenario> --lab <id> --policies a,b[,file.json] [--grid key=v1,v2 …] --runs N [--seed S] [--json | --csv]',
  'Plays the lab under each policy in the same worlds (the same rivals and seeds, over a grid of',
  'eval sensitivity × competitive pressure) and reports each policy against the first, with paired',
  '95% intervals: the numbers of the Explorer\'s "Policies side by side" export.',
  '  --lab <id>        the lab whose policy is varied',
  '  --policies a,b    two to six: a policy id of the scenario ("own": the lab\'s own),',
  "                    <scenario>:<policy id> for another shipped scenario's, or a policy file",
  '                    (.json, {"format":"threshold-policy","version":1,"policy":{…}})',
  '  --grid key=v1,v2  evalSensitivity=… and/or competitivePressure=… (up to four values each;',
  "                    default: half the scenario's eval sensitivity and as written × pressure as",
  '                    written and doubled)',
  `  --runs N          games per policy and setting, ${SCORECARD_LIMITS.runs.min} to ${SCORECARD_LIMITS.runs.max}`,
  '  --seed S          seed of the first game (default 1)',
  '  --json | --csv    print the JSON or CSV export instead of a summary',
];

/** Every shipped scenario (scenarios/*.json under the working folder), with `first` in front. */
function scenarioList(first: Scenario): Scenario[] {
  const dir = join(process.cwd(), 'scenarios');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
  } catch {
    // No scenarios folder here: only the scenario given.
  }
  const shipped = files.flatMap((f) => {
    try {
      const s = loadScenarioFile(join(dir, f));
      return s.id === first.id ? [] : [s];
    } catch {
      return [];
    }
  });
  return [first, ...shipped];
}

/** One `--policies` entry as a link writes it, or a CliError. */
function policyRef(token: string, scenario: Scenario, lab: string): PolicyRef | 'own' {
  if (token === 'own') return 'own';
  if (token.endsWith('.json')) {
    const read = readInputFile(token, MAX_POLICY_BYTES * 2, 'a policy file');
    if (!read.ok) throw new CliError(read.message);
    const decoded = decodeFileBytes(read.bytes);
    if (!decoded.ok) throw new CliError(`${token}: ${decoded.message}`);
    const policy = readPolicyFile(decoded.text, token, scenario, lab);
    if (!policy.ok) throw new CliError(policy.message);
    return { policy: policy.policy };
  }
  const colon = token.indexOf(':');
  return colon < 0
    ? { scenario: scenario.id, id: token }
    : { scenario: token.slice(0, colon), id: token.slice(colon + 1) };
}

function gridOption(raw: readonly string[]): Partial<Record<ScorecardAxis, number[]>> {
  const grid: Partial<Record<ScorecardAxis, number[]>> = {};
  for (const item of raw) {
    const eq = item.indexOf('=');
    const key = item.slice(0, eq) as ScorecardAxis;
    if (eq < 0 || !SCORECARD_AXES.includes(key)) {
      throw new CliError(
        `--grid takes ${SCORECARD_AXES.map((a) => `${a}=v1,v2`).join(' or ')}, got "${item}"`,
      );
    }
    const values = item
      .slice(eq + 1)
      .split(',')
      .map((v) => v.trim());
    if (values.some((v) => !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v))) {
      throw new CliError(
        `--grid ${key}: every value must be a number, got "${item.slice(eq + 1)}"`,
      );
    }
    grid[key] = values.map(Number);
  }
  return grid;
}

export interface ScorecardArgs {
  spec: ScorecardSpec;
  scenario: Scenario;
  scenarios: Scenario[];
  format: 'text' | 'json' | 'csv';
}

/** Read the command line into a checked spec, or throw a CliError (one line). */
export function parseScorecardArgs(argv: string[]): ScorecardArgs {
  const { values, positionals } = parseCliArgs(argv, {
    lab: { type: 'string' },
    policies: { type: 'string' },
    grid: { type: 'string', multiple: true },
    runs: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean', default: false },
    csv: { type: 'boolean', default: false },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError(SCORECARD_USAGE[0] as string);
  if (values.json && values.csv) throw new CliError('give --json or --csv, not both');
  if (!values.lab) throw new CliError('--lab <id> is required (the lab whose policy is varied)');
  if (!values.policies) throw new CliError('--policies a,b is required (two to six policies)');
  const runs = wholeNumberOption(
    'runs',
    values.runs,
    SCORECARD_LIMITS.runs.min,
    SCORECARD_LIMITS.runs.max,
  );
  if (runs === undefined) throw new CliError('--runs N is required (games per policy and setting)');
  const seed = wholeNumberOption('seed', values.seed, 0, SCORECARD_LIMITS.seed.max) ?? 1;
  const scenario = loadScenarioFile(file);
  const lab = values.lab;
  if (!scenario.labs.some((l) => l.id === lab)) {
    throw new CliError(
      `${scenario.id} has no lab "${lab}"; its labs: ${scenario.labs.map((l) => l.id).join(', ')}`,
    );
  }
  const policies = values.policies
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => policyRef(t, scenario, lab));
  const grid = gridOption(values.grid ?? []);
  const scenarios = scenarioList(scenario);
  // An axis left out takes the scorecard's default values for this scenario.
  const base = defaultGrid(scenario);
  const raw = {
    v: 1,
    scenario: scenario.id,
    lab,
    policies,
    grid: {
      evalSensitivity: grid.evalSensitivity ?? base.evalSensitivity,
      competitivePressure: grid.competitivePressure ?? base.competitivePressure,
    },
    runs,
    seed,
  };
  const checked = checkScorecardSpec(raw, scenarios);
  if (!checked.ok) throw new CliError(checked.problem);
  const format = values.json ? 'json' : values.csv ? 'csv' : 'text';
  return { spec: checked.spec, scenario, scenarios, format };
}

/** Play the scorecard in this thread, pairing each seed's games as they are played. */
export function playScorecard(
  spec: ScorecardSpec,
  written: Scenario,
  scenarios: readonly Scenario[],
): ScorecardResult {
  const choices = scorecardChoices(spec, scenarios);
  const perPolicy = scorecardScenarios(
    written,
    spec.lab,
    choices.map((c) => c.policy),
    spec.grid,
  );
  const cells = scorecardCells(spec.grid).length;
  const tally = emptyScorecardTally(perPolicy.length, cells);
  for (let c = 0; c < cells; c++) {
    for (let i = 0; i < spec.runs; i++) {
      const seed = spec.seed + i;
      const games = perPolicy.map((perCell) => {
        const s = perCell[c] as Scenario;
        return summariseGame(s, playWithBots(s, seed));
      });
      tallyScorecardSeed(tally, c, games, written);
    }
  }
  return scorecardResult(spec, written, choices, tally);
}

const signed = (x: number): string => signedPoints(x);

function rowLine(r: ScorecardRow, first: boolean): string {
  const value = percent(r.value, 1);
  const diff = first
    ? '(reference)'
    : `${signed(r.diff)} pts (${r.lo === null || r.hi === null ? 'no interval' : `${signed(r.lo)} to ${signed(r.hi)}`})`;
  return `  ${r.label.padEnd(36)} ${value.padStart(7)}  ${diff}`;
}

function textReport(spec: ScorecardSpec, scenario: Scenario, result: ScorecardResult): string[] {
  const cells = scorecardCells(spec.grid).length;
  const lines = [
    `${scenario.title} (${scenario.id}) — policy scorecard for ${result.lab}, engine ${ENGINE_VERSION}`,
    `grid: eval sensitivity ${spec.grid.evalSensitivity.join(', ')} × competitive pressure ${spec.grid.competitivePressure.join(', ')}; ${spec.runs} games per policy and setting, seeds ${spec.seed}…${spec.seed + spec.runs - 1}`,
    `each policy against ${result.policies[0]?.name ?? 'the first'}, pooled over ${cells} setting${cells === 1 ? '' : 's'}: its value, the difference in percentage points and its paired 95% interval`,
  ];
  result.policies.forEach((p, k) => {
    lines.push('', `${p.name}${k === 0 ? ' (reference)' : ''}`);
    if (p.identicalToFirst)
      lines.push('  note: every game came out exactly as under the first policy');
    for (const r of result.rows) {
      if (r.cell === 'all' && r.policy === p.name) lines.push(rowLine(r, k === 0));
    }
  });
  lines.push('', `link: ${makeScorecardLink(spec)}`);
  return lines;
}

/** `sim scorecard`: 0 when printed; a CliError (one line, exit 2) on bad arguments. */
export function runScorecard(argv: string[], out: (line: string) => void): number {
  const args = parseScorecardArgs(argv);
  const result = playScorecard(args.spec, args.scenario, args.scenarios);
  const link = makeScorecardLink(args.spec);
  if (args.format === 'json') {
    out(JSON.stringify(scorecardJson(args.spec, args.scenario, link, result), null, 2));
  } else if (args.format === 'csv') {
    for (const line of scorecardCsv(result).replace(/\r\n$/, '').split('\r\n')) out(line);
  } else {
    for (const line of textReport(args.spec, args.scenario, result)) out(line);
  }
  return 0;
}
