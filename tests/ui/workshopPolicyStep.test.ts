// The workshop's policy step and the drift it leads to, in jsdom: the setup option, the step
// screen (template, the minimal form, problems named per field, the timer), the projector's
// snapshot, and the debrief's drift with the stress test run on in-thread workers.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { replayGame } from '../../src/engine/game';
import { runGames } from '../../src/engine/batch/runBatch';
import type { PublicSnapshot } from '../../src/presentation/workshop/publicView';
import { initialMeta } from '../../src/engine/workshop/flow';
import { firstDrafts, withTeamPolicies } from '../../src/engine/workshop/teamPolicies';
import type { ChunkReply, ChunkRequest } from '../../src/explorer/protocol';
import type { WorkerLike } from '../../src/explorer/pool';
import { createStore } from '../../src/lib/persistence';
import { WORKSHOP_KEY, makeWorkshopSave } from '../../src/lib/workshopSession';
import type { ChannelMessage, PublicChannel } from '../../src/ui/workshop/publicChannel';
import Workshop from '../../src/ui/workshop/Workshop.svelte';
import { MemoryStorage, decision, shortest } from './helpers';

function channel(): PublicChannel & { last(): PublicSnapshot | null } {
  const sent: ChannelMessage[] = [];
  return {
    post: (m) => void sent.push(JSON.parse(JSON.stringify(m)) as ChannelMessage),
    listen: () => () => {},
    close: () => {},
    last() {
      const m = [...sent].reverse().find((x) => x.type === 'public');
      return m && m.type === 'public' ? m.snapshot : null;
    },
  };
}

/** An in-thread stand-in for the batch worker. */
function inThreadWorker(): WorkerLike {
  let reply: (r: ChunkReply) => void = () => {};
  let stopped = false;
  return {
    listen: (onReply) => void (reply = onReply),
    post: (m: ChunkRequest) =>
      void setTimeout(() => {
        if (!stopped) {
          reply({
            type: 'result',
            job: m.job,
            summaries: runGames(m.scenario, { runs: m.count, seed: m.seed, from: m.from }),
          });
        }
      }, 0),
    terminate: () => void (stopped = true),
  };
}

function mount(storage = new MemoryStorage(), projector = channel()) {
  render(Workshop, {
    scenarios: [shortest],
    storage,
    channel: projector,
    now: () => 1_000_000,
    randomSeed: () => 7,
    openWindow: () => true,
    createStressWorker: inThreadWorker,
    stressGames: 6,
  });
  return { storage, projector };
}

describe('the policy step', () => {
  it('lets each team write its policy, names a problem, and starts quarter 1 under them', async () => {
    const { storage, projector } = mount();
    await userEvent.click(
      await screen.findByRole('checkbox', {
        name: 'Teams write their own policy before quarter 1',
      }),
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Every policy in full' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Start: teams write their policies' }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Teams write their policies' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('timer')).toBeInTheDocument();

    // The first team's policy: a threshold out of range is named, and quarter 1 waits.
    const form = screen.getByRole('region', { name: /’s policy$/ });
    const box = within(form).getAllByRole('textbox')[0] as HTMLInputElement;
    await userEvent.clear(box);
    await userEvent.type(box, '150');
    expect(await within(form).findByText(/expected a number between 0 and 1/)).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Start quarter 1 under these policies' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Quarter 1 cannot start yet');
    await userEvent.clear(box);
    await userEvent.type(box, '20');
    await userEvent.selectOptions(
      within(form).getByRole('combobox', {
        name: 'When a level is reached and safeguards are short',
      }),
      'Keep training; release only with limits',
    );

    // The projector's snapshot shows the drafts (every policy in full, as chosen).
    const snapshot = projector.last();
    expect(snapshot?.phase).toBe('policies');
    expect(snapshot?.policies?.[0]?.whenShort).toBe('Keep training; release only with limits');
    expect(snapshot?.policies?.[0]?.levels[0]?.thresholds[0]?.value).toBeCloseTo(0.2);

    // Saved as it goes: the record is in its policy step.
    const saved = createStore(storage).load(WORKSHOP_KEY);
    expect(saved.status === 'ok' && saved.save.extra?.stage).toBe('policies');

    await userEvent.click(
      screen.getByRole('button', { name: 'Start quarter 1 under these policies' }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: /^Quarter 1 of/ }),
    ).toBeInTheDocument();
    const started = createStore(storage).load(WORKSHOP_KEY);
    const labs =
      started.status === 'ok' ? started.save.setup.scenario.labs.map((l) => l.policy.use) : [];
    expect(labs.slice(0, 2)).toEqual(shortest.labs.slice(0, 2).map((l) => `team-${l.id}`));
  }, 30_000);
});

describe('drift in the debrief', () => {
  it('shows each team’s drift, runs the stress test on workers, and puts both in the report', async () => {
    const [a, b] = shortest.labs.map((l) => l.id) as [string, string];
    const teams = [
      { lab: a, name: 'Amber' },
      { lab: b, name: 'Blue' },
    ];
    const scenario = withTeamPolicies(shortest, firstDrafts(shortest, teams));
    const log = Array.from({ length: scenario.rounds }, () => ({
      // Amber races: all in on capabilities and full release, whatever its policy says.
      [a]: {
        ...decision('deploy'),
        budget: { capabilities: 0.85, security: 0, deployment: 0, alignment: 0, evals: 0.15 },
      },
      [b]: decision('pause'),
    }));
    const setupValue = { scenario, seed: 9, humans: [a, b] };
    const ended = replayGame(scenario, setupValue, log);
    const storage = new MemoryStorage();
    createStore(storage).save(
      WORKSHOP_KEY,
      makeWorkshopSave({
        setup: setupValue,
        log: log.slice(0, ended.history.length),
        pending: {},
        meta: initialMeta(teams, null, 'play'),
      }),
    );
    mount(storage);
    const drift = await screen.findByRole('region', {
      name: 'Drift: what each team wrote, and what it did',
    });
    expect(
      await within(drift).findByRole('heading', { name: 'Blue: Blue’s policy' }),
    ).toBeInTheDocument();
    expect(
      within(drift).getByText(/^Kept to its policy in all \d+ quarters; no revisions\.$/),
    ).toBeInTheDocument();
    expect(
      within(drift).getByRole('heading', { name: 'Amber: Amber’s policy' }),
    ).toBeInTheDocument();

    await userEvent.click(within(drift).getByRole('button', { name: 'Run the stress test' }));
    await waitFor(
      () =>
        expect(
          within(drift).getByRole('button', { name: 'Run the stress test again' }),
        ).toBeInTheDocument(),
      { timeout: 20_000 },
    );
    const tables = within(drift).getAllByRole('table');
    expect(tables).toHaveLength(2);
    expect(
      within(tables[0] as HTMLElement).getByRole('rowheader', { name: 'Catastrophe' }),
    ).toBeInTheDocument();
    // The printed report carries the same tables.
    await userEvent.click(screen.getByRole('button', { name: 'Show the after-action report' }));
    const report = await screen.findByRole('article', { name: scenario.title });
    await waitFor(() =>
      expect(within(report).getAllByRole('table', { name: /^Against / })).toHaveLength(2),
    );
  }, 40_000);
});
