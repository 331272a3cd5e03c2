import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceGame, createGame, replayGame, type DecisionLog } from '../../src/engine/game';
import { knownLevelIndex, labVerdict } from '../../src/engine/knowledge';
import { resolveRound } from '../../src/engine/round';
import type { GameState, Scenario } from '../../src/engine/types';
import { arbitraryDecision } from './arbitraries';
import { testScenario } from './fixtures';

const scenario = testScenario({ rounds: 10 });
const seed = fc.integer({ min: 0, max: 2 ** 31 });
const log = fc.array(fc.record({ player: arbitraryDecision, racer: arbitraryDecision }), {
  minLength: 1,
  maxLength: 10,
});
const setup = (s: number) => ({ seed: s, humans: ['player', 'racer'] });

function walk(value: unknown, visit: (n: number, path: string) => void, path = ''): void {
  if (typeof value === 'number') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, visit, `${path}[${i}]`));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, visit, `${path}.${k}`);
  }
}

/** Fields that are probabilities, shares or readiness, which must stay in [0, 1]. */
const UNIT_FIELD =
  /(capability|measured|safeguards|risk|marketShare|reputation|boardPressure|publicTrust|sensitivity)/;

describe('engine invariants over random seeds and decisions', () => {
  it('never produces NaN or infinities, and keeps probabilities, shares and readiness in [0, 1]', () => {
    fc.assert(
      fc.property(seed, log, (s, decisions) => {
        const state = replayGame(scenario, setup(s), decisions);
        walk(state, (n, path) => {
          if (!Number.isFinite(n)) throw new Error(`${path} is ${n}`);
          if (UNIT_FIELD.test(path) && !/rng|round|seed/.test(path) && (n < 0 || n > 1)) {
            throw new Error(`${path} = ${n} is outside [0, 1]`);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic: the same scenario, seed and decisions give the identical game', () => {
    fc.assert(
      fc.property(seed, log, (s, decisions) => {
        const a = replayGame(scenario, setup(s), decisions);
        const b = replayGame(scenario, setup(s), decisions);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 30 },
    );
  });

  it('does not advance a paused lab’s training', () => {
    fc.assert(
      fc.property(seed, log, (s, decisions) => {
        let state = createGame(scenario, setup(s));
        for (const d of decisions) {
          if (state.outcome) break;
          const before = state.labs.find((l) => l.id === 'player')?.capability;
          state = advanceGame(state, scenario, d);
          const row = state.history.at(-1)?.labs.find((l) => l.lab === 'player');
          if (row?.effectivePosture === 'pause') expect(row.capability).toEqual(before);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('continues identically from a snapshot restored mid-game (through JSON)', () => {
    fc.assert(
      fc.property(seed, log, log, (s, first, second) => {
        const mid = replayGame(scenario, setup(s), first);
        const restored = JSON.parse(JSON.stringify(mid)) as GameState;
        let a = mid;
        let b = restored;
        for (const d of second) {
          a = advanceGame(a, scenario, d);
          b = advanceGame(b, scenario, d);
        }
        expect(b).toEqual(a);
      }),
      { numRuns: 30 },
    );
  });

  it('never lets a lab that knows it crossed keep scaling under a binding policy without the safeguards', () => {
    const binding: Scenario = {
      ...scenario,
      labs: scenario.labs.map((l) => ({ ...l, policy: { ...l.policy, binding: true } })),
      // Start near the first threshold so crossings are common.
      evaluation: { ...scenario.evaluation, elicitationGap: 0, sandbagging: 0 },
    };
    binding.labs.forEach(
      (l) => (l.start = { ...l.start, capability: { cbrn: 0.56, autonomy: 0.4 } }),
    );
    let checked = 0;
    fc.assert(
      fc.property(seed, log, (s, rawDecisions: DecisionLog) => {
        // Revising the ladder is a separate, documented escape hatch (the quiet revision); the
        // guard is checked against the policy as it stands.
        const decisions = rawDecisions.map((round) =>
          Object.fromEntries(
            Object.entries(round).map(([lab, d]) => [
              lab,
              { ...d, actions: d.actions.filter((a) => a.kind !== 'reviseThreshold') },
            ]),
          ),
        );
        let state = createGame(binding, setup(s));
        for (const d of decisions) {
          if (state.outcome) break;
          const mustPause = state.labs
            .filter(
              (l) => knownLevelIndex(l, binding) >= 0 && labVerdict(l, binding).allowed === 'pause',
            )
            .map((l) => l.id);
          const resolved = resolveRound(state, binding, {
            ...d,
            fast: d.player,
            open: d.racer,
          });
          const rows = resolved.history.at(-1)?.labs ?? [];
          for (const id of mustPause) {
            const row = rows.find((r) => r.lab === id);
            expect(row?.effectivePosture).toBe('pause');
            expect(row?.compliance).not.toBe('broken');
            checked++;
          }
          state = advanceGame(state, binding, d);
        }
      }),
      { numRuns: 60 },
    );
    // The property must have been exercised, not passed vacuously.
    expect(checked).toBeGreaterThan(20);
  });
});
