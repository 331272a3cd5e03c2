// Same scenario + seed + decisions → the identical game, in the browser, in Node and in a Web
// Worker. Each test runs the app in Chromium, takes what it exports, and rebuilds the same thing
// here, in the Playwright process (Node), with the engine's own functions: the scenario read from
// its file with fs and checked by parseScenario, nothing from the app's bundle. The comparisons
// are of whole JSON texts, byte for byte, so every number counts.
import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { replayGame, type DecisionLog } from '../../src/engine/game';
import { cellStats, planSweep, runSweep, type SweepSpec } from '../../src/engine/batch/sweep';
import { gameRecord, type GameRecord } from '../../src/engine/record';
import { parseScenario } from '../../src/engine/scenario/validate';
import type { Posture, Scenario } from '../../src/engine/types';
import { makeExploreLink, type ExploreSpec } from '../../src/explorer/exploreLink';
import { resultsJson } from '../../src/explorer/results';
import { PLAYER, SCENARIO, expect, startGame, test } from './fixtures';

/** A shipped scenario, read and validated the way the CLI reads a file. */
async function scenarioFile(id: string): Promise<Scenario> {
  const text = await readFile(new URL(`../../scenarios/${id}.json`, import.meta.url), 'utf8');
  const result = parseScenario(text);
  if (!result.ok) throw new Error(`scenarios/${id}.json is not valid`);
  return result.scenario;
}

async function downloaded(page: Page, button: string): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { file, text: await readFile(await file.path(), 'utf8') };
}

// ---------------------------------------------------------------- solo game: browser vs Node

/** What the player does in one quarter, through the decision form. */
interface QuarterPlan {
  posture: Posture;
  share?: { line: string; percent: number };
  checks?: string[];
  /** Revise the first level's first threshold to this percent, quietly. */
  quietRevision?: number;
}

const SEED = 2718;
/** Four different quarters: every posture, budget changes, and every kind of policy action. */
const PLAN: QuarterPlan[] = [
  {
    posture: 'restrict',
    share: { line: 'Capabilities', percent: 70 },
    checks: ['Publish your eval results'],
  },
  { posture: 'pause', share: { line: 'Evals', percent: 40 }, checks: ['Invite an external audit'] },
  {
    posture: 'deploy',
    share: { line: 'Security', percent: 5 },
    checks: ['Member of the conditional pause agreement'],
  },
  { posture: 'restrict', share: { line: 'Alignment evidence', percent: 30 }, quietRevision: 95 },
];

const POSTURE_BUTTON: Record<Posture, string> = {
  pause: 'Pause',
  restrict: 'Restrict',
  deploy: 'Deploy',
};

/** Play the quarter on screen: briefing, evals, then the planned decision (or the preselected one). */
async function playQuarter(page: Page, plan: QuarterPlan | undefined): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  const before = await heading.textContent();
  await page.getByRole('button', { name: 'See your eval results' }).click();
  await page.getByRole('button', { name: 'Go to your decision' }).click();
  if (plan) {
    const posture = page.getByRole('button', { name: POSTURE_BUTTON[plan.posture], exact: true });
    await posture.click();
    await expect(posture).toHaveAttribute('aria-pressed', 'true');
    if (plan.share) {
      const field = page.getByRole('spinbutton', { name: `${plan.share.line} share (%)` });
      await field.fill(String(plan.share.percent));
      await field.press('Tab');
      await expect(field).toHaveValue(String(plan.share.percent));
    }
    for (const name of plan.checks ?? []) {
      const box = page.getByRole('checkbox', { name });
      await box.setChecked(!(await box.isChecked()));
    }
    if (plan.quietRevision !== undefined) {
      await page.getByRole('checkbox', { name: 'Revise a threshold in your policy' }).check();
      const to = page.getByRole('spinbutton', { name: 'New threshold (%)' });
      await to.fill(String(plan.quietRevision));
      await to.press('Tab');
      await page.getByRole('radio', { name: /^Quietly/ }).check();
    }
  }
  // Going past the lab's own commitment asks for confirmation first.
  const breaks = page.getByRole('note').filter({ hasText: 'You will be asked to confirm' });
  const confirm = (await breaks.count()) > 0;
  await page.getByRole('button', { name: 'End quarter' }).click();
  if (confirm) {
    await page
      .getByRole('dialog', { name: 'This breaks your own commitment' })
      .getByRole('button', { name: 'Break the commitment and end quarter' })
      .click();
  }
  await expect(heading).not.toHaveText(before ?? '');
}

