import type { GameState, Outcome, RoundRecord, Scenario } from './types';

export const ENGINE_VERSION = '0.2.0';

/** The full, reproducible record of a game: what `sim play --json` prints and exports save. */
export interface GameRecord {
  engine: string;
  scenarioId: string;
  scenarioTitle: string;
  seed: number;
  humans: string[];
  outcome: Outcome | null;
  rounds: RoundRecord[];
}

export function gameRecord(scenario: Scenario, state: GameState): GameRecord {
  return {
    engine: ENGINE_VERSION,
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    seed: state.seed,
    humans: state.humans,
    outcome: state.outcome,
    rounds: state.history,
  };
}
