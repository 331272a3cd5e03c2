import { describe, expect, it } from 'vitest';
import { computeFactor, growCapability } from '../../src/engine/capability';
import fc from 'fast-check';
import { allowedPosture, commitmentVerdict } from '../../src/engine/commitments';
import { leastPermissive, morePermissive } from '../../src/engine/postures';
import {
  evalSensitivity,
  evaluateLab,
  isEvalRound,
  levelReached,
  missedCrossings,
} from '../../src/engine/evaluation';
import { drawIncident } from '../../src/engine/incidents';
import { nextBoardPressure, nextMarketShares, productValue } from '../../src/engine/market';
import { DEFAULT_DYNAMICS } from '../../src/engine/parameters';
import { danger, labRisk } from '../../src/engine/risk';
import { createRng, seedToState } from '../../src/engine/rng';
import { growSafeguards } from '../../src/engine/safeguards';
import { EXPOSURE_TRUST_LOSS, TRUST_LOSS, nextRegulation, nextTrust } from '../../src/engine/world';
import { testScenario } from './fixtures';

const p = DEFAULT_DYNAMICS;
const levels = testScenario().levels;
const settings = testScenario().evaluation;

describe('seeded generator', () => {
  it('repeats exactly from the same state and differs across seeds', () => {
    const a = createRng(seedToState(7));
    const b = createRng(seedToState(7));
    const c = createRng(seedToState(8));
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(a.state).toBe(b.state);
  });
  it('draws exactly what mulberry32 in its usual unsigned form draws, from any state', () => {
    // The reference as it is usually written (and as this engine wrote it before keeping its
    // state as a signed integer): the same bits must give the same doubles, draw for draw.
    function reference(state: number): () => number {
      let a = state >>> 0;
      return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (state) => {
        const ours = createRng(state);
        const theirs = reference(state);
        for (let i = 0; i < 50; i++) expect(ours.next()).toBe(theirs());
        const after = reference(ours.state);
        const again = createRng(ours.state);
        for (let i = 0; i < 5; i++) expect(again.next()).toBe(after());
      }),
    );
  });
  it('draws uniforms in [0, 1) with mean near 1/2 and normals with mean near 0, sd near 1', () => {
    const r = createRng(seedToState(1));
    const us = Array.from({ length: 20000 }, () => r.next());
    expect(Math.min(...us)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...us)).toBeLessThan(1);
    expect(us.reduce((a, b) => a + b) / us.length).toBeCloseTo(0.5, 1);
    const ns = Array.from({ length: 20000 }, () => r.normal());
    const mean = ns.reduce((a, b) => a + b) / ns.length;
    const sd = Math.sqrt(ns.reduce((a, b) => a + (b - mean) ** 2, 0) / ns.length);
    expect(mean).toBeCloseTo(0, 1);
    expect(sd).toBeCloseTo(1, 1);
  });
});

describe('capability growth', () => {
  it('grows more with more compute, never past 1, and the same draws give the same growth', () => {
    const start = { cbrn: 0.4, autonomy: 0.9 };
    const low = growCapability(
      start,
      ['cbrn', 'autonomy'],
      computeFactor(0.1, 100),
      p,
      createRng(5),
    );
    const high = growCapability(
      start,
      ['cbrn', 'autonomy'],
      computeFactor(0.9, 100),
      p,
      createRng(5),
    );
    expect(high.capability.cbrn).toBeGreaterThan(low.capability.cbrn as number);
    expect(low.capability.cbrn).toBeGreaterThan(0.4);
    expect(high.capability.autonomy).toBeLessThanOrEqual(1);
    const again = growCapability(
      start,
      ['cbrn', 'autonomy'],
      computeFactor(0.9, 100),
      p,
      createRng(5),
    );
    expect(again).toEqual(high);
  });
  it('slows near the top (headroom) and jumps on a breakthrough', () => {
    const always = { ...p, breakthroughChance: 1 };
    const never = { ...p, breakthroughChance: 0 };
    const b = growCapability({ cbrn: 0.4 }, ['cbrn'], 1, always, createRng(3));
    const n = growCapability({ cbrn: 0.4 }, ['cbrn'], 1, never, createRng(3));
    expect(b.breakthrough).toBe(true);
    expect((b.capability.cbrn as number) - 0.4).toBeCloseTo(
      ((n.capability.cbrn as number) - 0.4) * 3,
      10,
    );
    const top = growCapability({ cbrn: 0.95 }, ['cbrn'], 1, never, createRng(3));
    expect((top.capability.cbrn as number) - 0.95).toBeLessThan(
      (n.capability.cbrn as number) - 0.4,
    );
  });
});

