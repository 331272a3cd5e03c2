// Each lab plays under its own policy: its ladder, its cadence and buffer, and its rules short of
// safeguards (pause, restrict, delay only if ahead) and about competitors. Every rule here must
// move what happens, so each test compares a game or a view with and without it.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applySettings, labLevers } from '../../src/engine/batch/sweepParameters';
import { advanceGame, createGame, playWithBots } from '../../src/engine/game';
import { labPolicy, ladderPolicy } from '../../src/engine/policies';
import { alertReached, policyPosture } from '../../src/engine/policyRules';
import { parseScenario } from '../../src/engine/scenario/validate';
import type { PolicySpec, Posture, Scenario } from '../../src/engine/types';
import { POSTURES } from '../../src/engine/types';
import { labView } from '../../src/engine/view';
import { LADDER, makeEval, makeRival, makeView } from './bots/lab-view-factory';
import { testScenario } from './fixtures';

/** The test scenario with a second policy for the "fast" lab. */
function withPolicy(policy: Partial<PolicySpec>, lab = 'fast'): Scenario {
  const s = testScenario();
  const own: PolicySpec = { ...ladderPolicy(s.levels), ...policy, id: 'own' };
  return {
    ...s,
    policies: [...s.policies, own],
    labs: s.labs.map((l) => (l.id === lab ? { ...l, policy: { ...l.policy, use: 'own' } } : l)),
  };
}

function shipped(id: string): Scenario {
  const result = parseScenario(readFileSync(`scenarios/${id}.json`, 'utf8'));
  if (!result.ok) throw new Error(`${id} does not validate`);
  return result.scenario;
}

