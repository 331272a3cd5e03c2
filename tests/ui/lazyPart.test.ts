// The workshop's parts fetched when shown (LazyPart): loading, shown, and a fetch that fails.
import { render, screen, waitFor } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import LazyPart from '../../src/ui/common/LazyPart.svelte';

// The part's module default here is a word; a real part's is a component.
const named = createRawSnippet((view: () => unknown) => ({
  render: () => `<p>The ${String(view())} is here</p>`,
}));

describe('LazyPart', () => {
  it('says it is loading, then shows the part and reports it shown', async () => {
    let arrive: (module: { default: string }) => void = () => {};
    const onShown = vi.fn();
    render(LazyPart, {
      load: () => new Promise((resolve) => (arrive = resolve)),
      what: 'the inject panel',
      children: named,
      onShown,
    });
    expect(screen.getByRole('status')).toHaveTextContent('Loading the inject panel…');
    expect(onShown).not.toHaveBeenCalled();
    arrive({ default: 'panel' });
    expect(await screen.findByText('The panel is here')).toBeInTheDocument();
    await waitFor(() => expect(onShown).toHaveBeenCalledOnce());
  });

  it('says what could not be loaded, and what to do, when the fetch fails', async () => {
    const failed = createRawSnippet(() => ({
      render: () => '<button type="button">Back to the console</button>',
    }));
    render(LazyPart, {
      load: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
      what: 'the public view',
      children: named,
      failed,
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The public view could not be loaded. Check the connection and reload the page',
    );
    expect(screen.getByRole('button', { name: 'Back to the console' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
