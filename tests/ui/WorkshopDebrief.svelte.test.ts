// The facilitator's debrief takes the room's controller for its actions and the game's reveal for
// everything it shows of the game (src/presentation/revealed.ts).
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/lib/persistence';
import { makeWorkshopSave, WORKSHOP_KEY } from '../../src/lib/workshopSession';
import { revealedGame } from '../../src/presentation/revealed';
import { createWorkshop } from '../../src/ui/workshop/controller.svelte';
import WorkshopDebrief from '../../src/ui/workshop/WorkshopDebrief.svelte';
import { MemoryStorage, shortest } from './helpers';
import { playedWorkshop } from './workshopGames';

let cleanup = () => {};
afterEach(() => cleanup());

/** The controller of a workshop reopened from storage, as Workshop.svelte makes it. */
async function controllerOf(quarters: number) {
  const { setup, log, meta } = playedWorkshop(quarters);
  const storage = new MemoryStorage();
  createStore(storage).save(WORKSHOP_KEY, makeWorkshopSave({ setup, log, pending: {}, meta }));
  const made: { w?: ReturnType<typeof createWorkshop> } = {};
  cleanup = $effect.root(() => {
    made.w = createWorkshop({ scenarios: [shortest], storage, channel: null, room: 'test-room' });
  });
  if (!made.w) throw new Error('no controller');
  // Resuming fetches the session reader first (src/lib/workshopFile/sessionReader.ts).
  await made.w.init();
  return { w: made.w, storage };
}

describe('WorkshopDebrief', () => {
  it('shows the revealed game: every team’s path, the verdicts to give, the report', async () => {
    const { w } = await controllerOf(shortest.rounds);
    const revealed = w.game ? revealedGame(w.game) : null;
    if (!revealed) throw new Error('the game should be over');
    render(WorkshopDebrief, { w, revealed });

    expect(
      screen.getByRole('heading', { name: 'Every team’s path, with the truth revealed' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('article', { name: /^Amber · / })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: /^Blue · / })).toBeInTheDocument();
    const actions = screen.getByRole('group', { name: 'After-action report' });
    expect(
      within(actions).getByRole('button', { name: 'Download the report (Markdown)' }),
    ).toBeEnabled();

    // The after-action report is fetched when asked for (ReportOnRequest.svelte).
    await userEvent.click(screen.getByRole('button', { name: 'Show the after-action report' }));
    const report = await screen.findByRole('article', { name: shortest.title });
    const verdict = screen.getByRole('group', {
      name: 'Your verdict on “We keep each other honest”',
    });
    await userEvent.click(within(verdict).getByRole('radio', { name: 'Broken' }));
    expect(within(report).getByText('Broken (facilitator)')).toBeInTheDocument();
  });

  it('takes a RevealedGame, not the game the controller holds', async () => {
    const { w } = await controllerOf(2);
    expect(w.game?.outcome).toBeNull();
    const typeChecks = (game: NonNullable<typeof w.game>) => {
      // @ts-expect-error: a game (here one still being played) is not its reveal.
      const props: ComponentProps<typeof WorkshopDebrief> = { w, revealed: game };
      return props;
    };
    void typeChecks;
    expect(w.game ? revealedGame(w.game) : null).toBeNull();
  });
});
