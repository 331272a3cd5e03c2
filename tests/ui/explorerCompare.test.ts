import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCompareLink, parseCompareLink } from '../../src/explorer/compareLink';
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

const form = (): HTMLElement => screen.getByRole('form', { name: 'Comparison settings' });

describe('Explorer: Compare', () => {
  it('runs a baseline against arms on the same seeds and shows paired differences per arm', async () => {
    const user = userEvent.setup();
    render(Explorer, { scenarios: shippedScenarios });
    await user.click(screen.getByRole('tab', { name: 'Compare' }));
    // The Compare panel is fetched when its tab is first shown.
    await screen.findByRole('form', { name: 'Comparison settings' });
    const arm1 = within(form()).getByRole('group', { name: 'Arm 1' });
    expect(
      (within(arm1).getByRole('combobox', { name: 'Arm 1: setting 1' }) as HTMLSelectElement).value,
    ).toBe('pauseFrom.aster');
    expect(within(arm1).getByRole('spinbutton', { name: 'Arm 1: value 1' })).toHaveValue(5);
    // A second arm: Aster plays race-to-deploy (a named value, chosen from a list).
    await user.click(within(form()).getByRole('button', { name: 'Add an arm' }));
    const arm2 = within(form()).getByRole('group', { name: 'Arm 2' });
    await user.selectOptions(
      within(arm2).getByRole('combobox', { name: 'Arm 2: setting 1' }),
      'strategy.aster',
    );
    await user.selectOptions(
      within(arm2).getByRole('combobox', { name: 'Arm 2: value 1' }),
      'race-to-deploy',
    );
    const runs = within(form()).getByRole('spinbutton', { name: 'Games per arm' });
    await user.clear(runs);
    await user.type(runs, '6');
    await user.click(within(form()).getByRole('button', { name: 'Run comparison' }));
    await within(form()).findByText(/^Done: 18 of 18 games/, {}, { timeout: 10_000 });

    const table = screen.getByRole('table', {
      name: /^Aster Labs: pauses from quarter = 5 against the baseline/,
    });
    const row = within(table).getByRole('row', {
      name: /^Aster Labs: ends with the largest share/,
    });
    expect(within(row).getAllByRole('cell')).toHaveLength(4);
    expect(
      screen.getByRole('table', {
        name: /^Aster Labs: bot strategy = race-to-deploy against the baseline/,
      }),
    ).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Link to this comparison' });
    const hash = link.getAttribute('href')!.replace(/^[^#]*/, '');
    const parsed = parseCompareLink(hash, shippedScenarios);
    expect(parsed).toEqual({
      ok: true,
      spec: {
        v: 1,
        scenario: 'anthropic-rsp',
        baseline: [],
        arms: [[{ id: 'pauseFrom.aster', value: 5 }], [{ id: 'strategy.aster', value: 2 }]],
        runs: 6,
        seed: 1,
      },
    });
    expect(screen.getByRole('button', { name: 'Download comparison JSON' })).toBeEnabled();
  });

  it('an arm that changes nothing says so, and why', async () => {
    const user = userEvent.setup();
    history.replaceState(
      null,
      '',
      '/' +
        makeCompareLink({
          v: 1,
          scenario: 'anthropic-rsp',
          baseline: [],
          arms: [[{ id: 'pauseAgreementMinimum', value: 3 }]],
          runs: 4,
          seed: 1,
        }),
    );
    render(Explorer, { scenarios: shippedScenarios });
    // The comparison's code is fetched for its link ("Loading this view…", a status too), then
    // the link is read.
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/comparison from the link is filled in/),
    );
    await screen.findByRole('form', { name: 'Comparison settings' });
    await user.click(within(form()).getByRole('button', { name: 'Run comparison' }));
    const note = await screen.findByRole('note', {}, { timeout: 10_000 });
    expect(note).toHaveTextContent(/no lab starts in the pause agreement/);
  });

  it('a tampered comparison link says what is wrong', async () => {
    const good = makeCompareLink({
      v: 1,
      scenario: 'anthropic-rsp',
      baseline: [],
      arms: [[{ id: 'binding.zeta', value: 1 }]],
      runs: 10,
      seed: 1,
    });
    history.replaceState(null, '', '/' + good);
    render(Explorer, { scenarios: shippedScenarios });
    expect(screen.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This comparison link cannot be used: arm 1, setting 1 (binding.zeta): no lab "zeta" in anthropic-rsp; labs: aster, meridian, vantage, commonweal.',
    );
  });

  it('links are checked: bad values, no arms, cut-short text', () => {
    const spec = {
      v: 1 as const,
      scenario: 'anthropic-rsp',
      baseline: [],
      arms: [[{ id: 'strategy.aster', value: 9 }]],
      runs: 10,
      seed: 1,
    };
    expect(parseCompareLink(makeCompareLink(spec), shippedScenarios)).toEqual({
      ok: false,
      message: expect.stringMatching(
        /arm 1, setting 1: strategy\.aster must be one of safety-first/,
      ),
    });
    expect(
      parseCompareLink(makeCompareLink({ ...spec, arms: [] }), shippedScenarios),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/from 1 to 6 arms/) });
    expect(parseCompareLink('#compare=%%%', shippedScenarios)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not valid base64url/),
    });
    expect(
      parseCompareLink(
        makeCompareLink({ ...spec, arms: [[{ id: 'strategy.aster', value: 2 }]], runs: 1 }),
        shippedScenarios,
      ),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/games per arm/) });
  });
});
