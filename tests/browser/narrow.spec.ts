// On a phone-sized screen every page fits its width: wide tables and charts scroll inside their
// own box, and the page itself never scrolls sideways.
import type { Page } from '@playwright/test';
import { replayGame, type DecisionLog } from '../../src/engine/game';
import type { LabDecision } from '../../src/engine/types';
import { initialMeta } from '../../src/engine/workshop/flow';
import { makeWorkshopSave, WORKSHOP_KEY } from '../../src/lib/workshopSession';
import { createStore } from '../../src/lib/persistence';
import { SCENARIO, expect, memoryStorage, startGame, storeFinishedGame, test } from './fixtures';

test.use({ viewport: { width: 360, height: 740 } });

/** The page's width beyond the viewport's, in CSS pixels (0 when it fits). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

test('solo: the start screen, every step of a quarter and the debrief fit a 360 px screen', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await startGame(page, 7);
  expect(await sidewaysOverflow(page), 'quarter 1, briefing').toBe(0);
  await page.getByRole('button', { name: 'See your eval results' }).click();
  expect(await sidewaysOverflow(page), 'eval results').toBe(0);
  await page.getByRole('button', { name: 'Go to your decision' }).click();
  await page.getByText('Show the data as a table').click();
  expect(await sidewaysOverflow(page), 'decision, with the chart table open').toBe(0);

  await storeFinishedGame(page, 3);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Questions to discuss' })).toBeVisible();
  await page.getByText('Show the data as a table').click();
  expect(await sidewaysOverflow(page), 'debrief, with the chart table open').toBe(0);

  await page.getByRole('button', { name: 'New game' }).click();
  const confirm = page.getByRole('dialog').getByRole('button', { name: /new game/i });
  if (await confirm.isVisible()) await confirm.click();
  await expect(page.getByRole('button', { name: 'Start game' })).toBeVisible();
  expect(await sidewaysOverflow(page), 'start screen').toBe(0);
});

test('workshop: setup, and the debrief with its after-action report, fit a 360 px screen', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByRole('button', { name: 'Workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /workshop/i })).toBeVisible();
  expect(await sidewaysOverflow(page), 'workshop setup').toBe(0);

  // Two teams that deployed every quarter until the game ended: the debrief opens on reload.
  const [a, b] = SCENARIO.labs.map((l) => l.id) as [string, string];
  const deploy: LabDecision = {
    posture: 'deploy',
    budget: { capabilities: 0.6, security: 0.1, deployment: 0.1, alignment: 0.1, evals: 0.1 },
    actions: [],
  };
  const setup = { scenario: SCENARIO, seed: 3, humans: [a, b] };
  const full: DecisionLog = Array.from({ length: SCENARIO.rounds }, () => ({
    [a]: deploy,
    [b]: deploy,
  }));
  const played = replayGame(SCENARIO, setup, full);
  const teams = [
    { lab: a, name: 'Amber' },
    { lab: b, name: 'Blue' },
  ];
  const memory = new Map<string, string>();
  createStore(memoryStorage(memory)).save(
    WORKSHOP_KEY,
    makeWorkshopSave({
      setup,
      log: full.slice(0, played.history.length),
      pending: {},
      meta: initialMeta(teams, null, 'play'),
    }),
  );
  await page.evaluate(
    ([key, text]) => {
      localStorage.clear();
      localStorage.setItem(key, text);
    },
    [WORKSHOP_KEY, memory.get(WORKSHOP_KEY) ?? ''],
  );
  await page.reload();
  await expect(
    page.getByRole('heading', { name: 'Every team’s path, with the truth revealed' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Show the after-action report' }).click();
  await expect(page.getByRole('article', { name: SCENARIO.title })).toBeVisible();
  expect(await sidewaysOverflow(page), 'workshop debrief and report').toBe(0);
});

test('explorer: its six tabs fit a 360 px screen', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByRole('button', { name: 'Explorer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Explorer' })).toBeVisible();
  for (const tab of [
    'Pause question',
    'Policies side by side',
    'Game sweeps',
    'Compare',
    'Race model',
    'Model card',
  ]) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    expect(await sidewaysOverflow(page), tab).toBe(0);
  }
});
