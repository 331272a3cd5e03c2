import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeLink } from '../../src/explorer/linkCodec';
import { SCORECARD_PREFIX, scorecardLinkWith } from '../../src/explorer/scorecardLink';
import { policyFileText } from '../../src/explorer/scorecardPolicy';
import Explorer from '../../src/ui/explorer/Explorer.svelte';
import { shippedScenarios } from '../support/shippedScenarios';

// jsdom has no Web Workers: the pool runs in-thread fakes of the same engine function.
vi.mock('../../src/explorer/pool', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/explorer/pool')>();
  const { inThreadWorker } = await import('./inThreadWorker');
  return { ...actual, browserWorker: inThreadWorker };
});

beforeEach(() => {
  history.replaceState(null, '', '/');
});

const v2v3 = shippedScenarios.find((s) => s.id === 'rsp-v2-vs-v3')!;
const v3 = v2v3.policies.find((p) => p.id === 'rsp-v3-0')!;
const mine = { ...v3, id: 'mine', name: 'Team Blue policy', significantShortfall: 0.3 };
const form = (): HTMLElement => screen.getByRole('form', { name: 'Scorecard settings' });

describe('Explorer: policies side by side', () => {
  it('sets two policies side by side for a named lab and shows one table and one chart', async () => {
    const user = userEvent.setup();
    render(Explorer, { scenarios: shippedScenarios });
    await user.click(screen.getByRole('tab', { name: 'Policies side by side' }));
    // The tab's panel is fetched the first time the tab is shown.
    await screen.findByRole('form', { name: 'Scorecard settings' });
    expect(
      within(form()).getByRole('combobox', { name: 'Lab whose policy is varied' }),
    ).toHaveValue('aster');
    const policies = within(form()).getByRole('group', { name: 'Policies side by side' });
    // Only v2.2 and v3.0: untick the rivals' policy.
    await user.click(
      within(policies).getByRole('checkbox', { name: 'Industry rival policy (invented)' }),
    );
    await user.clear(within(form()).getByRole('textbox', { name: /Competitive pressure values/ }));
    await user.type(
      within(form()).getByRole('textbox', { name: /Competitive pressure values/ }),
      '1',
    );
    const runs = within(form()).getByRole('spinbutton', { name: 'Games per policy and setting' });
    await user.clear(runs);
    await user.type(runs, '4');
    expect(within(form()).getByText(/2 policies × 2 settings × 4 games = 16 games/)).toBeTruthy();
    await user.click(within(form()).getByRole('button', { name: 'Run scorecard' }));
    await within(form()).findByText(/^Done: 16 of 16 games/, {}, { timeout: 20_000 });

    const table = screen.getByRole('table', {
      name: /^Aster Labs under each policy, pooled over 2 settings/,
    });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.querySelector('th')?.textContent?.trim())).toEqual([
      'Policy',
      'Anthropic RSP v2.2 (reference)',
      'Anthropic RSP v3.0',
    ]);
    // Seven columns: the policy and six outcomes; the second policy's cells carry an interval.
    expect(within(rows[2]!).getAllByRole('cell')).toHaveLength(6);
    expect(within(rows[2]!).getAllByRole('cell')[0]?.textContent).toMatch(/pts/);
    expect(
      screen.getByRole('img', { name: /^Each policy's difference from Anthropic RSP v2\.2/ }),
    ).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Link to this scorecard' }).getAttribute('href'),
    ).toMatch(/#scorecard=/);
  });

  it('adds a policy file, and names the field of a bad one', async () => {
    const user = userEvent.setup();
    render(Explorer, { scenarios: shippedScenarios });
    await user.click(screen.getByRole('tab', { name: 'Policies side by side' }));
    // The tab's panel is fetched the first time the tab is shown.
    await screen.findByRole('form', { name: 'Scorecard settings' });
    const input = screen.getByLabelText('Policy file') as HTMLInputElement;
    const bad = policyFileText({ ...mine, levels: [] });
    await user.upload(input, new File([bad], 'bad.json', { type: 'application/json' }));
    expect((await within(form()).findByRole('alert')).textContent).toMatch(
      /^bad\.json cannot be used: policy\.levels/,
    );
    await user.upload(
      input,
      new File([policyFileText(mine)], 'mine.json', { type: 'application/json' }),
    );
    const box = await within(form()).findByRole('checkbox', { name: 'Team Blue policy (yours)' });
    expect(box).toBeChecked();
  });

  it('opens from the policy editor’s link with the written policy beside the lab’s own', async () => {
    history.replaceState(null, '', `/${scorecardLinkWith('rsp-v2-vs-v3', mine)}`);
    render(Explorer, { scenarios: shippedScenarios });
    expect(screen.getByRole('tab', { name: 'Policies side by side' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await screen.findByRole('form', { name: 'Scorecard settings' });
    expect(
      within(form()).getByRole('checkbox', { name: 'Team Blue policy (yours)' }),
    ).toBeChecked();
    expect(within(form()).getByRole('checkbox', { name: 'Anthropic RSP v2.2' })).toBeChecked();
    expect(within(form()).getByRole('checkbox', { name: 'Anthropic RSP v3.0' })).not.toBeChecked();
    expect(within(form()).getByRole('combobox', { name: 'Compare every policy with' })).toHaveValue(
      'rsp-v2-vs-v3/rsp-v2-2',
    );
  });

  it('a tampered link says what is wrong', async () => {
    const broken = { ...mine, whenShort: 'shrug' };
    history.replaceState(
      null,
      '',
      `/${encodeLink(SCORECARD_PREFIX, { v: 1, scenario: 'rsp-v2-vs-v3', policies: ['own', { policy: broken }] })}`,
    );
    render(Explorer, { scenarios: shippedScenarios });
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /This scorecard link cannot be used: policy 2, policy\.whenShort/,
    );
  });
});
