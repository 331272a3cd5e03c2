import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LabDecision } from '../../src/engine/types';
import { BUDGET_LINES } from '../../src/engine/types';
import { labView } from '../../src/engine/view';
import DecisionPanel from '../../src/ui/game/DecisionPanel.svelte';
import { BUDGET_LABEL } from '../../src/ui/game/names';
import { pausingView, playedGame, playerId, shortest } from './helpers';

function setup(view = pausingView(), previous: LabDecision | null = null) {
  const onSubmit = vi.fn<(d: LabDecision) => void>();
  render(DecisionPanel, {
    scenario: shortest,
    view,
    previous,
    commitment: 'Your policy requires security before further training.',
    onSubmit,
  });
  return { onSubmit, view };
}

describe('DecisionPanel', () => {
  it('offers Pause, Restrict and Deploy as buttons, the allowed one preselected', () => {
    setup();
    const pause = screen.getByRole('button', { name: 'Pause' });
    const restrict = screen.getByRole('button', { name: 'Restrict' });
    const deploy = screen.getByRole('button', { name: 'Deploy' });
    expect(pause).toHaveAttribute('aria-pressed', 'true');
    expect(restrict).toHaveAttribute('aria-pressed', 'false');
    expect(deploy).toHaveAttribute('aria-pressed', 'false');
    // Each choice states its consequences in plain words.
    expect(deploy).toHaveAccessibleDescription(/breaks your commitment/i);
    expect(pause).toHaveAccessibleDescription(/training stops/i);
  });

  it('ends the quarter at once when the choice keeps the commitment', async () => {
    const { onSubmit } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'End quarter' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ posture: 'pause', actions: [] }),
    );
  });

  it('leaves the focus where it was when the form stays after ending the quarter', async () => {
    const { onSubmit } = setup();
    const end = screen.getByRole('button', { name: 'End quarter' });
    await userEvent.click(end);
    expect(onSubmit).toHaveBeenCalled();
    // The host normally moves on to a new screen and its title; if it does not, focus is not
    // dropped on the page.
    await waitFor(() => expect(end).toHaveFocus());
  });

  it('asks for confirmation, plainly, before breaking the commitment; Esc cancels', async () => {
    const { onSubmit } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    expect(screen.getByRole('button', { name: 'Deploy' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'End quarter' }));
    const dialog = screen.getByRole('dialog', { name: 'This breaks your own commitment' });
    expect(dialog).toHaveTextContent(/your policy says Pause/i);
    expect(within(dialog).getByRole('button', { name: 'Go back' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'End quarter' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Break the commitment and end quarter' }),
    );
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ posture: 'deploy' }));
  });

  it('keeps the focus inside the confirmation dialog', async () => {
    setup();
    await userEvent.click(screen.getByRole('button', { name: 'Restrict' }));
    await userEvent.click(screen.getByRole('button', { name: 'End quarter' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
  });

  it('keeps the budget split at 100% when one share moves', async () => {
    const { onSubmit } = setup();
    const capabilities = screen.getByRole('spinbutton', { name: 'Capabilities share (%)' });
    await userEvent.clear(capabilities);
    await userEvent.type(capabilities, '70');
    await userEvent.tab();
    expect(screen.getByRole('slider', { name: 'Capabilities share' })).toHaveValue('70');
    await userEvent.click(screen.getByRole('button', { name: 'End quarter' }));
    const budget = onSubmit.mock.calls[0]?.[0].budget;
    if (!budget) throw new Error('no decision');
    expect(budget.capabilities).toBeCloseTo(0.7, 9);
    expect(BUDGET_LINES.reduce((s, l) => s + budget[l], 0)).toBeCloseTo(1, 9);
  });

  it('rescales the other shares the same way whether a slider steps with the arrow keys or a value is typed', async () => {
    const previous: LabDecision = {
      posture: 'pause',
      budget: { capabilities: 0.3, security: 0.25, deployment: 0.15, alignment: 0.15, evals: 0.15 },
      actions: [],
    };
    const shares = () =>
      BUDGET_LINES.map((line) =>
        Number(
          (
            screen.getByRole('spinbutton', {
              name: `${BUDGET_LABEL[line]} share (%)`,
            }) as HTMLInputElement
          ).value,
        ),
      );

    // Typed: Evals 15 → 30; the other 85 points become 70, in proportion.
    setup(pausingView(), previous);
    const typed = screen.getByRole('spinbutton', { name: 'Evals share (%)' });
    await userEvent.clear(typed);
    await userEvent.type(typed, '30');
    await userEvent.tab();
    expect(shares()).toEqual([25, 21, 12, 12, 30]);
    cleanup();

    // Fifteen presses of the right arrow on the Evals slider: one input event per step, as a
    // browser sends them. The result is the same as typing 30.
    setup(pausingView(), previous);
    const slider = screen.getByRole('slider', { name: 'Evals share' });
    for (let value = 16; value <= 30; value++) {
      await fireEvent.input(slider, { target: { value: String(value) } });
    }
    expect(shares()).toEqual([25, 21, 12, 12, 30]);
    // And back down to where it started: the others return to their own proportions.
    for (let value = 29; value >= 15; value--) {
      await fireEvent.input(slider, { target: { value: String(value) } });
    }
    expect(shares()).toEqual([30, 25, 15, 15, 15]);
  });

  it('turns the policy controls into actions', async () => {
    const state = playedGame(1);
    const view = labView(state, shortest, playerId(shortest));
    const { onSubmit } = setup(view);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Invite an external audit' }));
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Revise a threshold in your policy' }),
    );
    const threshold = screen.getByRole('spinbutton', { name: 'New threshold (%)' });
    await userEvent.clear(threshold);
    await userEvent.type(threshold, '90');
    await userEvent.tab();
    await userEvent.click(screen.getByRole('radio', { name: /Quietly/ }));
    await userEvent.click(screen.getByRole('button', { name: 'End quarter' }));
    const actions = onSubmit.mock.calls[0]?.[0].actions ?? [];
    expect(actions).toContainEqual({ kind: 'inviteAudit' });
    expect(actions).toContainEqual(
      expect.objectContaining({ kind: 'reviseThreshold', to: 0.9, publicly: false }),
    );
  });
});
