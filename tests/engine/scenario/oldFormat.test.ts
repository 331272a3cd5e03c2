// Old scenario files (format 1: one top-level ladder for every lab) keep loading, say so, and
// play exactly as they did before policies existed: the hashes below are the golden hashes the
// shipped files had then (tests/engine/golden.test.ts before issue 14), re-recorded for the news
// alone when news items became facts (issue 18: the same games but for the record's news).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playWithBots } from '../../../src/engine/game';
import { MIGRATED_POLICY_ID, OLD_FORMAT_NOTE } from '../../../src/engine/scenario/resolve';
import { parseScenario, validateScenarioValue } from '../../../src/engine/scenario/validate';
import type { Scenario } from '../../../src/engine/types';
import { fingerprint } from '../fingerprint';
import { FIXTURES_DIR, shippedFiles } from './helpers';

function oldFile(id: string): { text: string; scenario: Scenario; notes: string[] } {
  const text = readFileSync(`${FIXTURES_DIR}old-format/${id}.json`, 'utf8');
  const result = parseScenario(text);
  if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.errors)}`);
  return { text, scenario: result.scenario, notes: result.notes };
}

const OLD_GAMES: [id: string, seed: number, hash: string][] = [
  ['anthropic-rsp', 1, 'e5f7af32254b22d6'],
  ['anthropic-rsp', 42, '5128a4675d46acc7'],
  ['anthropic-rsp', 6, 'd66114d5cfd204b2'],
  ['quiet-revision', 2, 'cf81cab910357bea'],
  ['quiet-revision', 15, '14b7f4555f8276e5'],
  ['eval-blind-spot', 9, '176053f2f499b233'],
];

describe('old-format scenario files', () => {
  it.each(OLD_GAMES)('%s (seed %i) plays byte for byte as before policies', (id, seed, hash) => {
    expect(fingerprint(playWithBots(oldFile(id).scenario, seed))).toBe(hash);
  });

  it('are read with a note saying how to update them', () => {
    const { text, scenario, notes } = oldFile('anthropic-rsp');
    expect(JSON.parse(text).levels).toBeDefined();
    expect(notes).toEqual([OLD_FORMAT_NOTE]);
    expect(OLD_FORMAT_NOTE).toMatch(/old scenario format/);
    expect(OLD_FORMAT_NOTE).toMatch(/"policies"/);
    // The one ladder became one policy that every lab plays under, with the old rules.
    expect(scenario.policies).toHaveLength(1);
    const [policy] = scenario.policies;
    expect(policy?.id).toBe(MIGRATED_POLICY_ID);
    expect(policy?.levels).toEqual(JSON.parse(text).levels);
    expect(policy?.evaluation.cadence).toBe(JSON.parse(text).evaluation.cadence);
    expect(policy?.whenShort).toBe('pause');
    expect(policy?.competitorClause).toBe(false);
    expect(scenario.labs.every((lab) => lab.policy.use === MIGRATED_POLICY_ID)).toBe(true);
  });

  it('name the field when the old format misses something the new one does not need', () => {
    const value = JSON.parse(oldFile('quiet-revision').text) as {
      labs: { policy: Record<string, unknown> }[];
      evaluation: Record<string, unknown>;
    };
    delete value.labs[1]?.policy.binding;
    delete value.evaluation.cadence;
    const result = validateScenarioValue(value);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
      'evaluation.cadence',
      'labs[1].policy.binding',
    ]);
  });
});

describe('resolved scenarios (saves, share links) validate again unchanged', () => {
  const files: [string, string][] = [
    ...shippedFiles(),
    ['old anthropic-rsp', readFileSync(`${FIXTURES_DIR}old-format/anthropic-rsp.json`, 'utf8')],
  ];
  it.each(files)('%s', (_file, text) => {
    const first = parseScenario(text);
    if (!first.ok) throw new Error('does not validate');
    const again = validateScenarioValue(JSON.parse(JSON.stringify(first.scenario)));
    expect(again.ok && again.scenario).toEqual(first.scenario);
    expect(again.ok && again.notes).toEqual([]);
  });
});
