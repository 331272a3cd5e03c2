// Every shipped scenario validates, is named after its id, and keeps the promises of issue 3:
// sources for the framework, notes on every simplification, 12–24 rounds, 3–5 labs with exactly
// one player, rivals with real bot strategies.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playWithBots } from '../../../src/engine/game';
import { gameRecord } from '../../../src/engine/record';
import { keyOrderOf } from '../../../src/engine/scenario/keyOrder';
import { SCENARIO_KEY_ORDER } from '../../../src/engine/scenario/scenarioKeyOrder';
import { ScenarioSchema } from '../../../src/engine/scenario/schema';
import { readShippedScenario } from '../../../src/engine/scenario/shipped';
import { shippedScenarioProblems } from '../../../src/lib/shippedScenarioCheck';
import { formatIssue, parseScenario } from '../../../src/engine/scenario/validate';
import { BOT_STRATEGY_IDS } from '../../../src/engine/types';
import {
  SHIPPED_ORDER,
  loadShippedScenarios,
  shippedScenarioUrls,
} from '../../../src/lib/shippedScenarios';
import { ROOT, shippedFiles } from './helpers';

const EXPECTED = [
  'anthropic-rsp',
  'coordinated-pause',
  'deepmind-fsf',
  'eval-blind-spot',
  'openai-preparedness',
  'quiet-revision',
  'race-to-the-bottom',
  'rsp-v2-vs-v3',
  'three-frameworks',
];

