import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLEAR_LEAD,
  distrustSignal,
  endgameSignal,
  incidentSignal,
  judgesAhead,
  leadingRivalPosition,
  ownPosition,
  raceSignal,
} from '../../../src/engine/bots/signals';
import { arbitraryView, makeEval, makeIncident, makeRival, makeView } from './lab-view-factory';

// The ladder (lab-view-factory): L2 cbrn 0.3 / cyber 0.3; L3 cbrn 0.55 / autonomy 0.6;
// L4 cbrn 0.8 / autonomy 0.8.

describe('where the lab stands', () => {
  it('is the highest measured result in any ladder domain, audits included', () => {
    expect(ownPosition(makeView())).toBe(0);
    const view = makeView({
      self: {
        lastEval: makeEval({ cbrn: 0.4, cyber: 0.5 }),
        lastAudit: makeEval({ autonomy: 0.52 }),
      },
    });
    expect(ownPosition(view)).toBe(0.52);
  });

  it('ignores domains no level has a threshold for', () => {
    const view = makeView({ self: { lastEval: makeEval({ cbrn: 0.2, manipulation: 0.9 }) } });
    expect(ownPosition(view)).toBe(0.2);
  });
});

describe('where the leading rival stands', () => {
  it('is unknown with no rivals, or rivals that neither announce nor publish', () => {
    expect(leadingRivalPosition(makeView({ rivals: [] }))).toBeNull();
    expect(leadingRivalPosition(makeView())).toBeNull();
    // Deployment and market share say nothing about capability.
    const silent = makeView({ rivals: [makeRival({ deployment: 'full', marketShare: 0.9 })] });
    expect(leadingRivalPosition(silent)).toBeNull();
  });

  it('reads an announced level as that level’s lowest threshold', () => {
    const view = makeView({ rivals: [makeRival({ announcedLevel: 'L3' })] });
    expect(leadingRivalPosition(view)).toBe(0.55);
  });

  it('prefers published evals to an announcement, and takes the most advanced rival', () => {
    const published = makeRival({
      announcedLevel: 'L4',
      publishedEval: makeEval({ cbrn: 0.5, autonomy: 0.62 }),
    });
    expect(leadingRivalPosition(makeView({ rivals: [published] }))).toBe(0.62);
    const both = [published, makeRival({ id: 'b', announcedLevel: 'L4' })];
    expect(leadingRivalPosition(makeView({ rivals: both }))).toBe(0.8);
  });

  it('ignores an announced level it does not know', () => {
    const view = makeView({ rivals: [makeRival({ announcedLevel: 'nonsense' })] });
    expect(leadingRivalPosition(view)).toBeNull();
  });
});

describe('the race signal', () => {
  const me = (cbrn: number) => ({ lastEval: makeEval({ cbrn }) });

  it('is 0 when the lab knows nothing of its rivals', () => {
    expect(raceSignal(makeView({ self: me(0.9) }))).toBe(0);
  });

  it('is 1 when a rival is level or ahead, or not clearly behind', () => {
    const rivals = [makeRival({ announcedLevel: 'L3' })]; // at 0.55
    expect(raceSignal(makeView({ rivals, self: me(0.4) }))).toBe(1);
    expect(raceSignal(makeView({ rivals, self: me(0.55) }))).toBe(1);
    expect(raceSignal(makeView({ rivals, self: me(0.55 + CLEAR_LEAD - 0.001) }))).toBe(1);
  });

  it('is −½ when the lab is clearly ahead of every rival it can see', () => {
    const rivals = [makeRival({ announcedLevel: 'L3' })];
    expect(raceSignal(makeView({ rivals, self: me(0.7) }))).toBe(-0.5);
  });
});

describe('the incident signal', () => {
  it('is 0 after a quiet quarter', () => {
    expect(incidentSignal(makeView())).toBe(0);
  });

  it('weighs its own incidents fully, a rival’s at half, a warning shot at half', () => {
    const after = (...incidents: Parameters<typeof makeIncident>[0][]) =>
      incidentSignal(makeView({ recentIncidents: incidents.map((i) => makeIncident(i)) }));
    expect(after({ lab: 'me', severity: 'serious' })).toBe(1);
    expect(after({ lab: 'me', severity: 'catastrophe' })).toBe(1);
    expect(after({ lab: 'me', severity: 'warning' })).toBe(0.5);
    expect(after({ lab: 'r1', severity: 'serious' })).toBe(0.5);
    expect(after({ lab: 'r1', severity: 'warning' })).toBe(0.25);
    // The worst counts; incidents do not add up.
    expect(after({ lab: 'r1', severity: 'serious' }, { lab: 'me', severity: 'warning' })).toBe(0.5);
    expect(after({ lab: 'r1' }, { lab: 'r2' }, { lab: 'me' })).toBe(1);
  });
});

