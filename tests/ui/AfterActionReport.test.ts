// The printable after-action report takes a view built from a RevealedGame: a finished game, or
// a session its facilitator ended early. A game still being played cannot reach it (the last
// test is checked by the type checker: `npm run check` fails if an @ts-expect-error goes unused).
import { render, screen, within } from '@testing-library/svelte';
import type { ComponentProps } from 'svelte';
import { describe, expect, it } from 'vitest';
import { revealGame, revealedGame } from '../../src/presentation/revealed';
import { afterAction, type AfterAction } from '../../src/presentation/workshop/afterAction';
import AfterActionReport from '../../src/ui/workshop/AfterActionReport.svelte';
import { shortest } from './helpers';
import { playedWorkshop } from './workshopGames';

function show(report: AfterAction, meta = playedWorkshop(1).meta) {
  render(AfterActionReport, { scenario: shortest, report, meta });
  return screen.getByRole('article', { name: shortest.title });
}

describe('AfterActionReport', () => {
  it('reports a finished game: its outcome, each team’s quarters and the table’s commitments', () => {
    const { setup, meta, game } = playedWorkshop(shortest.rounds);
    const revealed = revealedGame(game);
    if (!revealed) throw new Error('the game should be over');
    const report = afterAction(revealed, setup, meta);
    const article = show(report, meta);
    expect(
      within(article).getByRole('heading', { name: `Outcome: ${report.debrief.outcome.title}` }),
    ).toBeInTheDocument();
    expect(within(article).getByRole('heading', { name: /^Amber — / })).toBeInTheDocument();
    expect(within(article).getByRole('heading', { name: /^Blue — / })).toBeInTheDocument();
    expect(
      within(article).getByRole('heading', { name: 'Missed crossings (the truth the evals hid)' }),
    ).toBeInTheDocument();
    expect(within(article).getByRole('cell', { name: /We keep each other honest/ })).toBeVisible();
    expect(within(article).queryByRole('heading', { name: 'Cut short' })).toBeNull();
  });

  it('reports a session ended early as such: the quarters played, no outcome claimed', () => {
    const { setup, meta, game } = playedWorkshop(3);
    expect(game.outcome).toBeNull();
    const revealed = revealGame(game, { endedEarly: true });
    if (!revealed) throw new Error('an ended session has its reveal');
    expect(revealed.ending).toBe('endedEarly');
    const article = show(afterAction(revealed, setup, meta), meta);
    expect(
      within(article).getByRole('heading', {
        name: 'Outcome: Ended by the facilitator after 3 quarters',
      }),
    ).toBeInTheDocument();
    const cut = within(article).getByRole('heading', { name: 'Cut short' }).closest('section');
    expect(cut).toHaveTextContent(
      'The facilitator ended the session after quarter 3 of the ' +
        `${shortest.rounds} quarters planned, before the game was over.`,
    );
    // The three quarters played, each team's rows revealed.
    const amber = within(article)
      .getByRole('heading', { name: /^Amber — / })
      .closest('section');
    expect(within(amber as HTMLElement).getAllByRole('row')).toHaveLength(1 + 3);
  });

  it('has no reveal for a game still being played, and cannot be handed one', () => {
    const { setup, meta, game: running } = playedWorkshop(3);
    expect(revealedGame(running)).toBeNull();
    expect(revealGame(running, { endedEarly: false })).toBeNull();
    const typeChecks = () => {
      // @ts-expect-error: a game still being played is not a RevealedGame.
      afterAction(running, setup, meta);
      // @ts-expect-error: nor can one be made by hand, even with an ending.
      const forged: ComponentProps<typeof AfterActionReport>['report']['revealed'] = {
        ending: 'endedEarly',
        game: running,
      };
      return forged;
    };
    void typeChecks;
  });
});
