// The budget's reference game: 24 rounds, 6 labs. Made from the shipped Anthropic RSP scenario
// (4 labs, 20 rounds) by adding two more rivals and four more quarters, and checked with the same
// validator as any scenario file.

import { readFileSync } from 'node:fs';
import { draftDecision } from '../../src/engine/decisionDraft';
import { advanceGame, createGame } from '../../src/engine/game';
import { validateScenarioValue } from '../../src/engine/scenario/validate';
import type { LabDecision, Scenario } from '../../src/engine/types';
import { labView } from '../../src/engine/view';

export const BENCH_ROUNDS = 24;
export const BENCH_LABS = 6;

/** The scenario as a plain JSON value (what a facilitator's file would hold). */
export function sixLabScenarioJson(
  file = 'scenarios/anthropic-rsp.json',
): Record<string, unknown> & { labs: Record<string, unknown>[] } {
  const base = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & {
    labs: Record<string, unknown>[];
  };
  const rivals = base.labs.filter((lab) => lab.role === 'rival');
  const labs = [...base.labs];
  for (let i = 0; labs.length < BENCH_LABS; i++) {
    const copy = structuredClone(rivals[i % rivals.length]) as Record<string, unknown>;
    copy.id = `${String(copy.id)}-${i + 2}`;
    copy.name = `${String(copy.name)} ${i + 2}`;
    labs.push(copy);
  }
  return {
    ...base,
    id: 'bench-six-labs',
    title: 'Bench: six labs, 24 quarters',
    rounds: BENCH_ROUNDS,
    labs,
  };
}

export function sixLabScenario(): Scenario {
  const result = validateScenarioValue(sixLabScenarioJson());
  if (!result.ok) {
    const first = result.errors[0];
    throw new Error(`bench scenario is invalid: ${first?.path}: ${first?.message}`);
  }
  return result.scenario;
}

/**
 * The first seed from `from` on whose game lasts every quarter when the player keeps the form's
 * defaults each quarter (the posture the commitment allows, last quarter's budget, no policy
 * actions: what the browser bench clicks through). Games that end early (a catastrophe, a
 * regulator's halt) would never reach the 24th quarter, the one with the most to draw.
 */
export function fullLengthSeed(scenario: Scenario, from = 1, tries = 500): number {
  const player = scenario.labs.find((l) => l.role === 'player')?.id ?? scenario.labs[0]?.id ?? '';
  for (let seed = from; seed < from + tries; seed++) {
    let state = createGame(scenario, { seed, humans: [player] });
    let previous: LabDecision | null = null;
    while (!state.outcome) {
      const decision = draftDecision(labView(state, scenario, player), previous);
      previous = decision;
      state = advanceGame(state, scenario, { [player]: decision });
    }
    if (state.history.length === scenario.rounds) return seed;
  }
  throw new Error(`no seed in ${from}…${from + tries - 1} plays all ${scenario.rounds} quarters`);
}
