// Workshop mode in jsdom: setup, the secret turn cycle, the console, saving after every action
// and resuming, session files, injects, commitments, and the timer display.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PublicSnapshot } from '../../src/presentation/workshop/publicView';
import { createStore } from '../../src/lib/persistence';
import { WORKSHOP_KEY } from '../../src/lib/workshopSession';
import type { ChannelMessage, PublicChannel } from '../../src/ui/workshop/publicChannel';
import TimerDisplay from '../../src/ui/workshop/TimerDisplay.svelte';
import Workshop from '../../src/ui/workshop/Workshop.svelte';
import { makeWorkshopSave } from '../../src/lib/workshopSession';
import { MemoryStorage, shortest } from './helpers';
import { playedWorkshop } from './workshopGames';

/** A channel that keeps what the laptop sent to the projector. */
function recordingChannel(): PublicChannel & {
  sent: ChannelMessage[];
  last(): PublicSnapshot | null;
} {
  const sent: ChannelMessage[] = [];
  return {
    sent,
    post: (m) => void sent.push(JSON.parse(JSON.stringify(m)) as ChannelMessage),
    listen: () => () => {},
    close: () => {},
    last() {
      const m = [...sent].reverse().find((x) => x.type === 'public');
      return m && m.type === 'public' ? m.snapshot : null;
    },
  };
}

function setup(storage = new MemoryStorage(), channel = recordingChannel()) {
  const opened: string[] = [];
  const view = render(Workshop, {
    scenarios: [shortest],
    storage,
    channel,
    now: () => 1_000_000,
    randomSeed: () => 7,
    openWindow: (url: string) => {
      opened.push(url);
      return true;
    },
  });
  return { view, storage, channel, opened };
}

const h1 = () => screen.getByRole('heading', { level: 1 });

async function startTwoTeams() {
  await userEvent.clear(await screen.findByRole('textbox', { name: 'Team 1 name' }));
  await userEvent.type(screen.getByRole('textbox', { name: 'Team 1 name' }), 'Amber');
  await userEvent.clear(screen.getByRole('textbox', { name: 'Team 2 name' }));
  await userEvent.type(screen.getByRole('textbox', { name: 'Team 2 name' }), 'Blue');
  await userEvent.click(screen.getByRole('button', { name: 'Start the workshop' }));
  expect(
    await screen.findByRole('heading', { level: 1, name: /Quarter 1 of/ }),
  ).toBeInTheDocument();
}

