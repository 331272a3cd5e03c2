import { describe, expect, it } from 'vitest';
import type { GameState } from '../../../src/engine/types';
import { labView } from '../../../src/engine/view';
import { addCommitment } from '../../../src/engine/workshop/commitments';
import { isPublicNews, publicSnapshot } from '../../../src/presentation/workshop/publicView';
import {
  clampRevealSection,
  REVEAL_SECTIONS,
  revealOf,
} from '../../../src/presentation/workshop/reveal';
import { parsePublicSnapshot } from '../../../src/lib/publicSnapshot';
import { BOT, LAB_A, LAB_B, SCENARIO, dec, playMeta, played } from '../../engine/workshop/helpers';

describe('the projector’s public snapshot', () => {
  it('says who has locked in and nothing else about the decisions', () => {
    const { state } = played(3);
    const meta = { ...playMeta(), roundOpen: true };
    const none = publicSnapshot(SCENARIO, state, meta, []);
    const one = publicSnapshot(SCENARIO, state, meta, [LAB_A]);
    // Locking in changes only that team's flag and the phase count.
    expect({ ...one, teams: none.teams }).toEqual(none);
    expect(one.teams.map((t) => t.lockedIn)).toEqual([true, false]);
    expect(one.phase).toBe('deciding');
    expect(publicSnapshot(SCENARIO, state, meta, [LAB_A, LAB_B]).phase).toBe('ready');
    // It never carries a decision: no postures chosen, no budget shares.
    const text = JSON.stringify(one);
    expect(text).not.toMatch(/"posture"|"budget"|"capabilities"|"decision"/);
  });

  it('shows each lab exactly as a rival sees it (labView’s information rules)', () => {
    const { state } = played(4);
    const snap = publicSnapshot(SCENARIO, state, playMeta(), []);
    for (const lab of snap.labs) {
      const observer = state.labs.find((l) => l.id !== lab.id)?.id ?? '';
      const seen = labView(state, SCENARIO, observer).rivals.find((r) => r.id === lab.id);
      expect(lab.deployment).toBe(seen?.deployment);
      expect(lab.training).toBe(seen?.training);
      expect(lab.marketShare).toBe(seen?.marketShare);
    }
    const hidden = publicSnapshot({ ...SCENARIO, information: 'none' }, state, playMeta(), []);
    expect(hidden.labs.every((l) => l.training === null && l.announcedLevel === null)).toBe(true);
    expect(snap.labs.map((l) => l.team)).toEqual(['Team Amber', 'Team Blue', null]);
  });

  it('leaves out news meant for one lab (its researchers, its board)', () => {
    const { state } = played(2);
    const news = [
      ...state.world.news,
      {
        round: state.round,
        kind: 'board' as const,
        headline: 'Board presses',
        body: '',
        lab: LAB_A,
      },
      { round: state.round, kind: 'evals' as const, headline: 'Jump', body: '', lab: LAB_A },
      { round: state.round, kind: 'inject' as const, headline: 'Live', body: 'b', lab: null },
    ];
    const withNews: GameState = { ...state, world: { ...state.world, news } };
    const snap = publicSnapshot(SCENARIO, withNews, playMeta(), []);
    expect(snap.thisQuarter.map((n) => n.headline)).toContain('Live');
    expect(snap.thisQuarter.some((n) => !isPublicNews(n))).toBe(false);
    expect(snap.lastResults?.round).toBe(2);
  });

  it('follows the room: briefing, paused, over; the timer only while decisions are open', () => {
    const { state } = played(1);
    const timer = { durationMs: 1000, deadline: 5000, remainingMs: 1000 };
    expect(publicSnapshot(SCENARIO, state, playMeta({ timer }), []).phase).toBe('briefing');
    expect(publicSnapshot(SCENARIO, state, playMeta({ timer }), []).timer).toBeNull();
    const open = playMeta({ roundOpen: true, timer });
    expect(publicSnapshot(SCENARIO, state, open, []).timer).toEqual(timer);
    expect(publicSnapshot(SCENARIO, state, { ...open, paused: true }, []).phase).toBe('paused');
    const over = played(SCENARIO.rounds, 5, [], () => ({
      [LAB_A]: dec('pause'),
      [LAB_B]: dec('pause'),
    }));
    const end = publicSnapshot(SCENARIO, over.state, open, []);
    expect(end.phase).toBe('over');
    expect(end.outcomeTitle).toBeTruthy();
    expect(end.thisQuarter).toEqual([]);
    expect(end.history).toHaveLength(over.state.history.length);
  });

  it('lists the commitments announced, with the parties’ names', () => {
    const { state } = played(1);
    const commitments = addCommitment([], {
      round: 1,
      until: null,
      parties: [LAB_A, BOT],
      text: 'No release above Level 1',
      terms: { kind: 'statement' },
    });
    const snap = publicSnapshot(SCENARIO, state, playMeta({ commitments }), []);
    expect(snap.commitments).toEqual([
      {
        id: 'c1',
        round: 1,
        text: 'No release above Level 1',
        kind: expect.any(String),
        parties: [SCENARIO.labs[0]?.name, SCENARIO.labs[2]?.name],
      },
    ]);
  });

  it('carries no hidden truth until the game is over, whatever section the laptop is on', () => {
    for (const quarters of [1, 4, SCENARIO.rounds - 1]) {
      const { state } = played(quarters);
      expect(state.outcome).toBeNull();
      for (const section of [0, 2, 4]) {
        const snap = publicSnapshot(SCENARIO, state, playMeta(), [], section);
        expect(snap.reveal).toBeNull();
        // No true capability, no hidden level, no missed crossing anywhere in it.
        expect(JSON.stringify(snap)).not.toMatch(/"(truth|trueLevel|shownLevel|missed|starting)"/);
      }
    }
  });

  it('reveals the truth once the game is over, at the facilitator’s section', () => {
    const over = played(SCENARIO.rounds, 5, [], () => ({
      [LAB_A]: dec('deploy'),
      [LAB_B]: dec('pause'),
    }));
    const meta = playMeta();
    const at = (section: number) => publicSnapshot(SCENARIO, over.state, meta, [], section);
    const reveal = at(2).reveal;
    expect(reveal?.section).toBe(2);
    expect(reveal?.teams.map((t) => t.name)).toEqual(['Team Amber', 'Team Blue']);
    expect(reveal?.teams[0]?.evals).toHaveLength(SCENARIO.domains.length);
    expect(reveal?.questions.length).toBeGreaterThanOrEqual(3);
    // Stepping past either end stays at that end.
    expect(at(-3).reveal?.section).toBe(0);
    expect(at(99).reveal?.section).toBe(REVEAL_SECTIONS.length - 1);
    expect(clampRevealSection(Number.NaN)).toBe(0);
    // Only the section changes between steps; the projector's channel accepts it.
    expect({ ...at(1), reveal: { ...at(1).reveal, section: 2 } }).toEqual(at(2));
    expect(parsePublicSnapshot(JSON.parse(JSON.stringify(at(3))))).not.toBeNull();
    expect(revealOf(SCENARIO, played(2).state, meta, 0)).toBeNull();
  });
});