/** The solo export: the saved game (setup, decision log …) and the full game record. */
interface SoloExport {
  kind: string;
  mode: string;
  setup: { scenario: Scenario; seed: number; humans: string[] };
  log: DecisionLog;
  record: GameRecord;
}

test('a solo game played in the browser is the game Node rebuilds from its seed and decisions', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await startGame(page, SEED);
  const debrief = page.getByRole('heading', { name: 'Questions to discuss' });
  for (let quarter = 1; quarter <= SCENARIO.rounds; quarter++) {
    await playQuarter(page, PLAN[quarter - 1]);
    // The debrief's chart comes in the first frame; the questions follow a frame later.
    if (await page.getByRole('heading', { name: /The truth revealed/ }).isVisible()) break;
  }
  await expect(debrief).toBeVisible();
  const { file, text } = await downloaded(page, 'Export JSON');
  expect(file.suggestedFilename()).toBe(`threshold-the-eval-blind-spot-seed-${SEED}.json`);
  const exported = JSON.parse(text) as SoloExport;

  // The decisions made on screen are the ones in the log: varied, as planned.
  expect(exported).toMatchObject({ kind: 'threshold-save', mode: 'solo' });
  expect(exported.record).toMatchObject({ scenarioId: 'eval-blind-spot', seed: SEED });
  expect(exported.record.humans).toEqual([PLAYER]);
  expect(exported.log.length).toBeGreaterThan(PLAN.length);
  const mine = exported.log.map((decisions) => decisions[PLAYER]);
  expect(mine.slice(0, PLAN.length).map((d) => d?.posture)).toEqual(PLAN.map((p) => p.posture));
  expect(mine[0]?.budget.capabilities).toBeCloseTo(0.7, 6);
  expect(mine[1]?.budget.evals).toBeCloseTo(0.4, 6);
  expect(mine[2]?.budget.security).toBeCloseTo(0.05, 6);
  expect(mine[3]?.budget.alignment).toBeCloseTo(0.3, 6);
  expect(mine[0]?.actions).toContainEqual({ kind: 'publishEvals', publish: true });
  expect(mine[1]?.actions).toContainEqual({ kind: 'inviteAudit' });
  expect(mine[3]?.actions).toContainEqual(
    expect.objectContaining({ kind: 'reviseThreshold', to: 0.95, publicly: false }),
  );
  // The record's own rounds carry the same human decisions.
  expect(exported.record.rounds.map((r) => r.labs.find((l) => l.lab === PLAYER)?.decision)).toEqual(
    mine,
  );

  // Node: the scenario from its file (the same one the browser played), the seed, the log.
  const scenario = await scenarioFile(exported.record.scenarioId);
  expect(exported.setup.scenario).toEqual(scenario);
  const options = { seed: exported.record.seed, humans: exported.record.humans };
  const rebuilt = gameRecord(scenario, replayGame(scenario, options, exported.log));
  // The whole exported file, byte for byte, with Node's record in place of the browser's.
  const { record: _browser, ...save } = exported;
  void _browser;
  expect(`${JSON.stringify({ ...save, record: rebuilt }, null, 2)}\n`).toBe(text);

  // The comparison is sharp: with one decision different, the game itself (every lab's numbers,
  // the news, the outcome; the decisions set aside) is not the browser's.
  const changed = structuredClone(exported.log);
  const second = changed[1]?.[PLAYER];
  if (!second) throw new Error('no second decision');
  second.posture = second.posture === 'pause' ? 'restrict' : 'pause';
  const other = gameRecord(scenario, replayGame(scenario, options, changed));
  expect(withoutDecisions(other)).not.toBe(withoutDecisions(exported.record));
  expect(withoutDecisions(rebuilt)).toBe(withoutDecisions(exported.record));
});

