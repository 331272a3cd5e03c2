// A networked room's parts fetched on use (src/ui/room/RoomPart.svelte): "Loading …" while the
// part comes, the part once it is here, and — when the fetch fails, as on a venue's Wi-Fi — an
// alert with "Try again", which asks for the part once more.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import RoomPart from '../../src/ui/room/RoomPart.svelte';

// The part's module default here is a word; a real part's is a component.
const named = createRawSnippet((view: () => unknown) => ({
  render: () => `<h2>The ${String(view())} is here</h2>`,
}));

/** A load whose every call waits until the test settles it. */
function controlledLoad() {
  const calls: { arrive: (v: { default: string }) => void; fail: (e: Error) => void }[] = [];
  const load = () =>
    new Promise<{ default: string }>((arrive, fail) => calls.push({ arrive, fail }));
  return { load, calls };
}

describe('RoomPart', () => {
  it('says it is loading, then shows the part', async () => {
    const { load, calls } = controlledLoad();
    render(RoomPart, { load, what: 'your team’s screens', children: named });
    expect(screen.getByRole('status')).toHaveTextContent('Loading your team’s screens…');
    expect(screen.queryByRole('heading')).toBeNull();
    calls[0]?.arrive({ default: 'team screen' });
    expect(await screen.findByRole('heading', { name: 'The team screen is here' })).toBeVisible();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says what could not be loaded, and fetches it again on "Try again"', async () => {
    const { load, calls } = controlledLoad();
    render(RoomPart, { load, what: 'the projector’s view', children: named });
    calls[0]?.fail(new TypeError('Failed to fetch dynamically imported module'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The projector’s view could not be loaded. Check the connection',
    );
    expect(calls).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(calls).toHaveLength(2);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the projector’s view…');
    expect(screen.queryByRole('alert')).toBeNull();
    calls[1]?.arrive({ default: 'projector' });
    expect(await screen.findByRole('heading', { name: 'The projector is here' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});
