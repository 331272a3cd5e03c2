import { describe, expect, it } from 'vitest';
import {
  MAX_ISSUES,
  formatIssue,
  formatPath,
  parseScenario,
  parseScenarioFile,
  validateScenarioValue,
} from '../../../src/engine/scenario/validate';
import { BOT_TUNING_DOCS } from '../../../src/engine/bots/tuningDocs';
import { SCENARIO_IS_VALID_INPUT } from '../../../src/engine/scenario/schema';
import { errorsOf, fixture, issueAt, lineOf } from './helpers';

const valid = () => JSON.parse(fixture('valid-minimal.json')) as Record<string, unknown>;

describe('formatting', () => {
  it('formats paths the way authors read them', () => {
    expect(formatPath(['levels', 2, 'thresholds', 'cyber'])).toBe('levels[2].thresholds.cyber');
    expect(formatPath([])).toBe('(file)');
    expect(formatPath(['odd key'])).toBe('["odd key"]');
  });

  it('formats an issue with and without a line', () => {
    const issue = {
      path: 'rounds',
      line: 7,
      message: 'expected a whole number from 1 to 40, got 0',
    };
    expect(formatIssue(issue)).toBe('rounds (line 7): expected a whole number from 1 to 40, got 0');
    expect(formatIssue({ ...issue, line: null })).toBe(
      'rounds: expected a whole number from 1 to 40, got 0',
    );
  });
});

