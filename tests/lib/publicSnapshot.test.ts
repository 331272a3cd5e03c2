// The projector's channel messages (issue 17, item 11): a real snapshot passes the check; a
// forged room or a malformed snapshot does not, and the check never throws.
import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/engine/game';
import { publicSnapshot } from '../../src/presentation/workshop/publicView';
import { initialMeta } from '../../src/engine/workshop/flow';
import { newRoom, parseChannelMessage, roomFromHash } from '../../src/lib/publicSnapshot';
import { LAB_A, LAB_B, SCENARIO, TEAMS } from '../engine/workshop/helpers';

const room = newRoom();
const state = createGame(SCENARIO, { seed: 3, humans: [LAB_A, LAB_B] });
const snapshot = JSON.parse(
  JSON.stringify(publicSnapshot(SCENARIO, state, initialMeta(TEAMS, 300), [])),
) as Record<string, unknown>;

describe('channel messages', () => {
  it('a snapshot the console made passes, with its room', () => {
    expect(parseChannelMessage({ type: 'public', room, snapshot })).toEqual({
      type: 'public',
      room,
      snapshot,
    });
    expect(parseChannelMessage({ type: 'public', room, snapshot: null })).toMatchObject({
      snapshot: null,
    });
    expect(parseChannelMessage({ type: 'hello', room })).toEqual({ type: 'hello', room });
  });

  it('a message without a valid room, or with a malformed snapshot, is refused', () => {
    const bad: unknown[] = [
      { type: 'public', snapshot },
      { type: 'public', room: 'short', snapshot },
      { type: 'public', room: `${room}<script>`, snapshot },
      { type: 'hello' },
      { type: 'public', room, snapshot: { ...snapshot, teams: 5 } },
      { type: 'public', room, snapshot: { ...snapshot, phase: 'hacked' } },
      { type: 'public', room, snapshot: { ...snapshot, publicTrust: Number.POSITIVE_INFINITY } },
      { type: 'public', room, snapshot: { ...snapshot, thisQuarter: [{ kind: 'x' }] } },
      { type: 'public', room, snapshot: { ...snapshot, scenarioTitle: 'x'.repeat(100_000) } },
      { type: 'public', room, snapshot: { ...snapshot, kind: undefined } },
      { type: 'other', room },
      null,
      'public',
      [],
    ];
    for (const message of bad) expect(parseChannelMessage(message)).toBeNull();
    const cyclic: Record<string, unknown> = { ...snapshot };
    cyclic.labs = [cyclic];
    expect(parseChannelMessage({ type: 'public', room, snapshot: cyclic })).toBeNull();
  });

  it('reads the room from the projector URL only when it is a token', () => {
    expect(roomFromHash(`#projector=${room}`)).toBe(room);
    expect(roomFromHash('#projector')).toBeNull();
    expect(roomFromHash('#projector=<b>')).toBeNull();
  });
});
