import { revealedGame, type FinishedGame } from '../../src/presentation/revealed';
import type { GameState } from '../../src/engine/types';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { buildDebrief } from '../../src/presentation/debrief/debrief';
import DebriefScreen from '../../src/ui/debrief/DebriefScreen.svelte';
import { finishedGame, playerId, shortest } from './helpers';

const id = playerId(shortest);

/** The finished game's reveal (a game still playing has none). */
function revealed(game: GameState): FinishedGame {
  const r = revealedGame(game);
  if (!r) throw new Error('the game is not over');
  return r;
}

describe('DebriefScreen', () => {
  it('shows the outcome, the truth, commitments, rivals and questions drawn from the game', async () => {
    const game = finishedGame();
    const debrief = buildDebrief(shortest, game, [id]);
    render(DebriefScreen, {
      scenario: shortest,
      revealed: revealed(game),
      labId: id,
      onRewind: vi.fn(),
      onNewGame: vi.fn(),
      onExport: vi.fn(),
    });
    expect(
      screen.getByRole('heading', { level: 1, name: debrief.outcome.title }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByText('Show the data as a table'));
    expect(
      await screen.findByRole('columnheader', { name: /true capability/i }),
    ).toBeInTheDocument();
    // The sections below the chart follow a frame later.
    expect(
      await screen.findByRole('heading', { name: 'Commitments kept, revised, broken' }),
    ).toBeInTheDocument();
    for (const r of debrief.rivals) expect(screen.getAllByText(r.name).length).toBeGreaterThan(0);
    for (const q of debrief.questions) expect(screen.getByText(q)).toBeInTheDocument();
  });

  it('rewinds to a chosen quarter and exports', async () => {
    const onRewind = vi.fn();
    const onExport = vi.fn();
    render(DebriefScreen, {
      scenario: shortest,
      revealed: revealed(finishedGame()),
      labId: id,
      onRewind,
      onNewGame: vi.fn(),
      onExport,
    });
    await userEvent.selectOptions(
      await screen.findByRole('combobox', { name: /rewind to the start of/i }),
      '3',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Rewind to quarter 3' }));
    expect(onRewind).toHaveBeenCalledWith(3);
    await userEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await userEvent.click(screen.getByRole('button', { name: 'Export Markdown report' }));
    expect(onExport.mock.calls).toEqual([['json'], ['markdown']]);
  });
});
