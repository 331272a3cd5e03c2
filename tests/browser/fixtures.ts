// Shared helpers for the browser tests: a page that fails the test on any console error, and
// small steps of play driven through the UI.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { advanceGame, createGame, replayGame, type DecisionLog } from '../../src/engine/game';
import { parseScenario } from '../../src/engine/scenario/validate';
import { labView } from '../../src/engine/view';
import type { LabDecision, Posture, Scenario } from '../../src/engine/types';
import { createStore } from '../../src/lib/persistence';
import { makeSavedGame } from '../../src/lib/saveFormat';

export const SCENARIO_TITLE = 'The Eval Blind Spot';
/** The introductory scenario, read and resolved as the app reads it (each lab with its policy). */
export const SCENARIO: Scenario = (() => {
  const result = parseScenario(
    readFileSync(new URL('../../scenarios/eval-blind-spot.json', import.meta.url), 'utf8'),
  );
  if (!result.ok) throw new Error('scenarios/eval-blind-spot.json does not validate');
  return result.scenario;
})();
export const PLAYER =
  (SCENARIO.labs.find((l) => l.role === 'player') ?? SCENARIO.labs[0])?.id ?? '';
export const SAVE_KEY = 'threshold:solo';

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  },
});
export { expect };

/** A shipped scenario read from scenarios/ and validated as the app does (for Node-side checks). */
export function scenarioFile(id: string): Scenario {
  const text = readFileSync(new URL(`../../scenarios/${id}.json`, import.meta.url), 'utf8');
  const result = parseScenario(text);
  if (!result.ok) throw new Error(`scenarios/${id}.json is not valid`);
  return result.scenario;
}

/** Start a game from the start screen with the mouse. */
export async function startGame(page: Page, seed: number): Promise<void> {
  await page.goto('/');
  await page.getByRole('radio', { name: new RegExp(SCENARIO_TITLE) }).check();
  await page.getByRole('textbox', { name: /seed/i }).fill(String(seed));
  await page.getByRole('button', { name: 'Start game' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Quarter 1 of/ })).toBeVisible();
}

/** Play the current quarter with the posture the commitment allows (the preselected one). */
export async function playQuarter(page: Page): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  const before = await heading.textContent();
  await page.getByRole('button', { name: 'See your eval results' }).click();
  await page.getByRole('button', { name: 'Go to your decision' }).click();
  await page.getByRole('button', { name: 'End quarter' }).click();
  await expect(heading).not.toHaveText(before ?? '');
}

const DEPLOYING: LabDecision = {
  posture: 'deploy' as Posture,
  budget: { capabilities: 0.6, security: 0.1, deployment: 0.1, alignment: 0.1, evals: 0.1 },
  actions: [],
};

/** A Storage in memory: saves are made with the app's own code, then put in the page. */
export function memoryStorage(memory: Map<string, string>): Storage {
  return {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
    key: (i: number) => [...memory.keys()][i] ?? null,
    clear: () => memory.clear(),
    get length() {
      return memory.size;
    },
  } as Storage;
}

/** Save a game with this decision log into the page's storage, as the app would. */
async function storeGame(page: Page, seed: number, log: DecisionLog): Promise<void> {
  const setup = { scenario: SCENARIO, seed, humans: [PLAYER] };
  const memory = new Map<string, string>();
  createStore(memoryStorage(memory)).save(
    SAVE_KEY,
    makeSavedGame({ mode: 'solo', setup, log, pending: {}, autoResolve: true }),
  );
  const value = memory.get(SAVE_KEY) ?? '';
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [SAVE_KEY, value]);
}

/** Put a finished game (deploying every quarter, until the game ended) in the page's storage. */
export async function storeFinishedGame(page: Page, seed: number): Promise<void> {
  const setup = { scenario: SCENARIO, seed, humans: [PLAYER] };
  const full = Array.from({ length: SCENARIO.rounds }, () => ({ [PLAYER]: DEPLOYING }));
  const played = replayGame(SCENARIO, setup, full);
  await storeGame(page, seed, full.slice(0, played.history.length));
}

/**
 * Put a game in storage that stands at the first quarter where the lab's own commitment no
 * longer allows deploying (racing ahead of its safeguards gets it there). Returns that quarter.
 */
export async function storeGameAtCommitment(page: Page, seed: number): Promise<number> {
  let state = createGame(SCENARIO, { seed, humans: [PLAYER] });
  const log: DecisionLog = [];
  const racing: LabDecision = {
    ...DEPLOYING,
    budget: { capabilities: 0.8, security: 0.05, deployment: 0.05, alignment: 0.05, evals: 0.05 },
  };
  while (!state.outcome && labView(state, SCENARIO, PLAYER).self.allowedPosture === 'deploy') {
    log.push({ [PLAYER]: racing });
    state = advanceGame(state, SCENARIO, { [PLAYER]: racing });
  }
  if (state.outcome) throw new Error(`seed ${seed}: the commitment never bit before the end`);
  await storeGame(page, seed, log);
  return state.round;
}

/**
 * Serious and critical accessibility violations on the page as it is now, or within `scope` (a
 * CSS selector), each with the rule, what it asks and the first few elements that break it.
 */
export async function seriousViolations(page: Page, scope?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const results = await (scope ? builder.include(scope) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} [${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(', ')}]`,
    );
}
