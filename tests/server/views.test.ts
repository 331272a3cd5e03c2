// What each device is sent, checked over random games: a team's view never carries another
// team's locked-in decision or private numbers (evals, audits, budget, safeguards, true
// capability) unless the game's rules make them public; the projector and the console carry no
// team's decision or private numbers at all.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceGame, createGame, type RoundDecisions } from '../../src/engine/game';
import type { GameState, LabDecision, Scenario } from '../../src/engine/types';
import { POSTURES } from '../../src/engine/types';
import { initialMeta } from '../../src/engine/workshop/flow';
import { seatOrder } from '../../src/engine/workshop/seats';
import { startTimer } from '../../src/engine/workshop/timer';
import type { JoinLinks } from '../../src/lib/roomProtocol';
import {
  facilitatorView,
  projectorView,
  teamView,
  type RoomSnapshot,
} from '../../src/server/views';
import { shippedScenarios } from '../support/shippedScenarios';

const decisionArb: fc.Arbitrary<LabDecision> = fc
  .record({
    posture: fc.constantFrom(...POSTURES),
    weights: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 5, maxLength: 5 }),
    publish: fc.option(fc.boolean(), { nil: undefined }),
    audit: fc.boolean(),
  })
  .map(({ posture, weights, publish, audit }) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const [capabilities, security, deployment, alignment, evals] = weights.map((w) => w / total);
    return {
      posture,
      budget: {
        capabilities: capabilities!,
        security: security!,
        deployment: deployment!,
        alignment: alignment!,
        evals: evals!,
      },
      actions: [
        ...(publish === undefined ? [] : [{ kind: 'publishEvals' as const, publish }]),
        ...(audit ? [{ kind: 'inviteAudit' as const }] : []),
      ],
    };
  });

interface RandomRoom {
  scenario: Scenario;
  teams: string[];
  played: RoundDecisions[];
  pending: RoundDecisions;
}

const roomArb: fc.Arbitrary<RandomRoom & { seed: number }> = fc
  .record({
    scenario: fc.constantFrom(...shippedScenarios),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    teamCount: fc.integer({ min: 2, max: 6 }),
    quarters: fc.integer({ min: 0, max: 6 }),
  })
  .chain(({ scenario, seed, teamCount, quarters }) => {
    const teams = seatOrder(scenario).slice(0, Math.min(teamCount, scenario.labs.length));
    const decisions = fc.record(Object.fromEntries(teams.map((lab) => [lab, decisionArb])));
    return fc.record({
      scenario: fc.constant(scenario),
      seed: fc.constant(seed),
      teams: fc.constant(teams),
      played: fc.array(decisions, { minLength: quarters, maxLength: quarters }),
      pending: fc
        .subarray(teams)
        .chain((locked) => fc.record(Object.fromEntries(locked.map((lab) => [lab, decisionArb])))),
    });
  });

function snapshotOf(room: RandomRoom & { seed: number }): RoomSnapshot {
  const setup = { scenario: room.scenario, seed: room.seed, humans: room.teams };
  let game: GameState = createGame(room.scenario, setup);
  for (const decisions of room.played) {
    if (game.outcome) break;
    game = advanceGame(game, room.scenario, decisions);
  }
  // A room in play with decisions open (its timer started at 0), as the workshop machine records it.
  const meta = {
    ...initialMeta(
      room.teams.map((lab, i) => ({ lab, name: `Team ${i + 1}` })),
      300,
      'play',
    ),
    roundOpen: true,
    timer: startTimer(300, 0),
  };
  return {
    roomId: 'r',
    setup,
    game,
    meta,
    pending: room.pending,
    ended: false,
    now: 0,
    drafts: {},
  };
}

const LINKS: JoinLinks = { facilitator: 'f', projector: 'p', teams: [] };

/** Numbers no game produces, planted in one lab's private state to see where they go. */
const SENTINEL = {
  eval: 0.31415926535,
  audit: 0.27182818284,
  capability: 0.14142135623,
  safeguards: 0.17320508075,
  budget: 987.654321,
  pastBudget: 0.0123456789,
} as const;

function plant(game: GameState, lab: string): GameState {
  const copy = structuredClone(game);
  const target = copy.labs.find((l) => l.id === lab)!;
  const domains = Object.keys(target.capability);
  const fill = (value: number) => Object.fromEntries(domains.map((d) => [d, value]));
  target.lastEval = {
    round: copy.round,
    measured: fill(SENTINEL.eval),
    uncertainty: SENTINEL.eval,
    sensitivity: SENTINEL.eval,
  };
  target.lastAudit = { ...target.lastEval, measured: fill(SENTINEL.audit) };
  target.capability = fill(SENTINEL.capability);
  target.safeguards = {
    security: SENTINEL.safeguards,
    deployment: SENTINEL.safeguards,
    alignment: SENTINEL.safeguards,
  };
  target.budget = SENTINEL.budget;
  for (const record of copy.history) {
    for (const row of record.labs.filter((r) => r.lab === lab)) {
      row.measured = fill(SENTINEL.eval);
      row.capability = fill(SENTINEL.capability);
      row.safeguards = target.safeguards;
      row.budget = SENTINEL.budget;
      row.decision = {
        ...row.decision,
        budget: { ...row.decision.budget, capabilities: SENTINEL.pastBudget },
      };
    }
  }
  return copy;
}

const digits = (n: number) => String(n).replace(/^0\./, '');

function leaked(json: string): string[] {
  return Object.entries(SENTINEL)
    .filter(([, n]) => json.includes(digits(n)))
    .map(([name]) => name);
}

/** The lab's eval results are public under the scenario's rules (it publishes them). */
function publishes(game: GameState, scenario: Scenario, lab: string): boolean {
  return (
    scenario.information === 'published' &&
    !!game.labs.find((l) => l.id === lab)?.policy.publishesEvals
  );
}

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
