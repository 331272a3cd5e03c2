import { describe, expect, it } from 'vitest';
import { readDecisionDraft, type DecisionDraft } from '../../src/lib/decisionDraftSave';

const draft: DecisionDraft = {
  round: 3,
  posture: 'restrict',
  percents: { capabilities: 25, security: 21, deployment: 12, alignment: 12, evals: 30 },
  policy: {
    revise: true,
    levelId: 'asl3',
    domain: 'cbrn',
    to: 70,
    publicly: false,
    audit: true,
    inPauseAgreement: false,
    publishEvals: false,
  },
};

describe('readDecisionDraft', () => {
  it('reads back a draft kept for the quarter being played', () => {
    expect(readDecisionDraft({ draft: JSON.parse(JSON.stringify(draft)) }, 3)).toEqual(draft);
  });

  it('drops a draft for another quarter, or none at all', () => {
    expect(readDecisionDraft({ draft }, 4)).toBeNull();
    expect(readDecisionDraft({}, 3)).toBeNull();
    expect(readDecisionDraft(undefined, 3)).toBeNull();
  });

  it('drops a malformed draft instead of trusting it', () => {
    const bad: unknown[] = [
      null,
      'restrict',
      { ...draft, posture: 'sprint' },
      { ...draft, percents: { ...draft.percents, evals: 31 } },
      { ...draft, percents: { ...draft.percents, evals: 30.5, capabilities: 24.5 } },
      { ...draft, policy: { ...draft.policy, domain: 'weather' } },
      { ...draft, policy: { ...draft.policy, to: 1e9 } },
      { ...draft, extra: true },
    ];
    for (const value of bad) expect(readDecisionDraft({ draft: value }, 3)).toBeNull();
  });
});
