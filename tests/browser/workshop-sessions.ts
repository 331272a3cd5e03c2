// Workshop sessions made with the app's own code, for browser tests to put in storage: a
// scenario, a number of teams (labs are added past the scenario's own, as the setup does) and
// how many quarters were played (Infinity: to the end).
import { advanceGame, createGame, type DecisionLog } from '../../src/engine/game';
import type { LabDecision, Scenario } from '../../src/engine/types';
import { initialMeta } from '../../src/engine/workshop/flow';
import { defaultTeamName, setupFromDraft } from '../../src/engine/workshop/seats';
import { createStore } from '../../src/lib/persistence';
import { makeWorkshopSave, WORKSHOP_KEY } from '../../src/lib/workshopSession';
import { memoryStorage, scenarioFile } from './fixtures';

export { WORKSHOP_KEY };

/** A shipped scenario by file name, read as the app reads it (old and new formats alike). */
export function shippedScenario(file: string): Scenario {
  return scenarioFile(file.replace(/\.json$/, ''));
}

const RACING: LabDecision = {
  posture: 'deploy',
  budget: { capabilities: 0.6, security: 0.1, deployment: 0.1, alignment: 0.1, evals: 0.1 },
  actions: [],
};

/** The saved session's text (the value of WORKSHOP_KEY), every team racing each quarter. */
export function storedWorkshop(scenario: Scenario, teamCount: number, quarters: number): string {
  const teams = Array.from({ length: teamCount }, (_, i) => ({
    name: defaultTeamName(i),
    labName: '',
  }));
  const { setup, teams: seated } = setupFromDraft({ scenario, teams, timerSeconds: 300, seed: 7 });
  let state = createGame(setup.scenario, setup);
  const log: DecisionLog = [];
  while (!state.outcome && log.length < quarters) {
    const decisions = Object.fromEntries(seated.map((t) => [t.lab, RACING]));
    log.push(decisions);
    state = advanceGame(state, setup.scenario, decisions);
  }
  const meta = initialMeta(seated, 300, 'play');
  const memory = new Map<string, string>();
  createStore(memoryStorage(memory)).save(
    WORKSHOP_KEY,
    makeWorkshopSave({ setup, log, pending: {}, meta }),
  );
  return memory.get(WORKSHOP_KEY) ?? '';
}
