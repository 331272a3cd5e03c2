// The budget's reference game: 24 rounds, 6 labs. Made from the shipped Anthropic RSP scenario
// (4 labs, 20 rounds) by adding two more rivals and four more quarters, and checked with the same
// validator as any scenario file.

import { readFileSync } from 'node:fs';
import { validateScenarioValue } from '../../src/engine/scenario/validate';
import type { Scenario } from '../../src/engine/types';

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
