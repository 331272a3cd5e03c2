// The broken-file corpus (tests/fixtures/scenarios/): every broken file gets a located,
// human-readable message. Files that are not valid JSON end in .txt so Prettier leaves them be.

import { describe, expect, it } from 'vitest';
import { formatIssue, parseScenario } from '../../../src/engine/scenario/validate';
import { errorsOf, fixture, issueAt, lineOf } from './helpers';

describe('the broken-file corpus', () => {
  it('accepts the file the broken ones are made from', () => {
    const result = parseScenario(fixture('valid-minimal.json'));
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it('empty file', () => {
    const errors = errorsOf(parseScenario(fixture('empty.txt')));
    expect(errors).toEqual([
      {
        path: '(file)',
        line: null,
        message: 'this file is empty — a scenario is a JSON object that starts with {',
      },
    ]);
  });

  it('truncated file', () => {
    const text = fixture('truncated.txt');
    const [issue] = errorsOf(parseScenario(text));
    expect(issue?.path).toBe('(file)');
    expect(issue?.message).toMatch(/^the file ends too early — is it truncated\?/);
    expect(issue?.line).toBe(text.trimEnd().split('\n').length);
  });

  it('trailing comma', () => {
    const text = fixture('trailing-comma.txt');
    const [issue] = errorsOf(parseScenario(text));
    // Points at the offending comma, the line before the closing brace.
    const commaLine = lineOf(text, '"Everything here is invented for tests."') + 1;
    expect(issue?.line).toBe(commaLine);
    expect(issue?.message).toBe(
      'JSON syntax error at column 4: a comma before } is not allowed in JSON — remove the last comma',
    );
  });

  it('comment', () => {
    const text = fixture('comment.txt');
    const [issue] = errorsOf(parseScenario(text));
    expect(issue?.line).toBe(lineOf(text, '// three years'));
    expect(issue?.message).toMatch(/column 17: comments are not allowed in JSON/);
  });

  it('not an object', () => {
    expect(errorsOf(parseScenario(fixture('not-an-object.json')))).toEqual([
      {
        path: '(file)',
        line: 1,
        message: 'expected a scenario object {id, title, …}, got an empty list',
      },
    ]);
  });

  it('wrong types', () => {
    const text = fixture('wrong-types.json');
    const result = parseScenario(text);
    expect(errorsOf(result)).toHaveLength(4);
    expect(issueAt(result, 'rounds')).toEqual({
      path: 'rounds',
      line: lineOf(text, '"rounds"'),
      message: 'expected a whole number from 1 to 40, got "twelve"',
    });
    const autonomy = issueAt(result, 'levels[1].thresholds.autonomy');
    expect(formatIssue(autonomy)).toBe(
      `levels[1].thresholds.autonomy (line ${lineOf(text, '"high"')}): expected a number between 0 and 1, got "high"`,
    );
    expect(issueAt(result, 'labs[0].start.budget').message).toBe(
      'expected a number between 0 and 10000, got "lots"',
    );
    expect(issueAt(result, 'labs[1].policy.binding')).toEqual({
      path: 'labs[1].policy.binding',
      line: lineOf(text, '"binding": "no"'),
      message: 'expected true or false, got "no"',
    });
  });

  it('missing fields', () => {
    const text = fixture('missing-fields.json');
    const result = parseScenario(text);
    expect(errorsOf(result)).toHaveLength(3);
    expect(issueAt(result, 'rounds')).toEqual({
      path: 'rounds',
      line: 1,
      message: 'missing — expected a whole number from 1 to 40',
    });
    expect(issueAt(result, 'evaluation.noise')).toEqual({
      path: 'evaluation.noise',
      line: lineOf(text, '"evaluation"'),
      message: 'missing — expected a number between 0 and 0.5',
    });
    const strategy = issueAt(result, 'labs[1].strategy');
    expect(strategy.message).toMatch(
      /^missing — expected one of the bot strategies: "safety-first"/,
    );
    // The lab has no "strategy" line to point at: the issue points at the lab's opening brace.
    expect(strategy.line).toBe(lineOf(text, '"id": "rival"') - 1);
  });

  it('absurd numbers', () => {
    const text = fixture('absurd-numbers.json');
    const result = parseScenario(text);
    expect(errorsOf(result).map((issue) => [issue.path, issue.message])).toEqual([
      ['rounds', 'expected a whole number from 1 to 40, got 400'],
      ['levels[0].thresholds.cbrn', 'expected a number between 0 and 1, got 1.5'],
      ['evaluation.cadence', 'expected a whole number from 1 to 8, got 0'],
      ['labs[0].start.budget', 'expected a number between 0 and 10000, got 1000000000'],
      ['dynamics.growthRate', 'expected a number between 0 and 0.3, got 7'],
    ]);
    expect(issueAt(result, 'dynamics.growthRate').line).toBe(lineOf(text, '"growthRate"'));
  });

  it('a threshold for a domain the scenario does not declare', () => {
    const text = fixture('unknown-domain.json');
    expect(errorsOf(parseScenario(text))).toEqual([
      {
        path: 'levels[1].thresholds.cyber',
        line: lineOf(text, '"cyber"'),
        message:
          '"cyber" is not one of this scenario\'s domains ("cbrn", "autonomy") — add it to "domains" or remove this threshold',
      },
    ]);
  });

  it('a starting capability for a domain the scenario does not declare', () => {
    const text = fixture('undeclared-start-capability.json');
    const [issue, ...rest] = errorsOf(parseScenario(text));
    expect(rest).toEqual([]);
    expect(issue?.path).toBe('labs[1].start.capability.manipulation');
    expect(issue?.line).toBe(lineOf(text, '"manipulation"'));
    expect(issue?.message).toMatch(/^"manipulation" is not one of this scenario's domains/);
  });

  it('an event naming a lab that does not exist', () => {
    const text = fixture('unknown-lab-in-event.json');
    expect(errorsOf(parseScenario(text))).toEqual([
      {
        path: 'events[0].effect.lab',
        line: lineOf(text, '"nobody"'),
        message: '"nobody" is not a lab in this scenario — expected one of "home", "rival", "all"',
      },
    ]);
  });

  it('a bot strategy that does not exist', () => {
    const text = fixture('bad-strategy.json');
    expect(errorsOf(parseScenario(text))).toEqual([
      {
        path: 'labs[1].strategy',
        line: lineOf(text, '"yolo"'),
        message:
          'expected one of the bot strategies: "safety-first", "fast-follower", "race-to-deploy", "open-weights", "conditional-pauser", "competitor-clause", "conditional-delayer", got "yolo"',
      },
    ]);
  });

  it('an event after the last round', () => {
    const text = fixture('event-after-last-round.json');
    expect(errorsOf(parseScenario(text))).toEqual([
      {
        path: 'events[0].round',
        line: lineOf(text, '"round": 15'),
        message: 'round 15 is after the last round (12) — the event would never fire',
      },
    ]);
  });

  it('levels out of order', () => {
    const text = fixture('levels-out-of-order.json');
    const result = parseScenario(text);
    expect(errorsOf(result)).toHaveLength(2);
    const cbrn = issueAt(result, 'levels[1].thresholds.cbrn');
    expect(cbrn.line).toBe(lineOf(text, '"cbrn": 0.55'));
    expect(cbrn.message).toBe(
      'levels are out of order: "level-1" must have a higher cbrn threshold than the level below it, "level-2" (0.8), got 0.55 — list levels from lowest to highest',
    );
  });

  it('requirements that fall up the ladder', () => {
    const text = fixture('requirements-decrease.json');
    expect(errorsOf(parseScenario(text))).toEqual([
      {
        path: 'levels[1].deploymentRequires.deployment',
        line: lineOf(text, '"deployment": 0.4'),
        message:
          '"level-2" requires less deployment readiness (0.4) than the level below it, "level-1" (0.6) — a higher level must require at least as much',
      },
    ]);
  });

  it('duplicate ids', () => {
    const text = fixture('duplicate-ids.json');
    const result = parseScenario(text);
    expect(issueAt(result, 'labs[1].id')).toEqual({
      path: 'labs[1].id',
      line: lineOf(text, '"id": "home"', '"name": "Home Lab"'),
      message: 'duplicate lab id "home" — labs[0] already uses it; ids must be unique',
    });
    expect(issueAt(result, 'levels[1].id').message).toBe(
      'duplicate level id "level-1" — levels[0] already uses it; ids must be unique',
    );
  });

  it('a misspelt field', () => {
    const text = fixture('unknown-field.json');
    const result = parseScenario(text);
    expect(issueAt(result, 'rouds')).toEqual({
      path: 'rouds',
      line: lineOf(text, '"rouds"'),
      message: 'unknown field "rouds" — did you mean "rounds"?',
    });
    expect(issueAt(result, 'rounds').message).toBe(
      'missing — expected a whole number from 1 to 40',
    );
  });

  it('no player lab', () => {
    const text = fixture('no-player.json');
    expect(errorsOf(parseScenario(text))).toEqual([
      {
        path: 'labs',
        line: lineOf(text, '"labs"'),
        message:
          'expected exactly one lab with "role": "player", found none — set one lab\'s role to "player"',
      },
    ]);
  });

  it('an unknown event effect', () => {
    const text = fixture('unknown-effect-kind.json');
    const [issue] = errorsOf(parseScenario(text));
    expect(issue?.path).toBe('events[0].effect.kind');
    expect(issue?.line).toBe(lineOf(text, '"meteor"'));
    expect(issue?.message).toMatch(
      /^expected an effect whose "kind" is one of "news", .*got "meteor"$/,
    );
  });
});
