// The timeline's words for one quarter: the truth only once it is revealed.
import { describe, expect, it } from 'vitest';
import { advanceGame, createGame } from '../../src/engine/game';
import type { Scenario } from '../../src/engine/types';
import { quarterLines } from '../../src/presentation/timeline/quarterLines';
import { timelineData } from '../../src/presentation/timeline/timelineData';
import { shippedScenarios } from '../support/shippedScenarios';

const scenario = [...shippedScenarios].sort((a, b) => a.rounds - b.rounds)[0] as Scenario;
const names = { security: 'Security', deployment: 'Deployment', alignment: 'Alignment' };

describe('quarterLines', () => {
  it('says the move, the eval and the market, and the truth only when revealed', () => {
    let game = createGame(scenario, { seed: 2, humans: [] });
    for (let i = 0; i < 3; i++) game = advanceGame(game, scenario, {});
    const lab = game.labs[0]?.id ?? '';
    for (const reveal of [false, true]) {
      const data = timelineData(scenario, game, lab, { reveal });
      const row = data.rows.find((r) => r.round === 2);
      if (!row) throw new Error('no quarter 2');
      const lines = quarterLines(data, row, names);
      expect(lines[0]).toMatch(/^Your move: /);
      expect(lines.some((l) => l.startsWith(`${data.domainName} eval: `))).toBe(true);
      expect(lines.some((l) => /^Market share: \d+%$/.test(l))).toBe(true);
      expect(lines.some((l) => l.includes('true capability'))).toBe(reveal);
      expect(lines.some((l) => l.startsWith('Risk (true)'))).toBe(reveal);
    }
  });
});
