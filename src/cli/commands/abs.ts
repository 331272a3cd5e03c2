// `npm run sim -- abs …`: the Armstrong–Bostrom–Shulman "Racing to the precipice" validation
// model. Pure apart from the `out` callback: no process, file or console access here.

import { closedFormDisaster } from '../../engine/race/closedForm';
import { strategyFor } from '../../engine/race/equilibrium';
import { simulateErrors } from '../../engine/race/params';
import { simulateRace } from '../../engine/race/simulate';
import { DEFAULT_PUBLIC_RULE } from '../../engine/race/types';
import type { InfoRegime, PublicRule, SimulateOptions } from '../../engine/race/types';

export const ABS_MODEL_ID = 'armstrong-bostrom-shulman-2016';

export const ABS_USAGE = [
  'usage: sim abs [--teams N] [--enmity E] [--skill MU] [--info none|private|public]',
  '               [--public-rule subgame-perfect|deterrence|all-in] [--runs R] [--seed S] [--json]',
  'Racing to the precipice (Armstrong, Bostrom & Shulman 2016): probability of an AI disaster',
  'when n teams race at equilibrium.',
  '  --teams N        number of teams, integer >= 2 (default 2)',
  '  --enmity E       enmity in [0, 1]: a rival winning safely is worth 1 - E (default 1)',
  '  --skill MU       capability range: capabilities are Uniform[0, MU], MU > 0 (default 1)',
  '  --info X         what teams know about capabilities: none, private or public (default none)',
  '  --public-rule R  public information: subgame-perfect (the leader commits first and may let a',
  '                   close runner-up overtake; default), or a simultaneous-game equilibrium:',
  '                   deterrence (the safest) or all-in (the riskiest)',
  '  --runs R         Monte Carlo runs, integer >= 1 (default 10000)',
  '  --seed S         integer seed (default 1)',
  '  --json           print one JSON object instead of a summary',
];

const DEFAULTS = {
  teams: 2,
  enmity: 1,
  skill: 1,
  info: 'none' as InfoRegime,
  publicRule: DEFAULT_PUBLIC_RULE,
  runs: 10000,
  seed: 1,
};

const NUMERIC_FLAGS = ['teams', 'enmity', 'skill', 'runs', 'seed'] as const;
type NumericFlag = (typeof NUMERIC_FLAGS)[number];
const VALUE_FLAGS = [...NUMERIC_FLAGS, 'info', 'public-rule'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

const INTEGER_FLAGS: readonly NumericFlag[] = ['teams', 'runs', 'seed'];

/** Plain decimal or scientific notation only: no hex, no Infinity, no empty string. */
const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

type Parsed = { ok: true; options: SimulateOptions; json: boolean } | { ok: false; error: string };

function parseArgs(argv: readonly string[]): Parsed {
  const values = new Map<ValueFlag, string>();
  let json = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (!arg.startsWith('--')) return { ok: false, error: `unexpected argument "${arg}"` };
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) {
      return { ok: false, error: `unknown option "--${name}" (see --help)` };
    }
    const flag = name as ValueFlag;
    let value: string | undefined;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      value = argv[i + 1];
      // A following flag is not a value; a negative number is (it fails validation later).
      if (value === undefined || (value.startsWith('--') && !NUMBER_RE.test(value))) {
        return { ok: false, error: `--${flag} needs a value` };
      }
      i++;
    }
    if (values.has(flag)) return { ok: false, error: `--${flag} given more than once` };
    values.set(flag, value);
  }

  const numbers: Record<NumericFlag, number> = {
    teams: DEFAULTS.teams,
    enmity: DEFAULTS.enmity,
    skill: DEFAULTS.skill,
    runs: DEFAULTS.runs,
    seed: DEFAULTS.seed,
  };
  for (const flag of NUMERIC_FLAGS) {
    const raw = values.get(flag);
    if (raw === undefined) continue;
    if (!NUMBER_RE.test(raw.trim())) {
      return { ok: false, error: `--${flag} must be a number (got "${raw}")` };
    }
    // Counts and seeds are whole numbers written as plain digits ("1e3" and "2.0" are not).
    if (INTEGER_FLAGS.includes(flag) && !/^-?\d+$/.test(raw)) {
      return { ok: false, error: `--${flag} must be an integer in plain digits (got "${raw}")` };
    }
    numbers[flag] = Number(raw);
  }

  const options: SimulateOptions = {
    ...numbers,
    info: (values.get('info') ?? DEFAULTS.info) as InfoRegime,
    publicRule: (values.get('public-rule') ?? DEFAULTS.publicRule) as PublicRule,
  };
  const errors = simulateErrors(options);
  if (errors.length > 0) return { ok: false, error: errors.join('; ') };
  return { ok: true, options, json };
}

