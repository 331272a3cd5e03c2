// Arms of the validation suite: one scenario setting, played with bots in every seat over a fixed
// block of seeds, each game boiled down to the facts the directional checks compare. Every arm of
// a comparison uses the same seeds (common random numbers), through the engine's own batch code:
// `applySettings` for the explorer's sweep parameters and `summariseGame` for the batch summary.

import { summariseGame, type GameSummary } from '../../../src/engine/batch/runBatch';
import { applySettings } from '../../../src/engine/batch/sweepParameters';
import { playWithBots } from '../../../src/engine/game';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../../src/engine/scenario/validate';
import type { BotStrategyId, EvaluationSettings, Scenario } from '../../../src/engine/types';
import { pairedDifference, pooledShareDifference, type Difference } from './decision';

/** The seed of the first game of every arm (game i is played with SEED + i). */
export const SEED = 1;

export interface GameFacts {
  summary: GameSummary;
  /** Incidents of any severity. */
  incidents: number;
  /** Share of lab-quarters in which a lab's effective posture was pause. */
  pausedShare: number;
  /** Thresholds revised without announcement, all labs. */
  quietRevisions: number;
  /**
   * First quarter any lab fully deployed a model truly at or above the scenario's top level;
   * games where it never happened count as the quarter after the last (rounds + 1).
   */
  topLevelDeployment: number;
  /** Market share at the end of the game, summed over the labs playing each strategy. */
  shareByStrategy: Partial<Record<BotStrategyId, number>>;
}

/** A shipped scenario, read from scenarios/ and validated as the app does. */
export function shipped(id: string): Scenario {
  const result = parseScenario(
    readFileSync(join(process.cwd(), 'scenarios', `${id}.json`), 'utf8'),
  );
  if (!result.ok) throw new Error(`scenarios/${id}.json does not validate`);
  return result.scenario;
}

/** The scenario with explorer sweep parameters set (as `--set key=value` does). */
export function withSettings(scenario: Scenario, settings: Record<string, number>): Scenario {
  return applySettings(
    scenario,
    Object.entries(settings).map(([id, value]) => ({ id, value })),
  );
}

/** The scenario with evaluation settings changed (safety buffer, sandbagging: not sweep knobs). */
export function withEvaluation(scenario: Scenario, over: Partial<EvaluationSettings>): Scenario {
  return { ...scenario, evaluation: { ...scenario.evaluation, ...over } };
}

/** The scenario with every lab playing `from` switched to `to`. */
export function withStrategy(scenario: Scenario, from: BotStrategyId, to: BotStrategyId): Scenario {
  return {
    ...scenario,
    labs: scenario.labs.map((lab) => (lab.strategy === from ? { ...lab, strategy: to } : lab)),
  };
}

function facts(scenario: Scenario, seed: number): GameFacts {
  const state = playWithBots(scenario, seed);
  const summary = summariseGame(scenario, state);
  let labQuarters = 0;
  let paused = 0;
  let incidents = 0;
  for (const round of state.history) {
    incidents += round.incidents.length;
    for (const rec of round.labs) {
      labQuarters++;
      if (rec.effectivePosture === 'pause') paused++;
    }
  }
  const top = scenario.levels[scenario.levels.length - 1]?.id ?? '';
  const shareByStrategy: GameFacts['shareByStrategy'] = {};
  for (const lab of state.labs) {
    shareByStrategy[lab.strategy] = (shareByStrategy[lab.strategy] ?? 0) + lab.marketShare;
  }
  return {
    summary,
    incidents,
    pausedShare: labQuarters ? paused / labQuarters : 0,
    quietRevisions: (state.outcome?.labs ?? []).reduce((n, l) => n + l.revisionsQuiet, 0),
    topLevelDeployment: summary.firstDeploymentRoundByLevel[top] ?? scenario.rounds + 1,
    shareByStrategy,
  };
}

/** `runs` games of a scenario, seeds SEED … SEED + runs − 1. */
export function playArm(scenario: Scenario, runs: number): GameFacts[] {
  return Array.from({ length: runs }, (_, i) => facts(scenario, SEED + i));
}

/** Arms computed once per test file and shared by the checks that compare against them. */
export function memo(): (key: string, make: () => GameFacts[]) => GameFacts[] {
  const arms = new Map<string, GameFacts[]>();
  return (key, make) => {
    let arm = arms.get(key);
    if (!arm) {
      arm = make();
      arms.set(key, arm);
    }
    return arm;
  };
}

/** Paired difference B − A of a per-game number (true/false count as 1/0). */
export function compare(
  a: readonly GameFacts[],
  b: readonly GameFacts[],
  metric: (g: GameFacts) => number | boolean,
): Difference {
  const value = (g: GameFacts): number => Number(metric(g));
  return pairedDifference(a.map(value), b.map(value));
}

/** Paired difference B − A of a share pooled over games (numerator and denominator per game). */
export function compareShare(
  a: readonly GameFacts[],
  b: readonly GameFacts[],
  num: (g: GameFacts) => number,
  den: (g: GameFacts) => number,
): Difference {
  return pooledShareDifference(a.map(num), a.map(den), b.map(num), b.map(den));
}

/** Metrics the checks use, by name. */
export const catastrophe = (g: GameFacts): boolean => g.summary.catastrophe;
export const regulatorHalt = (g: GameFacts): boolean => g.summary.endReason === 'regulatorHalt';
export const anyPause = (g: GameFacts): boolean => g.summary.anyPause;
export const anyBroken = (g: GameFacts): boolean => g.summary.anyBrokenCommitment;
export const missed = (g: GameFacts): number => g.summary.missedCrossings;
export const crossings = (g: GameFacts): number => g.summary.crossings;
export const unseen = (g: GameFacts): number => g.summary.unseenQuarters;
export const crossedQuarters = (g: GameFacts): number => g.summary.crossedQuarters;

/**
 * The anthropic-rsp arms of a test file: the scenario, the file's memo, the games per arm
 * (catastrophes are rare, about 13% of its games, so the checks need many) and its base arm.
 */
export function rspArms(games = 1000): {
  rsp: Scenario;
  arm: ReturnType<typeof memo>;
  N: number;
  base: () => GameFacts[];
} {
  const rsp = shipped('anthropic-rsp');
  const arm = memo();
  return { rsp, arm, N: games, base: () => arm('rsp', () => playArm(rsp, games)) };
}
