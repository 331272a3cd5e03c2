import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runGames } from '../../src/engine/batch/runBatch';
import { PARAMETER_DOCS } from '../../src/engine/parameters';
import { ENGINE_VERSION } from '../../src/engine/record';
import { makeExploreLink } from '../../src/explorer/exploreLink';
import { VALIDATED_DIRECTIONS } from '../../src/explorer/validation';
import type { WorkerLike } from '../../src/explorer/pool';
import type { ChunkRequest } from '../../src/explorer/protocol';
import Explorer from '../../src/ui/explorer/Explorer.svelte';
import { shippedScenarios } from '../support/shippedScenarios';

// jsdom has no Web Workers: the explorer's workers are replaced by in-thread fakes that run the
// same engine function on each chunk.
const started: { posted: number; terminated: boolean }[] = [];
vi.mock('../../src/explorer/pool', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/explorer/pool')>();
  return {
    ...actual,
    browserWorker: (): WorkerLike => {
      const state = { posted: 0, terminated: false };
      started.push(state);
      let reply: Parameters<WorkerLike['listen']>[0] = () => {};
      return {
        listen: (onReply) => {
          reply = onReply;
        },
        post: (m: ChunkRequest) => {
          state.posted++;
          setTimeout(() => {
            if (state.terminated) return;
            const summaries = runGames(m.scenario, { runs: m.count, seed: m.seed, from: m.from });
            reply({ type: 'result', job: m.job, summaries });
          }, 0);
        },
        terminate: () => {
          state.terminated = true;
        },
      };
    },
  };
});

beforeEach(() => {
  started.length = 0;
  history.replaceState(null, '', '/');
});
afterEach(() => {
  history.replaceState(null, '', '/');
});

function settingsForm(): HTMLElement {
  return screen.getByRole('form', { name: 'Sweep settings' });
}

