import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { describeCommitment } from '../../src/engine/explain';
import { labView } from '../../src/engine/view';
import QuarterScreen from '../../src/ui/game/QuarterScreen.svelte';
import { playedGame, playerId, shortest } from './helpers';

const id = playerId(shortest);

describe('QuarterScreen', () => {
  it('opens on the briefing and reveals the evals and the decision step by step', async () => {
    const game = playedGame(2);
    const onContinue = vi.fn();
    const { rerender } = render(QuarterScreen, {
      scenario: shortest,
      game,
      labId: id,
      phase: 'briefing',
      onContinue,
      onSubmit: vi.fn(),
    });
    expect(
      screen.getByRole('heading', { level: 1, name: `Quarter 3 of ${shortest.rounds}` }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Briefing' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'End quarter' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'See your eval results' }));
    expect(onContinue).toHaveBeenCalled();

    await rerender({ phase: 'evaluation' });
    const statement = describeCommitment(shortest, labView(game, shortest, id));
    expect(screen.getByText(statement.headline)).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: 'Security' })).toBeInTheDocument();

    await rerender({ phase: 'decisions' });
    expect(screen.getByRole('button', { name: 'End quarter' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
  });

  it('never shows the hidden true capability during play', () => {
    const game = playedGame(3);
    render(QuarterScreen, {
      scenario: shortest,
      game,
      labId: id,
      phase: 'decisions',
      onContinue: vi.fn(),
      onSubmit: vi.fn(),
    });
    // No truth series, legend entry or table column (explanations may mention that it exists).
    expect(screen.queryByText('True', { exact: true })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: /true capability/i })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: /risk \(true\)/i })).toBeNull();
  });
});
