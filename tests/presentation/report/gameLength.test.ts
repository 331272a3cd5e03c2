import { describe, expect, it } from 'vitest';
import { replayGame } from '../../../src/engine/game';
import { gameLengthNote } from '../../../src/presentation/report/gameLength';
import { LAB_A, LAB_B, SCENARIO, played } from '../../engine/workshop/helpers';

const setup = { scenario: SCENARIO, seed: 5, humans: [LAB_A, LAB_B] };

describe('the note on a shortened game', () => {
  it('says nothing of a game played to the scenario’s end', () => {
    const { state } = played(SCENARIO.rounds);
    expect(state.outcome).not.toBeNull();
    expect(gameLengthNote(SCENARIO, state, {})).toBeNull();
  });

  it('says how much a game set shorter played, and what it left out', () => {
    const { log } = played(4);
    const state = replayGame(SCENARIO, { ...setup, rounds: 4 }, log);
    const note = gameLengthNote(SCENARIO, state, { rounds: 4 });
    expect(note?.cutShort).toBe(false);
    expect(note?.summary).toBe(
      `Played 4 of the scenario’s ${SCENARIO.rounds} quarters, as set at the start.`,
    );
    expect(note?.leftOut[0]).toMatch(
      new RegExp(
        `^The scenario’s last ${SCENARIO.rounds - 4} quarters \\(5 to ${SCENARIO.rounds}\\)`,
      ),
    );
    const later = SCENARIO.events.filter((e) => e.round > 4);
    for (const e of later) expect(note?.leftOut[1]).toContain(e.headline);
  });

  it('says the facilitator cut it short, at which quarter of how many', () => {
    const { log } = played(3);
    const state = replayGame(SCENARIO, { ...setup, rounds: 8, endAfter: 3 }, log);
    expect(state.outcome?.reason).toBe('roundsComplete');
    expect(gameLengthNote(SCENARIO, state, { rounds: 8, endAfter: 3 })).toMatchObject({
      cutShort: true,
      summary: `The facilitator ended the game after quarter 3 of the 8 quarters planned (the scenario has ${SCENARIO.rounds}).`,
    });
  });

  it('says the facilitator ended the session while the game was still being played', () => {
    const { log } = played(3);
    const state = replayGame(SCENARIO, { ...setup, rounds: 8 }, log);
    expect(state.outcome).toBeNull();
    // A game at play with its session still open has no note: it has not ended.
    expect(gameLengthNote(SCENARIO, state, { rounds: 8 })).toBeNull();
    const note = gameLengthNote(SCENARIO, state, { rounds: 8, endedEarly: true });
    expect(note).toMatchObject({
      cutShort: true,
      summary: `The facilitator ended the session after quarter 3 of the 8 quarters planned (the scenario has ${SCENARIO.rounds}), before the game was over.`,
    });
    expect(note?.leftOut[0]).toMatch(/^The scenario’s last \d+ quarters \(4 to /);
  });
});