describe('Explorer', () => {
  it('offers the sweep form by role and name, with sensible defaults', async () => {
    render(Explorer, { scenarios: shippedScenarios });
    // The Explorer opens on the pause question; the sweep is one tab along.
    await fireEvent.click(screen.getByRole('tab', { name: 'Game sweeps' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Explorer' })).toBeInTheDocument();
    const tabs = screen.getByRole('tablist', { name: 'Explorer views' });
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((t) => t.textContent),
    ).toEqual([
      'Pause question',
      'Policies side by side',
      'Game sweeps',
      'Compare',
      'Race model',
      'Model card',
    ]);
    const form = settingsForm();
    const scenario = within(form).getByRole('combobox', { name: 'Scenario' }) as HTMLSelectElement;
    expect(scenario.value).toBe('anthropic-rsp');
    const first = within(form).getByRole('group', { name: 'First parameter' });
    expect(
      (within(first).getByRole('combobox', { name: 'Sweep' }) as HTMLSelectElement).value,
    ).toBe('pauseMembership');
    expect(within(first).getByRole('spinbutton', { name: 'From' })).toHaveValue(0);
    expect(within(first).getByRole('spinbutton', { name: 'To' })).toHaveValue(1);
    expect(within(first).getByRole('spinbutton', { name: 'Steps' })).toHaveValue(5);
    const second = within(form).getByRole('group', { name: 'Second parameter (optional)' });
    expect(
      (
        within(second).getByRole('combobox', {
          name: 'Also sweep (gives a heatmap)',
        }) as HTMLSelectElement
      ).value,
    ).toBe('');
    expect(within(form).getByRole('spinbutton', { name: 'Runs per setting' })).toHaveValue(200);
    expect(within(form).getByRole('spinbutton', { name: 'Seed' })).toHaveValue(1);
    const workers = within(form).getByRole('spinbutton', { name: 'Workers' }) as HTMLInputElement;
    expect(Number(workers.value)).toBeGreaterThanOrEqual(1);
    expect(Number(workers.value)).toBeLessThanOrEqual(8);
    expect(within(form).getByRole('button', { name: 'Run sweep' })).toBeEnabled();
    expect(within(form).getByRole('button', { name: 'Cancel' })).toBeDisabled();
    const bar = within(form).getByRole('progressbar', { name: 'Sweep progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    expect(within(form).getByText(/5 settings × 200 runs = 1,000\s+games/)).toBeInTheDocument();
  });

  it('picking a second parameter shows its range; bad input blocks the run with a message', async () => {
    const user = userEvent.setup();
    render(Explorer, { scenarios: shippedScenarios });
    // The Explorer opens on the pause question; the sweep is one tab along.
    await fireEvent.click(screen.getByRole('tab', { name: 'Game sweeps' }));
    const form = settingsForm();
    const second = within(form).getByRole('group', { name: 'Second parameter (optional)' });
    await user.selectOptions(
      within(second).getByRole('combobox', { name: 'Also sweep (gives a heatmap)' }),
      'labs',
    );
    expect(within(second).getByRole('spinbutton', { name: 'From' })).toHaveValue(2);
    expect(within(second).getByRole('spinbutton', { name: 'To' })).toHaveValue(6);
    expect(within(second).getByText('Values: 2, 3, 4, 5, 6')).toBeInTheDocument();
    expect(within(form).getByText(/25 settings × 200 runs = 5,000\s+games/)).toBeInTheDocument();

    const runs = within(form).getByRole('spinbutton', { name: 'Runs per setting' });
    await user.clear(runs);
    await user.type(runs, '0');
    expect(within(form).getByRole('alert')).toHaveTextContent(
      /runs per setting must be a whole number/,
    );
    expect(within(form).getByRole('button', { name: 'Run sweep' })).toBeDisabled();
  });

  it('runs a sweep on workers: progress, results table, export buttons and a link', async () => {
    const user = userEvent.setup();
    render(Explorer, { scenarios: shippedScenarios });
    // The Explorer opens on the pause question; the sweep is one tab along.
    await fireEvent.click(screen.getByRole('tab', { name: 'Game sweeps' }));
    const form = settingsForm();
    const first = within(form).getByRole('group', { name: 'First parameter' });
    await user.selectOptions(within(first).getByRole('combobox', { name: 'Sweep' }), 'labs');
    const steps = within(first).getByRole('spinbutton', { name: 'Steps' });
    await user.clear(steps);
    await user.type(steps, '2');
    const runs = within(form).getByRole('spinbutton', { name: 'Runs per setting' });
    await user.clear(runs);
    await user.type(runs, '6');
    const workers = within(form).getByRole('spinbutton', { name: 'Workers' });
    await user.clear(workers);
    await user.type(workers, '2');
    await user.click(within(form).getByRole('button', { name: 'Run sweep' }));

    await waitFor(
      () => expect(within(form).getByText(/^Done: 12 of 12 games/)).toBeInTheDocument(),
      {
        timeout: 10_000,
      },
    );
    expect(within(form).getByRole('progressbar', { name: 'Sweep progress' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    expect(started).toHaveLength(2);
    expect(started.every((w) => w.terminated)).toBe(true);

    const table = screen.getByRole('table', { name: /Outcome frequencies per setting/ });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + labs 2 and 6
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('2');
    expect(within(rows[2]!).getByRole('rowheader')).toHaveTextContent('6');
    expect(
      screen.getByRole('img', { name: /^Number of labs 2: 6 games; Catastrophe: / }),
    ).toBeInTheDocument();
    // Each lab of the chosen setting, by name and strategy: two labs, then six.
    const labs = screen.getByRole('table', { name: /^Each lab's outcomes at Number of labs = 2/ });
    const labRows = within(labs).getAllByRole('row').slice(1);
    expect(labRows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Aster Labs (Safety first)',
      'Meridian Labs (Fast follower)',
    ]);
    expect(within(labRows[0]!).getAllByRole('cell')[0]).toHaveTextContent(/^\d+\.\d%/);
    const labSetting = screen
      .getAllByRole('combobox', { name: 'Setting' })
      .find((c) => c.closest('section')?.textContent?.includes('Each lab'));
    await user.selectOptions(labSetting!, 'Number of labs = 6');
    expect(
      within(screen.getByRole('table', { name: /^Each lab's outcomes at Number of labs = 6/ }))
        .getAllByRole('row')
        .slice(1),
    ).toHaveLength(6);
    // The results table reports pauses by cause.
    expect(
      within(table).getByRole('columnheader', { name: /Lab-quarters paused by own policy/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Download JSON' })).toBeEnabled();
    const link = screen.getByRole('link', { name: 'Link to this sweep' });
    expect(link.getAttribute('href')).toMatch(/#explore=[A-Za-z0-9_-]+$/);
  });

  it('a #explore= link pre-fills the form', () => {
    history.replaceState(
      null,
      '',
      '/' +
        makeExploreLink({
          v: 1,
          scenario: 'eval-blind-spot',
          params: [
            { id: 'evalSensitivity', from: 0.2, to: 0.8, steps: 4 },
            { id: 'competitivePressure', from: 0, to: 2, steps: 3 },
          ],
          runs: 50,
          seed: 9,
        }),
    );
    render(Explorer, { scenarios: shippedScenarios });
    expect(screen.getByRole('status')).toHaveTextContent(/filled in below/);
    const form = settingsForm();
    expect(
      (within(form).getByRole('combobox', { name: 'Scenario' }) as HTMLSelectElement).value,
    ).toBe('eval-blind-spot');
    const second = within(form).getByRole('group', { name: 'Second parameter (optional)' });
    expect(
      (
        within(second).getByRole('combobox', {
          name: 'Also sweep (gives a heatmap)',
        }) as HTMLSelectElement
      ).value,
    ).toBe('competitivePressure');
    expect(within(form).getByRole('spinbutton', { name: 'Runs per setting' })).toHaveValue(50);
    expect(within(form).getByRole('spinbutton', { name: 'Seed' })).toHaveValue(9);
  });

  it('a broken link says why, in plain words', () => {
    history.replaceState(null, '', '/#explore=not-a-link');
    render(Explorer, { scenarios: shippedScenarios });
    expect(screen.getByRole('alert')).toHaveTextContent(/^This sweep link cannot be used: /);
  });

  it('tabs work from the keyboard; the model card lists every parameter and how to cite', async () => {
    render(Explorer, { scenarios: shippedScenarios });
    const sweeps = screen.getByRole('tab', { name: 'Game sweeps' });
    sweeps.focus();
    await fireEvent.keyDown(sweeps, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Compare' })).toHaveFocus();
    await fireEvent.keyDown(screen.getByRole('tab', { name: 'Compare' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Race model' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('tab', { name: 'Race model' })).toHaveFocus();
    expect(screen.getByRole('table', { name: /Probability of disaster/ })).toBeVisible();
    await fireEvent.keyDown(screen.getByRole('tab', { name: 'Race model' }), { key: 'ArrowRight' });
    const card = screen.getByRole('tabpanel', { name: 'Model card' });
    const params = within(card).getByRole('table', { name: /Every model parameter/ });
    for (const key of Object.keys(PARAMETER_DOCS)) {
      expect(within(params).getByRole('rowheader', { name: key })).toBeInTheDocument();
    }
    expect(within(card).getByRole('heading', { name: 'Validated directions' })).toBeInTheDocument();
    expect(card).toHaveTextContent(/tests\/engine\/validation\//);
    // The measured table, one row per direction, each with its verdict.
    const directions = within(card).getByRole('table', { name: /^Directions of the main model/ });
    const rows = within(directions).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(VALIDATED_DIRECTIONS.length);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('V1');
    expect(rows[0]).toHaveTextContent(/fewer catastrophes under voluntary policies.*holds/);
    expect(within(card).getByRole('heading', { name: 'How to cite a run' })).toBeInTheDocument();
    expect(
      within(card).getByText(
        new RegExp(
          `^Threshold engine v${ENGINE_VERSION.replace(/\./g, '\\.')}, scenario "anthropic-rsp"`,
        ),
      ),
    ).toHaveTextContent(/#explore=/);
  });
});
