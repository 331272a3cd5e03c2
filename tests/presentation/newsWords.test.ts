import { describe, expect, it } from 'vitest';
import { advanceGame, createGame } from '../../src/engine/game';
import { labNews } from '../../src/engine/news';
import { readableNews } from '../../src/presentation/newsWords';
import { initialMeta } from '../../src/engine/workshop/flow';
import { publicSnapshot } from '../../src/presentation/workshop/publicView';
import type { GameState, LabDecision, Scenario } from '../../src/engine/types';
import { humanGame } from '../engine/golden/replays';
import { shippedScenarios } from '../support/shippedScenarios';

const rsp = shippedScenarios.find((s) => s.id === 'anthropic-rsp') as Scenario;
const byId = (id: string) => shippedScenarios.find((s) => s.id === id) as Scenario;
const labs = [
  { id: 'aster', name: 'Aster Labs' },
  { id: 'corvid', name: 'Corvid AI' },
];

describe('readableNews', () => {
  it('reports the board pressing to move faster when it starts, not every quarter it goes on', () => {
    const board = (round: number, lab = 'aster') => labNews(round, lab, { kind: 'board' });
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

  it('words a shipped game’s first quarters as they were worded before news became facts', () => {
    // Read and checked against the headlines the engine wrote before (they were right; only
    // "1 broken commitment(s)" style counts changed, to "1 quietly revised threshold").
    const worded = (id: string, seed: number) => {
      const { played } = humanGame(byId(id), seed);
      return readableNews(byId(id), played.labs, played.world.news).map(
        (n) => `${n.round} ${n.headline}`,
      );
    };
    const three = worded('three-frameworks', 7);
    expect(three).toEqual(
      expect.arrayContaining([
        '1 Three policies, three promises',
        '1 Aster Labs releases its latest model',
        '3 Audit of Northlight Labs finds no problems',
        "4 Northlight Labs' researchers report an unexpected jump in training progress",
        '4 Serious incident: misuse of a deployed model (Vantage AI)',
        "4 Audit finds Aster Labs' models at ASL-3",
        '5 Vantage AI announces its models have reached Dangerous',
        '5 A whistleblower reveals Northlight Labs: 1 quietly revised threshold',
        '7 Northlight Labs invokes its competitor clause',
        '8 Halden Research announces its models have reached Critical Capability Level',
        '8 Halden Research joins the conditional pause agreement',
      ]),
    );
    expect(worded('anthropic-rsp', 3)).toEqual(
      expect.arrayContaining([
        '9 Aster Labs loosens its ASL-3 CBRN weapons threshold',
        '11 The conditional pause agreement is triggered',
        "15 Aster Labs' researchers report an unexpected jump in training progress",
      ]),
    );
    expect(worded('race-to-the-bottom', 3)).toContain("8 Tamsin AI's board presses to move faster");
  });
});
