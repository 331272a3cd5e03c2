// The facilitator's injects in words (src/presentation/workshop/injectWords.ts).
import { describe, expect, it } from 'vitest';
import { EFFECT_KINDS } from '../../../src/engine/workshop/injects';
import { describeEffect, EFFECT_LABEL } from '../../../src/presentation/workshop/injectWords';
import { BOT, SCENARIO } from '../../engine/workshop/helpers';

describe('injects in words', () => {
  it('describe their effect in one line', () => {
    expect(describeEffect({ kind: 'weightsStolen', lab: BOT }, SCENARIO)).toBe(
      'Weights stolen from Halcyon Systems',
    );
    expect(describeEffect({ kind: 'trust', delta: -0.1 }, SCENARIO)).toBe('Public trust -0.1');
    expect(describeEffect({ kind: 'whistleblower', lab: 'any' }, SCENARIO)).toBe(
      'Whistleblower at the lab with most to hide',
    );
  });

  it('name every kind of effect in the form’s picker, each differently', () => {
    const labels = EFFECT_KINDS.map((k) => EFFECT_LABEL[k]);
    expect(labels.every((l) => l.length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(EFFECT_KINDS.length);
  });
});
