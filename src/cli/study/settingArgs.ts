// Settings as the command line gives them (`--set key=value`, `--compare "<arm>"`, `--grid
// key=v1,v2,…`), read the same way by `sim batch` and `sim sweep`: one-line errors that name the
// flag, the key and what it accepts.

import type { Setting } from '../../engine/batch/compare';
import type { SweepAxis } from '../../engine/batch/sweep';
import {
  LAB_LEVER_KINDS,
  SWEEP_PARAMETERS,
  allowedValues,
  checkValue,
  parseValue,
  settingProblem,
  sweepParameter,
  type SweepParameter,
} from '../../engine/batch/sweepParameters';
import { closest } from '../../engine/scenario/words';
import type { Scenario } from '../../engine/types';
import { CliError } from '../commands/scenarioFile';

export const MAX_WORKERS = 64;

/**
 * Worker threads only pay off for big batches: each needs ~3 s to load the engine through tsx
 * (measured: 10,000 games took 6.6 s in one thread and 11.5 s on two), so use one thread per
 * 10,000 games, up to the number of cores.
 */
export const GAMES_PER_WORKER = 10_000;

export function defaultWorkers(games: number, cores: number): number {
  return Math.max(1, Math.min(MAX_WORKERS, cores, Math.floor(games / GAMES_PER_WORKER)));
}

/**
 * The parameter a key names, or a CliError saying what the keys are. The scenario, when known,
 * names the choices of levers that depend on it (a lab's policy).
 */
function parameterOf(key: string, flag: string, scenario?: Scenario): SweepParameter {
  const param = sweepParameter(key, scenario);
  if (param) return param;
  const kind = key.split('.')[0] ?? '';
  if ((LAB_LEVER_KINDS as readonly string[]).includes(kind)) {
    throw new CliError(`${flag}: "${key}" must name a lab by its id, e.g. ${kind}.aster`);
  }
  const guess = closest(
    key,
    SWEEP_PARAMETERS.map((p) => p.id),
  );
  throw new CliError(
    `${flag}: unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}; keys: ${SWEEP_PARAMETERS.map((p) => p.id).join(', ')}, or per lab: ${LAB_LEVER_KINDS.map((k) => `${k}.<lab>`).join(', ')}`,
  );
}

function valueOf(param: SweepParameter, key: string, text: string, flag: string): number {
  const value = parseValue(param, text);
  if (value === null) {
    throw new CliError(`${flag} ${key}: expected ${allowedValues(param)}, got "${text}"`);
  }
  const problem = checkValue(param, value);
  if (problem) throw new CliError(`${flag} ${problem}`);
  return value;
}

function splitKeyValue(raw: string, flag: string): { key: string; text: string } {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new CliError(`${flag} needs key=value, got "${raw}"`);
  return { key: raw.slice(0, eq).trim(), text: raw.slice(eq + 1).trim() };
}

export function parseSetting(raw: string, flag = '--set', scenario?: Scenario): Setting {
  const { key, text } = splitKeyValue(raw, flag);
  const param = parameterOf(key, flag, scenario);
  return { id: param.id, value: valueOf(param, key, text, flag) };
}

export function noRepeats(settings: readonly { id: string }[], flag: string): void {
  const ids = settings.map((s) => s.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new CliError(`${flag} ${twice} given more than once`);
}

/** One `--compare` arm: settings separated by spaces or commas. */
export function parseArm(raw: string, scenario?: Scenario): { text: string; settings: Setting[] } {
  const parts = raw.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length === 0) throw new CliError('--compare needs at least one key=value setting');
  const settings = parts.map((p) => parseSetting(p, `--compare "${raw}":`, scenario));
  noRepeats(settings, `--compare "${raw}":`);
  return { text: parts.join(' '), settings };
}

/** One `--grid key=v1,v2,…` axis: the values in the order given, each checked, no repeats. */
export function parseAxis(raw: string, maxValues: number, scenario?: Scenario): SweepAxis {
  const flag = '--grid';
  const { key, text } = splitKeyValue(raw, flag);
  const param = parameterOf(key, flag, scenario);
  const texts = text.split(',').map((t) => t.trim());
  if (texts.some((t) => t === '')) {
    throw new CliError(`${flag} ${key}: give values separated by commas, e.g. ${key}=v1,v2`);
  }
  if (texts.length > maxValues) {
    throw new CliError(`${flag} ${key}: at most ${maxValues} values, got ${texts.length}`);
  }
  const values = texts.map((t) => valueOf(param, key, t, flag));
  const twice = values.find((x, i) => values.indexOf(x) !== i);
  if (twice !== undefined) {
    throw new CliError(`${flag} ${key}: the value ${param.format(twice)} is given twice`);
  }
  return { id: param.id, values };
}

/** Throw a CliError naming the lab a per-lab setting asks for that the scenario does not have. */
export function checkLabs(scenario: Scenario, ids: readonly string[], flag: string): void {
  for (const id of ids) {
    const problem = settingProblem(scenario, id);
    if (problem) throw new CliError(`${flag} ${id}: ${problem}`);
  }
}
