// Helpers for the offline, security and storage browser tests (issue 7): play a quarter through
// the UI, and make scenario files to load through the start screen's file input.

import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** The start screen's main heading. */
export const startHeading = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'Threshold', exact: true });

/** The quarter screen's main heading ("Quarter 3 of 12"). */
export const quarterHeading = (page: Page, round?: number) =>
  page.getByRole('heading', {
    level: 1,
    name: round === undefined ? /^Quarter \d+ of \d+$/ : new RegExp(`^Quarter ${round} of \\d+$`),
  });

/** The round shown on the quarter screen. */
export async function currentRound(page: Page): Promise<number> {
  const text = (await quarterHeading(page).textContent()) ?? '';
  const match = /Quarter\s+(\d+)/.exec(text);
  if (!match) throw new Error(`no quarter heading: "${text}"`);
  return Number(match[1]);
}

/**
 * Start a solo game with the selected scenario (from the start screen). The seed is fixed: a
 * random one sometimes ended the game in its first quarter, before the test had played it.
 */
export async function startGame(page: Page, seed = 42): Promise<void> {
  await page.getByRole('textbox', { name: /seed/i }).fill(String(seed));
  await page.getByRole('button', { name: 'Start game' }).click();
  await expect(quarterHeading(page, 1)).toBeVisible();
}

/**
 * Play the current quarter with the form's default decision: step through the briefing and the
 * eval results, end the quarter (confirming if that breaks a commitment), and wait for the next
 * quarter or the debrief. Returns the round that was played.
 */
export async function playQuarter(page: Page): Promise<number> {
  const round = await currentRound(page);
  const see = page.getByRole('button', { name: 'See your eval results' });
  const go = page.getByRole('button', { name: 'Go to your decision' });
  const end = page.getByRole('button', { name: 'End quarter', exact: true });
  await expect(see.or(go).or(end).first()).toBeVisible();
  if (await see.isVisible()) await see.click();
  await expect(go.or(end).first()).toBeVisible();
  if (await go.isVisible()) await go.click();
  await end.click();

  const next = quarterHeading(page, round + 1);
  const debrief = page.getByRole('heading', { level: 2, name: 'Missed crossings' });
  const confirm = page.getByRole('button', { name: 'Break the commitment and end quarter' });
  await expect(next.or(confirm).or(debrief).first()).toBeVisible();
  if (await confirm.isVisible()) {
    await confirm.click();
    await expect(next.or(debrief).first()).toBeVisible();
  }
  return round;
}

/** A shipped scenario file, parsed. */
export function shippedScenario(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')) as Record<string, unknown>;
}

/** Load a scenario through the start screen's file input (the button labelled "Choose a scenario file…"). */
export async function loadScenarioFile(page: Page, name: string, scenario: unknown) {
  const input = page.getByLabel(/choose a scenario file/i);
  await expect(input).toHaveCount(1);
  await input.setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(scenario, null, 2)),
  });
}
