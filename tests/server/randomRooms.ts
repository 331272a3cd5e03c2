// Random rooms for the server's leak properties (views.test.ts, eventViews.test.ts): a shipped
// scenario, a seed, two to six teams, some quarters played and some decisions locked in; and a
// lab's private state planted with numbers no game produces, to see where they go.

import fc from 'fast-check';
import { advanceGame, createGame, type RoundDecisions } from '../../src/engine/game';
import type { GameState, LabDecision, Scenario } from '../../src/engine/types';
import { POSTURES } from '../../src/engine/types';
import { initialMeta } from '../../src/engine/workshop/flow';
import { seatOrder } from '../../src/engine/workshop/seats';
import { startTimer } from '../../src/engine/workshop/timer';
import type { RoomSnapshot } from '../../src/server/views';
import { shippedScenarios } from '../support/shippedScenarios';

export const decisionArb: fc.Arbitrary<LabDecision> = fc
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

export interface RandomRoom {
  scenario: Scenario;
  teams: string[];
  played: RoundDecisions[];
  pending: RoundDecisions;
}

export const roomArb: fc.Arbitrary<RandomRoom & { seed: number }> = fc
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

export function snapshotOf(room: RandomRoom & { seed: number }): RoomSnapshot {
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
    controls: {
      canFireInject: game.outcome === null,
      canEndNow: false,
      canPlayOn: false,
      plannedQuarters: game.totalRounds,
    },
  };
}

/** Numbers no game produces, planted in one lab's private state to see where they go. */
export const SENTINEL = {
  eval: 0.31415926535,
  audit: 0.27182818284,
  capability: 0.14142135623,
  safeguards: 0.17320508075,
  budget: 987.654321,
  pastBudget: 0.0123456789,
} as const;

export function plant(game: GameState, lab: string): GameState {
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

export const digits = (n: number) => String(n).replace(/^0\./, '');

export function leaked(json: string): string[] {
  return Object.entries(SENTINEL)
    .filter(([, n]) => json.includes(digits(n)))
    .map(([name]) => name);
}

/** The lab's eval results are public under the scenario's rules (it publishes them). */
export function publishes(game: GameState, scenario: Scenario, lab: string): boolean {
  return (
    scenario.information === 'published' &&
    !!game.labs.find((l) => l.id === lab)?.policy.publishesEvals
  );
}