describe("a lab's own ladder and evaluation rules", () => {
  it('a lab reads its own ladder: a lower threshold is reached where the default is not', () => {
    const strict = withPolicy({
      levels: [{ ...LADDER[0]!, id: 'low', thresholds: { cbrn: 0.2 } }],
    });
    const state = createGame(strict, { seed: 3 });
    const fast = labView(state, strict, 'fast');
    const player = labView(state, strict, 'player');
    expect(fast.self.knownLevel).toBe('low');
    expect(fast.levels.map((l) => l.id)).toEqual(['low']);
    expect(player.self.knownLevel).toBeNull();
    // and its policy's ladder is what the record's true level is read against
    const next = advanceGame(state, strict, {});
    expect(next.history[0]?.labs.find((l) => l.lab === 'fast')?.trueLevel).toBe('low');
  });

  it("each lab assesses on its own policy's cadence", () => {
    const s = withPolicy({ evaluation: { cadence: 3, safetyBuffer: 0, alertMargin: 0 } });
    let state = createGame(s, { seed: 1 });
    const rounds: Record<string, number[]> = { fast: [], player: [] };
    for (let r = 1; r <= 7; r++) {
      for (const id of ['fast', 'player']) {
        const lab = state.labs.find((l) => l.id === id);
        if (lab?.lastEval?.round === r) rounds[id]?.push(r);
      }
      state = advanceGame(state, s, {});
    }
    expect(rounds.fast).toEqual([1, 4, 7]);
    expect(rounds.player).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("each lab's safety buffer is its own", () => {
    const s = withPolicy({ evaluation: { cadence: 1, safetyBuffer: 0.3, alertMargin: 0 } });
    expect(labPolicy(s, 'fast').evaluation.safetyBuffer).toBe(0.3);
    expect(labPolicy(s, 'player').evaluation.safetyBuffer).toBe(s.evaluation.safetyBuffer);
    const state = createGame(s, { seed: 2 });
    expect(labView(state, s, 'fast').self.knownLevel).toBe('L3');
    expect(labView(state, s, 'player').self.knownLevel).toBeNull();
  });
});

describe('what a policy says short of safeguards', () => {
  const atL3 = (over: Parameters<typeof makeView>[0] = {}) =>
    makeView({
      ...over,
      self: {
        knownLevel: 'L3',
        safeguards: { security: 0.4, deployment: 0.3, alignment: 0.3 },
        marketShare: 0.4,
        ...over.self,
      },
    });
  const rule = (p: Partial<PolicySpec>): PolicySpec => ({ ...ladderPolicy(LADDER), ...p });

  it('"pause" leaves the ladder\'s verdict as it is', () => {
    fc.assert(
      fc.property(fc.constantFrom(...POSTURES), (allowed: Posture) => {
        expect(policyPosture(allowed, rule({}), () => atL3())).toBe(allowed);
      }),
    );
  });

  it('"restrict" never pauses: short of training safeguards, train on and restrict', () => {
    expect(policyPosture('pause', rule({ whenShort: 'restrict' }), () => atL3())).toBe('restrict');
    expect(policyPosture('deploy', rule({ whenShort: 'restrict' }), () => atL3())).toBe('deploy');
  });

  it('"delayIfAhead" pauses only when ahead and the risk significant', () => {
    const v3 = rule({ whenShort: 'delayIfAhead', significantShortfall: 0.1 });
    // ahead (largest share, no rival seen higher) and security 0.2 short of L3's 0.6: delay
    expect(policyPosture('pause', v3, () => atL3())).toBe('pause');
    // a rival with a larger market share: not ahead, so restrict and train on
    const behind = atL3({ rivals: [makeRival({ marketShare: 0.5 })] });
    expect(policyPosture('pause', v3, () => behind)).toBe('restrict');
    // a rival announced at the next level: not ahead
    const seen = atL3({ rivals: [makeRival({ announcedLevel: 'L4' })] });
    expect(policyPosture('pause', v3, () => seen)).toBe('restrict');
    // ahead, but only 0.05 short: not significant
    const close = atL3({
      self: { safeguards: { security: 0.55, deployment: 0.3, alignment: 0.3 } },
    });
    expect(policyPosture('pause', v3, () => close)).toBe('restrict');
  });

  it('the competitor clause lets a lab release in full once a rival at its level has', () => {
    const clause = rule({ competitorClause: true });
    const ready = { security: 0.65, deployment: 0.55, alignment: 0.3 };
    const rivalOut = atL3({
      self: { safeguards: ready },
      rivals: [makeRival({ announcedLevel: 'L3', deployment: 'full' })],
    });
    expect(policyPosture('restrict', clause, () => rivalOut)).toBe('deploy');
    expect(policyPosture('restrict', rule({}), () => rivalOut)).toBe('restrict');
    // the rival has not released in full, or the lab's deployment safeguards are far short
    const notOut = atL3({
      self: { safeguards: ready },
      rivals: [makeRival({ announcedLevel: 'L3', deployment: 'restricted' })],
    });
    expect(policyPosture('restrict', clause, () => notOut)).toBe('restrict');
    const farShort = atL3({
      self: { safeguards: { ...ready, deployment: 0.3 } },
      rivals: [makeRival({ announcedLevel: 'L3', deployment: 'full' })],
    });
    expect(policyPosture('restrict', clause, () => farShort)).toBe('restrict');
    // a rival on another ladder is placed by the threshold of the level it announced
    const foreign = atL3({
      self: { safeguards: ready },
      rivals: [makeRival({ announcedLevel: 'high', announcedFloor: 0.6, deployment: 'full' })],
    });
    expect(policyPosture('restrict', clause, () => foreign)).toBe('deploy');
  });

  it('an alert margin warns of the next level without applying its requirements', () => {
    const view = makeView({ self: { lastEval: makeEval({ cbrn: 0.5 }) } });
    const alerting = {
      ...view,
      rules: rule({ evaluation: { cadence: 1, safetyBuffer: 0, alertMargin: 0.06 } }),
    };
    expect(alertReached(alerting)).toBe(true);
    expect(alertReached(view)).toBe(false);
    expect(alerting.self.knownLevel).toBeNull();
  });

  it('a binding "restrict" policy is never paused by its policy; a binding "pause" one is', () => {
    const paused = (whenShort: PolicySpec['whenShort']) => {
      const s = withPolicy({ whenShort, binding: true }, 'player');
      const binding = {
        ...s,
        labs: s.labs.map((l) =>
          l.id === 'player' ? { ...l, policy: { ...l.policy, binding: true } } : l,
        ),
      };
      let count = 0;
      for (let seed = 1; seed <= 10; seed++) {
        const game = playWithBots(binding, seed);
        for (const round of game.history) {
          const row = round.labs.find((l) => l.lab === 'player');
          if (row?.pauseCause === 'ownPolicy') count += 1;
          if (whenShort === 'restrict') expect(row?.allowedPosture).not.toBe('pause');
        }
      }
      return count;
    };
    expect(paused('restrict')).toBe(0);
    expect(paused('pause')).toBeGreaterThan(0);
  });

  it('an unpublished policy announces no levels to rivals', () => {
    const hidden = withPolicy({
      public: false,
      levels: [{ ...LADDER[0]!, id: 'low', thresholds: { cbrn: 0.2 } }],
    });
    let state = createGame(hidden, { seed: 3 });
    state = advanceGame(state, hidden, {});
    const seen = labView(state, hidden, 'player').rivals.find((r) => r.id === 'fast');
    expect(state.labs.find((l) => l.id === 'fast')?.lastEval).not.toBeNull();
    expect(seen?.announcedLevel).toBeNull();
    expect(state.world.news.some((n) => n.lab === 'fast' && n.kind === 'announcement')).toBe(false);
    const shown = withPolicy({ levels: [{ ...LADDER[0]!, id: 'low', thresholds: { cbrn: 0.2 } }] });
    const open = advanceGame(createGame(shown, { seed: 3 }), shown, {});
    expect(labView(open, shown, 'player').rivals.find((r) => r.id === 'fast')?.announcedLevel).toBe(
      'low',
    );
  });
});

describe('the shipped policy scenarios', () => {
  it('rsp-v2-vs-v3: the same lab pauses under v2.2 and hardly at all under v3.0', () => {
    const v2 = shipped('rsp-v2-vs-v3');
    const v3 = applySettings(v2, [{ id: 'policy.aster', value: 1 }]);
    expect(v3.labs.find((l) => l.id === 'aster')?.policy.use).toBe('rsp-v3-0');
    const pauses = (s: Scenario) => {
      let n = 0;
      for (let seed = 1; seed <= 30; seed++) {
        for (const round of playWithBots(s, seed).history) {
          if (round.labs.find((l) => l.lab === 'aster')?.pauseCause === 'ownPolicy') n += 1;
        }
      }
      return n;
    };
    expect(pauses(v2)).toBeGreaterThan(2 * pauses(v3));
  });

  it('three-frameworks: every lab plays under a different policy, and the lever offers them all', () => {
    const s = shipped('three-frameworks');
    expect(new Set(s.labs.map((l) => l.policy.use)).size).toBe(s.labs.length);
    const lever = labLevers(s).find((p) => p.id === 'policy.aster');
    expect(lever?.choices).toEqual(s.policies.map((p) => p.id));
    // single-policy scenarios offer no policy lever
    expect(labLevers(shipped('anthropic-rsp')).some((p) => p.id.startsWith('policy.'))).toBe(false);
  });
});
