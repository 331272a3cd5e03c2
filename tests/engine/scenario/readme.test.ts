// scenarios/README.md is the facilitators' guide. Its worked example must validate, and it must
// keep explaining every field, effect kind, bot strategy and model parameter the format has.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
      'cadence',
      'baseSensitivity',
      'noise',
      'elicitationGap',
      'sandbagging',
      'safetyBuffer',
      'strategy',
      'role',
      'policy.binding',
      'policy.inPauseAgreement',
      'policy.publishesEvals',
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

  it('lists every shipped scenario', () => {
    for (const file of [
      'eval-blind-spot',
      'anthropic-rsp',
      'openai-preparedness',
      'deepmind-fsf',
      'race-to-the-bottom',
      'coordinated-pause',
      'quiet-revision',
    ]) {
      expect(guide).toContain(`\`${file}.json\``);
    }
  });
});
