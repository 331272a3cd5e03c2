import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Term from '../../src/ui/common/Term.svelte';

describe('Term', () => {
  afterEach(() => vi.restoreAllMocks());

  it('opens on a click and stays open until a second click or Esc', async () => {
    render(Term, { label: 'sandbagging', definition: 'Underperforming on purpose.' });
    const word = screen.getByRole('button', { name: 'sandbagging' });
    const tip = screen.getByRole('tooltip', { hidden: true });
    await userEvent.click(word);
    expect(word).toHaveAttribute('aria-expanded', 'true');
    expect(tip).toHaveClass('open');
    await userEvent.unhover(word);
    expect(tip).toHaveClass('open');
    await userEvent.click(word);
    expect(word).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(word);
    await userEvent.keyboard('{Escape}');
    expect(word).toHaveAttribute('aria-expanded', 'false');
  });

  it('as an icon, is named after its word', () => {
    render(Term, { label: 'Quietly', definition: 'Without announcing it.', variant: 'icon' });
    expect(
      screen.getByRole('button', { name: 'What “Quietly” means' }),
    ).toHaveAccessibleDescription('Without announcing it.');
  });

  it('reports itself when placed inside a label, where it would swallow the label’s clicks', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const label = document.createElement('label');
    document.body.append(label);
    render(Term, {
      target: label,
      props: { label: 'Quietly', definition: 'Without announcing it.' },
    });
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/inside a <label>/));
    label.remove();
  });
});