describe('the distrust signal', () => {
  it('is 0 with trust at 60% or more and no regulation', () => {
    expect(distrustSignal(makeView({ publicTrust: 0.6 }))).toBe(0);
    expect(distrustSignal(makeView({ publicTrust: 1 }))).toBe(0);
  });

  it('rises as trust falls and with each step of regulation, up to 2', () => {
    expect(distrustSignal(makeView({ publicTrust: 0.3 }))).toBeCloseTo(0.5);
    expect(distrustSignal(makeView({ publicTrust: 0 }))).toBeCloseTo(1);
    expect(distrustSignal(makeView({ publicTrust: 0.7, regulation: 2 }))).toBeCloseTo(2 / 3);
    expect(distrustSignal(makeView({ publicTrust: 0, regulation: 3 }))).toBeCloseTo(2);
  });
});

describe('the endgame signal', () => {
  it('is 0 until the last four quarters, then rises to 1 in the last', () => {
    const at = (round: number) => endgameSignal(makeView({ round, totalRounds: 20 }));
    expect([1, 10, 16].map(at)).toEqual([0, 0, 0]);
    expect(at(17)).toBeCloseTo(0.25);
    expect(at(18)).toBeCloseTo(0.5);
    expect(at(19)).toBeCloseTo(0.75);
    expect(at(20)).toBe(1);
  });
});

describe('judging itself ahead (RSP v3.0’s “significant lead”)', () => {
  const rivals = (announcedLevel: string | null, marketShare = 0.2) => [
    makeRival({ announcedLevel, marketShare }),
  ];

  it('needs a market share at least every rival’s', () => {
    expect(judgesAhead(makeView({ rivals: rivals(null, 0.3), self: { marketShare: 0.3 } }))).toBe(
      true,
    );
    expect(judgesAhead(makeView({ rivals: rivals(null, 0.31), self: { marketShare: 0.3 } }))).toBe(
      false,
    );
  });

  it('is not ahead when a rival is seen at the level above its own', () => {
    const atL3 = (announced: string | null) =>
      judgesAhead(makeView({ rivals: rivals(announced), self: { knownLevel: 'L3' } }));
    expect(atL3(null)).toBe(true);
    expect(atL3('L2')).toBe(true);
    expect(atL3('L3')).toBe(true);
    expect(atL3('L4')).toBe(false);
  });

  it('at the top of the ladder nobody can be seen above it', () => {
    const view = makeView({ rivals: rivals('L4'), self: { knownLevel: 'L4' } });
    expect(judgesAhead(view)).toBe(true);
  });
});

describe('every signal', () => {
  it('stays in its range and reads nothing but the view', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const before = structuredClone(view);
        expect([-0.5, 0, 1]).toContain(raceSignal(view));
        expect([0, 0.25, 0.5, 1]).toContain(incidentSignal(view));
        const distrust = distrustSignal(view);
        expect(distrust).toBeGreaterThanOrEqual(0);
        expect(distrust).toBeLessThanOrEqual(2 + 1e-9);
        const endgame = endgameSignal(view);
        expect(endgame).toBeGreaterThanOrEqual(0);
        expect(endgame).toBeLessThanOrEqual(1);
        expect(typeof judgesAhead(view)).toBe('boolean');
        expect(ownPosition(view)).toBeGreaterThanOrEqual(0);
        expect(view).toEqual(before);
      }),
    );
  });

  it('never sees a race without information about rivals', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const blind = {
          ...view,
          rivals: view.rivals.map((r) => ({ ...r, publishedEval: null, announcedLevel: null })),
        };
        expect(leadingRivalPosition(blind)).toBeNull();
        expect(raceSignal(blind)).toBe(0);
      }),
    );
  });
});