describe('parseScenario', () => {
  it('applies the documented defaults and drops "$schema"', () => {
    const value = valid();
    delete value.events;
    const result = parseScenario(JSON.stringify(value));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.events).toEqual([]);
    expect(result.scenario.dynamics).toEqual({});
    expect(result.scenario.information).toBe('announcements');
    expect(result.scenario.evaluation.safetyBuffer).toBe(0);
    expect('$schema' in result.scenario).toBe(false);
  });

  it('says what "$schema" should hold when it is not text', () => {
    const value = { ...valid(), $schema: 5 };
    const result = parseScenario(JSON.stringify(value, null, 2));
    expect(result.ok ? [] : result.errors.map(formatIssue)).toEqual([
      '$schema (line 2): expected the path of the JSON Schema as text (e.g. "./scenario.schema.json"), got 5',
    ]);
  });

  it('accepts a byte-order mark', () => {
    expect(parseScenario(`\uFEFF${fixture('valid-minimal.json')}`).ok).toBe(true);
  });

  it('reports a field given twice', () => {
    const text = fixture('valid-minimal.json').replace(
      '"rounds": 12,',
      '"rounds": 12,\n  "rounds": 14,',
    );
    expect(issueAt(parseScenario(text), 'rounds')).toEqual({
      path: 'rounds',
      line: 14,
      message: 'the field "rounds" appears twice in the same object — keep one',
    });
  });

  it('explains common JSON mistakes in plain words', () => {
    const text = fixture('valid-minimal.json');
    const single = errorsOf(parseScenario(text.replace('"rounds"', "'rounds'")));
    expect(single[0]?.message).toMatch(/need "double quotes", not 'single quotes'/);
    const bare = errorsOf(parseScenario(text.replace('"rounds"', 'rounds')));
    expect(bare[0]?.message).toMatch(/field names need "double quotes"/);
    const noComma = errorsOf(parseScenario(text.replace('"rounds": 12,', '"rounds": 12')));
    expect(noComma[0]?.message).toMatch(/expected a comma/);
    const leadingDot = errorsOf(parseScenario(text.replace('"noise": 0.03', '"noise": .03')));
    expect(leadingDot[0]?.message).toMatch(/leading zero, like 0\.5/);
  });

  it('caps a flood of problems', () => {
    const value = valid();
    value.levels = Array.from({ length: 10 }, () => ({ thresholds: { cbrn: 'x', cyber: 'y' } }));
    const errors = errorsOf(parseScenario(JSON.stringify(value, null, 2)));
    expect(errors).toHaveLength(MAX_ISSUES + 1);
    expect(errors.at(-1)?.message).toMatch(/^…and \d+ more problems; fix these first$/);
  });

  it('explains an object given as a list', () => {
    const value = valid();
    (value.labs as unknown[])[1] = ['not', 'a', 'lab'];
    expect(issueAt(parseScenario(JSON.stringify(value)), 'labs[1]').message).toBe(
      'expected an object {…}, got a list of 3',
    );
  });

  it('suggests domain ids for familiar words', () => {
    const value = valid();
    (value.levels as { thresholds: Record<string, number> }[])[0]!.thresholds.bio = 0.5;
    expect(issueAt(parseScenario(JSON.stringify(value)), 'levels[0].thresholds.bio').message).toBe(
      'unknown field "bio" — did you mean "cbrn"?',
    );
  });

  it('spots numbers and booleans written as text', () => {
    const value = valid();
    value.rounds = '12';
    (value.labs as { policy: Record<string, unknown> }[])[0]!.policy.binding = 'false';
    const result = parseScenario(JSON.stringify(value));
    expect(issueAt(result, 'rounds').message).toBe(
      'expected a whole number from 1 to 40, got "12" — remove the quotes',
    );
    expect(issueAt(result, 'labs[0].policy.binding').message).toBe(
      'expected true or false, got "false" — remove the quotes',
    );
  });

  it('requires exactly one player', () => {
    const value = valid();
    (value.labs as { role: string }[])[1]!.role = 'player';
    expect(issueAt(parseScenario(JSON.stringify(value)), 'labs[1].role').message).toMatch(
      /^expected exactly one lab with "role": "player", found 2/,
    );
  });

  it('only lets whistleblowers name "any" and only group effects name "all"', () => {
    const value = valid();
    const events = value.events as { effect: unknown }[];
    events[0]!.effect = { kind: 'audit', lab: 'all' };
    expect(issueAt(parseScenario(JSON.stringify(value)), 'events[0].effect.lab').message).toBe(
      '"all" is not a lab in this scenario — expected one of "home", "rival"',
    );
    events[0]!.effect = { kind: 'whistleblower', lab: 'any' };
    expect(parseScenario(JSON.stringify(value)).ok).toBe(true);
  });

  it('accepts the new strategies, a partial bot tuning and a pause quarter', () => {
    const value = valid();
    const labs = value.labs as Record<string, unknown>[];
    labs[0]!.strategy = 'competitor-clause';
    labs[1]!.strategy = 'conditional-delayer';
    labs[1]!.bot = { needWeight: 3, capabilityShare: 0.6 };
    labs[1]!.pauseFrom = 6;
    const result = parseScenario(JSON.stringify(value));
    expect(result.ok ? [] : result.errors.map(formatIssue)).toEqual([]);
    if (!result.ok) return;
    expect(result.scenario.labs[1]?.bot).toEqual({ needWeight: 3, capabilityShare: 0.6 });
    expect(result.scenario.labs[1]?.pauseFrom).toBe(6);
    expect(result.scenario.labs[0]?.bot).toBeUndefined();
    expect(result.scenario.labs[0]?.pauseFrom).toBeUndefined();
  });

  it('says which bot number is out of range, where, and what the range is', () => {
    const value = valid();
    (value.labs as Record<string, unknown>[])[1]!.bot = { needWeight: 11, upkeep: 0.1 };
    const text = JSON.stringify(value, null, 2);
    const result = parseScenario(text);
    expect(errorsOf(result)).toHaveLength(1);
    expect(issueAt(result, 'labs[1].bot.needWeight')).toEqual({
      path: 'labs[1].bot.needWeight',
      line: lineOf(text, '"needWeight"'),
      message: 'expected a number between 0 and 10, got 11',
    });
  });

  it('checks every bot number against its documented range', () => {
    for (const [key, doc] of Object.entries(BOT_TUNING_DOCS)) {
      for (const [given, ok] of [
        [doc.min, true],
        [doc.max, true],
        [doc.min - 0.01, false],
        [doc.max + 0.01, false],
      ] as const) {
        const value = valid();
        (value.labs as Record<string, unknown>[])[0]!.bot = { [key]: given };
        const result = parseScenario(JSON.stringify(value));
        expect(result.ok, `${key} = ${given}`).toBe(ok);
        if (!ok) {
          expect(issueAt(result, `labs[0].bot.${key}`).message).toBe(
            `expected a number between ${doc.min} and ${doc.max}, got ${given}`,
          );
        }
      }
    }
  });

  it('rejects unknown bot numbers and a pause quarter that is not a whole quarter', () => {
    const value = valid();
    const labs = value.labs as Record<string, unknown>[];
    labs[1]!.bot = { neediness: 2 };
    labs[1]!.pauseFrom = 2.5;
    labs[0]!.pauseFrom = 0;
    const result = parseScenario(JSON.stringify(value));
    expect(issueAt(result, 'labs[1].bot.neediness').message).toMatch(
      /^unknown field "neediness" — .*needWeight/,
    );
    expect(issueAt(result, 'labs[1].pauseFrom').message).toBe(
      'expected a whole number from 1 to 40, got 2.5',
    );
    expect(issueAt(result, 'labs[0].pauseFrom').message).toBe(
      'expected a whole number from 1 to 40, got 0',
    );
  });

  it('rejects a pause quarter after the last round, naming the round count', () => {
    const value = valid();
    const labs = value.labs as Record<string, unknown>[];
    labs[1]!.pauseFrom = 40;
    const result = parseScenario(JSON.stringify(value));
    expect(issueAt(result, 'labs[1].pauseFrom').message).toBe(
      `quarter 40 is after the last round (${String(value.rounds)}) — the lab would never pause`,
    );
  });

  it('never throws for non-text input', () => {
    expect(parseScenario(undefined as unknown as string).ok).toBe(false);
    expect(parseScenario(42 as unknown as string).ok).toBe(false);
  });
});

