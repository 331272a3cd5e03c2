// The pause question from the start screen: a few games per arm in Web Workers, the reading and
// the tables name the labs, the exported JSON is what Node computes with the same functions, and
// the copied link reproduces the answer in a fresh page.
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { runGames } from '../../src/engine/batch/runBatch';
import { compareScenarios, computeComparison } from '../../src/explorer/compareResults';
import {
  makePauseLink,
  pauseArms,
  pauseCompareSpec,
  type PauseSpec,
} from '../../src/explorer/pauseQuestion';
import { readPauseQuestion } from '../../src/explorer/pauseReading';
import { pauseJson } from '../../src/explorer/pauseResults';
import { expect, scenarioFile, seriousViolations, test } from './fixtures';

async function downloadJson(page: Page): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download pause question JSON' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('threshold-pause-anthropic-rsp.json');
  return readFile(await file.path(), 'utf8');
}

/** The JSON export computed here in Node. */
function nodeJson(spec: PauseSpec, link: string): string {
  const written = scenarioFile(spec.scenario);
  const arms = pauseArms(written, spec.lab, spec.from);
  const compare = pauseCompareSpec(spec, written);
  const summaries = compareScenarios(compare, written).map((s) =>
    runGames(s, { runs: spec.runs, seed: spec.seed }),
  );
  const result = computeComparison(compare, written, summaries, {
    baseline: 'as written',
    arms: arms.map((a) => a.name),
  });
  const reading = readPauseQuestion(spec, written, arms, result.rows);
  return `${JSON.stringify(pauseJson(spec, written, link, arms, result, reading), null, 2)}\n`;
}

test('the pause question: asked from the start screen, read in words, reproduced by its link', async ({
  page,
  browser,
  context,
  consoleErrors,
}) => {
  void consoleErrors;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Explorer' })
    .click();
  // The Explorer opens on the question, with the scenario's most careful lab picked.
  await expect(page.getByRole('tab', { name: 'Pause question' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const form = page.getByRole('form', { name: 'Pause question settings' });
  await expect(form.getByRole('combobox', { name: 'Lab that pauses' })).toHaveValue('aster');
  await expect(form.getByText(/Vantage AI \(the racer\) pauses from quarter 5/)).toBeVisible();
  await form.getByRole('spinbutton', { name: 'Games per arm' }).fill('8');
  await form.getByRole('spinbutton', { name: 'Seed' }).fill('21');
  await form.getByRole('spinbutton', { name: 'Workers' }).fill('2');
  // Keyboard: Enter in a field asks the question (the form submits).
  await form.getByRole('spinbutton', { name: 'Workers' }).press('Enter');
  await expect(form.getByText(/^Done: 32 of 32 games/)).toBeVisible();
  await expect(form.getByRole('progressbar', { name: 'Pause question progress' })).toHaveAttribute(
    'aria-valuenow',
    '100',
  );

  const reading = page.getByRole('region', { name: 'What the model says' });
  await expect(reading).toContainText(
    /^What the model says\s*If Aster Labs pauses alone from quarter 5, the model/,
  );
  await expect(reading).toContainText('Vantage AI pausing');
  await expect(
    page.getByRole('img', { name: /Share of games each lab ends with the largest/ }),
  ).toBeVisible();
  const alone = page.getByRole('table', {
    name: 'Aster Labs pauses alone from quarter 5: against the baseline',
  });
  for (const lab of ['Aster Labs', 'Meridian Labs', 'Vantage AI', 'Commonweal']) {
    await expect(
      alone.getByRole('rowheader', { name: `${lab}: ends with the largest share` }),
    ).toBeVisible();
  }
  await expect(
    page.getByRole('table', {
      name: /^Every lab, all in the pause agreement, pauses from quarter 5/,
    }),
  ).toBeVisible();
  // A cited MODEL.md section opens in place.
  await reading.getByRole('button', { name: 'MODEL.md: Bots' }).first().click();
  await expect(reading.getByRole('region', { name: 'MODEL.md: Bots' }).first()).toContainText(
    'What bots react to',
  );
  await page.screenshot({ path: 'test-results/pause.png', fullPage: true });
  expect(await seriousViolations(page, 'main')).toEqual([]);

  const text = await downloadJson(page);
  const spec: PauseSpec = {
    v: 1,
    scenario: 'anthropic-rsp',
    lab: 'aster',
    from: 5,
    runs: 8,
    seed: 21,
  };
  const exported = JSON.parse(text) as { pause: PauseSpec; link: string };
  expect(exported.pause).toEqual(spec);
  expect(exported.link.endsWith(makePauseLink(spec))).toBe(true);
  expect(nodeJson(spec, exported.link)).toBe(text);
  // Sharp: other seeds give another file.
  expect(nodeJson({ ...spec, seed: 22 }, exported.link)).not.toBe(text);

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(exported.link);

  // The link, in a fresh page, fills in the same question and reproduces the same file.
  const fresh = await browser.newPage();
  await fresh.goto(`/${makePauseLink(spec)}`);
  await expect(
    fresh.getByText(/The pause question from the link is filled in below/),
  ).toBeVisible();
  const again = fresh.getByRole('form', { name: 'Pause question settings' });
  await again.getByRole('button', { name: 'Ask the question' }).click();
  await expect(again.getByText(/^Done: 32 of 32 games/)).toBeVisible();
  expect(await downloadJson(fresh)).toBe(text);
  await fresh.close();
});
