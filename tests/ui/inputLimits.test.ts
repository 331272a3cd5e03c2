// Form limits that agree with the validator (issue 17, item 16): the scenario loader refuses a
// file by the one shared size limit, and the inject form takes no more than a headline may hold.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES } from '../../src/engine/scenario/input';
import { LIMITS } from '../../src/engine/scenario/schema';
import ScenarioLoader from '../../src/ui/start/ScenarioLoader.svelte';
import InjectPanel from '../../src/ui/workshop/InjectPanel.svelte';
import { shortest } from './helpers';

describe('limits in the forms', () => {
  it('the scenario loader refuses a file over the shared limit, naming the limit', async () => {
    render(ScenarioLoader, { onLoad: () => undefined });
    const big = new File(['{', ' '.repeat(MAX_SCENARIO_BYTES), '}'], 'big.json', {
      type: 'application/json',
    });
    await userEvent.upload(screen.getByLabelText(/choose a scenario file/i), big);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /too large to be a scenario \(1(\.0)? MB; the limit is 1 MB\)/,
    );
  });

  it('a live inject’s headline takes at most as many characters as the validator allows', async () => {
    render(InjectPanel, {
      scenario: shortest,
      round: 1,
      fired: [],
      canFire: true,
      onFire: () => true,
    });
    const headline = screen.getByRole('textbox', { name: 'Headline' });
    await userEvent.type(headline, 'x'.repeat(LIMITS.shortText + 20));
    expect((headline as HTMLInputElement).value).toHaveLength(LIMITS.shortText);
  });
});
