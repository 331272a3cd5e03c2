import { describe, expect, it } from 'vitest';
import { advanceGame, createGame } from '../../src/engine/game';
import { newsItem } from '../../src/engine/news';
import { readableNews } from '../../src/presentation/newsWords';
import { initialMeta } from '../../src/engine/workshop/flow';
import { publicSnapshot } from '../../src/presentation/workshop/publicView';
import type { GameState, LabDecision, Scenario } from '../../src/engine/types';
import { shippedScenarios } from '../support/shippedScenarios';

const rsp = shippedScenarios.find((s) => s.id === 'anthropic-rsp') as Scenario;
const labs = [
  { id: 'aster', name: 'Aster Labs' },
  { id: 'corvid', name: 'Corvid AI' },
];

describe('readableNews', () => {
  it('names a domain instead of its id in a sentence', () => {
    const [item] = readableNews(rsp, labs, [
      newsItem(3, 'revision', 'Aster Labs loosens its ASL-3 cbrn threshold', '', 'aster'),
    ]);
    const cbrn = rsp.domains.find((d) => d.id === 'cbrn')?.name ?? '';
    expect(cbrn).not.toBe('cbrn');
    expect(item?.headline).toBe(`Aster Labs loosens its ASL-3 ${cbrn} threshold`);
  });

  it('gives a name ending in s a bare apostrophe, and leaves other names alone', () => {
    const items = readableNews(rsp, labs, [
      newsItem(2, 'evals', "Aster Labs's researchers report a jump", '', 'aster'),
      newsItem(2, 'audit', 'Audit finds Aster Labs’s models at ASL-3', '', 'aster'),
      newsItem(2, 'audit', "Audit finds Corvid AI's models at ASL-3", '', 'corvid'),
    ]);
    expect(items.map((n) => n.headline)).toEqual([
      "Aster Labs' researchers report a jump",
      'Audit finds Aster Labs’ models at ASL-3',
      "Audit finds Corvid AI's models at ASL-3",
    ]);
  });

  it('reports the board pressing to move faster when it starts, not every quarter it goes on', () => {
    const board = (round: number, lab = 'aster') =>
      newsItem(round, 'board', "Aster Labs's board presses to move faster", '', lab);
    const items = readableNews(rsp, labs, [
      board(4),
      board(5),
      board(6),
      board(8),
      board(9, 'corvid'),
    ]);
    expect(items.map((n) => [n.round, n.lab])).toEqual([
      [4, 'aster'],
      [8, 'aster'],
      [9, 'corvid'],
    ]);
  });

  it('in a real game a pausing lab hears from its board once per spell, and the projector shows no engine ids', () => {
    const player = rsp.labs.find((l) => l.role === 'player')?.id ?? '';
    const pausing: LabDecision = {
      posture: 'pause',
      budget: { capabilities: 0.2, security: 0.2, deployment: 0.2, alignment: 0.2, evals: 0.2 },
      actions: [
        {
          kind: 'reviseThreshold',
          levelId: rsp.levels[0]?.id ?? '',
          domain: 'cbrn',
          to: 0.9,
          publicly: true,
        },
      ],
    };
    let state: GameState = createGame(rsp, { seed: 11, humans: [player] });
    for (let q = 0; q < 10 && !state.outcome; q++) {
      state = advanceGame(state, rsp, {
        [player]: q === 0 ? pausing : { ...pausing, actions: [] },
      });
    }
    const raw = state.world.news.filter((n) => n.kind === 'board');
    expect(raw.length).toBeGreaterThan(1);
    const shown = readableNews(rsp, state.labs, state.world.news).filter((n) => n.kind === 'board');
    expect(shown.length).toBeLessThan(raw.length);
    for (const n of shown) {
      expect(shown.some((m) => m.lab === n.lab && m.round === n.round - 1)).toBe(false);
    }
    const all = readableNews(rsp, state.labs, state.world.news)
      .map((n) => n.headline)
      .join('\n');
    expect(all).not.toMatch(/ (cbrn|cyber|autonomy) threshold/);
    expect(all).not.toMatch(/Labs's/);
    // The projector: the same words.
    const snapshot = publicSnapshot(
      rsp,
      { ...state, round: 2, history: state.history.slice(0, 1) },
      initialMeta([{ lab: player, name: 'Team A' }], null, 'play'),
      [],
    );
    const projected = (snapshot.lastResults?.news ?? []).map((n) => n.headline).join('\n');
    expect(projected).toMatch(/loosens its .* threshold/);
    expect(projected).not.toMatch(/ cbrn threshold/);
  });
});
