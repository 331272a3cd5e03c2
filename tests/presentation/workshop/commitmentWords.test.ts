// The record's evidence about a table commitment, in words (src/presentation/workshop/
// commitmentWords.ts): the engine says what happened, these sentences say it to the room.
import { describe, expect, it } from 'vitest';
import type { CommitmentEvidence } from '../../../src/engine/workshop/commitments';
import { evidenceWords } from '../../../src/presentation/workshop/commitmentWords';
import { BOT, LAB_A, LAB_B, SCENARIO } from '../../engine/workshop/helpers';

const labs = SCENARIO.labs.map((l) => ({ id: l.id, name: l.name }));
const nameOf = (id: string) => labs.find((l) => l.id === id)?.name ?? '';
const level = SCENARIO.levels[0] as { id: string; name: string };
const say = (lab: string, fact: CommitmentEvidence['fact']) =>
  evidenceWords({ round: 1, lab, broke: true, fact }, SCENARIO, labs);

describe('evidenceWords', () => {
  it('says who called for a pause, with the possessive a name ending in s takes', () => {
    // The premise: the first lab's name ends in s ("Lantern Labs"), the second's does not.
    expect(nameOf(LAB_A)).toMatch(/s$/);
    expect(nameOf(LAB_B)).not.toMatch(/s$/);
    expect(say(LAB_B, { kind: 'pauseIgnored', callers: [LAB_A], took: 'deploy' })).toBe(
      `${nameOf(LAB_A)}’ evals called for a pause, but ${nameOf(LAB_B)} released in full.`,
    );
    expect(say(LAB_A, { kind: 'allPaused', callers: [LAB_B] })).toBe(
      `${nameOf(LAB_B)}’s evals called for a pause, and every party paused.`,
    );
    expect(say(LAB_A, { kind: 'allPaused', callers: [LAB_A, BOT] })).toBe(
      `${nameOf(LAB_A)} and ${nameOf(BOT)}’s evals called for a pause, and every party paused.`,
    );
  });

  it('names the lab, and the level by its name rather than its id', () => {
    expect(say(LAB_B, { kind: 'leftPact' })).toBe(
      `${nameOf(LAB_B)} left the conditional pause agreement.`,
    );
    expect(say(LAB_A, { kind: 'deployedAbove', level: level.id })).toBe(
      `${nameOf(LAB_A)} deployed fully while its evals showed ${level.name} reached.`,
    );
    expect(say(LAB_A, { kind: 'quietRevision', level: level.id })).toBe(
      `${nameOf(LAB_A)} quietly revised its ${level.name} threshold.`,
    );
  });
});
