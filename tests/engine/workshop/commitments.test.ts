import { describe, expect, it } from 'vitest';
import {
  addCommitment,
  assessCommitment,
  commitmentProblems,
  markCommitment,
  removeCommitment,
  type CommitmentInput,
} from '../../../src/engine/workshop/commitments';
import type { Commitment, CommitmentTerms } from '../../../src/engine/workshop/types';
import { BOT, LAB_A, LAB_B, SCENARIO, record, row } from './helpers';

const LEVEL_1 = SCENARIO.levels[0]?.id ?? '';
const LEVEL_2 = SCENARIO.levels[1]?.id ?? '';

function commitment(terms: CommitmentTerms, overrides: Partial<Commitment> = {}): Commitment {
  return {
    id: 'c1',
    round: 1,
    until: null,
    parties: [LAB_A, LAB_B],
    text: 'We promise',
    terms,
    mark: null,
    ...overrides,
  };
}

describe('recording commitments', () => {
  const input: CommitmentInput = {
    round: 2,
    until: null,
    parties: [LAB_A, LAB_B],
    text: '  Pause pact between Amber and Blue ',
    terms: { kind: 'pausePact' },
  };

  it('records them with ids in the order announced, text trimmed, unmarked', () => {
    const one = addCommitment([], input);
    const two = addCommitment(one, {
      ...input,
      parties: [LAB_A, LAB_A],
      terms: { kind: 'statement' },
    });
    expect(two.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(two[0]).toMatchObject({ text: 'Pause pact between Amber and Blue', mark: null });
    expect(two[1]?.parties).toEqual([LAB_A]);
    const gap = addCommitment(removeCommitment(two, 'c1'), input);
    expect(new Set(gap.map((c) => c.id)).size).toBe(gap.length);
    expect(markCommitment(two, 'c2', 'kept')[1]?.mark).toBe('kept');
  });

  it('names what is missing or wrong, field by field', () => {
    const fields = (i: Partial<CommitmentInput>) =>
      commitmentProblems({ ...input, ...i }, SCENARIO, SCENARIO.rounds).map((p) => p.field);
    expect(fields({})).toEqual([]);
    expect(fields({ text: '   ' })).toEqual(['text']);
    expect(fields({ text: 'x'.repeat(301) })).toEqual(['text']);
    expect(fields({ parties: [] })).toEqual(['parties']);
    expect(fields({ parties: [LAB_A] })).toEqual(['parties']);
    expect(fields({ parties: ['nobody', LAB_A] })).toEqual(['parties']);
    expect(fields({ terms: { kind: 'noDeployAbove', level: 'nope' } })).toEqual(['level']);
    expect(fields({ round: 0 })).toEqual(['round']);
    expect(fields({ until: 1 })).toEqual(['until']);
    expect(fields({ until: 99 })).toEqual(['until']);
  });
});

describe('what the record says about a commitment', () => {
  it('a pause pact is kept when every party pauses as one party’s evals call for it', () => {
    const state = record([
      [row(LAB_A), row(LAB_B), row(BOT)],
      [
        row(LAB_A, { allowedPosture: 'pause', effectivePosture: 'pause' }),
        row(LAB_B, { effectivePosture: 'pause' }),
        row(BOT, { effectivePosture: 'deploy' }),
      ],
    ]);
    const a = assessCommitment(commitment({ kind: 'pausePact' }), SCENARIO, state);
    expect(a.inferred).toBe('kept');
    expect(a.verdict).toBe('kept');
    expect(a.evidence).toEqual([
      { round: 2, lab: LAB_A, broke: false, fact: { kind: 'allPaused', callers: [LAB_A] } },
    ]);
  });

  it('a pause pact is broken by a party that keeps going, or that leaves the agreement', () => {
    const kept = record([
      [
        row(LAB_A, { allowedPosture: 'pause', effectivePosture: 'pause' }),
        row(LAB_B, { effectivePosture: 'deploy' }),
      ],
    ]);
    const a = assessCommitment(commitment({ kind: 'pausePact' }), SCENARIO, kept);
    expect(a.inferred).toBe('broken');
    expect(a.evidence).toEqual([
      {
        round: 1,
        lab: LAB_B,
        broke: true,
        fact: { kind: 'pauseIgnored', callers: [LAB_A], took: 'deploy' },
      },
    ]);
    const left = record([[row(LAB_A), row(LAB_B, { actions: [{ kind: 'leavePauseAgreement' }] })]]);
    expect(assessCommitment(commitment({ kind: 'pausePact' }), SCENARIO, left)).toMatchObject({
      inferred: 'broken',
      evidence: [{ round: 1, lab: LAB_B, broke: true, fact: { kind: 'leftPact' } }],
    });
  });

  it('counts only the quarters it covers, and only its parties', () => {
    const state = record([
      [
        row(LAB_A, { allowedPosture: 'pause', effectivePosture: 'pause' }),
        row(LAB_B, { effectivePosture: 'deploy' }),
      ],
      [row(LAB_A), row(LAB_B), row(BOT, { allowedPosture: 'pause', effectivePosture: 'deploy' })],
    ]);
    // Made in quarter 2: quarter 1's breach is before it; the bot is not a party.
    const later = assessCommitment(
      commitment({ kind: 'pausePact' }, { round: 2 }),
      SCENARIO,
      state,
    );
    expect(later.inferred).toBe('notTriggered');
    // Covering quarter 1 only.
    const early = assessCommitment(
      commitment({ kind: 'pausePact' }, { until: 1 }),
      SCENARIO,
      state,
    );
    expect(early.inferred).toBe('broken');
    expect(early.settled).toBe(true);
    // Not yet resolved quarters: pending.
    const future = assessCommitment(
      commitment({ kind: 'pausePact' }, { round: 5 }),
      SCENARIO,
      state,
    );
    expect(future).toMatchObject({ inferred: 'pending', verdict: 'pending', settled: false });
  });

  it('no full deployment above a level: judged on what the lab’s own evals showed', () => {
    const terms: CommitmentTerms = { kind: 'noDeployAbove', level: LEVEL_1 };
    const broke = record([[row(LAB_A, { knownLevel: LEVEL_2, effectivePosture: 'deploy' })]]);
    expect(
      assessCommitment(commitment(terms, { parties: [LAB_A] }), SCENARIO, broke).inferred,
    ).toBe('broken');
    const held = record([[row(LAB_A, { knownLevel: LEVEL_1, effectivePosture: 'restrict' })]]);
    expect(assessCommitment(commitment(terms, { parties: [LAB_A] }), SCENARIO, held).inferred).toBe(
      'kept',
    );
    // Deployed while the evals showed nothing: a missed crossing perhaps, not a broken promise.
    const blind = record([[row(LAB_A, { knownLevel: null, effectivePosture: 'deploy' })]]);
    expect(
      assessCommitment(commitment(terms, { parties: [LAB_A] }), SCENARIO, blind).inferred,
    ).toBe('notTriggered');
  });

  it('no quiet revisions: broken by a quiet one, not by a public one', () => {
    const revise = (publicly: boolean) =>
      record([
        [
          row(LAB_A, {
            actions: [
              { kind: 'reviseThreshold', levelId: LEVEL_1, domain: 'cbrn', to: 0.7, publicly },
            ],
          }),
          row(LAB_B),
        ],
      ]);
    const c = commitment({ kind: 'noQuietRevision' });
    expect(assessCommitment(c, SCENARIO, revise(false))).toMatchObject({
      inferred: 'broken',
      evidence: [expect.objectContaining({ lab: LAB_A, round: 1 })],
    });
    expect(assessCommitment(c, SCENARIO, revise(true)).inferred).toBe('kept');
  });

  it('a statement is the facilitator’s to judge; a mark always has the last word', () => {
    const state = record([[row(LAB_A), row(LAB_B)]], true);
    const statement = commitment({ kind: 'statement' });
    expect(assessCommitment(statement, SCENARIO, state)).toMatchObject({
      inferred: 'manual',
      verdict: 'unjudged',
      settled: true,
    });
    expect(assessCommitment({ ...statement, mark: 'broken' }, SCENARIO, state).verdict).toBe(
      'broken',
    );
    const pact = record([
      [
        row(LAB_A, { allowedPosture: 'pause', effectivePosture: 'pause' }),
        row(LAB_B, { effectivePosture: 'deploy' }),
      ],
    ]);
    const marked = { ...commitment({ kind: 'pausePact' }), mark: 'kept' as const };
    expect(assessCommitment(marked, SCENARIO, pact)).toMatchObject({
      inferred: 'broken',
      verdict: 'kept',
    });
  });
});