describe('evaluations', () => {
  it('sensitivity starts at the base, rises with investment and stays below 1', () => {
    expect(evalSensitivity(0.5, 0, 0.6)).toBe(0.5);
    expect(evalSensitivity(0.5, 100, 0.6)).toBeGreaterThan(0.6);
    expect(evalSensitivity(0.5, 1e9, 0.6)).toBeLessThan(1);
  });
  it('runs on its cadence', () => {
    expect([1, 2, 3, 4, 5].filter((r) => isEvalRound(r, 2))).toEqual([1, 3, 5]);
  });
  it('under-measures by the elicitation gap, and more so with autonomy (sandbagging)', () => {
    const quiet = { ...settings, noise: 0 };
    const low = evaluateLab({ cbrn: 0.6, autonomy: 0.2 }, ['cbrn'], quiet, 0.5, 1, createRng(1));
    const high = evaluateLab({ cbrn: 0.6, autonomy: 0.9 }, ['cbrn'], quiet, 0.5, 1, createRng(1));
    expect(low.measured.cbrn).toBeCloseTo(0.6 - 0.5 * (0.08 + 0.05 * 0.2), 10);
    expect(high.measured.cbrn as number).toBeLessThan(low.measured.cbrn as number);
    const perfect = evaluateLab({ cbrn: 0.6, autonomy: 0.9 }, ['cbrn'], quiet, 1, 1, createRng(1));
    expect(perfect.measured.cbrn).toBeCloseTo(0.6, 10);
  });
  it('finds the highest level reached, honouring the safety buffer', () => {
    expect(levelReached(levels, { cbrn: 0.5 })).toBe(-1);
    expect(levelReached(levels, { cbrn: 0.54 }, 0.02)).toBe(0);
    expect(levelReached(levels, { cbrn: 0.56, autonomy: 0.81 })).toBe(1);
  });
  it('flags a crossing the evals missed, and not one they caught', () => {
    const evalResult = { round: 3, measured: { cbrn: 0.5 }, uncertainty: 0.02, sensitivity: 0.6 };
    const missed = missedCrossings(levels, { cbrn: 0.57 }, evalResult, 0, 'lab', 3);
    expect(missed).toEqual([
      {
        round: 3,
        lab: 'lab',
        levelId: 'L3',
        domain: 'cbrn',
        trueCapability: 0.57,
        measured: 0.5,
        threshold: 0.55,
      },
    ]);
    const caught = { ...evalResult, measured: { cbrn: 0.56 } };
    expect(missedCrossings(levels, { cbrn: 0.57 }, caught, 0, 'lab', 3)).toEqual([]);
  });
});

describe('safeguards', () => {
  it('rise with investment, saturate below 1, and decay without upkeep', () => {
    const split = { capabilities: 0.5, security: 0.5, deployment: 0, alignment: 0, evals: 0 };
    const next = growSafeguards({ security: 0.4, deployment: 0.4, alignment: 0.4 }, split, 100, p);
    expect(next.security).toBeGreaterThan(0.4);
    expect(next.security).toBeLessThan(1);
    expect(next.deployment).toBeLessThan(0.4);
  });
});

describe('the if-then commitment', () => {
  const ready = { security: 0.9, deployment: 0.9, alignment: 0.9 };
  it('allows full deployment when nothing is crossed', () => {
    expect(
      commitmentVerdict(levels, -1, { security: 0, deployment: 0, alignment: 0 }).allowed,
    ).toBe('deploy');
  });
  it('requires a pause when training safeguards fall short, naming the shortfall', () => {
    const v = commitmentVerdict(levels, 0, { ...ready, security: 0.5 });
    expect(v.allowed).toBe('pause');
    expect(v.shortfalls).toContainEqual({
      track: 'security',
      required: 0.6,
      readiness: 0.5,
      gates: 'training',
    });
  });
  it('requires restriction when only deployment safeguards fall short', () => {
    expect(commitmentVerdict(levels, 0, { ...ready, deployment: 0.6 }).allowed).toBe('restrict');
    expect(commitmentVerdict(levels, 0, ready).allowed).toBe('deploy');
  });
  it('gives the same posture on the fast path as the full verdict', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.integer({ min: -1, max: 1 }),
        unit,
        unit,
        unit,
        (known, security, deployment, alignment) => {
          const safeguards = { security, deployment, alignment };
          expect(allowedPosture(levels, known, safeguards)).toBe(
            commitmentVerdict(levels, known, safeguards).allowed,
          );
        },
      ),
    );
  });
  it('orders postures from pause to deploy', () => {
    expect(morePermissive('deploy', 'restrict')).toBe(true);
    expect(morePermissive('pause', 'restrict')).toBe(false);
    expect(leastPermissive('deploy', 'pause')).toBe('pause');
  });
});