describe('shipped scenarios', () => {
  it('include the seven of issue 3 and the two policy scenarios of issue 14', () => {
    // Facilitators may add their own; those are held to the same bar by the tests below.
    expect(shippedFiles().map(([file]) => file.replace(/\.json$/, ''))).toEqual(
      expect.arrayContaining(EXPECTED),
    );
  });

  describe.each(shippedFiles())('%s', (file, text) => {
    const result = parseScenario(text);

    it('validates', () => {
      expect(result.ok ? [] : result.errors.map(formatIssue)).toEqual([]);
    });

    if (!result.ok) return;
    const scenario = result.scenario;

    it('reads the same with the light reader the app uses for shipped files', () => {
      // The app does not validate shipped files again (the build and this file do): its reader
      // only parses and resolves, so it must give exactly what the full validator gives.
      const light = readShippedScenario(text);
      expect(light).toEqual(result);
      expect(JSON.stringify(light)).toBe(JSON.stringify(result)); // key order too
      if (!light?.ok) return;
      for (const seed of [1, 2, 3])
        expect(JSON.stringify(gameRecord(light.scenario, playWithBots(light.scenario, seed)))).toBe(
          JSON.stringify(gameRecord(scenario, playWithBots(scenario, seed))),
        );
    });

    it('is named after its id and points editors at the schema', () => {
      expect(file).toBe(`${scenario.id}.json`);
      expect(JSON.parse(text).$schema).toBe('./scenario.schema.json');
    });

    it('has 12 to 24 rounds and 3 to 5 labs, one of them the player', () => {
      expect(scenario.rounds).toBeGreaterThanOrEqual(12);
      expect(scenario.rounds).toBeLessThanOrEqual(24);
      expect(scenario.labs.length).toBeGreaterThanOrEqual(3);
      expect(scenario.labs.length).toBeLessThanOrEqual(5);
      expect(scenario.labs.filter((lab) => lab.role === 'player')).toHaveLength(1);
      for (const lab of scenario.labs) expect(BOT_STRATEGY_IDS).toContain(lab.strategy);
    });

    it('cites sources with a version or date, and notes its simplifications', () => {
      expect(scenario.sources.length).toBeGreaterThanOrEqual(3);
      for (const source of scenario.sources) {
        expect(source.url).toMatch(/^https:\/\//);
        expect(source.version).toMatch(/\d{4}/);
      }
      expect(scenario.simplifications.length).toBeGreaterThanOrEqual(5);
      expect(scenario.simplifications.some((note) => /invented/i.test(note))).toBe(true);
    });

    it('keeps capability and readiness in the calibrated ranges', () => {
      for (const lab of scenario.labs) {
        for (const value of Object.values(lab.start.capability)) {
          expect(value).toBeGreaterThanOrEqual(0.25);
          expect(value).toBeLessThanOrEqual(0.5);
        }
        expect(lab.start.budget).toBeGreaterThanOrEqual(80);
        expect(lab.start.budget).toBeLessThanOrEqual(120);
      }
      for (const policy of scenario.policies) {
        for (const value of Object.values(policy.levels[0]?.thresholds ?? {})) {
          expect(value).toBeGreaterThanOrEqual(0.5);
          expect(value).toBeLessThanOrEqual(0.7);
        }
      }
    });

    it('is in the current format, and every policy is dated and noted', () => {
      expect(JSON.parse(text).schemaVersion).toBe(2);
      for (const policy of scenario.policies) {
        expect(policy.framework.date).toMatch(/^\d{4}/);
        // Each policy of several is named in a simplification that lists what it invents.
        if (scenario.policies.length > 1) {
          expect(scenario.simplifications.some((note) => note.includes(policy.id))).toBe(true);
        }
      }
    });

    it('uses fictional lab names only', () => {
      const real = /anthropic|openai|deepmind|google|meta\b|microsoft|xai|mistral|claude|gemini/i;
      for (const lab of scenario.labs) expect(lab.name).not.toMatch(real);
    });

    it('gives a plain one-paragraph briefing', () => {
      expect(scenario.briefing).not.toContain('\n');
      expect(scenario.briefing.length).toBeGreaterThan(200);
    });
  });

  // The app fetches each file from the URL the build gives it; here the "server" is the disk.
  const fromDisk = async (url: string) => readFileSync(ROOT + url.replace(/^\//, ''), 'utf8');

  it('the app loads every shipped file, intro first, with no errors', async () => {
    expect(shippedScenarioUrls().map((u) => u.file)).toEqual(shippedFiles().map(([file]) => file));
    const { scenarios, errors } = await loadShippedScenarios(fromDisk);
    expect(errors).toEqual([]);
    const ids = scenarios.map((scenario) => scenario.id);
    expect(ids.slice(0, SHIPPED_ORDER.length)).toEqual(SHIPPED_ORDER);
    expect(scenarios[0]?.difficulty).toBe('introductory');
    expect(scenarios[0]?.rounds).toBe(12);
  });

  it('the build refuses a shipped file that does not validate, naming it and the problem', () => {
    expect(shippedScenarioProblems(`${ROOT}scenarios`, parseScenario)).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'threshold-shipped-'));
    try {
      writeFileSync(join(dir, 'good.json'), shippedFiles()[0]![1]);
      writeFileSync(join(dir, 'bad.json'), '{\n  "id": "bad"\n}\n');
      const problems = shippedScenarioProblems(dir, parseScenario);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^bad\.json: .*missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the light reader puts fields in the order the schema says (writeKeyOrder.ts writes it)', () => {
    expect(SCENARIO_KEY_ORDER).toEqual(keyOrderOf(ScenarioSchema));
  });

  it('the light reader leaves what is not a scenario to the full validator', () => {
    for (const text of ['{ "id": ', '[]', 'null', '{"id": "x"}', '{"id": "x", "labs": 3}'])
      expect(readShippedScenario(text)).toBeNull();
  });

  it('a file that cannot be fetched or is broken is named, and the others still load', async () => {
    const { scenarios, errors } = await loadShippedScenarios(async (url) => {
      if (url.includes('quiet-revision')) throw new Error('the server answered 404');
      if (url.includes('deepmind-fsf')) return '{ "id": "deepmind-fsf", ';
      return fromDisk(url);
    });
    expect(scenarios.map((s) => s.id)).not.toContain('quiet-revision');
    expect(scenarios.map((s) => s.id)).not.toContain('deepmind-fsf');
    expect(scenarios).toHaveLength(shippedFiles().length - 2);
    expect(errors).toEqual([
      { file: 'deepmind-fsf.json', messages: [expect.stringMatching(/line 1/)] },
      {
        file: 'quiet-revision.json',
        messages: ['could not be loaded (the server answered 404)'],
      },
    ]);
  });
});