const fmt = (x: number): string => x.toFixed(4);

function describeStrategy(options: SimulateOptions): string {
  const strategy = strategyFor(options, options.info);
  switch (strategy.regime) {
    case 'none':
      return `every team takes safety s = ${fmt(strategy.safety)}`;
    case 'private':
      return strategy.fullSafety
        ? 'every team takes full safety s = 1 (no enmity)'
        : `each team takes s(c) = min(1, c / ${fmt(strategy.divisor)}) for its own capability c`;
    case 'public':
      if (options.enmity === 0) return 'the leader takes full safety s = 1 (no enmity)';
      switch (strategy.rule) {
        case 'all-in':
          return 'the leader takes s = min(1, lead over the runner-up); the runner-up takes s = 0';
        case 'deterrence':
          return `the leader takes s = min(1, lead / ${options.enmity}); the runner-up cannot profit by overtaking`;
        case 'subgame-perfect':
          return strategy.yieldBelow > 0
            ? `the leader commits to s = min(1, lead / ${options.enmity}) and wins, unless its lead is ` +
                `below ${fmt(strategy.yieldBelow)}: then it takes s = 1 and the runner-up overtakes ` +
                'with s = 1 - lead'
            : 'the leader commits to s = min(1, lead over the runner-up) and wins (e = 1: nobody yields)';
      }
  }
}

/**
 * Runs the model with command-line style arguments and prints through `out`.
 * Returns the exit code: 0 on success, 2 on bad arguments (one line starting with "error: ").
 */
export function runAbs(argv: string[], out: (line: string) => void): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    for (const line of ABS_USAGE) out(line);
    return 0;
  }
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    out(`error: ${parsed.error}`);
    return 2;
  }
  const { options, json } = parsed;
  const result = simulateRace(options);
  if (!result.ok) {
    // Unreachable after parseArgs validated the same options; kept for safety.
    out(`error: ${result.errors.join('; ')}`);
    return 2;
  }

  const params = {
    teams: options.teams,
    enmity: options.enmity,
    skill: options.skill,
    info: options.info,
    ...(options.info === 'public' ? { publicRule: options.publicRule } : {}),
    runs: options.runs,
    seed: options.seed,
  };

  if (json) {
    out(
      JSON.stringify({
        model: ABS_MODEL_ID,
        params,
        pDisaster: result.pDisaster,
        ci95: result.ci95,
        closedForm: result.closedForm,
      }),
    );
    return 0;
  }

  const closed = closedFormDisaster(options);
  out('Racing to the precipice (Armstrong, Bostrom & Shulman 2016)');
  out(
    `teams ${options.teams}, enmity ${options.enmity}, skill (mu) ${options.skill}, ` +
      `information ${options.info}${options.info === 'public' ? ` (${options.publicRule})` : ''}, ` +
      `runs ${options.runs}, seed ${options.seed}`,
  );
  out(`equilibrium: ${describeStrategy(options)}`);
  out(
    `P(disaster), Monte Carlo: ${fmt(result.pDisaster)} ` +
      `(95% CI ${fmt(result.ci95[0])} to ${fmt(result.ci95[1])}; ${result.disasters} of ${result.runs} runs)`,
  );
  out(`P(disaster), closed form: ${closed === null ? 'not available' : fmt(closed)}`);
  return 0;
}