describe('risk', () => {
  const base = {
    capability: { cbrn: 0.8, autonomy: 0.8 },
    deployedCapability: { cbrn: 0.8, autonomy: 0.8 },
    deployment: 'full' as const,
    training: 'scaling' as const,
    safeguards: { security: 0.2, deployment: 0.2, alignment: 0.2 },
  };
  it('is zero below the danger floor', () => {
    expect(danger(0.3, 0.4)).toBe(0);
    const safe = labRisk(
      { ...base, capability: { cbrn: 0.3 }, deployedCapability: { cbrn: 0.3 } },
      p,
    );
    expect(safe.total).toBe(0);
  });
  it('falls as safeguards rise and as deployment narrows', () => {
    const r = labRisk(base, p);
    const guarded = labRisk(
      { ...base, safeguards: { security: 0.9, deployment: 0.9, alignment: 0.9 } },
      p,
    );
    const restricted = labRisk({ ...base, deployment: 'restricted' }, p);
    expect(guarded.total).toBeLessThan(r.total);
    expect(restricted.misuse).toBeCloseTo(r.misuse * p.restrictedBreadth, 10);
    expect(r.total).toBeCloseTo(1 - (1 - r.misuse) * (1 - r.theft) * (1 - r.lossOfControl), 12);
  });
  it('draws an incident with the stated probability (law of large numbers)', () => {
    const rng = createRng(9);
    let hits = 0;
    for (let i = 0; i < 20000; i++) if (drawIncident(0.1, 0.5, 0.3, rng)) hits++;
    expect(hits / 20000).toBeGreaterThan(0.09);
    expect(hits / 20000).toBeLessThan(0.11);
  });
});

describe('market, pressure, trust and regulation', () => {
  const lab = (deployment: 'none' | 'restricted' | 'full', cap: number) => ({
    deployment,
    deployedCapability: { cbrn: cap },
    reputation: 0.6,
    marketShare: 0.5,
  });
  it('gives share to the lab with the better deployed product', () => {
    const [a, b] = nextMarketShares([lab('full', 0.7), lab('restricted', 0.7)], p);
    expect(a).toBeGreaterThan(b as number);
    expect((a as number) + (b as number)).toBeCloseTo(1, 12);
    expect(productValue(lab('none', 0.9), p)).toBe(0);
  });
  it('builds board pressure when behind and lets it fade when level', () => {
    expect(nextBoardPressure(0, 0.1, 0.5, p)).toBeGreaterThan(0);
    expect(nextBoardPressure(0.5, 0.3, 0.3, p)).toBeLessThan(0.5);
  });
  it('loses trust to incidents and regains it slowly', () => {
    const inc = {
      round: 1,
      lab: 'a',
      kind: 'misuse' as const,
      severity: 'serious' as const,
      domain: null,
    };
    expect(nextTrust(0.7, [inc], 0, p)).toBeCloseTo(0.7 - TRUST_LOSS.serious, 10);
    expect(nextTrust(0.7, [inc], 1, p)).toBeCloseTo(
      0.7 - TRUST_LOSS.serious - EXPOSURE_TRUST_LOSS,
      10,
    );
    expect(nextTrust(0.7, [], 0, p)).toBeCloseTo(0.7 + p.trustRecovery, 10);
  });
  it('regulates only after trust has stayed low for the lag', () => {
    let step = nextRegulation(0, 0, 0.5, { ...p, regulationLag: 2 });
    expect(step.regulation).toBe(0);
    step = nextRegulation(step.regulation, step.regulatoryPressure, 0.5, {
      ...p,
      regulationLag: 2,
    });
    expect(step.regulation).toBe(0);
    step = nextRegulation(step.regulation, step.regulatoryPressure, 0.5, {
      ...p,
      regulationLag: 2,
    });
    expect(step.regulation).toBe(1);
    expect(nextRegulation(0, 5, 0.9, p)).toEqual({ regulation: 0, regulatoryPressure: 0 });
  });
});
