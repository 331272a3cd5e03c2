// The facilitator's injects in words: what each kind of effect is called in the inject form's
// picker, and one line saying what a fired event does (the console's list, the after-action
// report, its Markdown). The engine (src/engine/workshop/injects.ts) checks and plays injects.

import type { EventEffect, RegulationLevel, Scenario } from '../../engine/types';
import type { EffectKind } from '../../engine/workshop/injects';

/** What each kind of effect does, for the form's picker. */
export const EFFECT_LABEL: Record<EffectKind, string> = {
  news: 'News only (no effect on the game)',
  trust: 'Public trust changes',
  breakthrough: 'Capability breakthrough',
  weightsStolen: 'A lab’s model weights are stolen',
  whistleblower: 'A whistleblower speaks out',
  regulation: 'The regulator acts',
  budget: 'A lab’s budget changes',
  boardPressure: 'A board pushes harder (or eases off)',
  safeguards: 'A lab’s safeguards change',
  audit: 'A third-party audit',
};

/** One line about what an event does, for lists ("Weights stolen: Corvid"). */
export function describeEffect(effect: EventEffect, scenario: Scenario): string {
  const lab = (id: string) =>
    id === 'all'
      ? 'every lab'
      : id === 'any'
        ? 'the lab with most to hide'
        : (scenario.labs.find((l) => l.id === id)?.name ?? id);
  const signed = (x: number) => (x > 0 ? `+${x}` : String(x));
  switch (effect.kind) {
    case 'news':
      return 'News only';
    case 'trust':
      return `Public trust ${signed(effect.delta)}`;
    case 'breakthrough':
      return `Breakthrough for ${lab(effect.lab)}: ${scenario.domains.find((d) => d.id === effect.domain)?.name ?? effect.domain} ${signed(effect.delta)}`;
    case 'weightsStolen':
      return `Weights stolen from ${lab(effect.lab)}`;
    case 'whistleblower':
      return `Whistleblower at ${lab(effect.lab)}`;
    case 'regulation':
      return `Regulation moves to level ${effect.level satisfies RegulationLevel}`;
    case 'budget':
      return `Budget ${signed(effect.delta)} for ${lab(effect.lab)}`;
    case 'boardPressure':
      return `Board pressure ${signed(effect.delta)} for ${lab(effect.lab)}`;
    case 'safeguards':
      return `${effect.track} safeguards ${signed(effect.delta)} for ${lab(effect.lab)}`;
    case 'audit':
      return `Audit of ${lab(effect.lab)}`;
  }
}
