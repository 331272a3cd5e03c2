import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../../src/engine/batch/compare';
import { runGames } from '../../src/engine/batch/runBatch';
import type { Scenario } from '../../src/engine/types';
import { compareScenarios, computeComparison } from '../../src/explorer/compareResults';
import {
  carefulLab,
  checkPauseSpec,
  makePauseLink,
  parsePauseLink,
  pauseArms,
  pauseCompareSpec,
  racerOf,
  type PauseSpec,
} from '../../src/explorer/pauseQuestion';
import { modelSection } from '../../src/explorer/modelSections';
import { MODEL_SECTIONS, direction, readPauseQuestion } from '../../src/explorer/pauseReading';
import { shippedScenarios } from '../support/shippedScenarios';

const scenario = (id: string): Scenario => {
  const s = shippedScenarios.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};
const rsp = scenario('anthropic-rsp');
const spec: PauseSpec = { v: 1, scenario: rsp.id, lab: 'aster', from: 5, runs: 40, seed: 3 };

describe('the pause question: arms and the racer', () => {
  it('the racer is the other lab with the largest risk appetite; the careful lab the smallest', () => {
    expect(racerOf(rsp, 'aster')?.id).toBe('vantage');
    expect(carefulLab(rsp)?.id).toBe('aster');
    // Asked about the racer itself, the racer arm is the next most aggressive lab.
    expect(racerOf(rsp, 'vantage')?.id).toBe('commonweal');
    // A scenario can move a lab's appetite: a cautious Vantage is no longer the racer.
    const tamed: Scenario = {
      ...rsp,
      labs: rsp.labs.map((l) => (l.id === 'vantage' ? { ...l, bot: { capabilityShare: 0.3 } } : l)),
    };
    expect(racerOf(tamed, 'aster')?.id).toBe('commonweal');
    for (const s of shippedScenarios) {
      const lab = carefulLab(s);
      expect(lab, s.id).toBeDefined();
      expect(racerOf(s, lab!.id)?.strategy, s.id).toBe('race-to-deploy');
    }
  });

  it('builds the three arms from the per-lab levers', () => {
    const arms = pauseArms(rsp, 'aster', 5);
    expect(arms.map((a) => a.key)).toEqual(['alone', 'coordinated', 'racer']);
    expect(arms[0]!.settings).toEqual([{ id: 'pauseFrom.aster', value: 5 }]);
    expect(arms[1]!.settings).toHaveLength(2 * rsp.labs.length);
    expect(arms[1]!.settings).toContainEqual({ id: 'inPauseAgreement.commonweal', value: 1 });
    expect(arms[1]!.settings).toContainEqual({ id: 'pauseFrom.vantage', value: 5 });
    expect(arms[2]!.settings).toEqual([{ id: 'pauseFrom.vantage', value: 5 }]);
    expect(arms[2]!.name).toBe('Vantage AI (the racer) pauses from quarter 5');
    const played = compareScenarios(pauseCompareSpec(spec, rsp), rsp);
    expect(played[2]!.labs.every((l) => l.pauseFrom === 5 && l.policy.inPauseAgreement)).toBe(true);
  });

  it('links round-trip and say what is wrong with a bad one', () => {
    const link = makePauseLink(spec);
    expect(link).toMatch(/^#pause=[A-Za-z0-9_-]+$/);
    expect(parsePauseLink(link, shippedScenarios)).toEqual({ ok: true, spec });
    expect(checkPauseSpec({ ...spec, lab: 'zeta' }, shippedScenarios)).toEqual({
      ok: false,
      problem: 'anthropic-rsp has no lab "zeta"; its labs: aster, meridian, vantage, commonweal',
    });
    expect(checkPauseSpec({ ...spec, from: 21 }, shippedScenarios)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/from 1 to 20/),
    });
    expect(parsePauseLink('#pause=%%', shippedScenarios)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^This pause question link cannot be used: .*base64url/),
    });
  });
});

