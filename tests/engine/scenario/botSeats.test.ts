// A scenario's `labs[].bot` and `labs[].pauseFrom` reach the bot in that seat, and only a bot.

import { describe, expect, it } from 'vitest';
import { botDecisions, createGame, playWithBots } from '../../../src/engine/game';
import { parseScenario } from '../../../src/engine/scenario/validate';
import type { Scenario } from '../../../src/engine/types';
import { fixture } from './helpers';

/** valid-minimal.json ("home" safety-first, "rival" race-to-deploy), with changes to the rival. */
function scenarioWith(rival: Record<string, unknown>): Scenario {
  const value = JSON.parse(fixture('valid-minimal.json'));
  Object.assign(value.labs[1], rival);
  const result = parseScenario(JSON.stringify(value));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

describe('a bot seat in a scenario', () => {
  it('plays with the numbers the scenario gives it', () => {
    const plain = scenarioWith({});
    const timid = scenarioWith({ bot: { capabilityShare: 0 } });
    const before = botDecisions(createGame(plain, { seed: 1 }), plain).rival;
    const after = botDecisions(createGame(timid, { seed: 1 }), timid).rival;
    expect(before?.budget.capabilities).toBeGreaterThan(0.5);
    expect(after?.budget.capabilities).toBe(0);
  });

  it('pauses from the `pauseFrom` quarter on, saying it chose to, and not before', () => {
    const scenario = scenarioWith({ pauseFrom: 3 });
    const state = playWithBots(scenario, 1);
    expect(state.history.length).toBeGreaterThanOrEqual(4);
    for (const record of state.history) {
      const rival = record.labs.find((lab) => lab.lab === 'rival');
      const quarter = `quarter ${record.round}`;
      if (record.round >= 3) {
        expect(rival?.decision.posture, quarter).toBe('pause');
        expect(rival?.decision.pauseFor, quarter).toBe('choice');
      } else {
        expect(rival?.decision.pauseFor, quarter).not.toBe('choice');
      }
    }
  });

  // Paused training buys nothing with capabilities money: a bot paused by `pauseFrom` spends as
  // a pausing bot does.
  it('while paused by `pauseFrom`, spends as a pausing bot does', () => {
    const scenario = scenarioWith({ pauseFrom: 1 });
    const decision = botDecisions(createGame(scenario, { seed: 1 }), scenario).rival;
    expect(decision?.posture).toBe('pause');
    expect(decision?.budget.capabilities).toBeCloseTo(0.4); // race-to-deploy's paused share
  });

  it('leaves a human in that seat free to decide', () => {
    const scenario = scenarioWith({ pauseFrom: 1 });
    const state = createGame(scenario, { seed: 1, humans: ['rival'] });
    expect(botDecisions(state, scenario).rival).toBeUndefined();
    expect(botDecisions(createGame(scenario, { seed: 1 }), scenario).rival).toMatchObject({
      posture: 'pause',
      pauseFor: 'choice',
    });
  });
});
