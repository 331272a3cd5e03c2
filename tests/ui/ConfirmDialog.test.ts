import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import ConfirmDialog from '../../src/ui/common/ConfirmDialog.svelte';

function setup() {
  const onConfirm = vi.fn();
  render(ConfirmDialog, {
    open: true,
    title: 'Undo the last resolution?',
    keepLabel: 'Keep the results',
    confirmLabel: 'Undo the resolution',
    onConfirm,
    children: createRawSnippet(() => ({ render: () => '<p>The game goes back.</p>' })),
  });
  return { onConfirm };
}

describe('ConfirmDialog', () => {
  it('focuses the safe choice, which closes it without going ahead', async () => {
    const { onConfirm } = setup();
    const dialog = screen.getByRole('dialog', { name: 'Undo the last resolution?' });
    expect(dialog).toHaveTextContent('The game goes back.');
    const keep = screen.getByRole('button', { name: 'Keep the results' });
    expect(keep).toHaveFocus();
    await userEvent.click(keep);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('closes on Esc without going ahead', async () => {
    const { onConfirm } = setup();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('goes ahead once, and closes', async () => {
    const { onConfirm } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Undo the resolution' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