/** A game record as JSON with the labs' decisions left out: what the engine made of them. */
function withoutDecisions(record: GameRecord): string {
  return JSON.stringify(record, (key, value: unknown) => (key === 'decision' ? undefined : value));
}

// ---------------------------------------------------------------- sweep: Web Workers vs Node

/** 2 × 2 settings × 12 games of the 12-quarter Eval Blind Spot: fractions, intervals, means. */
const SWEEP: ExploreSpec = {
  v: 1,
  scenario: 'eval-blind-spot',
  params: [
    { id: 'competitivePressure', from: 0.5, to: 2, steps: 2 },
    { id: 'elicitationGap', from: 0.05, to: 0.3, steps: 2 },
  ],
  runs: 12,
  seed: 31,
};

/**
 * The explorer's JSON export of a sweep, as computed here in Node (`gamesSeed` plays the games
 * with another seed than the spec says, for the control).
 */
function nodeSweepJson(
  explore: ExploreSpec,
  sweep: SweepSpec,
  base: Scenario,
  link: string,
  gamesSeed = sweep.seed,
): string {
  const levelIds = base.levels.map((l) => l.id);
  const progress = runSweep({ ...sweep, seed: gamesSeed }, base);
  const cells = planSweep(sweep).map((cell, i) => ({
    cell,
    stats: cellStats(progress, i, levelIds),
  }));
  return `${JSON.stringify(resultsJson(explore, sweep, base, link, cells), null, 2)}\n`;
}

test('a sweep run in Web Workers gives the numbers Node computes with the batch engine', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(`/${makeExploreLink(SWEEP)}`);
  // The explorer reads the link when it opens (the shell may already have opened it).
  const nav = page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Explorer' });
  if ((await nav.getAttribute('aria-current')) !== 'page') await nav.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Explorer' })).toBeVisible();
  await expect(page.getByText(/The sweep from the link is filled in below/)).toBeVisible();
  const form = page.getByRole('form', { name: 'Sweep settings' });
  await form.getByRole('spinbutton', { name: 'Workers' }).fill('2');
  await form.getByRole('button', { name: 'Run sweep' }).click();
  await expect(form.getByText(/^Done: 48 of 48 games/)).toBeVisible();
  const { text } = await downloaded(page, 'Download JSON');
  // The games were played in Web Workers, not on the page.
  expect(workers.length).toBeGreaterThanOrEqual(1);
  expect(workers.every((url) => /batchWorker/.test(url))).toBe(true);

  const exported = JSON.parse(text) as {
    explore: ExploreSpec;
    sweep: SweepSpec;
    link: string;
    cells: { settings: Record<string, number>; stats: Record<string, unknown> }[];
  };
  expect(exported.explore).toEqual(SWEEP);
  expect(exported.link.endsWith(makeExploreLink(SWEEP))).toBe(true);
  expect(exported.cells).toHaveLength(4);
  // Real numbers, not only a shape: fractions strictly between 0 and 1, differing by setting.
  const fractions = exported.cells.flatMap((c) =>
    ['anyIncident', 'brokenCommitment', 'crossingsMissed'].map(
      (key) => (c.stats[key] as { p: number }).p,
    ),
  );
  expect(fractions.some((p) => p > 0 && p < 1)).toBe(true);
  expect(new Set(fractions).size).toBeGreaterThan(1);

  // Node, same sweep from the exported spec: the whole file, byte for byte.
  const base = await scenarioFile(exported.sweep.scenarioId);
  expect(nodeSweepJson(exported.explore, exported.sweep, base, exported.link)).toBe(text);
  // The comparison is sharp: the same file with the games played from another seed differs,
  // and only in the statistics.
  const other = JSON.parse(
    nodeSweepJson(exported.explore, exported.sweep, base, exported.link, SWEEP.seed + 1),
  ) as typeof exported;
  expect(other.cells).not.toEqual(exported.cells);
  expect(other.cells.map((c) => c.settings)).toEqual(exported.cells.map((c) => c.settings));
  expect({ ...other, cells: [] }).toEqual({ ...exported, cells: [] });
});
