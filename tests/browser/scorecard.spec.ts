// Policies side by side from the start screen: two policies (the lab's own and one the user wrote,
// picked as a file) in the same worlds, one table and one chart with paired intervals, the CSV
// export equal to what Node computes with the same functions, and the link — carrying the written
// policy — reproducing the same file in a fresh page.
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { runGames } from '../../src/engine/batch/runBatch';
import { scorecardScenarios, tallyScorecard } from '../../src/engine/batch/scorecard';
import {
  makeScorecardLink,
  scorecardChoices,
  type ScorecardSpec,
} from '../../src/explorer/scorecardLink';
import { policyFileText } from '../../src/explorer/scorecardPolicy';
import { scorecardCsv, scorecardResult } from '../../src/explorer/scorecardResults';
import { expect, scenarioFile, seriousViolations, test } from './fixtures';

const v2v3 = scenarioFile('rsp-v2-vs-v3');
// Every policy here is the scenario's own or written: no other scenario is needed.
const shippedScenarios = [v2v3];
const v3 = v2v3.policies.find((p) => p.id === 'rsp-v3-0')!;
const mine = { ...v3, id: 'team-blue', name: 'Team Blue', significantShortfall: 0.3 };

async function downloadCsv(page: Page): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download scorecard CSV' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('threshold-scorecard-rsp-v2-vs-v3.csv');
  return readFile(await file.path(), 'utf8');
}

/** The CSV export computed here in Node. */
function nodeCsv(spec: ScorecardSpec): string {
  const choices = scorecardChoices(spec, shippedScenarios);
  const summaries = scorecardScenarios(
    v2v3,
    spec.lab,
    choices.map((c) => c.policy),
    spec.grid,
  ).map((cells) => cells.map((s) => runGames(s, { runs: spec.runs, seed: spec.seed })));
  return scorecardCsv(scorecardResult(spec, v2v3, choices, tallyScorecard(summaries, v2v3)));
}

test('two policies side by side: one table, one chart, the CSV checked, the link reproduces it', async ({
  page,
  browser,
  consoleErrors,
}) => {
  void consoleErrors;
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Explorer' })
    .click();
  await page.getByRole('tab', { name: 'Policies side by side' }).click();
  const form = page.getByRole('form', { name: 'Scorecard settings' });
  await expect(form.getByRole('combobox', { name: 'Lab whose policy is varied' })).toHaveValue(
    'aster',
  );
  const policies = form.getByRole('group', { name: 'Policies side by side' });
  await policies.getByRole('checkbox', { name: 'Anthropic RSP v3.0' }).uncheck();
  await policies.getByRole('checkbox', { name: 'Industry rival policy (invented)' }).uncheck();
  await page.getByLabel('Policy file').setInputFiles({
    name: 'team-blue.json',
    mimeType: 'application/json',
    buffer: Buffer.from(policyFileText(mine)),
  });
  await expect(policies.getByRole('checkbox', { name: 'Team Blue (yours)' })).toBeChecked();
  await form.getByRole('textbox', { name: /Eval sensitivity values/ }).fill('0.3, 0.6');
  await form.getByRole('textbox', { name: /Competitive pressure values/ }).fill('1');
  await form.getByRole('spinbutton', { name: 'Games per policy and setting' }).fill('6');
  await form.getByRole('spinbutton', { name: 'Seed' }).fill('9');
  await form.getByRole('spinbutton', { name: 'Workers' }).fill('2');
  await form.getByRole('button', { name: 'Run scorecard' }).click();
  await expect(form.getByText(/^Done: 24 of 24 games/)).toBeVisible();

  const table = page.getByRole('table', {
    name: /^Aster Labs under each policy, pooled over 2 settings/,
  });
  await expect(
    table.getByRole('rowheader', { name: 'Anthropic RSP v2.2 (reference)' }),
  ).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Team Blue (yours)' })).toBeVisible();
  for (const outcome of [
    'Catastrophe (any lab)',
    'Crossings its evals missed',
    'Quarters past an unseen threshold',
    'Quarters paused by its own policy',
    'Quarters breaking a commitment',
    'Market share kept (final, mean)',
  ]) {
    await expect(table.getByRole('columnheader', { name: outcome })).toBeVisible();
  }
  await expect(table.getByRole('row', { name: /^Team Blue \(yours\)/ })).toContainText(
    /pts \(.+ to .+\)/,
  );
  await expect(
    page.getByRole('img', { name: /^Each policy's difference from Anthropic RSP v2\.2/ }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/scorecard.png', fullPage: true });
  expect(await seriousViolations(page, 'main')).toEqual([]);

  const spec: ScorecardSpec = {
    v: 1,
    scenario: 'rsp-v2-vs-v3',
    lab: 'aster',
    policies: [{ scenario: 'rsp-v2-vs-v3', id: 'rsp-v2-2' }, { policy: mine }],
    grid: { evalSensitivity: [0.3, 0.6], competitivePressure: [1] },
    runs: 6,
    seed: 9,
  };
  const csv = await downloadCsv(page);
  expect(csv.split('\r\n')[0]).toBe('policy,cell,outcome,label,firstPolicy,value,diff,lo95,hi95,n');
  expect(csv).toContain('Team Blue (yours),all,catastrophe,');
  expect(csv).toBe(nodeCsv(spec));
  // Sharp: other seeds give another file.
  expect(nodeCsv({ ...spec, seed: 10 })).not.toBe(csv);

  const href = await page
    .getByRole('link', { name: 'Link to this scorecard' })
    .getAttribute('href');
  expect(href?.endsWith(makeScorecardLink(spec))).toBe(true);

  // The link, in a fresh page, fills in the same scorecard (the written policy with it).
  const fresh = await browser.newPage();
  await fresh.goto(`/${makeScorecardLink(spec)}`);
  await expect(fresh.getByText(/The scorecard from the link is filled in below/)).toBeVisible();
  const again = fresh.getByRole('form', { name: 'Scorecard settings' });
  await expect(again.getByRole('checkbox', { name: 'Team Blue (yours)' })).toBeChecked();
  await again.getByRole('button', { name: 'Run scorecard' }).click();
  await expect(again.getByText(/^Done: 24 of 24 games/)).toBeVisible();
  expect(await downloadCsv(fresh)).toBe(csv);
  await fresh.close();
});
