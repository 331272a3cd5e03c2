// One meaning for a quarter's figures everywhere (issue 17, item 4): states at the start of the
// quarter, events during it; a missed crossing quotes its end-of-quarter figure, which is the
// next quarter's start. Counts of crossings and of quarters are named apart.
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/presentation/debrief/debrief';
import {
  missedCrossingCount,
  missedCrossingWords,
} from '../../src/presentation/debrief/missedWords';
import {
  missedCrossingEpisodes,
  quartersWithMissedCrossing,
  startOfQuarter,
} from '../../src/engine/debriefFacts';
import { advanceGame, createGame } from '../../src/engine/game';
import { timelineData } from '../../src/presentation/timeline/timelineData';
import type { GameState, LabDecision, Scenario } from '../../src/engine/types';
import { gameReportMarkdown } from '../../src/presentation/report/markdown';
import { testScenario } from '../engine/fixtures';

const base = testScenario({ rounds: 10 });
// Weak evals and no safety buffer: crossings go unseen for a while.
const scenario: Scenario = {
  ...base,
  evaluation: { ...base.evaluation, elicitationGap: 0.25, safetyBuffer: 0, cadence: 2 },
};
const player = 'player';
const racing: LabDecision = {
  posture: 'deploy',
  budget: { capabilities: 0.8, security: 0.05, deployment: 0.05, alignment: 0.05, evals: 0.05 },
  actions: [],
};

function gameWithMissedCrossings(): GameState {
  for (let seed = 1; seed < 200; seed++) {
    let state = createGame(scenario, { seed, humans: [player] });
    while (!state.outcome) state = advanceGame(state, scenario, { [player]: racing });
    const quarters = quartersWithMissedCrossing(state, [player]);
    if (
      quarters > missedCrossingEpisodes(state, [player]).length &&
      quarters < state.history.length
    )
      return state;
  }
  throw new Error('no game with a missed crossing lasting more than a quarter');
}

const state = gameWithMissedCrossings();
const pct = (x: number) => `${Math.round(x * 100)}%`;

describe('a quarter’s figures', () => {
  it('are the start of the quarter in the chart’s table, and a missed crossing’s figure is the next quarter’s start', () => {
    const [m] = missedCrossingEpisodes(state, [player]);
    if (!m) throw new Error('no missed crossing');
    const data = timelineData(scenario, state, player, { reveal: true, domain: m.domain });
    const row = data.rows.find((r) => r.round === m.round);
    const next = data.rows.find((r) => r.round === m.round + 1);
    expect(row?.truth).toBeCloseTo(
      startOfQuarter(scenario, state, player, m.round).capability[m.domain] ?? -1,
      9,
    );
    expect(row?.missed.join(' ')).toContain(`${pct(m.trueCapability)} by the quarter’s end`);
    // The end of quarter r is the start of quarter r + 1: the two figures agree.
    if (next) expect(next.truth).toBeCloseTo(m.trueCapability, 9);
    // The card's words say which figure they quote.
    expect(missedCrossingWords(scenario, m, 'your evals')).toContain(
      `true capability ${pct(m.trueCapability)} by the end of the quarter, while your evals showed ${pct(m.measured)}`,
    );
  });

  it('are the start of the quarter in the Markdown report, as on the screen', () => {
    const report = gameReportMarkdown(scenario, state, [player]);
    const data = timelineData(scenario, state, player, { reveal: true, domain: 'cbrn' });
    const lines = report.split('\n');
    const header = lines.findIndex((l) => l.startsWith('| Quarter | Decision |'));
    const column = lines[header]!.split(' | ').findIndex((c) => c.startsWith('CBRN'));
    for (const row of data.rows) {
      const line = lines[header + 1 + row.round]!;
      const cell = line.split(' | ')[column] ?? '';
      expect(cell.split(' / ')[1]?.replace(' **missed**', '')).toBe(pct(row.truth ?? -1));
    }
  });

  it('counts crossings and quarters under different names, and they agree with the chart', () => {
    const debrief = buildDebrief(scenario, state, [player]);
    const data = timelineData(scenario, state, player, { reveal: true });
    expect(debrief.missedQuarters).toBe(data.missed.length);
    expect(debrief.missedQuarters).toBeGreaterThan(debrief.missedCrossings.length);
    expect(missedCrossingCount(debrief.missedCrossings.length, debrief.missedQuarters)).toBe(
      `${debrief.missedCrossings.length} (over ${data.missed.length} quarters)`,
    );
    expect(missedCrossingCount(0, 0)).toBe('0');
    expect(missedCrossingCount(1, 1)).toBe('1 (over 1 quarter)');
  });
});
