// scenarios/README.md is the facilitators' guide. Its worked example must validate, and it must
// keep explaining every field, effect kind, bot strategy and model parameter the format has.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../../src/engine/bots';
import { BOT_TUNING_DOCS } from '../../../src/engine/bots/tuningDocs';
import { DEFAULT_DYNAMICS, PARAMETER_DOCS } from '../../../src/engine/parameters';
import { EFFECT_KINDS, ScenarioSchema } from '../../../src/engine/scenario/schema';
import { formatIssue, parseScenario } from '../../../src/engine/scenario/validate';
import { BOT_STRATEGY_IDS, DOMAIN_IDS, SAFEGUARD_TRACKS } from '../../../src/engine/types';
import { SCENARIOS_DIR } from './helpers';

const guide = readFileSync(`${SCENARIOS_DIR}README.md`, 'utf8');

function jsonBlockAfter(heading: string): string {
  const start = guide.indexOf(heading);
  expect(start, `"${heading}" in the guide`).toBeGreaterThan(-1);
  const match = /```json\n([\s\S]*?)```/.exec(guide.slice(start));
  if (!match?.[1]) throw new Error(`no JSON block after "${heading}"`);
  return match[1];
}

describe('the facilitators’ guide', () => {
  it('has a worked example that validates as it stands', () => {
    const result = parseScenario(jsonBlockAfter('The complete file:'));
    expect(result.ok ? [] : result.errors.map(formatIssue)).toEqual([]);
  });

  it('shows an event example that is a valid event', () => {
    const example = JSON.parse(jsonBlockAfter('## Events (injects)').trim());
    const scenario = JSON.parse(jsonBlockAfter('The complete file:'));
    scenario.labs[1].id = 'vantage';
    scenario.domains.push({ id: 'cyber', name: 'Cyber', description: 'Cyberattacks.' });
    scenario.events = [example];
    const result = parseScenario(JSON.stringify(scenario));
    expect(result.ok ? [] : result.errors.map(formatIssue)).toEqual([]);
  });

  it('explains every field of the format', () => {
    const topLevel = Object.keys(ScenarioSchema.pipe[0].entries);
    const nested = [
      'element',
      'url',
      'version',
      'thresholds',
      'trainingRequires',
      'deploymentRequires',
      'evaluation.cadence',
      'evaluation.safetyBuffer',
      'evaluation.alertMargin',
      'whenShort',
      'significantShortfall',
      'competitorClause',
      'public',
      'policy.use',
      'baseSensitivity',
      'noise',
      'elicitationGap',
      'sandbagging',
      'strategy',
      'role',
      'policy.binding',
      'policy.inPauseAgreement',
      'policy.publishesEvals',
      'bot',
      'pauseFrom',
      'start.capability',
      'start.safeguards',
      'start.budget',
      'start.reputation',
      'round',
      'headline',
      'body',
      'effect',
    ];
    for (const field of [...topLevel, ...nested]) expect(guide).toContain(`\`${field}\``);
    for (const id of [...DOMAIN_IDS, ...SAFEGUARD_TRACKS]) expect(guide).toContain(id);
    for (const kind of EFFECT_KINDS) expect(guide).toContain(`\`"${kind}"\``);
    for (const strategy of BOT_STRATEGY_IDS) expect(guide).toContain(`\`"${strategy}"\``);
  });

  it('lists every model parameter with its current default and range', () => {
    for (const [key, doc] of Object.entries(PARAMETER_DOCS)) {
      const row = guide.split('\n').find((line) => line.startsWith(`| \`${key}\``));
      expect(row, `a table row for ${key}`).toBeDefined();
      const cells = (row as string).split('|').map((cell) => cell.trim());
      expect(Number(cells[2]), `default of ${key}`).toBe(
        DEFAULT_DYNAMICS[key as keyof typeof DEFAULT_DYNAMICS],
      );
      expect(cells[3], `range of ${key}`).toBe(`${doc.min} – ${doc.max}`);
    }
  });

  it('lists every bot tuning number with its meaning, range and each strategy’s value', () => {
    const section = guide.slice(guide.indexOf('### Tuning a bot (`labs[].bot`)'));
    const split = section.indexOf("Each strategy's own numbers");
    expect(split, 'the table of each strategy’s numbers').toBeGreaterThan(-1);
    const rowOf = (text: string, key: string) =>
      text
        .split('\n')
        .find((line) => line.startsWith(`| \`${key}\``))
        ?.split('|')
        .map((cell) => cell.trim());
    const defaultsTable = section.slice(split);
    const header = defaultsTable.split('\n').find((line) => line.startsWith('| key'));
    const columns = header?.split('|').map((cell) => cell.trim().replaceAll('`', ''));
    for (const [key, doc] of Object.entries(BOT_TUNING_DOCS)) {
      const row = rowOf(section.slice(0, split), key);
      expect(row, `a table row for ${key}`).toBeDefined();
      expect(row?.[2], `range of ${key}`).toBe(`${doc.min} – ${doc.max}`);
      expect(row?.[3], `meaning of ${key}`).toBe(doc.meaning);
      const defaults = rowOf(defaultsTable, key);
      expect(defaults, `a row of strategy values for ${key}`).toBeDefined();
      for (const [id, strategy] of Object.entries(STRATEGIES)) {
        const column = columns?.indexOf(id) ?? -1;
        expect(column, `a column for ${id}`).toBeGreaterThan(-1);
        expect(Number(defaults?.[column]), `${id}'s ${key}`).toBe(
          strategy.tuning[key as keyof typeof BOT_TUNING_DOCS],
        );
      }
    }
  });

  it('lists every shipped scenario', () => {
    for (const file of [
      'eval-blind-spot',
      'anthropic-rsp',
      'openai-preparedness',
      'deepmind-fsf',
      'race-to-the-bottom',
      'coordinated-pause',
      'quiet-revision',
      'rsp-v2-vs-v3',
      'three-frameworks',
    ]) {
      expect(guide).toContain(`\`${file}.json\``);
    }
  });
});
