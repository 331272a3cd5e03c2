// Saves whose optional parts are malformed (issue 17, item 8): the game resumes without the bad
// part and says what was dropped, or is set aside with a message; the page never stays on
// "Loading…", never throws, and a new game can always be started.
import type { Page } from '@playwright/test';
import type { LabDecision } from '../../src/engine/types';
import { makeSavedGame } from '../../src/lib/saveFormat';
import { PLAYER, SAVE_KEY, SCENARIO, expect, test } from './fixtures';
import { playQuarter, quarterHeading, startGame, startHeading } from './resilience-helpers';

const SETUP = { scenario: SCENARIO, seed: 42, humans: [PLAYER] };
const DECISION: LabDecision = {
  posture: 'restrict',
  budget: { capabilities: 0.4, security: 0.15, deployment: 0.15, alignment: 0.15, evals: 0.15 },
  actions: [],
};

/** A stored solo save of two played quarters, with `extra` as given (any JSON at all). */
function storedSave(extra: unknown): string {
  const save = makeSavedGame({
    mode: 'solo',
    setup: SETUP,
    log: [{ [PLAYER]: DECISION }, { [PLAYER]: DECISION }],
    pending: {},
    autoResolve: true,
    savedAt: '2026-12-01T10:00:00.000Z',
  });
  return JSON.stringify({ revision: 3, save: { ...save, extra } });
}

async function openWithStored(page: Page, raw: string): Promise<void> {
  await page.goto('./');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [SAVE_KEY, raw]);
  await page.reload();
}

/** "New game" from the quarter screen leads to the start screen, and a game starts from it. */
async function newGameWorks(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New game' }).click();
  await page.getByRole('button', { name: 'Start a new game' }).click();
  await expect(startHeading(page)).toBeVisible();
  await startGame(page);
  await playQuarter(page);
  await expect(quarterHeading(page, 2)).toBeVisible();
}

const BAD_OPTIONAL_PARTS: [string, unknown][] = [
  ['a rewound path holding junk', { ghostLog: [{ [PLAYER]: 5 }], step: 'decision' }],
  ['a rewound path with an empty quarter', { ghostLog: [{}] }],
  ['a rewound path for a lab no one plays', { ghostLog: [{ nobody: DECISION }] }],
  ['a step that is not a step', { step: { toString: 'x' } }],
];

for (const [what, extra] of BAD_OPTIONAL_PARTS) {
  test(`a save with ${what} resumes without it, says so, and a new game can start`, async ({
    page,
    consoleErrors,
  }) => {
    void consoleErrors;
    await openWithStored(page, storedSave(extra));
    await expect(quarterHeading(page, 3)).toBeVisible();
    await expect(page.getByText('Loading the game…')).toHaveCount(0);
    if (what.startsWith('a rewound path')) {
      await expect(page.getByText(/extra\.ghostLog.*was dropped/)).toBeVisible();
    }
    await newGameWorks(page);
  });
}

test('a save whose whole extra part is not an object resumes without it', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await openWithStored(page, storedSave(['not', 'an', 'object']));
  await expect(quarterHeading(page, 3)).toBeVisible();
  await expect(page.getByText(/extra: .*dropped/)).toBeVisible();
  await newGameWorks(page);
});
