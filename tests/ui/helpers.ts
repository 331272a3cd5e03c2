// Shared fixtures for the component tests: games played a few quarters in, and an in-memory Storage.
import { advanceGame, createGame } from '../../src/engine/game';
import type { GameState, LabDecision, LabView, Posture, Scenario } from '../../src/engine/types';
import { labView } from '../../src/engine/view';
import { shippedScenarios } from '../support/shippedScenarios';

export const shortest: Scenario = [...shippedScenarios].sort(
  (a, b) => a.rounds - b.rounds,
)[0] as Scenario;
export const playerId = (scenario: Scenario) =>
  (scenario.labs.find((l) => l.role === 'player') ?? scenario.labs[0])?.id ?? '';

export function decision(posture: Posture = 'restrict'): LabDecision {
  return {
    posture,
    budget: { capabilities: 0.4, security: 0.15, deployment: 0.15, alignment: 0.15, evals: 0.15 },
    actions: [],
  };
}

export function playedGame(quarters: number, scenario: Scenario = shortest, seed = 11): GameState {
  const id = playerId(scenario);
  let state = createGame(scenario, { seed, humans: [id] });
  for (let i = 0; i < quarters && !state.outcome; i++) {
    state = advanceGame(state, scenario, { [id]: decision() });
  }
  return state;
}

export function finishedGame(scenario: Scenario = shortest, seed = 11): GameState {
  return playedGame(scenario.rounds + 1, scenario, seed);
}

/** A view whose own commitment says pause (as if evals had shown a level without safeguards). */
export function pausingView(scenario: Scenario = shortest): LabView {
  const state = playedGame(1, scenario);
  const view = labView(state, scenario, playerId(scenario));
  return {
    ...view,
    self: { ...view.self, allowedPosture: 'pause', knownLevel: view.levels[0]?.id ?? null },
  };
}

export class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}