describe('Workshop', () => {
  it('sets up two teams, keeps the setup in storage and starts on the console', async () => {
    const { storage } = setup();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Set up a workshop' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Bots play/)).toHaveTextContent(shortest.labs[2]?.name ?? '');
    await userEvent.click(screen.getByRole('button', { name: 'Add a team' }));
    expect(screen.getByRole('textbox', { name: 'Team 3 name' })).toHaveValue('Team C');
    // A fourth team on a three-lab scenario: a lab is added, and the setup says so.
    await userEvent.click(screen.getByRole('button', { name: 'Add a team' }));
    expect(screen.getByText(/Labs added/).parentElement).toHaveTextContent(
      /1 lab was added.*Northwind AI/,
    );
    for (let i = 0; i < 2; i++)
      await userEvent.click(screen.getByRole('button', { name: 'Add a team' }));
    expect(screen.getByRole('textbox', { name: 'Team 6 name' })).toHaveValue('Team F');
    expect(screen.getByRole('button', { name: 'Add a team' })).toBeDisabled();
    for (const n of [6, 5, 4])
      await userEvent.click(screen.getByRole('button', { name: new RegExp(`Remove team ${n}`) }));
    expect(screen.queryByText(/Labs added/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /Remove team 3/ }));
    // The removed team's button is gone: the focus goes on to "Add a team", not the page.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add a team' })).toHaveFocus());
    // A duplicate name is refused, with the reason.
    await userEvent.clear(screen.getByRole('textbox', { name: 'Team 2 name' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Team 2 name' }), 'team a');
    expect(screen.getByRole('textbox', { name: 'Team 2 name' })).toHaveAccessibleDescription(
      /Two teams are called/,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Start the workshop' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The workshop cannot start yet');
    await startTwoTeams();
    const saved = createStore(storage).load(WORKSHOP_KEY);
    expect(saved.status === 'ok' && saved.save.extra?.stage).toBe('play');
    expect(
      screen.getByRole('button', { name: 'Open decisions for quarter 1' }),
    ).toBeInTheDocument();
    // Many typed keystrokes: on a loaded 2-core machine this took over 20 s (no wall-clock claim).
  }, 120_000);

  it('passes the laptop: each team sees only its own screen, the console only who locked in', async () => {
    const { channel } = setup();
    await startTwoTeams();
    await userEvent.click(screen.getByRole('button', { name: 'Open decisions for quarter 1' }));
    expect(screen.getByRole('timer')).toHaveAccessibleName('5 minutes left');
    await userEvent.click(screen.getByRole('button', { name: 'Hand the laptop to Amber' }));
    expect(h1()).toHaveTextContent('Amber, step up');
    await userEvent.click(screen.getByRole('button', { name: 'Start — Amber' }));
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await userEvent.click(screen.getByRole('button', { name: 'Lock in decision' }));

    // The handover shows no trace of Amber's choice.
    expect(h1()).toHaveTextContent('Blue, step up');
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(document.querySelector('.workshop')).not.toHaveTextContent(/pause/i);
    // The projector hears that Amber locked in, never what.
    expect(channel.last()?.teams.map((t) => t.lockedIn)).toEqual([true, false]);
    expect(JSON.stringify(channel.sent)).not.toMatch(/"posture"/);

    await userEvent.click(screen.getByRole('button', { name: 'Start — Blue' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(screen.getByRole('button', { name: 'Lock in decision' }));
    expect(h1()).toHaveTextContent('Every team has locked in');
    await userEvent.click(screen.getByRole('button', { name: 'Facilitator console' }));
    const teams = screen.getByRole('table', { name: 'Teams this quarter' });
    expect(within(teams).getAllByText('✓ Locked in')).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Let Amber decide again' }));
    expect(within(teams).getAllByText('✓ Locked in')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Call Amber to the laptop' }));
    await userEvent.click(screen.getByRole('button', { name: 'Start — Amber' }));
    await userEvent.click(screen.getByRole('button', { name: 'Lock in decision' }));
    await userEvent.click(screen.getByRole('button', { name: 'Facilitator console' }));
    await userEvent.click(screen.getByRole('button', { name: /Resolve quarter 1/ }));
    expect(h1()).toHaveTextContent('Quarter 2 of');
    expect(screen.getByRole('heading', { name: 'Results of quarter 1' })).toBeInTheDocument();
    expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent('Quarter 1 resolved.');

    // Undo the resolution: every choice locked in again.
    await userEvent.click(screen.getByRole('button', { name: /Undo the last resolution/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Undo the resolution' }));
    expect(h1()).toHaveTextContent('Quarter 1 of');
    expect(
      screen.getByText('Every team has locked in', { selector: '.state' }),
    ).toBeInTheDocument();
  }, 30_000);

  it('saves after every action and resumes at the same place, a team screen at its handover', async () => {
    const storage = new MemoryStorage();
    const first = setup(storage);
    await startTwoTeams();
    await userEvent.click(screen.getByRole('button', { name: 'Open decisions for quarter 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Hand the laptop to Amber' }));
    await userEvent.click(screen.getByRole('button', { name: 'Start — Amber' }));
    expect(screen.getByRole('button', { name: 'Lock in decision' })).toBeInTheDocument();
    first.view.unmount();

    setup(storage);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Amber, step up' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Facilitator console' }));
    expect(screen.getByText(/Decisions open: 0 of 2 locked in/)).toBeInTheDocument();
  }, 20_000);

  it('fires an inject written on the spot, with the validator’s message on a bad field', async () => {
    setup();
    await startTwoTeams();
    // The panel is fetched when the facilitator opens it; the focus moves into it.
    await userEvent.click(screen.getByRole('button', { name: 'Open the inject panel' }));
    await waitFor(() =>
      expect(screen.getByText(/The scenario’s scripted events/).closest('summary')).toHaveFocus(),
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'Headline' }), 'Trust collapses');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'What it does' }), 'trust');
    await userEvent.type(screen.getByRole('textbox', { name: /^Change/ }), 'lots');
    await userEvent.click(screen.getByRole('button', { name: 'Fire this inject' }));
    expect(screen.getByRole('textbox', { name: /^Change/ })).toHaveAccessibleDescription(
      /expected a number .* got "lots"/,
    );
    await userEvent.clear(screen.getByRole('textbox', { name: /^Change/ }));
    await userEvent.type(screen.getByRole('textbox', { name: /^Change/ }), '-0.2');
    await userEvent.click(screen.getByRole('button', { name: 'Fire this inject' }));
    const news = screen.getByRole('region', { name: 'News this quarter' });
    expect(within(news).getByText('Trust collapses')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Fired so far' })).toBeInTheDocument();
  }, 20_000);

  it('fires a scripted event early, once: the console says it will not fire again', async () => {
    setup();
    await startTwoTeams();
    const later = shortest.events.find((e) => e.round > 1);
    if (!later) throw new Error('the shortest scenario needs a scripted event after quarter 1');
    await userEvent.click(screen.getByRole('button', { name: 'Open the inject panel' }));
    await userEvent.click(await screen.findByText(/The scenario’s scripted events/));
    await userEvent.click(
      screen.getByRole('button', {
        name: `Fire now instead of in quarter ${later.round}: ${later.headline}`,
      }),
    );
    expect(screen.getAllByRole('status').map((el) => el.textContent)).toContain(
      `Fired: “${later.headline}”. It is in this quarter’s news and will not fire again in quarter ${later.round}.`,
    );
    expect(screen.getByText(`fired early in Q1: not again in Q${later.round}`)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: `Fire again now: ${later.headline}` }),
    ).toBeInTheDocument();
    const news = screen.getByRole('region', { name: 'News this quarter' });
    expect(within(news).getByText(later.headline)).toBeInTheDocument();
  }, 20_000);

  it('keeps the inject panel open once an inject has fired, after a reload too', async () => {
    const { storage } = setup();
    await startTwoTeams();
    await userEvent.click(screen.getByRole('button', { name: 'Open the inject panel' }));
    await userEvent.type(await screen.findByRole('textbox', { name: 'Headline' }), 'A leak');
    await userEvent.click(screen.getByRole('button', { name: 'Fire this inject' }));
    cleanup();
    setup(storage);
    expect(await screen.findByRole('heading', { name: 'Fired so far' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Open the inject panel' })).toBeNull();
    // No commitment yet: that panel waits to be opened.
    expect(screen.getByRole('button', { name: 'Record a commitment' })).toBeInTheDocument();
  }, 20_000);

  it('records a commitment and shows how it stands', async () => {
    setup();
    await startTwoTeams();
    await userEvent.click(screen.getByRole('button', { name: 'Record a commitment' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Commitments and agreements' })).toHaveFocus(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Record commitment' }));
    expect(screen.getByRole('textbox', { name: /What was said/ })).toHaveAccessibleDescription(
      'Write what was promised.',
    );
    await userEvent.click(screen.getByRole('checkbox', { name: /^Amber/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: /^Blue/ }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'pausePact');
    await userEvent.type(
      screen.getByRole('textbox', { name: /What was said/ }),
      'We pause together',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Record commitment' }));
    expect(screen.getByText(/Recorded: “We pause together”/)).toBeInTheDocument();
    expect(screen.getByText(/^Amber \(.*\), Blue \(.*\)$/)).toBeInTheDocument();
    expect(screen.getByText(/so far: Not yet tested/)).toBeInTheDocument();
    // Removing it hands the focus to the panel's title, not the page.
    await userEvent.click(
      screen.getByRole('button', { name: 'Remove commitment: We pause together' }),
    );
    expect(screen.queryByText(/so far: Not yet tested/)).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Commitments and agreements' })).toHaveFocus(),
    );
  }, 20_000);

  it('refuses a bad session file with a located message, changing nothing', async () => {
    setup();
    await screen.findByRole('heading', { level: 1, name: 'Set up a workshop' });
    // The session file picker (the scenario loader has a file input of its own).
    const input = document.querySelector<HTMLInputElement>('.picker input[type="file"]');
    expect(input).not.toBeNull();
    const file = new File(
      [JSON.stringify({ kind: 'threshold-save', version: 1, savedAt: 'x', mode: 'solo' })],
      'old.json',
      { type: 'application/json' },
    );
    await fireEvent.change(input as HTMLInputElement, { target: { files: [file] } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“old.json” could not be opened.');
    expect(alert).toHaveTextContent('solo saved game');
    expect(h1()).toHaveTextContent('Set up a workshop');
  });

  it('opens the projector window and shows the public view here', async () => {
    const { opened } = setup();
    await startTwoTeams();
    await userEvent.click(screen.getByRole('button', { name: 'Open projector window' }));
    // The window is opened with this console's room token, which ties it to this console.
    expect(opened).toEqual([expect.stringMatching(/^#projector=[0-9a-f]{32}$/)]);
    await userEvent.click(screen.getByRole('button', { name: 'Show public view here' }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(/Quarter 1\s*of/);
    expect(
      screen.getByRole('heading', { name: 'The labs, as the world sees them' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Back to the console' }));
    expect(
      screen.getByRole('button', { name: 'Open decisions for quarter 1' }),
    ).toBeInTheDocument();
  }, 20_000);
});

describe('Workshop debrief', () => {
  it('shows every team side by side, the commitments to judge, and the printable report', async () => {
    const { setup: setupValue, log, meta } = playedWorkshop(shortest.rounds);
    const storage = new MemoryStorage();
    createStore(storage).save(
      WORKSHOP_KEY,
      makeWorkshopSave({
        setup: setupValue,
        log,
        pending: {},
        meta,
      }),
    );
    setup(storage);
    expect(
      await screen.findByRole('heading', { name: 'Every team’s path, with the truth revealed' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('article', { name: /^Amber · / })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: /^Blue · / })).toBeInTheDocument();
    // The after-action report is fetched when asked for: printing asks for it, and the print
    // dialog opens once it is on the page.
    expect(screen.queryByRole('article', { name: shortest.title })).toBeNull();
    let printed: HTMLElement | null = null;
    const print = vi
      .spyOn(window, 'print')
      .mockImplementation(
        () => (printed = screen.queryByRole('article', { name: shortest.title })),
      );
    await userEvent.click(screen.getByRole('button', { name: 'Print / save as PDF' }));
    await waitFor(() => expect(print).toHaveBeenCalledOnce());
    print.mockRestore();
    expect(printed).not.toBeNull();
    const report = screen.getByRole('article', { name: shortest.title });
    expect(within(report).getByRole('heading', { name: /^Amber — / })).toBeInTheDocument();
    expect(within(report).getByRole('heading', { name: /^Blue — / })).toBeInTheDocument();

    const verdict = screen.getByRole('group', {
      name: 'Your verdict on “We keep each other honest”',
    });
    expect(within(verdict).getByRole('radio', { name: 'Not judged' })).toBeChecked();
    await userEvent.click(within(verdict).getByRole('radio', { name: 'Kept' }));
    const saved = createStore(storage).load(WORKSHOP_KEY);
    const commitments =
      saved.status === 'ok' ? (saved.save.extra?.commitments as { mark: string }[]) : [];
    expect(commitments[0]?.mark).toBe('kept');
    expect(within(report).getByText('Kept (facilitator)')).toBeInTheDocument();
  }, 20_000);
});

describe('TimerDisplay', () => {
  it('tells when time is up', () => {
    render(TimerDisplay, {
      timer: { durationMs: 60_000, deadline: 1_000, remainingMs: 60_000 },
      now: () => 5_000,
      expiredText: 'Resolve when ready.',
    });
    expect(screen.getByRole('timer')).toHaveAccessibleName('Time is up');
    expect(screen.getByRole('alert')).toHaveTextContent('Time is up. Resolve when ready.');
  });

  it('shows a stopped timer’s time left', () => {
    render(TimerDisplay, { timer: { durationMs: 60_000, deadline: null, remainingMs: 42_000 } });
    expect(screen.getByRole('timer')).toHaveTextContent('0:42');
    expect(screen.getByText('Timer stopped')).toBeInTheDocument();
  });
});
