// Glossary terms: a click or tap on a word opens its definition and a second one closes it; Esc
// closes it; and a word that names a form control selects that control when clicked.
import type { Page } from '@playwright/test';
import { expect, startGame, test } from './fixtures';

async function toDecision(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'See your eval results' }).click();
  await page.getByRole('button', { name: 'Go to your decision' }).click();
}

test('clicking the words "Quietly" and "Publicly" chooses how a threshold is revised', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await startGame(page, 7);
  await toDecision(page);
  await page.getByRole('checkbox', { name: 'Revise a threshold in your policy' }).check();
  const quietly = page.getByRole('radio', { name: 'Quietly' });
  const publicly = page.getByRole('radio', { name: 'Publicly' });
  await expect(publicly).toBeChecked();

  // The words themselves, as a player clicks them: not the radio buttons.
  await page
    .locator('label', { hasText: /^\s*Quietly\s*$/ })
    .getByText('Quietly')
    .click();
  await expect(quietly).toBeChecked();
  await expect(publicly).not.toBeChecked();
  await page
    .locator('label', { hasText: /^\s*Publicly\s*$/ })
    .getByText('Publicly')
    .click();
  await expect(publicly).toBeChecked();

  // Their definitions are still there, beside the words.
  const help = page.getByRole('button', { name: 'What “Quietly” means' });
  await help.click();
  await expect(page.getByRole('tooltip', { name: /without announcing it/ })).toBeVisible();
  await expect(publicly).toBeChecked();

  // No glossary button anywhere on the decision screen sits inside a label.
  expect(await page.locator('label button, label [role="button"]').count()).toBe(0);
});

test('a glossary word opens on click or tap, closes on a second one, and on Esc', async ({
  page,
  consoleErrors,
}) => {
  void consoleErrors;
  await startGame(page, 7);
  await toDecision(page);
  const term = page.getByRole('button', { name: 'commitment', exact: true });
  const tip = page.getByRole('tooltip', { name: /if evaluations show a model has reached/ });
  await expect(tip).toBeHidden();

  // A click opens it and it stays open when the pointer moves away.
  await term.click();
  await expect(tip).toBeVisible();
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  await page.mouse.move(0, 0);
  await expect(tip).toBeVisible();
  // A second click closes it.
  await term.click();
  await expect(tip).toBeHidden();
  await expect(term).toHaveAttribute('aria-expanded', 'false');

  // Keyboard: focus shows it, Esc closes it, Enter keeps it open.
  await term.click();
  await expect(tip).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(tip).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(tip).toBeHidden();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('a tap opens a glossary word, fully on screen, and another tap closes it', async ({
    page,
    consoleErrors,
  }) => {
    void consoleErrors;
    await startGame(page, 7);
    await toDecision(page);
    await page.getByRole('checkbox', { name: 'Revise a threshold in your policy' }).check();
    const help = page.getByRole('button', { name: 'What “Publicly” means' });
    const tip = page.getByRole('tooltip', { name: /Changing your own threshold openly/ });
    await help.tap();
    await expect(tip).toBeVisible();
    const box = await tip.boundingBox();
    expect(box).not.toBeNull();
    if (box) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    await help.tap();
    await expect(tip).toBeHidden();
    // Tapping the word chooses the option.
    await page.getByText('Quietly', { exact: true }).tap();
    await expect(page.getByRole('radio', { name: 'Quietly' })).toBeChecked();
  });
});
