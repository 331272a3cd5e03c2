import { render, screen, waitFor, within, fireEvent } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeExploreLink } from '../../src/explorer/exploreLink';
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

const form = (): HTMLElement => screen.getByRole('form', { name: 'Sweep settings' });

describe('Explorer: per-lab levers', () => {
  it('names each lab in the picker and shows named values as choices', async () => {
    const user = userEvent.setup();
    render(Explorer, { scenarios: shippedScenarios });
    // The Explorer opens on the pause question; the sweep is one tab along.
    await fireEvent.click(screen.getByRole('tab', { name: 'Game sweeps' }));
    const first = within(form()).getByRole('group', { name: 'First parameter' });
    const picker = within(first).getByRole('combobox', { name: 'Sweep' });
    const aster = within(picker).getByRole('group', { name: 'Aster Labs (safety-first)' });
    expect(
      within(aster)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Aster Labs (safety-first): bot strategy',
      'Aster Labs (safety-first): pauses from quarter',
      'Aster Labs (safety-first): binding commitment',
      'Aster Labs (safety-first): starts in the pause agreement',
    ]);
    expect(within(picker).queryByText(/first k/i)).toBeNull();
    await user.selectOptions(picker, 'strategy.vantage');
    const from = within(first).getByRole('combobox', { name: 'From' }) as HTMLSelectElement;
    expect([...from.options].map((o) => o.textContent)).toContain('race-to-deploy');
    expect(within(first).getByText(/^Values: safety-first, fast-follower, /)).toBeInTheDocument();
  });

  it('the share levers name the labs they bind in the chosen scenario', async () => {
    render(Explorer, { scenarios: shippedScenarios });
    // The Explorer opens on the pause question; the sweep is one tab along.
    await fireEvent.click(screen.getByRole('tab', { name: 'Game sweeps' }));
    const first = within(form()).getByRole('group', { name: 'First parameter' });
    expect(within(first).getByText(/0\.5 = Aster Labs, Meridian Labs;/)).toBeInTheDocument();
  });

  it('a link naming a lab the scenario does not have says which labs it has', () => {
    history.replaceState(
      null,
      '',
      '/' +
        makeExploreLink({
          v: 1,
          scenario: 'anthropic-rsp',
          params: [{ id: 'pauseFrom.nobody', from: 0, to: 4, steps: 2 }],
          runs: 10,
          seed: 1,
        }),
    );
    render(Explorer, { scenarios: shippedScenarios });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This sweep link cannot be used: pauseFrom.nobody: no lab "nobody" in anthropic-rsp; labs: aster, meridian, vantage, commonweal.',
    );
  });

  it('a sweep over a setting that changes nothing says so above the chart, and why', async () => {
    const user = userEvent.setup();
    history.replaceState(
      null,
      '',
      '/' +
        makeExploreLink({
          v: 1,
          scenario: 'anthropic-rsp',
          params: [{ id: 'pauseAgreementMinimum', from: 1, to: 3, steps: 3 }],
          runs: 4,
          seed: 1,
        }),
    );
    render(Explorer, { scenarios: shippedScenarios });
    await user.click(within(form()).getByRole('button', { name: 'Run sweep' }));
    const note = await screen.findByRole('note', {}, { timeout: 10_000 });
    expect(note).toHaveTextContent(
      /Every setting gave exactly the same games\..*no lab starts in the pause agreement in this scenario/,
    );
  });

  it('a sweep whose settings differ gives no such note', async () => {
    const user = userEvent.setup();
    history.replaceState(
      null,
      '',
      '/' +
        makeExploreLink({
          v: 1,
          scenario: 'anthropic-rsp',
          params: [{ id: 'pauseFrom.aster', from: 0, to: 3, steps: 2 }],
          runs: 4,
          seed: 1,
        }),
    );
    render(Explorer, { scenarios: shippedScenarios });
    await user.click(within(form()).getByRole('button', { name: 'Run sweep' }));
    await waitFor(
      () => expect(within(form()).getByText(/^Done: 8 of 8 games/)).toBeInTheDocument(),
      {
        timeout: 10_000,
      },
    );
    expect(screen.queryByRole('note')).toBeNull();
  });
});
