// A team's own device in a networked room (src/ui/room/TeamDevice.svelte), driven by role and
// name with views the server itself builds (src/server/views.ts over a real room flow): it
// waits for the facilitator, locks in, changes its mind, shows the server's refusal in its words,
// and — in the policy step — writes and hands in its own policy.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../../src/lib/roomClient';
import type { RoomCommand, TeamView } from '../../src/lib/roomProtocol';
import { RoomFlow } from '../../src/server/roomFlow';
import { readRoomRequest } from '../../src/server/roomRequest';
import { scenarioForTeam } from '../../src/server/teamScenario';
import { teamView } from '../../src/server/views';
import TeamDevice from '../../src/ui/room/TeamDevice.svelte';
import { shippedScenarios } from '../support/shippedScenarios';

const FACILITATOR = { role: 'facilitator' } as const;

function room(policyStep = false) {
  const request = readRoomRequest(
    {
      scenario: 'eval-blind-spot',
      seed: 5,
      teams: [{ name: 'Amber' }, { name: 'Birch' }],
      timerSeconds: 300,
      ...(policyStep ? { policyStep: { minutes: 10, disclosure: 'asWritten' } } : {}),
    },
    shippedScenarios,
  );
  if (!request.ok) throw new Error(request.message);
  const flow = RoomFlow.restore(request.record);
  const amber = flow.meta.teams[0]?.lab ?? '';
  /** Amber's view as the server would send it now. */
  const view = (): TeamView => teamView(flow.snapshot('room', {}, 0), amber);
  return { flow, amber, view, scenario: scenarioForTeam(flow.setup.scenario, amber) };
}

/** A device whose commands are recorded and answered as `answer` says (taken by default). */
function device(
  props: { view: TeamView; scenario: ReturnType<typeof room>['scenario'] },
  answer: (command: RoomCommand) => CommandResult = () => ({ ok: true }),
) {
  const sent: RoomCommand[] = [];
  const send = (command: RoomCommand) => {
    sent.push(command);
    return Promise.resolve(answer(command));
  };
  const rendered = render(TeamDevice, { ...props, send, now: () => 0 });
  const commands = (type: RoomCommand['type']) => sent.filter((c) => c.type === type);
  return { ...rendered, commands };
}

describe('TeamDevice', () => {
  it('waits for the facilitator, then locks in from its own form', async () => {
    const r = room();
    const d = device({ view: r.view(), scenario: r.scenario });
    expect(screen.getByRole('heading', { level: 1, name: /Quarter 1/ })).toBeInTheDocument();
    expect(screen.getByText(/Waiting for the facilitator to open decisions/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Your decision' })).toBeNull();

    r.flow.apply({ type: 'openDecisions' }, FACILITATOR, 0);
    await d.rerender({ view: r.view() });
    expect(screen.getByRole('heading', { name: 'Your decision' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Lock in decision' }));
    const [submit] = d.commands('submit');
    expect(submit).toMatchObject({ type: 'submit', decision: { posture: expect.any(String) } });
  });

  it('once locked in, says so and lets the team change its decision', async () => {
    const r = room();
    r.flow.apply({ type: 'openDecisions' }, FACILITATOR, 0);
    const d = device({ view: r.view(), scenario: r.scenario });
    await userEvent.click(screen.getByRole('button', { name: 'Lock in decision' }));
    const decision = d.commands('submit')[0];
    if (decision?.type !== 'submit') throw new Error('no lock-in was sent');
    expect(r.flow.apply(decision, { role: 'team', lab: r.amber }, 1)).toMatchObject({ ok: true });
    await d.rerender({ view: r.view() });

    expect(screen.getByText('Locked in:')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Your decision' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Change our decision' }));
    expect(d.commands('withdraw')).toHaveLength(1);
  });

  it('sends a change made while offline again once the device is back', async () => {
    const r = room();
    r.flow.apply({ type: 'openDecisions' }, FACILITATOR, 0);
    let online = false;
    const d = device({ view: r.view(), scenario: r.scenario }, () =>
      online
        ? { ok: true }
        : { ok: false, code: 'offline', message: 'not connected: reconnecting…' },
    );
    const postures = within(screen.getByRole('group', { name: /What to do with your model/ }));
    const other = postures
      .getAllByRole('button')
      .find((button) => button.getAttribute('aria-pressed') === 'false');
    if (!other) throw new Error('no other posture on the form');
    await userEvent.click(other);
    await waitFor(() => expect(d.commands('draft')).toHaveLength(1));
    // Back online: the first view the server sends brings the unsent change with it.
    online = true;
    await d.rerender({ view: r.view() });
    await waitFor(() => expect(d.commands('draft')).toHaveLength(2));
    expect(d.commands('draft')[1]).toEqual(d.commands('draft')[0]);
    // Taken this time: a later view sends nothing more.
    await d.rerender({ view: r.view() });
    expect(d.commands('draft')).toHaveLength(2);
  });

  it('shows the server’s refusal in its words', async () => {
    const r = room();
    r.flow.apply({ type: 'openDecisions' }, FACILITATOR, 0);
    device({ view: r.view(), scenario: r.scenario }, (command) =>
      command.type === 'submit'
        ? { ok: false, code: 'notNow', message: 'the game is paused for discussion' }
        : { ok: true },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Lock in decision' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('the game is paused for discussion');
  });

  it('in the policy step, writes its own policy and hands it in', async () => {
    const r = room(true);
    const d = device({ view: r.view(), scenario: r.scenario });
    expect(screen.getByRole('heading', { level: 1, name: 'Before quarter 1' })).toBeInTheDocument();
    // The step's form is fetched when the step is shown (a chunk of its own in the build).
    const step = await screen.findByRole('region', { name: 'Amber: write your policy' });
    expect(within(step).getByRole('combobox', { name: 'Start from' })).toBeInTheDocument();
    await userEvent.click(within(step).getByRole('checkbox', { name: /^Public:/ }));
    await userEvent.click(within(step).getByRole('button', { name: 'Hand in our policy' }));
    // The edit goes first (the server must have it), then the hand-in.
    const edits = d.commands('policyEdit');
    expect(edits.at(-1)).toMatchObject({ policy: { id: `team-${r.amber}` } });
    expect(d.commands('policySubmit')).toHaveLength(1);
    expect(d.commands('submit')).toEqual([]);

    for (const command of [edits.at(-1), { type: 'policySubmit' as const }]) {
      if (!command) throw new Error('nothing was sent');
      r.flow.apply(command, { role: 'team', lab: r.amber }, 1);
    }
    await d.rerender({ view: r.view() });
    expect(screen.getByText(/Handed in\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hand in our policy' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Edit our policy' }));
    expect(d.commands('policyWithdraw')).toHaveLength(1);
  });

  it('in the policy step, fetches the full policy editor only when every field is asked for', async () => {
    const r = room(true);
    device({ view: r.view(), scenario: r.scenario });
    const step = await screen.findByRole('region', { name: 'Amber: write your policy' });
    // The short form first; the full editor (the validator with it) is fetched once asked for.
    const shortForm = { name: /^Thresholds \(capability, in %/ };
    expect(within(step).getByRole('group', shortForm)).toBeInTheDocument();
    expect(within(step).queryByRole('heading', { name: 'The ladder' })).toBeNull();
    await userEvent.click(within(step).getByRole('checkbox', { name: /^Every field/ }));
    expect(await within(step).findByRole('heading', { name: 'The ladder' })).toBeInTheDocument();
    expect(within(step).queryByRole('group', shortForm)).toBeNull();
  });
});
