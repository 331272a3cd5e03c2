// Drift in words and in the after-action report's Markdown (src/presentation/report/drift.ts).
import { describe, expect, it } from 'vitest';
import { runGames } from '../../../src/engine/batch/runBatch';
import { stressArms, stressComparisons } from '../../../src/engine/workshop/stressTest';
import { firstDrafts, withTeamPolicies } from '../../../src/engine/workshop/teamPolicies';
import {
  driftMarkdown,
  driftQuarterWords,
  driftSummary,
  ruleBroken,
  stressRowWords,
  stressVerdict,
} from '../../../src/presentation/report/drift';
import { LAB_A, SCENARIO, TEAMS, dec, played } from '../../engine/workshop/helpers';
import { advanceGame, createGame } from '../../../src/engine/game';

const OWN = withTeamPolicies(SCENARIO, firstDrafts(SCENARIO, TEAMS));

function game(quarters: number) {
  let state = createGame(OWN, { seed: 3, humans: TEAMS.map((t) => t.lab) });
  for (let q = 0; q < quarters; q++) {
    state = advanceGame(state, OWN, Object.fromEntries(TEAMS.map((t) => [t.lab, dec('pause')])));
  }
  return state;
}

describe('drift in Markdown', () => {
  it('has a section per team, and says when the stress test was not run', () => {
    const lines = driftMarkdown(OWN, game(3), TEAMS).join('\n');
    expect(lines).toContain('## Drift: what each team wrote, and what it did');
    for (const t of TEAMS) expect(lines).toContain(`### ${t.name}: ${t.name}’s policy`);
    expect(lines).toContain('Kept to its policy in all 3 quarters; no revisions.');
    expect(lines).toContain('_The stress test was not run for this report._');
  });

  it('is absent when no team wrote its own policy', () => {
    expect(driftMarkdown(SCENARIO, played(2).state, TEAMS)).toEqual([]);
  });

  it('carries the stress test, row by row, in words', () => {
    const arms = stressArms(OWN, 3);
    const comparisons = stressComparisons(
      arms,
      arms.map((a) => runGames(a.scenario, { runs: 8, seed: 1 })),
    );
    const lines = driftMarkdown(OWN, game(3), TEAMS, comparisons).join('\n');
    expect(lines).toContain('Stress test (bots at every seat, 8 games each, same seeds)');
    expect(lines).not.toContain('was not run');
    const row = comparisons.find((c) => c.lab === LAB_A)?.rows[0];
    if (!row) throw new Error('no rows');
    expect(stressRowWords({ ...row, a: 0.12, b: 0.09, diff: -0.03, lo: -0.06, hi: 0 }, 'RSP')).toBe(
      `${row.label}: 12% under RSP, 9% under its own (−3 points, 95% interval −6 to 0)`,
    );
    expect(stressVerdict({ ...row, lo: 0.01, hi: 0.2 })).toBe('higher');
    expect(stressVerdict({ ...row, lo: -0.2, hi: -0.01 })).toBe('lower');
    expect(stressVerdict({ ...row, lo: -0.2, hi: 0.2 })).toBe('no clear difference');
  });
});

describe('drift in words', () => {
  it('says which rule was broken, by the policy’s shortfall rule', () => {
    expect(ruleBroken('pause', 'pause', 'ASL-3')).toBe(
      'pause training at ASL-3 until its training safeguards are ready',
    );
    expect(ruleBroken('delayIfAhead', 'pause', 'ASL-3')).toContain('when ahead');
    expect(ruleBroken('pause', 'restrict', 'High')).toContain('deployment safeguards');
  });

  it('reads as a sentence', () => {
    const base = {
      lab: LAB_A,
      policyName: 'x',
      quarters: 12,
      broken: [],
      revisions: [],
      publicRevisions: 0,
      quietRevisions: 0,
      quietExposed: 0,
    };
    expect(driftSummary(base)).toBe('Kept to its policy in all 12 quarters; no revisions.');
    const q = {
      round: 4,
      level: 'ASL-3',
      allowed: 'pause' as const,
      took: 'deploy' as const,
      whenShort: 'pause' as const,
    };
    expect(
      driftSummary({
        ...base,
        broken: [q],
        publicRevisions: 1,
        quietRevisions: 2,
        quietExposed: 1,
        revisions: [{} as never, {} as never, {} as never],
      }),
    ).toBe(
      'Acted against its policy in 1 of 12 quarters; 1 public revision, 2 quiet revisions (1 brought to light).',
    );
    expect(driftQuarterWords(q)).toMatch(
      /^Quarter 4: .* where its policy said pause \(pause training at ASL-3 until its training safeguards are ready\)$/,
    );
  });
});
