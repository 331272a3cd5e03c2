import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { GameSetup } from '../../src/engine/machines/gameMachine';
import { shippedScenarios } from '../support/shippedScenarios';
import StartScreen from '../../src/ui/start/StartScreen.svelte';
import { shortest } from './helpers';

function file(name: string, text: string): File {
  return new File([text], name, { type: 'application/json' });
}

describe('StartScreen', () => {
  it('lists every shipped scenario with its pitch, length and difficulty', () => {
    render(StartScreen, { scenarios: shippedScenarios, onStart: vi.fn() });
    expect(shippedScenarios.length).toBeGreaterThan(0);
    for (const s of shippedScenarios) {
      const radio = screen.getByRole('radio', { name: new RegExp(escape(s.title)) });
      expect(radio).toBeInTheDocument();
      const card = radio.closest('label') as HTMLElement;
      expect(within(card).getByText(s.pitch)).toBeInTheDocument();
      expect(within(card).getByText(`${s.rounds} quarters`)).toBeInTheDocument();
    }
    // The first scenario is selected, so one click starts a game.
    expect(screen.getAllByRole('radio')[0]).toBeChecked();
  });

  it('starts with the chosen scenario, lab name, rivals and seed', async () => {
    const onStart = vi.fn<(setup: GameSetup) => void>();
    render(StartScreen, { scenarios: shippedScenarios, onStart });
    await userEvent.click(screen.getByRole('radio', { name: new RegExp(escape(shortest.title)) }));
    const name = screen.getByRole('textbox', { name: /your lab’s name/i });
    await userEvent.clear(name);
    await userEvent.type(name, 'Test Lab');
    const rival = shortest.labs.find((l) => l.role !== 'player');
    if (!rival) throw new Error('no rival');
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: rival.name }),
      'open-weights',
    );
    await userEvent.type(screen.getByRole('textbox', { name: /seed/i }), '1234');
    await userEvent.click(screen.getByRole('button', { name: 'Start game' }));
    expect(onStart).toHaveBeenCalledTimes(1);
    const setup = onStart.mock.calls[0]?.[0] as GameSetup;
    expect(setup.seed).toBe(1234);
    const player = shortest.labs.find((l) => l.role === 'player');
    expect(setup.humans).toEqual([player?.id]);
    expect(setup.scenario.labs.find((l) => l.id === player?.id)?.name).toBe('Test Lab');
    expect(setup.scenario.labs.find((l) => l.id === rival.id)?.strategy).toBe('open-weights');
    // The shipped scenario itself is untouched.
    expect(shortest.labs.find((l) => l.id === rival.id)?.strategy).not.toBe('open-weights');
  });

  it('lets the player choose the policy its lab plays under, where a scenario has several', async () => {
    const onStart = vi.fn<(setup: GameSetup) => void>();
    render(StartScreen, { scenarios: shippedScenarios, onStart });
    // A scenario with one policy offers no choice.
    await userEvent.click(screen.getByRole('radio', { name: new RegExp(escape(shortest.title)) }));
    expect(screen.queryByRole('combobox', { name: 'Your policy' })).toBeNull();
    const both = shippedScenarios.find((s) => s.id === 'rsp-v2-vs-v3');
    if (!both) throw new Error('rsp-v2-vs-v3 is not shipped');
    await userEvent.click(screen.getByRole('radio', { name: new RegExp(escape(both.title)) }));
    const choice = screen.getByRole('combobox', { name: 'Your policy' });
    expect(choice).toHaveValue('rsp-v2-2');
    await userEvent.selectOptions(choice, 'rsp-v3-0');
    expect(choice).toHaveAccessibleDescription(/delays training only if it judges itself ahead/);
    await userEvent.click(screen.getByRole('button', { name: 'Start game' }));
    const setup = onStart.mock.calls[0]?.[0] as GameSetup;
    const player = setup.scenario.labs.find((l) => l.role === 'player');
    expect(player?.policy.use).toBe('rsp-v3-0');
    expect(both.labs.find((l) => l.role === 'player')?.policy.use).toBe('rsp-v2-2');
  });

  it('shows the validator’s located messages for a bad scenario file and keeps the selection', async () => {
    render(StartScreen, { scenarios: shippedScenarios, onStart: vi.fn() });
    const selected = screen.getAllByRole('radio').find((r) => (r as HTMLInputElement).checked);
    const input = screen.getByLabelText('Choose a scenario file…');
    await userEvent.upload(input, file('broken.json', '{\n  "id": "x",\n  "rounds": "many"\n}'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“broken.json” is not a scenario');
    expect(alert).toHaveTextContent(/rounds \(line 3\)/);
    expect(selected).toBeChecked();
  });

  it('loads a good scenario file dropped on the page and selects it', async () => {
    render(StartScreen, { scenarios: shippedScenarios, onStart: vi.fn() });
    const custom = { ...shortest, id: 'my-own', title: 'My own scenario' };
    const zone = screen.getByRole('group', { name: 'Your own scenario' });
    await fireEvent.drop(zone, {
      dataTransfer: { files: [file('mine.json', JSON.stringify(custom))] },
    });
    const radio = await screen.findByRole('radio', { name: /My own scenario/ });
    expect(radio).toBeChecked();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
