// The workshop's printables in real Chromium: role briefs (one per team, six on a four-lab
// scenario), the rules on one page and the facilitator's notes, reached from the setup and
// rendered for print (A4 and Letter).
import { expect, test } from './fixtures';
import { shippedScenario, storedWorkshop, WORKSHOP_KEY } from './workshop-sessions';

const SCENARIO = shippedScenario('coordinated-pause.json');
const SHOTS = process.env.SCREENSHOT_DIR;

test('role briefs, rules and facilitator notes print from the workshop saved in the browser', async ({
  page,
  context,
  consoleErrors,
}) => {
  void consoleErrors;
  await page.goto('/');
  const saved = storedWorkshop(SCENARIO, 6, 0);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [WORKSHOP_KEY, saved]);
  await page.reload();
  // The console links to them; each opens in a tab of its own.
  const [briefs] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('link', { name: 'Role briefs' }).click(),
  ]);
  await briefs.waitForLoadState();
  await expect(briefs).toHaveTitle('Threshold — Role briefs');
  const headings = briefs.getByRole('heading', { level: 1 });
  await expect(headings).toHaveCount(6);
  await expect(headings.first()).toHaveText(`Team A: ${SCENARIO.labs[0]?.name}`);
  await expect(headings.nth(5)).toHaveText(/^Team F: /);
  await expect(briefs.getByText('A lab added for this workshop', { exact: false })).toHaveCount(2);
  await expect(briefs.getByRole('table').first()).toContainText(SCENARIO.levels[0]?.name ?? '');

  await briefs.emulateMedia({ media: 'print' });
  await expect(briefs.getByRole('button', { name: 'Print…' })).toBeHidden();
  if (SHOTS) await briefs.screenshot({ path: `${SHOTS}/print-briefs.png` });
  // One sheet per team at least, on A4 and on Letter.
  const a4 = await briefs.pdf({ preferCSSPageSize: true });
  await briefs.emulateMedia({ media: 'screen' });
  await briefs.getByRole('combobox', { name: 'Paper' }).selectOption('letter');
  const letter = await briefs.pdf({ preferCSSPageSize: true });
  const pages = (pdf: Buffer) =>
    (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages(a4)).toBeGreaterThanOrEqual(6);
  expect(pages(letter)).toBeGreaterThanOrEqual(6);

  await briefs.getByRole('link', { name: 'Facilitator notes' }).click();
  await expect(briefs.getByRole('heading', { level: 1 })).toHaveText(SCENARIO.title);
  await expect(briefs.getByRole('table').first()).toContainText('90 minutes');
  await expect(briefs.getByText(SCENARIO.facilitation?.injectNotes[0]?.note ?? '?')).toBeVisible();
  await expect(briefs.getByText(SCENARIO.facilitation?.debriefPrompts[0] ?? '?')).toBeVisible();
  await briefs.emulateMedia({ media: 'print' });
  if (SHOTS) await briefs.screenshot({ path: `${SHOTS}/print-notes.png`, fullPage: true });

  await briefs
    .getByRole('link', { name: 'Rules summary', includeHidden: true } as never)
    .evaluate((a: HTMLAnchorElement) => a.click());
  await expect(briefs.getByRole('heading', { level: 1 })).toHaveText('The rules on one page');
  expect(pages(await briefs.pdf({ format: 'A4' }))).toBe(1);
  if (SHOTS) await briefs.screenshot({ path: `${SHOTS}/print-rules.png`, fullPage: true });
});
