import { describe, expect, it } from 'vitest';
import { advanceGame, createGame } from '../../../src/engine/game';
import type { PolicyAction, Scenario } from '../../../src/engine/types';
import { gameReportMarkdown, md } from '../../../src/presentation/report/markdown';
import { policyActionWords } from '../../../src/presentation/report/policyActionWords';
import { decision, testScenario } from '../../engine/fixtures';

describe('policyActionWords', () => {
  const scenario = testScenario();

  it('words each kind of policy action', () => {
    const words = (a: PolicyAction) => policyActionWords(a, scenario);
    expect(
      words({ kind: 'reviseThreshold', levelId: 'L3', domain: 'cbrn', to: 0.62, publicly: false }),
    ).toBe('quiet revision of Level 3 CBRN to 62%');
    expect(
      words({
        kind: 'reviseThreshold',
        levelId: 'L4',
        domain: 'autonomy',
        to: 0.9,
        publicly: true,
      }),
    ).toBe('public revision of Level 4 Autonomy to 90%');
    expect(words({ kind: 'inviteAudit' })).toBe('invited an audit');
    expect(words({ kind: 'joinPauseAgreement' })).toBe('joined the pause agreement');
    expect(words({ kind: 'leavePauseAgreement' })).toBe('left the pause agreement');
    expect(words({ kind: 'publishEvals', publish: true })).toBe('published evals');
    expect(words({ kind: 'publishEvals', publish: false })).toBe('stopped publishing evals');
  });

  it('gives the Markdown report the same words, with names escaped', () => {
    const base = testScenario({ rounds: 2 });
    const named: Scenario = {
      ...base,
      levels: base.levels.map((l) => (l.id === 'L3' ? { ...l, name: 'Level | 3' } : l)),
    };
    const revise: PolicyAction = {
      kind: 'reviseThreshold',
      levelId: 'L3',
      domain: 'cbrn',
      to: 0.7,
      publicly: true,
    };
    let state = createGame(named, { seed: 3, humans: ['player'] });
    state = advanceGame(state, named, { player: decision('pause', [revise]) });
    const report = gameReportMarkdown(named, state, ['player']);
    expect(policyActionWords(revise, named)).toBe('public revision of Level | 3 CBRN to 70%');
    expect(report).toContain(`| 1 | pause; ${md(policyActionWords(revise, named))} |`);
  });
});
