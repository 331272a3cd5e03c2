import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { describeCommitment } from '../../src/presentation/explain';
import { labView } from '../../src/engine/view';
import { playViewOf } from '../../src/presentation/playView';
import QuarterScreen from '../../src/ui/game/QuarterScreen.svelte';
import TeamTurn from '../../src/ui/workshop/TeamTurn.svelte';
import { playedGame, playerId, shortest } from './helpers';

const id = playerId(shortest);

describe('QuarterScreen', () => {
  it('opens on the briefing and reveals the evals and the decision step by step', async () => {
    const game = playedGame(2);
    const onContinue = vi.fn();
    const { rerender } = render(QuarterScreen, {
      scenario: shortest,
      play: playViewOf(game, shortest, id),
      onDomainChange: vi.fn(),
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
      play: playViewOf(game, shortest, id),
      onDomainChange: vi.fn(),
      phase: 'decisions',
      onContinue: vi.fn(),
      onSubmit: vi.fn(),
    });
    // No truth series, legend entry or table column (explanations may mention that it exists).
    expect(screen.queryByText('True', { exact: true })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: /true capability/i })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: /risk \(true\)/i })).toBeNull();
  });

  it('announces the quarter just played when the next one comes in', async () => {
    const props = {
      scenario: shortest,
      onDomainChange: vi.fn(),
      phase: 'decisions' as const,
      onContinue: vi.fn(),
      onSubmit: vi.fn(),
    };
    const { rerender } = render(QuarterScreen, {
      ...props,
      play: playViewOf(playedGame(1), shortest, id),
    });
    const status = screen.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent(/^Quarter 1 ended for /));

    const next = playedGame(2);
    await rerender({ play: playViewOf(next, shortest, id), phase: 'briefing' });
    expect(status).toHaveTextContent(/^Quarter 2 ended for .+\. Your move: Restrict\./);
    expect(status).toHaveTextContent(/Quarter 3 begins: .+ market share \d+%\./);
    expect(status).toHaveTextContent(/(No incident at your lab|At your lab: )/);
  });

  it('says nothing before the first quarter has been played', async () => {
    // Fake timers run the delayed opening announcement to completion instead of sleeping past
    // it; the quarter-1 screen, opened the same way, shows that the timer does announce.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const opened = (played: number) =>
        render(QuarterScreen, {
          scenario: shortest,
          play: playViewOf(playedGame(played), shortest, id),
          onDomainChange: vi.fn(),
          phase: 'briefing',
          onContinue: vi.fn(),
          onSubmit: vi.fn(),
        });
      const afterOne = opened(1);
      await vi.runAllTimersAsync();
      expect(screen.getByRole('status')).toHaveTextContent(/^Quarter 1 ended for /);
      afterOne.unmount();

      opened(0);
      await vi.runAllTimersAsync();
      expect(screen.getByRole('status')).toHaveTextContent('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('announces a workshop team’s results when its turn opens', async () => {
    const game = playedGame(2);
    render(TeamTurn, {
      scenario: shortest,
      viewOf: (domain) => playViewOf(game, shortest, id, { domain }),
      team: { lab: id, name: 'Team Amber' },
      timer: null,
      onLockIn: vi.fn(),
      onStepAway: vi.fn(),
    });
    const lab = game.labs.find((l) => l.id === id)?.name ?? '';
    // Empty when the turn opens, so that screen readers notice the text when it comes.
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('');
    await waitFor(() => expect(status).toHaveTextContent(`Quarter 2 ended for ${lab}.`));
    expect(status).toHaveTextContent(/Your move: Restrict\./);
  });
});
