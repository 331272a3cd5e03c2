// The small pure parts of the room's flow; the flow itself is the workshop machine
// (tests/engine/machines/workshopMachine.test.ts).
import { describe, expect, it } from 'vitest';
import * as flow from '../../../src/engine/workshop/flow';
import { LAB_A, LAB_B, TEAMS } from './helpers';

describe('the facilitator flow', () => {
  it('knows who is next: the first team in seat order not yet locked in', () => {
    expect(flow.nextTeam(TEAMS, [])).toBe(LAB_A);
    expect(flow.nextTeam(TEAMS, [LAB_A])).toBe(LAB_B);
    expect(flow.nextTeam(TEAMS, [LAB_B])).toBe(LAB_A);
    expect(flow.nextTeam(TEAMS, [LAB_A, LAB_B])).toBeNull();
  });

  it('starts a record on the console, decisions closed, without a PIN', () => {
    expect(flow.initialMeta(TEAMS, 120)).toMatchObject({
      format: 3,
      stage: 'setup',
      roundOpen: false,
      paused: false,
      turn: { screen: 'console', team: null },
      pin: null,
    });
  });
});
