// A paired comparison run in the Explorer's Web Workers gives, byte for byte, the JSON Node
// computes with the same engine functions; and its link reproduces it in a fresh page.
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { runGames } from '../../src/engine/batch/runBatch';
import type { Scenario } from '../../src/engine/types';
import { makeCompareLink, type CompareSpec } from '../../src/explorer/compareLink';
import {
  compareScenarios,
  comparisonJson,
  computeComparison,
} from '../../src/explorer/compareResults';
import { expect, scenarioFile, test } from './fixtures';

async function downloadJson(page: Page): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download comparison JSON' }).click(),
  ]);
  return readFile(await file.path(), 'utf8');
}

/** The Explorer's JSON export of a comparison, computed here in Node. */
function nodeJson(spec: CompareSpec, written: Scenario, link: string, seed = spec.seed): string {
  const summaries = compareScenarios(spec, written).map((s) =>
    runGames(s, { runs: spec.runs, seed }),
  );
  const result = computeComparison(spec, written, summaries);
  return `${JSON.stringify(comparisonJson(spec, written, link, result), null, 2)}\n`;
}

test('a comparison run in Web Workers is what Node computes, and its link reproduces it', async ({
  page,
  browser,
  consoleErrors,
}) => {
  void consoleErrors;
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Explorer' })
    .click();
  await page.getByRole('tab', { name: 'Compare' }).click();
  const form = page.getByRole('form', { name: 'Comparison settings' });
  await expect(form.getByRole('combobox', { name: 'Scenario' })).toHaveValue('anthropic-rsp');
  const arm = form.getByRole('group', { name: 'Arm 1' });
  await expect(arm.getByRole('combobox', { name: 'Arm 1: setting 1' })).toHaveValue(
    'pauseFrom.aster',
  );
  await arm.getByRole('spinbutton', { name: 'Arm 1: value 1' }).fill('5');
  await form.getByRole('spinbutton', { name: 'Games per arm' }).fill('16');
  await form.getByRole('spinbutton', { name: 'Seed' }).fill('11');
  await form.getByRole('spinbutton', { name: 'Workers' }).fill('2');
  await form.getByRole('button', { name: 'Run comparison' }).click();
  await expect(form.getByText(/^Done: 32 of 32 games/)).toBeVisible();
  await expect(
    page.getByRole('table', { name: /^Aster Labs: pauses from quarter = 5 against the baseline/ }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/compare.png', fullPage: true });
  const text = await downloadJson(page);
  expect(workers.length).toBeGreaterThanOrEqual(1);
  expect(workers.every((url) => /batchWorker/.test(url))).toBe(true);

  const exported = JSON.parse(text) as {
    compare: CompareSpec;
    link: string;
    comparisons: { outcome: string; diff: number }[];
  };
  const spec: CompareSpec = {
    v: 1,
    scenario: 'anthropic-rsp',
    baseline: [],
    arms: [[{ id: 'pauseFrom.aster', value: 5 }]],
    runs: 16,
    seed: 11,
  };
  expect(exported.compare).toEqual(spec);
  expect(exported.link.endsWith(makeCompareLink(spec))).toBe(true);
  // Real differences: the forced pause shows up in pauses by choice.
  expect(
    exported.comparisons.find((c) => c.outcome === 'pauseByCause.choice')?.diff,
  ).toBeGreaterThan(0);
  const written = scenarioFile('anthropic-rsp');
  expect(nodeJson(spec, written, exported.link)).toBe(text);
  // Sharp: the same comparison from other seeds is a different file.
  expect(nodeJson(spec, written, exported.link, 12)).not.toBe(text);

  // The link, in a fresh page, fills in the same comparison and reproduces the same file.
  const fresh = await browser.newPage();
  await fresh.goto(`/${makeCompareLink(spec)}`);
  await expect(fresh.getByText(/The comparison from the link is filled in below/)).toBeVisible();
  const again = fresh.getByRole('form', { name: 'Comparison settings' });
  await again.getByRole('button', { name: 'Run comparison' }).click();
  await expect(again.getByText(/^Done: 32 of 32 games/)).toBeVisible();
  expect(await downloadJson(fresh)).toBe(text);
  await fresh.close();
});