describe('validateScenarioValue', () => {
  it('checks parsed values without lines', () => {
    const value = valid();
    value.rounds = 0;
    expect(errorsOf(validateScenarioValue(value))).toEqual([
      { path: 'rounds', line: null, message: 'expected a whole number from 1 to 40, got 0' },
    ]);
    expect(validateScenarioValue(valid()).ok).toBe(true);
  });

  it('never throws, whatever it is given', () => {
    const circular: Record<string, unknown> = { id: 'x' };
    circular.self = circular;
    const hostile = {
      get id(): string {
        throw new Error('boom');
      },
    };
    for (const input of [undefined, null, 0, NaN, 'text', [], {}, circular, hostile, Symbol('s')]) {
      const result = validateScenarioValue(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
    }
    const value = valid();
    value.rounds = Infinity;
    expect(issueAt(validateScenarioValue(value), 'rounds').message).toBe(
      'expected a whole number from 1 to 40, got Infinity',
    );
  });
});

describe('parseScenarioFile (browser)', () => {
  it('reads a dropped file', async () => {
    const file = new Blob([fixture('valid-minimal.json')]);
    expect((await parseScenarioFile(file)).ok).toBe(true);
  });

  it('refuses a huge file and survives a failing read', async () => {
    const huge = { size: 6 * 1024 * 1024, text: async () => '' };
    expect(errorsOf(await parseScenarioFile(huge))[0]?.message).toMatch(/too large/);
    const broken = { size: 10, text: async () => Promise.reject(new Error('disk gone')) };
    expect(errorsOf(await parseScenarioFile(broken))[0]?.message).toBe(
      'the file could not be read (disk gone)',
    );
  });
});

it('a resolved Scenario is a valid input (compile-time check is present)', () => {
  expect(SCENARIO_IS_VALID_INPUT).toBe(true);
});
