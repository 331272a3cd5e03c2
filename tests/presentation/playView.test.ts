// A screen shown during play gets a PlayView: what one lab may see. Non-interference: two games
// that differ only in hidden truth — every lab's true capability and true risk, the missed
// crossings, the rivals' private evals and budgets — must give the same view, byte for byte.
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { advanceGame, createGame } from '../../src/engine/game';
import { readableNews } from '../../src/presentation/newsWords';
import { labPolicy } from '../../src/engine/policies';
import type { GameState, LabState, LabView, RivalSignal, Scenario } from '../../src/engine/types';
import { newsVisibleTo } from '../../src/engine/view';
import { playViewOf, type PlayView } from '../../src/presentation/playView';
import { arbitraryDecision } from '../engine/arbitraries';
import { shippedScenarios } from '../support/shippedScenarios';

// The shipped scenarios, and one where labs announce nothing, so rivals' evals are private.
const scenarios: Scenario[] = [
  ...shippedScenarios,
  { ...(shippedScenarios[0] as Scenario), information: 'none' },
];

/**
 * Whether a rival's evals reach others: published outright, through the level it announces when
 * its evals show one (a public policy under announcements), or — for a member of the pause
 * agreement — through the agreement, which tells every lab when a member's evals show a crossing
 * it lacks the safeguards for (src/engine/pauseAgreement.ts). Only otherwise are they private.
 */
function evalsSeen(scenario: Scenario, lab: LabState): boolean {
  if (lab.policy.inPauseAgreement) return true;
  if (scenario.information === 'none') return false;
  if (scenario.information === 'published' && lab.policy.publishesEvals) return true;
  return labPolicy(scenario, lab.id).policy.public;
}

const shift = (x: number, by: number) => Math.min(1, Math.max(0, x + by));
function shifted<T extends Record<string, number>>(values: T, by: number): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, shift(v, by)])) as T;
}

/** `game` with its hidden truth changed by `by`; everything a lab may see left as it is. */
function otherTruth(scenario: Scenario, game: GameState, labId: string, by: number): GameState {
  return {
    ...game,
    labs: game.labs.map((lab) => {
      const rival = lab.id !== labId;
      const hideEval = rival && !evalsSeen(scenario, lab);
      return {
        ...lab,
        capability: shifted(lab.capability, by),
        budget: rival ? lab.budget * (1 + by) + 1 : lab.budget,
        lastEval:
          hideEval && lab.lastEval
            ? { ...lab.lastEval, measured: shifted(lab.lastEval.measured, by) }
            : lab.lastEval,
      };
    }),
    history: game.history.map((round) => ({
      ...round,
      labs: round.labs.map((row) => {
        const rival = row.lab !== labId;
        return {
          ...row,
          capability: shifted(row.capability, by),
          trueLevel: by > 0 ? null : row.trueLevel,
          missedCrossings: [],
          risk: { ...row.risk, total: shift(row.risk.total, by) },
          budget: rival ? row.budget * (1 + by) + 1 : row.budget,
          measured: rival && row.measured ? shifted(row.measured, by) : row.measured,
        };
      }),
    })),
  };
}

function played(scenario: Scenario, seed: number, decisions: readonly unknown[]): GameState {
  const player = (scenario.labs.find((l) => l.role === 'player') ?? scenario.labs[0])?.id ?? '';
  let game = createGame(scenario, { seed, humans: [player] });
  for (const d of decisions) {
    if (game.outcome) break;
    game = advanceGame(game, scenario, { [player]: d as never });
  }
  return game;
}

describe('playViewOf', () => {
  it('gives the same view whatever the hidden truth (non-interference)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...scenarios),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(arbitraryDecision, { maxLength: 5 }),
        fc.double({ min: -0.3, max: 0.3, noNaN: true }).filter((x) => Math.abs(x) > 0.01),
        (scenario, seed, decisions, by) => {
          const game = played(scenario, seed, decisions);
          fc.pre(game.outcome === null);
          for (const lab of game.labs) {
            const view = playViewOf(game, scenario, lab.id);
            const other = playViewOf(otherTruth(scenario, game, lab.id, by), scenario, lab.id);
            expect(JSON.stringify(other)).toBe(JSON.stringify(view));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('does see what is not hidden: its own evals change the view', () => {
    const scenario = scenarios[0] as Scenario;
    const game = played(scenario, 3, []);
    const me = game.labs[0] as LabState;
    const changed: GameState = {
      ...game,
      labs: game.labs.map((l) => (l.id === me.id ? { ...l, budget: l.budget + 5 } : l)),
    };
    expect(JSON.stringify(playViewOf(changed, scenario, me.id))).not.toBe(
      JSON.stringify(playViewOf(game, scenario, me.id)),
    );
  });

  it('shows the last two quarters’ news as the whole game’s news reads them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...scenarios),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(arbitraryDecision, { minLength: 3, maxLength: 12 }),
        (scenario, seed, decisions) => {
          const game = played(scenario, seed, decisions);
          for (const lab of game.labs) {
            const all = newsVisibleTo(readableNews(scenario, game.labs, game.world.news), lab.id);
            const view = playViewOf(game, scenario, lab.id);
            expect(view.lastQuarter).toEqual(all.filter((n) => n.round === game.round - 1));
            expect(view.thisQuarter).toEqual(all.filter((n) => n.round === game.round));
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('has no field that could hold the truth', () => {
    expectTypeOf<PlayView>().not.toHaveProperty('game');
    expectTypeOf<PlayView['lab']>().toEqualTypeOf<LabView>();
    expectTypeOf<LabView['self']>().not.toHaveProperty('capability');
    expectTypeOf<RivalSignal>().not.toHaveProperty('capability');
    expectTypeOf<RivalSignal>().not.toHaveProperty('budget');
    expectTypeOf<RivalSignal>().not.toHaveProperty('lastEval');
    expectTypeOf<PlayView['chart']['truth']>().toEqualTypeOf<null>();
    expectTypeOf<PlayView['chart']['trueRisk']>().toEqualTypeOf<null>();
    expectTypeOf<PlayView['chart']['missed']>().toEqualTypeOf<[]>();
    expectTypeOf<PlayView['chart']['rows'][number]['truth']>().toEqualTypeOf<null>();
    const scenario = scenarios[0] as Scenario;
    const game = played(scenario, 1, []);
    // @ts-expect-error: a view built for play is not a game state.
    const asGame: GameState = playViewOf(game, scenario, game.labs[0]?.id ?? '');
    expect(asGame).toBeDefined();
  });
});