const row = (arm: string, outcome: string, a: number, b: number, half: number): ComparisonRow => ({
  arm,
  outcome,
  label: outcome,
  kind: 'share',
  a,
  b,
  diff: b - a,
  lo: b - a - half,
  hi: b - a + half,
  n: 100,
});

describe('the pause question: the reading follows the numbers', () => {
  const arms = pauseArms(rsp, 'aster', 5);
  const [alone, coordinated, racer] = arms.map((a) => a.name) as [string, string, string];
  const leads = (arm: string, values: Record<string, [number, number]>, half = 0.02) =>
    Object.entries(values).map(([id, [a, b]]) => row(arm, `lab.${id}.leads`, a, b, half));

  it('a clear cut and a lead that passes are said with their numbers', () => {
    const rows = [
      row(alone, 'catastrophe', 0.2, 0.18, 0.01),
      ...leads(alone, { aster: [0.3, 0.05], vantage: [0.4, 0.55], meridian: [0.2, 0.21] }),
      row(coordinated, 'catastrophe', 0.2, 0.03, 0.02),
      row(racer, 'catastrophe', 0.2, 0.12, 0.02),
    ];
    const reading = readPauseQuestion(spec, rsp, arms, rows);
    expect(reading.answer).toBe(
      'If Aster Labs pauses alone from quarter 5, the model says catastrophe falls by 2.0 points (95% interval −3.0 to −1.0), and the lead passes to Vantage AI (55.0% of games instead of 40.0%), ending with the largest market share more often. Vantage AI (the racer) pausing instead would cut catastrophe by 8.0 points, and a pause every lab keeps by 17.0 points.',
    );
    expect(reading.arms[0]!.sentences.join(' ')).toMatch(
      /Aster Labs itself ended with the largest share in 5\.0% of games instead of 30\.0%/,
    );
    expect(reading.assumptions.map((a) => a.section)).toContain('Bots');
  });

  it('an interval that spans zero is read as flat, never as a change', () => {
    const rows = [
      row(alone, 'catastrophe', 0.2, 0.195, 0.01),
      ...leads(alone, { aster: [0.3, 0.29], vantage: [0.4, 0.41] }),
    ];
    const reading = readPauseQuestion(spec, rsp, arms.slice(0, 1), rows);
    expect(direction(rows[0]!)).toBe('flat');
    expect(reading.answer).toMatch(/measures no change in catastrophe \(flat: −0\.5 points/);
    expect(reading.answer).toMatch(/no rival measurably gains the lead/);
    expect(reading.arms[0]!.sentences[0]).toMatch(/left catastrophe flat/);
  });

  it('reads real paired games: a forced pause shows up, and the cited MODEL.md sections exist', () => {
    const compare = pauseCompareSpec({ ...spec, runs: 12 }, rsp);
    const summaries = compareScenarios(compare, rsp).map((s) =>
      runGames(s, { runs: 12, seed: spec.seed }),
    );
    const result = computeComparison(compare, rsp, summaries, {
      baseline: 'as written',
      arms: arms.map((a) => a.name),
    });
    const choice = result.rows.find((r) => r.arm === alone && r.outcome === 'pauseByCause.choice');
    expect(choice!.b).toBeGreaterThan(choice!.a);
    const reading = readPauseQuestion(spec, rsp, arms, result.rows);
    expect(reading.arms).toHaveLength(3);
    expect(reading.answer).toMatch(/^If Aster Labs pauses alone from quarter 5/);
    const model = readFileSync('MODEL.md', 'utf8');
    for (const section of Object.values(MODEL_SECTIONS)) {
      expect(modelSection(model, section), section).toMatch(/^#+ /);
    }
    // A section runs to the next heading of its level: "Bots" stops before "Parameters".
    const bots = modelSection(model, 'Bots') ?? '';
    expect(bots).toMatch(/^## Bots\n/);
    expect(bots).toMatch(/What bots react to/);
    expect(bots).not.toMatch(/^## Parameters/m);
    expect(modelSection(model, 'No such heading')).toBeNull();
  });
});
