// Issue 14, "Done when": a new user writes a policy from the RSP v3.0 template, changes one
// threshold, saves it, reloads it, and plays a solo game under it.
import { readFileSync } from 'node:fs';
import { parsePolicyFile } from '../../src/engine/scenario/policyFile';
import { expect, scenarioFile, seriousViolations, test } from './fixtures';

const scenario = scenarioFile('rsp-v2-vs-v3');

test('write a policy from RSP v3.0, change a threshold, save, reload, load it back and play under it', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await page.goto('/');
  await page.getByRole('link', { name: 'Write your own policy' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Write your own policy' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/#policy-editor$/);

  await page
    .getByRole('combobox', { name: 'Start from' })
    .selectOption({ label: 'Anthropic RSP v3.0 (2026-02-24)' });
  await page.getByRole('button', { name: 'Start from this' }).click();
  await expect(page.getByRole('combobox', { name: 'Scenario to play it in' })).toHaveValue(
    scenario.id,
  );
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('Our RSP');

  // One threshold: the first level's in its first domain, typed wrong, then right.
  const v3 = scenario.policies.find((p) => p.id === 'rsp-v3-0');
  const level = v3?.levels[0];
  const domain = scenario.domains.find((d) => level?.thresholds[d.id] !== undefined);
  if (!v3 || !level || !domain) throw new Error('rsp-v3-0 has no first threshold');
  const threshold = page
    .getByRole('group', { name: level.name, exact: true })
    .getByRole('group', { name: 'Thresholds' })
    .getByRole('textbox', { name: domain.name });
  await threshold.fill('1.3');
  await expect(threshold).toHaveAccessibleDescription('expected a number between 0 and 1, got 1.3');
  await expect(page.getByRole('button', { name: 'Play solo under this policy' })).toBeDisabled();
  await threshold.fill('0.33');
  await expect(threshold).toHaveAttribute('aria-invalid', 'false');
  // The ladder preview draws the new threshold as the game will.
  await page
    .getByRole('group', { name: 'Capability domain shown' })
    .getByRole('button', { name: domain.name })
    .click();
  await expect(page.getByText(new RegExp(`${level.name} 33%`)).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Save as a file.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as a file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('our-rsp.policy.json');
  const path = await download.path();
  const saved = readFileSync(path, 'utf8');
  const parsed = parsePolicyFile(saved, scenario);
  expect(parsed.ok && parsed.policy.levels[0]?.thresholds[domain.id]).toBe(0.33);

  // A reload keeps the policy being written.
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Write your own policy' }),
  ).toBeVisible();
  await expect(name).toHaveValue('Our RSP');
  await expect(threshold).toHaveValue('0.33');

  // Start afresh, then load the saved file back.
  await page
    .getByRole('combobox', { name: 'Start from' })
    .selectOption({ label: 'A blank policy' });
  await page.getByRole('button', { name: 'Start from this' }).click();
  await expect(name).toHaveValue('My policy');
  await page.getByLabel('Load a policy file…').setInputFiles({
    name: 'our-rsp.policy.json',
    mimeType: 'application/json',
    buffer: Buffer.from(saved),
  });
  await expect(page.getByText('Loaded “our-rsp.policy.json”')).toBeVisible();
  await expect(name).toHaveValue('Our RSP');
  await expect(threshold).toHaveValue('0.33');

  // Send it to the Explorer's scorecard, beside the lab's own policy, then come back to play it.
  await page.getByRole('link', { name: 'Compare side by side' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Explorer' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Policies side by side' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByText(/The scorecard from the link is filled in below/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Our RSP/ })).toBeChecked();
  await page.goto('/#policy-editor');
  await expect(name).toHaveValue('Our RSP');

  // Play solo under it.
  await page.getByRole('button', { name: 'Play solo under this policy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Quarter 1 of/ })).toBeVisible();
  await expect(page.getByText('You are playing under your own policy')).toBeVisible();
  await expect(page).not.toHaveURL(/#policy-editor/);
  await page.getByRole('button', { name: 'See your eval results' }).click();
  await expect(page.getByText('Your policy:')).toContainText('Our RSP');
});
