// What each device is sent, checked over random games: a team's view never carries another
// team's locked-in decision or private numbers (evals, audits, budget, safeguards, true
// capability) unless the game's rules make them public; the projector and the console carry no
// team's decision or private numbers at all.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JoinLinks } from '../../src/lib/roomProtocol';
import { facilitatorView, projectorView, teamView } from '../../src/server/views';
import { decisionArb, leaked, plant, publishes, roomArb, snapshotOf } from './randomRooms';

const LINKS: JoinLinks = { facilitator: 'f', projector: 'p', teams: [] };

describe('per-device views', () => {
  it('a team’s view does not change with another team’s locked-in decision', () => {
    fc.assert(
      fc.property(roomArb, decisionArb, decisionArb, (room, other, another) => {
        const snapshot = snapshotOf(room);
        const [a, b] = room.teams as [string, string];
        const locked = { ...room.pending, [b]: other };
        const relocked = { ...room.pending, [b]: another };
        const viewA = teamView({ ...snapshot, pending: locked }, a);
        expect(teamView({ ...snapshot, pending: relocked }, a)).toEqual(viewA);
        // The projector and the console see that B locked in, never what.
        expect(projectorView({ ...snapshot, pending: relocked })).toEqual(
          projectorView({ ...snapshot, pending: locked }),
        );
        expect(facilitatorView({ ...snapshot, pending: relocked }, LINKS)).toEqual(
          facilitatorView({ ...snapshot, pending: locked }, LINKS),
        );
        // Its own decision is in its own view.
        expect(teamView({ ...snapshot, pending: locked }, b).decision).toEqual({
          posture: other.posture,
          budget: other.budget,
          actions: other.actions,
        });
      }),
      { numRuns: 40 },
    );
  });

  it('no team’s private numbers reach another team, the projector or the console', () => {
    fc.assert(
      fc.property(roomArb, (room) => {
        const snapshot = snapshotOf(room);
        const [a, b] = room.teams as [string, string];
        const game = plant(snapshot.game, b);
        const planted = { ...snapshot, game };
        const published = publishes(game, room.scenario, b) ? ['eval'] : [];
        const allowed = (names: string[]) => names.filter((n) => !published.includes(n));
        // Once the game is over the reveal (the debrief for the room) shows everyone the truth,
        // by design; everywhere else, and before the end everywhere, nothing private passes.
        const outsideReveal = (view: unknown) =>
          JSON.stringify(view, (key, value: unknown) => (key === 'reveal' ? undefined : value));
        expect(allowed(leaked(outsideReveal(teamView(planted, a))))).toEqual([]);
        expect(allowed(leaked(outsideReveal(projectorView(planted))))).toEqual([]);
        expect(allowed(leaked(outsideReveal(facilitatorView(planted, LINKS))))).toEqual([]);
        if (!game.outcome) {
          expect(projectorView(planted).public?.reveal ?? null).toBeNull();
          expect(teamView(planted, a).public?.reveal ?? null).toBeNull();
        }
        // The planted team itself sees its own evals, audit, budget and safeguards — never
        // its true capability (before the reveal).
        const own = leaked(outsideReveal(teamView(planted, b)));
        expect(own).toEqual(expect.arrayContaining(['eval', 'audit', 'safeguards', 'budget']));
        expect(own).not.toContain('capability');
      }),
      { numRuns: 40 },
    );
  });

  it('a team’s view names only its own pending decision', () => {
    fc.assert(
      fc.property(roomArb, (room) => {
        const snapshot = snapshotOf(room);
        for (const lab of room.teams) {
          const view = teamView(snapshot, lab);
          expect(view.decision === null).toBe(!(lab in room.pending));
          expect(view.public.teams.filter((t) => t.lockedIn).map((t) => t.lab)).toEqual(
            room.teams.filter((t) => t in room.pending),
          );
        }
      }),
      { numRuns: 20 },
    );
  });
});
