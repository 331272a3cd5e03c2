import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUARTER_FIGURES, buildDebrief } from '../../../src/presentation/debrief/debrief';
import { startOfQuarter } from '../../../src/engine/debriefFacts';
import { levelName } from '../../../src/engine/scenarioNames';
import { advanceGame, createGame } from '../../../src/engine/game';
import { ENGINE_VERSION } from '../../../src/engine/record';
import type { GameState, Scenario } from '../../../src/engine/types';
import { gameReportMarkdown, md } from '../../../src/presentation/report/markdown';
import { decision, testScenario } from '../../engine/fixtures';

/** A short game whose player's evals miss a CBRN crossing, with a name full of Markdown. */
function missedCrossingGame(): { scenario: Scenario; state: GameState } {
  const base = testScenario({ rounds: 4 });
  const scenario: Scenario = {
    ...base,
    evaluation: { ...base.evaluation, elicitationGap: 0.3, safetyBuffer: 0 },
    labs: base.labs.map((lab) =>
      lab.id === 'player'
        ? {
            ...lab,
            name: 'Pipe | Lab <b>',
            start: { ...lab.start, capability: { ...lab.start.capability, cbrn: 0.56 } },
          }
        : lab,
    ),
  };
  let state = createGame(scenario, { seed: 7, humans: ['player'] });
  while (!state.outcome) state = advanceGame(state, scenario, { player: decision('pause') });
  return { scenario, state };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Cells of a table row, split on pipes that are not escaped. */
function cells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe('gameReportMarkdown', () => {
  const { scenario, state } = missedCrossingGame();
  const report = gameReportMarkdown(scenario, state, ['player'], { player: 'Team | Red' });
  const lines = report.split('\n');

  it('names the scenario, the framework version and date, and the seed', () => {
    expect(lines[0]).toBe('# Threshold game report: Test ladder');
    expect(lines).toContain('- **Framework modelled:** Test — version 1, 2026-01-01');
    expect(lines).toContain('- **Seed:** 7');
    expect(lines).toContain('- **Quarters played:** 4 of 4');
  });

  it('tabulates measured against true capability per quarter, marking the missed crossing', () => {
    expect(lines).toContain('## Pipe \\| Lab \\<b\\> — Team \\| Red');
    const header = lines.findIndex((l) => l.startsWith('| Quarter | Decision |'));
    expect(cells(lines[header]!)).toEqual([
      'Quarter',
      'Decision',
      'Taken',
      'Held back by',
      'Level (evals / true)',
      'CBRN: measured / true',
      'Autonomy: measured / true',
      'Safeguards (security / deployment / alignment)',
      'Risk this quarter',
      'Commitment',
    ]);
    const first = state.history[0]!.labs.find((l) => l.lab === 'player')!;
    expect(first.missedCrossings).toHaveLength(1);
    // States as at the start of the quarter, as on the screen (QUARTER_FIGURES); the missed
    // crossing is marked on the quarter during which it happened.
    const start = startOfQuarter(scenario, state, 'player', 1);
    const row1 = cells(lines[header + 2]!);
    expect(row1.slice(0, 4)).toEqual(['1', 'pause', 'pause', '']);
    expect(row1[4]).toBe(
      `— / ${start.trueLevel === null ? '—' : levelName(scenario, start.trueLevel)}`,
    );
    expect(row1[5]).toBe(
      `${pct(first.measured!.cbrn!)} / ${pct(start.capability.cbrn!)} **missed**`,
    );
    expect(row1[6]).toBe(`${pct(first.measured!.autonomy!)} / ${pct(start.capability.autonomy!)}`);
    expect(row1[7]).toBe(
      `${pct(start.safeguards.security)} / ${pct(start.safeguards.deployment)} / ${pct(start.safeguards.alignment)}`,
    );
    expect(report).toContain(QUARTER_FIGURES);
    expect(row1[8]).toBe(`${(first.risk.total * 100).toFixed(1)}%`);
  });

  it('lists the missed crossings, commitments, key moments and questions', () => {
    const missed = state.history[0]!.labs.find((l) => l.lab === 'player')!.missedCrossings[0]!;
    expect(report).toContain(
      `| 1 | Pipe \\| Lab \\<b\\> | Level 3 | CBRN | ${pct(missed.trueCapability)} | ${pct(missed.measured)} | 55% |`,
    );
    expect(report).toContain('## Commitments');
    const debrief = buildDebrief(scenario, state, ['player']);
    for (const q of debrief.questions) expect(report).toContain(md(q));
    for (const m of debrief.keyMoments)
      expect(report).toContain(`- **Quarter ${m.round}:** ${md(m.text)}`);
  });

  it('ends with what reproduces the game', () => {
    expect(report).toContain(
      `Reproduce: scenario test-ladder, seed 7, engine ${ENGINE_VERSION}, human seats player (with their decision log).`,
    );
  });

  it('keeps every table row the width of its header', () => {
    let width: number | null = null;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        width = null;
        continue;
      }
      const n = cells(line).length;
      if (width === null) width = n;
      else expect(n, line).toBe(width);
    }
  });
});

describe('md', () => {
  it('keeps any text inside one table cell and free of markup', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const escaped = md(text);
        expect(escaped).not.toMatch(/[\r\n]/);
        expect(cells(`| ${escaped} |`)).toHaveLength(1);
        // Every markup character is preceded by a backslash that is not itself escaped.
        const stripped = escaped.replace(/\\[\\`*_[\]<>|#~&!]/g, '');
        expect(stripped).not.toMatch(/[\\`*_[\]<>|#~&!]/);
      }),
    );
  });
});
