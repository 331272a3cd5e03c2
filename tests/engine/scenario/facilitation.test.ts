// The optional facilitation block: checked like the rest of a scenario, and written for every
// shipped scenario (the printed facilitator notes are made from it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keepEvents } from '../../../src/engine/scenario/keepEvents';
import { validateScenarioValue } from '../../../src/engine/scenario/validate';
import type { Scenario } from '../../../src/engine/types';
import { shippedFiles } from './helpers';

const read = (file: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../scenarios/${file}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

describe('facilitation', () => {
  it('is written for every shipped scenario, last in the file, with a note for each event', () => {
    for (const [file, text] of shippedFiles()) {
      const value = JSON.parse(text) as Record<string, unknown>;
      expect(Object.keys(value).at(-1), file).toBe('facilitation');
      const result = validateScenarioValue(value);
      expect(result.ok, file).toBe(true);
      if (!result.ok) continue;
      const f = result.scenario.facilitation;
      expect(f?.learningGoals.length, file).toBeGreaterThan(0);
      expect(
        f?.injectNotes.map((n) => n.event).sort((a, b) => a - b),
        file,
      ).toEqual(result.scenario.events.map((_, i) => i));
    }
  });

  it('refuses a note about an event that is not there, and a block missing a field', () => {
    const base = read('eval-blind-spot.json');
    const facilitation = base.facilitation as Record<string, unknown>;
    const bad = validateScenarioValue({
      ...base,
      facilitation: { ...facilitation, injectNotes: [{ event: 9, note: 'Fire it early.' }] },
    });
    expect(bad.ok ? [] : bad.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'facilitation.injectNotes[0].event: there is no event 9: "events" has 4 (numbered from 0)',
    ]);
    const missing = validateScenarioValue({ ...base, facilitation: { learningGoals: ['x'] } });
    expect(missing.ok).toBe(false);
    expect(validateScenarioValue({ ...base, facilitation: undefined }).ok).toBe(false);
    const without = Object.fromEntries(Object.entries(base).filter(([k]) => k !== 'facilitation'));
    expect(validateScenarioValue(without).ok).toBe(true);
  });

  it('follows its events when some are dropped (a shorter game), and the scenario stays valid', () => {
    const base = validateScenarioValue(read('eval-blind-spot.json'));
    if (!base.ok) throw new Error('not valid');
    const scenario: Scenario = base.scenario;
    const short = keepEvents({ ...scenario, rounds: 6 }, (e) => e.round <= 6);
    expect(short.events.map((e) => e.round)).toEqual([2, 5]);
    expect(short.facilitation?.injectNotes.map((n) => n.event)).toEqual([0, 1]);
    const later = keepEvents(scenario, (e) => e.round >= 5);
    expect(later.facilitation?.injectNotes.map((n) => n.note)).toEqual(
      scenario.facilitation?.injectNotes.slice(1).map((n) => n.note),
    );
    expect(validateScenarioValue(JSON.parse(JSON.stringify(later))).ok).toBe(true);
  });
});
