// A room's flow on the workshop machine (src/server/roomFlow.ts): a session saved by the app —
// even mid-turn on a PIN-locked laptop — becomes a room where every team decides from its own
// device, and what the room keeps is what the app's save keeps.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { workshopMachine } from '../../src/engine/workshop/workshopMachine';
import { playRecord } from '../../src/engine/workshop/workshopRecord';
import { RoomFlow, type RoomRecord } from '../../src/server/roomFlow';
import { LAB_A, LAB_B, SCENARIO, TEAMS, dec } from '../engine/workshop/helpers';

/** A session as the app saves it: PIN set, decisions open, team B at its secret screen. */
function midTurnOnTheLaptop(): RoomRecord {
  const actor = createActor(workshopMachine).start();
  actor.send({
    type: 'start',
    setup: { scenario: SCENARIO, seed: 5, humans: [LAB_A, LAB_B] },
    teams: TEAMS,
    timerSeconds: 300,
    pin: '4321',
  });
  actor.send({ type: 'openDecisions', now: 0 });
  actor.send({ type: 'callTeam', lab: LAB_B });
  actor.send({ type: 'startTurn' });
  const record = playRecord(actor.getSnapshot());
  if (!record) throw new Error('the session did not start');
  expect(record.meta.turn).toEqual({ screen: 'team', team: LAB_B });
  return record;
}

const team = (lab: string) => ({ role: 'team' as const, lab });

describe('room flow', () => {
  it('resumes an app session at the console, and each team locks in from its own device', () => {
    const room = RoomFlow.restore(midTurnOnTheLaptop());
    expect(room.meta.turn).toEqual({ screen: 'console', team: null });
    expect(room.meta.pin).toBe('4321');
    expect(room.apply({ type: 'submit', decision: dec('restrict') }, team(LAB_A), 1)).toEqual({
      ok: true,
      changed: true,
    });
    expect(room.apply({ type: 'submit', decision: dec('deploy') }, team(LAB_B), 2)).toEqual({
      ok: true,
      changed: true,
    });
    expect(Object.keys(room.pending).sort()).toEqual([LAB_A, LAB_B].sort());
    expect(room.meta.turn).toEqual({ screen: 'console', team: null });
    expect(room.apply({ type: 'resolve' }, { role: 'facilitator' }, 3)).toEqual({
      ok: true,
      changed: true,
    });
    expect(room.log).toHaveLength(1);
  });

  it('keeps the record the app saves, and is rebuilt from it as it was', () => {
    const room = RoomFlow.restore(midTurnOnTheLaptop());
    room.apply({ type: 'submit', decision: dec('restrict') }, team(LAB_A), 1);
    room.apply({ type: 'pause' }, { role: 'facilitator' }, 2);
    const record = room.record();
    expect(record.meta).toMatchObject({ format: 3, stage: 'play', roundOpen: true, paused: true });
    const again = RoomFlow.restore(record);
    expect(again.record()).toEqual(record);
    expect(again.apply({ type: 'submit', decision: dec('deploy') }, team(LAB_B), 3)).toMatchObject({
      ok: false,
      code: 'notNow',
    });
  });
});
