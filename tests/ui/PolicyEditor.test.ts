// The policy form, used as a user would: by role and name. Edits go out through onchange and come
// back as the new policy (the component is controlled, as the editor screen and a workshop use it).
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PolicySpec, Scenario } from '../../src/engine/types';
import PolicyEditor from '../../src/ui/policy/PolicyEditor.svelte';
import { shippedScenarios } from '../support/shippedScenarios';

const scenario = shippedScenarios.find((s) => s.id === 'rsp-v2-vs-v3') as Scenario;
const v3 = scenario.policies.find((p) => p.id === 'rsp-v3-0') as PolicySpec;
const firstDomain = scenario.domains.find((d) => v3.levels[0]?.thresholds[d.id] !== undefined);

function renderEditor(policy: PolicySpec = v3) {
  const changes: PolicySpec[] = [];
  const view = render(PolicyEditor, {
    scenario,
    policy,
    onchange: (next: PolicySpec) => {
      changes.push(next);
      void view.rerender({ policy: next });
    },
  });
  const current = () => changes.at(-1) ?? policy;
  return { ...view, changes, current };
}

const level = (name: string) => screen.getByRole('group', { name });
const thresholdBox = (levelName: string, domainName: string) =>
  within(within(level(levelName)).getByRole('group', { name: 'Thresholds' })).getByRole('textbox', {
    name: domainName,
  });

describe('PolicyEditor', () => {
  it('shows a wrong threshold next to its field, names it in the list, and clears when fixed', async () => {
    const { current } = renderEditor();
    const name = v3.levels[0]?.name as string;
    const box = thresholdBox(name, firstDomain?.name as string);
    expect(screen.getByRole('status')).toHaveTextContent(/No problems/);

    await userEvent.clear(box);
    await userEvent.type(box, '1.5');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription('expected a number between 0 and 1, got 1.5');
    const summary = screen.getByRole('status');
    expect(summary).toHaveTextContent('1 problem to fix');
    expect(summary).toHaveTextContent(
      `${name}” · Thresholds · ${firstDomain?.name}: expected a number between 0 and 1, got 1.5`,
    );

    await userEvent.clear(box);
    await userEvent.type(box, '0.45');
    expect(box).toHaveAttribute('aria-invalid', 'false');
    expect(box).not.toHaveAccessibleDescription();
    expect(screen.getByRole('status')).toHaveTextContent(/No problems/);
    expect(current().levels[0]?.thresholds[firstDomain?.id ?? 'cbrn']).toBe(0.45);
  });

  it('keeps what is typed on screen and says what is wrong with text that is no number', async () => {
    renderEditor();
    const cadence = screen.getByRole('textbox', { name: 'Quarters between evaluations' });
    await userEvent.clear(cadence);
    expect(cadence).toHaveAccessibleDescription(/^missing — expected a whole number from 1 to 8 /);
    await userEvent.type(cadence, 'two');
    expect(cadence).toHaveValue('two');
    expect(cadence).toHaveAccessibleDescription(/^expected a whole number from 1 to 8, got "two"/);
  });

  it('moves a level and names the ladder problem it makes; moving it back fixes it', async () => {
    const { current } = renderEditor();
    const [low, high] = v3.levels as [PolicySpec['levels'][0], PolicySpec['levels'][0]];
    await userEvent.click(screen.getByRole('button', { name: `Move ${high.name} lower` }));
    expect(
      current()
        .levels.map((l) => l.id)
        .slice(0, 2),
    ).toEqual([high.id, low.id]);
    expect(screen.getByRole('status')).toHaveTextContent(/levels are out of order/);
    // The keyboard stays with the level that moved.
    expect(screen.getByRole('button', { name: `Move ${high.name} higher` })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: `Move ${high.name} higher` }));
    expect(current().levels).toEqual(v3.levels);
    expect(screen.getByRole('status')).toHaveTextContent(/No problems/);
  });

  it('adds a level that keeps the ladder in order, and removes it', async () => {
    const { current } = renderEditor();
    await userEvent.click(screen.getByRole('button', { name: 'Add a level' }));
    expect(current().levels).toHaveLength(v3.levels.length + 1);
    expect(screen.getByRole('status')).toHaveTextContent(/No problems/);
    const added = current().levels.at(-1)?.name as string;
    await userEvent.click(screen.getByRole('button', { name: `Remove ${added}` }));
    expect(current().levels).toEqual(v3.levels);
  });

  it('edits the rules with labelled controls', async () => {
    const { current } = renderEditor();
    await userEvent.click(screen.getByRole('radio', { name: /^Pause/ }));
    expect(current().whenShort).toBe('pause');
    const binding = screen.getByRole('checkbox', { name: /^Binding/ });
    await userEvent.click(binding);
    expect(current().binding).toBe(!v3.binding);
    await userEvent.click(screen.getByRole('checkbox', { name: /^Competitor clause/ }));
    expect(current().competitorClause).toBe(!v3.competitorClause);
  });

  it('shows text from a file as text, never as markup', () => {
    const hostile = {
      ...v3,
      name: '<img src=x onerror="window.hacked=1">',
      levels: v3.levels.map((l, i) => (i === 0 ? { ...l, name: '<b>bold</b>' } : l)),
    };
    const { container } = renderEditor(hostile);
    expect(container.querySelector('img, b')).toBeNull();
    expect(screen.getByRole('group', { name: '<b>bold</b>' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue(hostile.name);
  });
});
