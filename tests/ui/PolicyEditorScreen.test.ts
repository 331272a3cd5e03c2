// The policy editor screen: start from a shipped policy, keep the draft across a reload, undo,
// load a file (errors named, nothing changed), and play under the policy.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { labPolicy } from '../../src/engine/policies';
import type { GameSetup } from '../../src/engine/machines/gameMachine';
import { policyFileText } from '../../src/engine/scenario/policyFile';
import { validateScenarioValue } from '../../src/engine/scenario/validate';
import type { PolicySpec } from '../../src/engine/types';
import { POLICY_DRAFT_KEY } from '../../src/lib/policyDraft';
import PolicyEditorScreen from '../../src/ui/policy/PolicyEditorScreen.svelte';
import { shippedScenarios } from '../support/shippedScenarios';
import { MemoryStorage } from './helpers';

const scenario = shippedScenarios.find((s) => s.id === 'rsp-v2-vs-v3');
const v3 = scenario?.policies.find((p) => p.id === 'rsp-v3-0') as PolicySpec;

function open(storage = new MemoryStorage(), onPlay = vi.fn<(setup: GameSetup) => void>()) {
  const view = render(PolicyEditorScreen, {
    scenarios: shippedScenarios,
    storage,
    onPlay,
    today: () => '2026-12-07',
  });
  return { ...view, storage, onPlay };
}

async function startFromV3() {
  await userEvent.selectOptions(
    screen.getByRole('combobox', { name: 'Start from' }),
    screen.getByRole('option', { name: /^Anthropic RSP v3\.0/ }),
  );
  await userEvent.click(screen.getByRole('button', { name: 'Start from this' }));
}

const nameBox = () => screen.getByRole('textbox', { name: 'Name' });

describe('PolicyEditorScreen', () => {
  it('starts from RSP v3.0 in its scenario, and plays solo under the edited policy', async () => {
    const { onPlay } = open();
    await startFromV3();
    expect(screen.getByRole('combobox', { name: 'Scenario to play it in' })).toHaveValue(
      scenario?.id,
    );
    expect(nameBox()).toHaveValue(v3.name);
    await userEvent.clear(nameBox());
    await userEvent.type(nameBox(), 'Our RSP');
    await userEvent.click(screen.getByRole('button', { name: 'Play solo under this policy' }));
    expect(onPlay).toHaveBeenCalledTimes(1);
    const setup = onPlay.mock.calls[0]?.[0] as GameSetup;
    const player = setup.humans[0] as string;
    const played = labPolicy(setup.scenario, player).policy;
    expect(played.name).toBe('Our RSP');
    expect(played.levels).toEqual(v3.levels);
    // Its own id, so that a rival on RSP v3.0 would keep the real one; rivals keep theirs.
    expect(played.id).not.toBe(v3.id);
    for (const rival of setup.scenario.labs.filter((l) => l.id !== player)) {
      expect(labPolicy(setup.scenario, rival.id).policy).toEqual(
        labPolicy(scenario as NonNullable<typeof scenario>, rival.id).policy,
      );
    }
    expect(validateScenarioValue(setup.scenario).ok).toBe(true);
  });

  it('keeps the draft across a reload, and undo takes back the last change', async () => {
    const first = open();
    await startFromV3();
    await userEvent.clear(nameBox());
    await userEvent.type(nameBox(), 'Draft policy');
    first.unmount();
    expect(first.storage.getItem(POLICY_DRAFT_KEY)).toContain('Draft policy');

    open(first.storage);
    expect(nameBox()).toHaveValue('Draft policy');
    expect(screen.getByText('Your policy was kept')).toBeInTheDocument();
    // Typing in one field was one step; undo restores the name RSP v3.0 had.
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(nameBox()).toHaveValue(v3.name);
  });

  it('refuses a bad policy file with its problems named, and changes nothing', async () => {
    open();
    await startFromV3();
    const bad = policyFileText({ ...v3, evaluation: { ...v3.evaluation, cadence: 12 } });
    await userEvent.upload(
      screen.getByLabelText('Load a policy file…'),
      new File([bad], 'ours.policy.json', { type: 'application/json' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“ours.policy.json” is not a policy this editor can load');
    expect(
      within(alert).getByText(
        /^policy\.evaluation\.cadence \(line \d+\): expected a whole number from 1 to 8, got 12$/,
      ),
    ).toBeInTheDocument();
    expect(nameBox()).toHaveValue(v3.name);
  });

  it('loads a good policy file into the form', async () => {
    open();
    await startFromV3();
    const good = policyFileText({ ...v3, name: 'From a file' });
    await userEvent.upload(
      screen.getByLabelText('Load a policy file…'),
      new File([good], 'ours.policy.json', { type: 'application/json' }),
    );
    await screen.findByText('Loaded “ours.policy.json”');
    expect(nameBox()).toHaveValue('From a file');
  });

  it('will not play or save a policy with problems, and says why', async () => {
    open();
    await startFromV3();
    await userEvent.clear(nameBox());
    expect(screen.getByRole('button', { name: 'Play solo under this policy' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save as a file' })).toHaveAccessibleDescription(
      /Fix the problems listed above the form/,
    );
  });
});
