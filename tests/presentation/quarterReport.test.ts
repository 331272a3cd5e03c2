import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceGame, createGame } from '../../src/engine/game';
import { nextBudget } from '../../src/engine/market';
import { resolveDynamics } from '../../src/engine/parameters';
import { oddsWords, quarterReport, type QuarterReport } from '../../src/presentation/quarterReport';
import type { GameState, LabDecision, Scenario } from '../../src/engine/types';
import { testScenario } from '../engine/fixtures';

const scenario: Scenario = testScenario();
const player = scenario.labs[0]?.id ?? '';

const racing: LabDecision = {
  posture: 'deploy',
  budget: { capabilities: 0.8, security: 0.05, deployment: 0.05, alignment: 0.05, evals: 0.05 },
  actions: [],
};

function play(seed: number, quarters: number, decision: LabDecision = racing): GameState {
  let state = createGame(scenario, { seed, humans: [player] });
  for (let q = 0; q < quarters && !state.outcome; q++) {
    state = advanceGame(state, scenario, { [player]: decision });
  }
  return state;
}

const line = (report: QuarterReport | null, topic: string): string =>
  report?.lines.find((l) => l.topic === topic)?.text ?? '';

describe('oddsWords', () => {
  it('says a small chance as a percentage and as one in N', () => {
    expect(oddsWords(1 / 70)).toBe('1.4%, about 1 in 70');
    expect(oddsWords(0.004)).toBe('0.4%, about 1 in 250');
    expect(oddsWords(0.0004)).toBe('under 0.1%, less than 1 in 1,000');
    expect(oddsWords(0.25)).toBe('25%');
  });

  it('writes "1 in N" with thousands as toLocaleString does', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.2, maxExcluded: true, noNaN: true }), (p) => {
        const n = Number(/about 1 in ([\d,]+)$/.exec(oddsWords(p))?.[1]?.replace(/,/g, ''));
        expect(oddsWords(p).endsWith(`about 1 in ${n.toLocaleString('en-GB')}`)).toBe(true);
      }),
    );
    expect(oddsWords(0.001)).toBe('0.1%, about 1 in 1,000');
  });
});

describe('quarterReport', () => {
  it('is null for a quarter not played yet', () => {
    const state = play(1, 2);
    expect(quarterReport(scenario, state, player, 3)).toBeNull();
    expect(quarterReport(scenario, state, player, 2)).not.toBeNull();
  });

  it('gives the budget rule with the quarter’s own numbers, agreeing with the engine', () => {
    const audit: LabDecision = { ...racing, actions: [{ kind: 'inviteAudit' }] };
    const state = play(4, 1, audit);
    const rec = state.history[0]?.labs.find((l) => l.lab === player);
    if (!rec) throw new Error('no record');
    const p = resolveDynamics(scenario.dynamics);
    expect(rec.budget).toBeCloseTo(nextBudget(rec.marketShare, 5, p), 9);
    const start = scenario.labs[0]?.start.budget ?? 0;
    const report = quarterReport(scenario, state, player, 1);
    const budget = line(report, 'budget');
    expect(budget).toContain(`from ${Math.round(start)} to ${Math.round(rec.budget)}`);
    expect(budget).toContain(`base funding ${p.baseFunding} + ${p.marketSize} × your market share`);
    expect(budget).toContain('− 5 for the audit');
    expect(line(report, 'choice')).toMatch(/invited an external audit/);
    expect(line(report, 'cost')).toContain(`Your budget of ${Math.round(start)} went`);
    expect(report?.spoken).toMatch(/^Budget \d+ to \d+, from your market share of \d+%\./);
  });

  it('names each incident at the lab with the odds the lab’s own evals gave it', () => {
    // Race until an incident hits the player's lab.
    let found: { state: GameState; round: number } | null = null;
    for (let seed = 1; seed < 400 && !found; seed++) {
      const state = play(seed, 20);
      const hit = state.history.find((h) =>
        h.incidents.some((i) => i.lab === player && i.kind !== 'stolenModelMisuse'),
      );
      if (hit) found = { state, round: hit.round };
    }
    if (!found) throw new Error('no incident in 400 seeds');
    const report = quarterReport(scenario, found.state, player, found.round);
    const risk = line(report, 'risk');
    expect(risk).toMatch(/(Warning shot|Serious incident|Catastrophe): /);
    expect(risk).toMatch(/Your evals put the chance of (misuse|weight theft|loss of control)/);
    expect(report?.spoken).toMatch(/Your evals put the chance of/);
  });

  it('says what happened without the hidden truth: changing true capability changes nothing', () => {
    const state = play(9, 6);
    const hidden: GameState = {
      ...state,
      history: state.history.map((h) => ({
        ...h,
        labs: h.labs.map((l) => ({ ...l, capability: { cbrn: 0.99, autonomy: 0.99 } })),
      })),
      labs: state.labs.map((l) => ({ ...l, capability: { cbrn: 0.99, autonomy: 0.99 } })),
    };
    for (let round = 1; round <= state.history.length; round++) {
      expect(quarterReport(scenario, hidden, player, round)).toEqual(
        quarterReport(scenario, state, player, round),
      );
    }
  });

  it('says when a choice broke the lab’s own commitment', () => {
    const state = play(2, 20);
    const broken = state.history.find(
      (h) => h.labs.find((l) => l.lab === player)?.compliance === 'broken',
    );
    if (!broken) throw new Error('the racer never broke its commitment');
    expect(line(quarterReport(scenario, state, player, broken.round), 'choice')).toMatch(
      /this broke your own commitment/,
    );
  });
});
