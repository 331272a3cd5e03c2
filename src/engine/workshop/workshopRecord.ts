// What a workshop save keeps, derived from the workshop machine's snapshot: the game (setup, log,
// decisions waiting, live injects — from the game machine, its child) and the room's record
// (types.ts: which state the room is in, the timer, the teams, commitments, the PIN). Restoring
// is the machine's `restore` event with this record; nothing is mirrored by hand.

import type { GameSnapshot } from '../machines/gameMachine';
import type { PlayRecord, WorkshopSnapshot } from './workshopMachine';
import type { TurnScreen, WorkshopMeta } from './types';

/** The game machine's snapshot inside the workshop's. */
export function gameSnapshotOf(snapshot: WorkshopSnapshot): GameSnapshot {
  return snapshot.context.game.getSnapshot();
}

function screenOf(snapshot: WorkshopSnapshot): TurnScreen {
  if (snapshot.matches({ play: { screen: 'handover' } })) return 'handover';
  if (snapshot.matches({ play: { screen: 'team' } })) return 'team';
  if (snapshot.matches({ play: { screen: 'public' } })) return 'public';
  if (snapshot.matches({ debrief: 'public' })) return 'public';
  return 'console';
}

/** The room's record as it stands (a session in play or at its debrief). */
export function roomRecord(snapshot: WorkshopSnapshot): WorkshopMeta {
  const c = snapshot.context;
  const screen = screenOf(snapshot);
  return {
    format: 3,
    stage: snapshot.matches('setup') ? 'setup' : snapshot.matches('policies') ? 'policies' : 'play',
    teams: c.teams,
    timerSeconds: c.timerSeconds,
    timer: c.timer,
    roundOpen: snapshot.matches({ play: { round: 'open' } }),
    paused: snapshot.matches({ play: { discussion: 'paused' } }),
    turn: { screen, team: screen === 'handover' || screen === 'team' ? c.turnTeam : null },
    commitments: c.commitments,
    injects: gameSnapshotOf(snapshot).context.injects,
    pin: c.pin,
    policyStep: snapshot.matches('policies') ? c.policyStep : null,
  };
}

/**
 * The whole session as a save keeps it, or null before a game has started. In the policy step
 * the game is the one it leads to, not yet played (the teams' drafts are in the room's record).
 */
export function playRecord(snapshot: WorkshopSnapshot): PlayRecord | null {
  const { pendingSetup } = snapshot.context;
  if (snapshot.matches('policies') && pendingSetup) {
    return { setup: pendingSetup, log: [], pending: {}, meta: roomRecord(snapshot) };
  }
  const game = gameSnapshotOf(snapshot).context;
  if (snapshot.matches('setup') || !game.setup) return null;
  return { setup: game.setup, log: game.log, pending: game.pending, meta: roomRecord(snapshot) };
}
