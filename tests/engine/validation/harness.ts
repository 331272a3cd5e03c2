// Arms of the validation suite: one scenario setting, played with bots in every seat over a fixed
// block of seeds, each game boiled down to the facts the directions compare. Every arm of a
// comparison uses the same seeds (common random numbers: each lab and mechanic draws from its own
// stream, so the arms differ only where the changed setting makes them differ), through the
// engine's own batch code: `applySettings` for the explorer's sweep parameters and `summariseGame`
// for the batch summary.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summariseGame, type GameSummary } from '../../../src/engine/batch/runBatch';
import { applySettings } from '../../../src/engine/batch/sweepParameters';
import { playWithBots } from '../../../src/engine/game';
import { parseScenario } from '../../../src/engine/scenario/validate';
import type { BotStrategyId, EvaluationSettings, Scenario } from '../../../src/engine/types';

/** The seed of the first game of every arm (game i is played with SEED + i). */
export const SEED = 1;

export interface GameFacts {
  summary: GameSummary;
  /** Incidents of any severity. */
  incidents: number;
  /** Thresholds revised without announcement, all labs. */
  quietRevisions: number;
  /** Thresholds revised publicly, all labs. */
  publicRevisions: number;
}

/** One arm: a shipped scenario and what is changed in it. */
export interface ArmSpec {
  scenario: string;
  /** Explorer sweep parameters (as `--set key=value`). */
  settings?: Record<string, number>;
  /** Evaluation settings that are not sweep parameters (safety buffer, sandbagging). */
  evaluation?: Partial<EvaluationSettings>;
  /** Per lab id: another strategy, or a quarter from which it pauses whatever its policy says. */
  labs?: Record<string, { strategy?: BotStrategyId; pauseFrom?: number }>;
}

/** A shipped scenario, read from scenarios/ and validated as the app does. */
export function shipped(id: string): Scenario {
  const result = parseScenario(
    readFileSync(join(process.cwd(), 'scenarios', `${id}.json`), 'utf8'),
  );
  if (!result.ok) throw new Error(`scenarios/${id}.json does not validate`);
  return result.scenario;
}

/** The scenario an arm plays. */
export function armScenario(spec: ArmSpec): Scenario {
  let s = shipped(spec.scenario);
  if (spec.settings) {
    s = applySettings(
      s,
      Object.entries(spec.settings).map(([id, value]) => ({ id, value })),
    );
  }
  if (spec.evaluation) s = { ...s, evaluation: { ...s.evaluation, ...spec.evaluation } };
  const labs = spec.labs;
  if (labs) {
    for (const id of Object.keys(labs)) {
      if (!s.labs.some((l) => l.id === id)) throw new Error(`${spec.scenario} has no lab "${id}"`);
    }
    s = { ...s, labs: s.labs.map((lab) => ({ ...lab, ...labs[lab.id] })) };
  }
  return s;
}

/** A stable name for an arm, so arms shared by several directions are played once. */
export function armKey(spec: ArmSpec): string {
  return JSON.stringify([
    spec.scenario,
    spec.settings ?? {},
    spec.evaluation ?? {},
    spec.labs ?? {},
  ]);
}

function facts(scenario: Scenario, seed: number): GameFacts {
  const state = playWithBots(scenario, seed);
  let incidents = 0;
  for (const round of state.history) incidents += round.incidents.length;
  const labs = state.outcome?.labs ?? [];
  return {
    summary: summariseGame(scenario, state),
    incidents,
    quietRevisions: labs.reduce((n, l) => n + l.revisionsQuiet, 0),
    publicRevisions: labs.reduce((n, l) => n + l.revisionsPublic, 0),
  };
}

/** `runs` games of an arm, seeds SEED … SEED + runs − 1. */
export function playArm(spec: ArmSpec, runs: number): GameFacts[] {
  const scenario = armScenario(spec);
  return Array.from({ length: runs }, (_, i) => facts(scenario, SEED + i));
}

/** Arms played once and shared by every direction that compares against them. */
export function armCache(runs: number): (spec: ArmSpec) => GameFacts[] {
  const arms = new Map<string, GameFacts[]>();
  return (spec) => {
    const key = armKey(spec);
    let arm = arms.get(key);
    if (!arm) {
      arm = playArm(spec, runs);
      arms.set(key, arm);
    }
    return arm;
  };
}
