import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/presentation/debrief/debrief';
import {
  missedCrossingEpisodes,
  missedCrossingsByLadder,
  startingLevels,
} from '../../src/engine/debriefFacts';
import { advanceGame, createGame } from '../../src/engine/game';
import type {
  DomainValues,
  GameState,
  LabDecision,
  LabPolicySpec,
  MissedCrossing,
  Posture,
  Scenario,
  TrackValues,
} from '../../src/engine/types';
import { decision, testScenario } from '../engine/fixtures';

interface LabSetup {
  capability?: DomainValues;
  safeguards?: TrackValues;
  policy?: Partial<LabPolicySpec>;
}

/** testScenario with some labs starting where a test needs them. */
function scenarioWith(labs: Record<string, LabSetup>, overrides: Partial<Scenario> = {}): Scenario {
  const base = testScenario(overrides);
  return {
    ...base,
    labs: base.labs.map((lab) => {
      const s = labs[lab.id];
      if (!s) return lab;
      return {
        ...lab,
        policy: { ...lab.policy, ...s.policy },
        start: {
          ...lab.start,
          capability: { ...lab.start.capability, ...s.capability },
          safeguards: { ...lab.start.safeguards, ...s.safeguards },
        },
      };
    }),
  };
}

/** Play the player's seat with `choose` until the game ends. */
function play(scenario: Scenario, choose: (round: number) => LabDecision, seed = 1): GameState {
  let state = createGame(scenario, { seed, humans: ['player'] });
  while (!state.outcome) state = advanceGame(state, scenario, { player: choose(state.round) });
  return state;
}

const row = (state: GameState, round: number, lab: string) =>
  state.history.find((r) => r.round === round)!.labs.find((l) => l.lab === lab)!;

const pct = (x: number) => `${Math.round(x * 100)}%`;

describe('missed crossings', () => {
  it('finds a crossing the evals missed, and asks about eval investment first', () => {
    const base = testScenario();
    const scenario = scenarioWith(
      { player: { capability: { cbrn: 0.56 } } },
      { rounds: 4, evaluation: { ...base.evaluation, elicitationGap: 0.3, safetyBuffer: 0 } },
    );
    const state = play(scenario, () => decision('pause'));
    const first = row(state, 1, 'player').missedCrossings[0]!;
    expect(first).toMatchObject({ lab: 'player', levelId: 'L3', domain: 'cbrn', threshold: 0.55 });
    expect(first.measured).toBeLessThan(0.55);

    const debrief = buildDebrief(scenario, state, ['player']);
    expect(debrief.firstMissed).toEqual(first);
    // Missed in every quarter while paused: one episode, not four.
    expect(state.history.every((r) => r.labs[0]!.missedCrossings.length === 1)).toBe(true);
    expect(debrief.missedCrossings).toEqual([first]);
    expect(debrief.questions[0]).toBe(
      `In quarter 1 your lab's evals missed a crossing: CBRN capability was past the Level 3 threshold while the evals showed ${pct(first.measured)}. What would it have taken to catch it — more eval budget, stronger elicitation, a wider safety buffer, an outside audit — and what would that have cost?`,
    );
    expect(debrief.keyMoments).toContainEqual({
      round: 1,
      text: `Missed crossing at Player Lab: Level 3 CBRN threshold 55%: true capability ${pct(first.trueCapability)} by the end of the quarter, while its evals showed ${pct(first.measured)}.`,
    });
    const knownAtAll = state.history.some((r) => r.labs[0]!.knownLevel !== null);
    expect(knownAtAll).toBe(false);
    expect(debrief.keyMoments).toContainEqual({
      round: 1,
      text: "Player Lab's model truly reached Level 3 (hidden during play). Its evals never showed it.",
    });
  });

  it('counts a crossing missed again after a gap as a new episode', () => {
    const scenario = testScenario({ rounds: 6 });
    const state = play(scenario, () => decision('pause'));
    const missed = (round: number): MissedCrossing => ({
      round,
      lab: 'player',
      levelId: 'L3',
      domain: 'autonomy',
      trueCapability: 0.61,
      measured: 0.5,
      threshold: 0.6,
    });
    const edited: GameState = {
      ...state,
      history: state.history.map((r) => ({
        ...r,
        labs: r.labs.map((l) =>
          l.lab === 'player' && [2, 3, 5].includes(r.round)
            ? { ...l, missedCrossings: [missed(r.round)] }
            : l,
        ),
      })),
    };
    expect(missedCrossingEpisodes(edited, ['player'])).toEqual([missed(2), missed(5)]);
    expect(buildDebrief(scenario, edited, ['player']).firstMissed).toEqual(missed(2));
    // Another lab in focus: only its own missed crossings, none of the player's.
    const fast = buildDebrief(scenario, edited, ['fast']).missedCrossings;
    expect(fast.every((m) => m.lab === 'fast')).toBe(true);
  });
});

describe('commitments and pressure', () => {
  // The player's evals show Level 3 at once, and its security is short: the policy says pause.
  const scenario = scenarioWith(
    { player: { capability: { cbrn: 0.7 }, safeguards: { security: 0.4 } } },
    { rounds: 5 },
  );
  const deployed = play(scenario, () => decision('deploy'));
  const calm: GameState = {
    ...deployed,
    history: deployed.history.map((r) => ({
      ...r,
      labs: r.labs.map((l) => ({ ...l, boardPressure: 0.1 })),
    })),
  };

  it('records the breaches and asks who could have held the lab to its word', () => {
    expect(row(calm, 1, 'player').compliance).toBe('broken');
    const broken = calm.history.filter((r) => r.labs[0]!.compliance === 'broken').length;
    const debrief = buildDebrief(scenario, calm, ['player']);
    expect(debrief.commitments[0]).toMatchObject({ lab: 'player', name: 'Player Lab', broken });
    expect(debrief.questions).toContain(
      'In quarter 1 your lab went past its own commitment. What made breaking it seem worth it — and who outside the lab could have held it to its word?',
    );
    expect(debrief.keyMoments[0]!.round).toBe(1);
    expect(debrief.keyMoments.map((m) => m.text)).toContain(
      `Player Lab broke its own commitment: it released in full although its policy said pause. It did so for ${broken - 1} more quarters in a row.`,
    );
  });

  it('asks whether voluntary commitments hold under pressure when the board was pushing', () => {
    const pressed: GameState = {
      ...calm,
      history: calm.history.map((r) =>
        r.round === 2
          ? {
              ...r,
              labs: r.labs.map((l) => (l.lab === 'player' ? { ...l, boardPressure: 0.8 } : l)),
            }
          : r,
      ),
    };
    const debrief = buildDebrief(scenario, pressed, ['player']);
    // Pressure at the end of quarter 2 is what the lab faced when deciding quarter 3.
    expect(debrief.questions).toContain(
      'In quarter 3 your lab went past its own commitment while its board was pressing to catch up. Can voluntary commitments hold under that kind of pressure? What would have made this one easier to keep?',
    );
  });
});

describe('rivals', () => {
  it('summarises a racing rival from its record and asks about competitive pressure', () => {
    const scenario = scenarioWith(
      { racer: { capability: { cbrn: 0.7 }, safeguards: { security: 0.3 } } },
      { rounds: 4 },
    );
    const state = play(scenario, () => decision('pause'));
    const racer = state.history.map((r) => r.labs.find((l) => l.lab === 'racer')!);
    expect(racer[0]!.compliance).toBe('broken');
    const broken = racer.filter((r) => r.compliance === 'broken').length;
    const full = racer.filter((r) => r.effectivePosture === 'deploy').length;

    const debrief = buildDebrief(scenario, state, ['player']);
    expect(debrief.rivals.map((r) => r.lab)).toEqual(['fast', 'racer', 'open']);
    const summary = debrief.rivals.find((r) => r.lab === 'racer')!;
    expect(summary.strategy).toBe('race-to-deploy');
    expect(summary.summary).toContain(`Race to deploy. Over 4 quarters: released in full ${full}`);
    expect(summary.summary).toContain(`Went past its own commitment ${broken} times.`);
    expect(debrief.questions).toContain(
      'Racer Lab released in full in quarter 1 although its own policy said pause. How did its racing change what you could afford to do — and does one lab holding back help if others race on?',
    );
  });
});

describe('coordination and accountability', () => {
  it('asks about coordination when the conditional pause agreement triggered', () => {
    const scenario = scenarioWith(
      {
        player: {
          capability: { cbrn: 0.7 },
          safeguards: { security: 0.4 },
          policy: { inPauseAgreement: true },
        },
        fast: { policy: { inPauseAgreement: true } },
      },
      { rounds: 3 },
    );
    const state = play(scenario, () => decision('pause'));
    expect(row(state, 1, 'fast').effectivePosture).toBe('pause');
    const debrief = buildDebrief(scenario, state, ['player']);
    expect(debrief.questions).toContain(
      'The conditional pause agreement triggered in quarter 1 and every member paused. What makes such an agreement hold when pausing costs a member its market? How many labs must be in it before a pause is not a lone sacrifice?',
    );
    expect(debrief.keyMoments).toContainEqual(
      expect.objectContaining({
        round: 1,
        text: expect.stringMatching(/^The conditional pause agreement triggered/),
      }),
    );
  });

  it('asks about a member that broke a triggered agreement', () => {
    const scenario = scenarioWith(
      {
        player: {
          capability: { cbrn: 0.7 },
          safeguards: { security: 0.4 },
          policy: { inPauseAgreement: true },
        },
        fast: { policy: { inPauseAgreement: true } },
      },
      { rounds: 3 },
    );
    const state = play(scenario, () => decision('deploy'));
    expect(row(state, 1, 'player').defected).toBe(true);
    const debrief = buildDebrief(scenario, state, ['player']);
    expect(debrief.questions).toContain(
      'Player Lab kept training in quarter 1 although the conditional pause agreement it had signed was triggered. What makes such an agreement hold when pausing costs a member its market, and what should happen to a member who breaks it?',
    );
  });

  it('asks about coordination when a lab left the agreement', () => {
    // A conditional delayer (RSP v3.0) leaves any pause agreement it finds itself in.
    const base = scenarioWith({ racer: { policy: { inPauseAgreement: true } } }, { rounds: 3 });
    const scenario: Scenario = {
      ...base,
      labs: base.labs.map((l) =>
        l.id === 'racer' ? { ...l, strategy: 'conditional-delayer' as const } : l,
      ),
    };
    const state = play(scenario, () => decision('pause'));
    const debrief = buildDebrief(scenario, state, ['player']);
    expect(debrief.questions).toContain(
      'Racer Lab left the conditional pause agreement in quarter 1. What could keep labs in an agreement when leaving pays?',
    );
    expect(debrief.keyMoments).toContainEqual({
      round: 1,
      text: 'Racer Lab leaves the conditional pause agreement.',
    });
  });

  it('asks about accountability when a quiet revision came to light', () => {
    const scenario = testScenario({ rounds: 3 });
    const state = play(scenario, (round) =>
      round === 1
        ? decision('pause', [
            { kind: 'reviseThreshold', levelId: 'L3', domain: 'cbrn', to: 0.7, publicly: false },
            { kind: 'inviteAudit' },
          ])
        : decision('pause'),
    );
    const player = state.labs.find((l) => l.id === 'player')!;
    expect(player.policy.revisions).toEqual([
      {
        round: 1,
        levelId: 'L3',
        domain: 'cbrn',
        from: 0.55,
        to: 0.7,
        publicly: false,
        exposed: true,
        reverted: true,
      },
    ]);
    // Brought to light, the quiet revision is undone: the lab is held to its registered ladder.
    expect(player.policy.levels.find((l) => l.id === 'L3')?.thresholds.cbrn).toBe(0.55);
    const debrief = buildDebrief(scenario, state, ['player']);
    expect(debrief.commitments[0]).toMatchObject({ revisedQuietly: 1, revisedPublicly: 0 });
    expect(debrief.questions).toContain(
      "Your quiet change to your Level 3 threshold (quarter 1) came to light. Who should be able to check a lab's thresholds and evals, and what should happen when a lab changes them without saying so?",
    );
    const texts = debrief.keyMoments.map((m) => m.text);
    expect(texts).toContain(
      'Player Lab quietly loosened its threshold: Level 3 CBRN from 55% to 70%. It later came to light.',
    );
    expect(texts.some((t) => t.startsWith('An external audit reveals Player Lab'))).toBe(true);
  });
});

describe('missed crossings against the starting ladder and the revised one', () => {
  it('counts a crossing the loosened threshold hides against the ladder the lab started with', () => {
    const base = testScenario();
    const scenario = scenarioWith(
      { player: { capability: { cbrn: 0.6 } } },
      { rounds: 3, evaluation: { ...base.evaluation, elicitationGap: 0.3, safetyBuffer: 0 } },
    );
    const state = play(scenario, (round) =>
      round === 1
        ? decision('pause', [
            { kind: 'reviseThreshold', levelId: 'L3', domain: 'cbrn', to: 0.9, publicly: true },
          ])
        : decision('pause'),
    );
    const player = state.labs.find((l) => l.id === 'player')!;
    expect(startingLevels(player).find((l) => l.id === 'L3')?.thresholds.cbrn).toBe(0.55);
    const both = missedCrossingsByLadder(scenario, state, ['player']);
    expect(both.revisedLabs).toEqual(['player']);
    expect(both.revised.filter((m) => m.levelId === 'L3' && m.domain === 'cbrn')).toEqual([]);
    expect(both.starting).toContainEqual(
      expect.objectContaining({ lab: 'player', levelId: 'L3', domain: 'cbrn', threshold: 0.55 }),
    );
  });

  it('gives the same crossings on both ladders to a lab that never revised', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const base = testScenario();
        const scenario = scenarioWith(
          { player: { capability: { cbrn: 0.5 } } },
          { rounds: 5, evaluation: { ...base.evaluation, elicitationGap: 0.2 } },
        );
        const state = play(scenario, () => decision('deploy'), seed);
        const labs = state.labs.map((l) => l.id);
        const both = missedCrossingsByLadder(scenario, state, labs);
        const unrevised = labs.filter((id) => !both.revisedLabs.includes(id));
        const only = (list: MissedCrossing[]) => list.filter((m) => unrevised.includes(m.lab));
        expect(only(both.starting)).toEqual(only(missedCrossingEpisodes(state, labs)));
      }),
      { numRuns: 15 },
    );
  });
});

describe('catastrophe', () => {
  it('ends with the catastrophe and asks which safeguard gap mattered', () => {
    const scenario = scenarioWith(
      { player: { capability: { autonomy: 0.95 }, safeguards: { alignment: 0 } } },
      { dynamics: { lossOfControlHazard: 1, catastropheShare: 1, dangerFloor: 0 } },
    );
    let state: GameState | null = null;
    for (let seed = 1; seed <= 50 && !state; seed++) {
      const s = play(scenario, () => decision('deploy'), seed);
      if (s.outcome?.reason === 'catastrophe') state = s;
    }
    expect(state).not.toBeNull();
    const c = state!.outcome!.catastrophe!;
    const debrief = buildDebrief(scenario, state!, ['player']);
    expect(debrief.outcome.title).toBe(`Catastrophe in quarter ${c.round}`);
    expect(debrief.outcome.text).toContain('ends the race for everyone');
    const gap = {
      misuse: 'deployment safeguards',
      theft: 'weight security',
      stolenModelMisuse: 'weight security',
      lossOfControl: 'alignment evidence',
    }[c.kind];
    expect(debrief.questions[0]).toMatch(
      new RegExp(`^The game ended in catastrophe in quarter ${c.round}.*here, ${gap}`),
    );
    expect(debrief.keyMoments.at(-1)).toEqual({
      round: c.round,
      text: `Catastrophe in quarter ${c.round}.`,
    });
  });
});

describe('a quiet game', () => {
  it('falls back to general questions when nothing in particular happened', () => {
    const scenario = testScenario({ rounds: 3 });
    const state = play(scenario, () => decision('pause'));
    const rows = state.history.flatMap((r) => r.labs);
    // The premise: nothing the rules look for happened.
    const player = rows.filter((r) => r.lab === 'player');
    expect(player.some((r) => r.compliance === 'broken' || r.missedCrossings.length > 0)).toBe(
      false,
    );
    expect(rows.some((r) => r.compliance === 'broken' && r.effectivePosture === 'deploy')).toBe(
      false,
    );
    expect(state.labs.some((l) => l.policy.revisions.length > 0)).toBe(false);
    expect(state.history.flatMap((r) => r.news).some((n) => n.kind === 'pause')).toBe(false);

    const debrief = buildDebrief(scenario, state, ['player']);
    expect(debrief.outcome.title).toBe('All 3 quarters played without catastrophe');
    expect(debrief.missedCrossings).toEqual([]);
    expect(debrief.firstMissed).toBeNull();
    expect(debrief.questions).toEqual([
      'Your evals never missed a threshold your model had crossed. Was that the eval budget, the safety buffer, or luck — and how could a lab tell which?',
      'Now that you can see true capability next to what your evals showed: which decision would you make differently?',
      'Your lab wrote its own thresholds, ran its own evals and judged its own compliance. What would outside checks — audits, published evals, a regulator — have changed?',
    ]);
  });

  it('treats every lab as in focus when no lab is named', () => {
    const scenario = testScenario({ rounds: 2 });
    const state = play(scenario, () => decision('pause'));
    const debrief = buildDebrief(scenario, state, []);
    expect(debrief.rivals).toEqual([]);
    expect(debrief.commitments.map((c) => c.lab)).toEqual(['player', 'fast', 'racer', 'open']);
  });
});

describe('a session its facilitator ended early', () => {
  it('says when it stopped instead of claiming an outcome, and changes nothing of a game over', () => {
    const scenario = testScenario({ rounds: 6 });
    let state = createGame(scenario, { seed: 1, humans: ['player'] });
    for (let q = 0; q < 2; q++) state = advanceGame(state, scenario, { player: decision('pause') });
    expect(state.outcome).toBeNull();
    expect(buildDebrief(scenario, state, ['player']).outcome.title).toBe(
      'The game is still in progress',
    );
    const early = buildDebrief(scenario, state, ['player'], { endedEarly: true }).outcome;
    expect(early.title).toBe('Ended by the facilitator after 2 quarters');
    expect(early.text).toMatch(
      /^The session was ended before the game was over, after quarter 2 of 6\./,
    );
    const over = play(scenario, () => decision('pause'));
    expect(buildDebrief(scenario, over, ['player'], { endedEarly: true }).outcome).toEqual(
      buildDebrief(scenario, over, ['player']).outcome,
    );
  });
});

describe('any game', () => {
  it('gets a deterministic debrief with three or four questions and moments in order', () => {
    const posture = fc.constantFrom<Posture>('pause', 'restrict', 'deploy');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(posture, { minLength: 8, maxLength: 8 }),
        fc.double({ min: 0.3, max: 0.75, noNaN: true }),
        (seed, postures, cbrn) => {
          const scenario = scenarioWith({ player: { capability: { cbrn } } }, { rounds: 8 });
          const state = play(scenario, (round) => decision(postures[round - 1] ?? 'pause'), seed);
          const debrief = buildDebrief(scenario, state, ['player']);
          expect(buildDebrief(scenario, state, ['player'])).toEqual(debrief);
          expect(debrief.questions.length).toBeGreaterThanOrEqual(3);
          expect(debrief.questions.length).toBeLessThanOrEqual(4);
          expect(new Set(debrief.questions).size).toBe(debrief.questions.length);
          const rounds = debrief.keyMoments.map((m) => m.round);
          expect(rounds).toEqual([...rounds].sort((a, b) => a - b));
          for (const m of debrief.missedCrossings) {
            expect(m.lab).toBe('player');
            expect(row(state, m.round, 'player').missedCrossings).toContainEqual(m);
          }
          const player = debrief.commitments[0]!;
          expect(player.kept + player.broken).toBeLessThanOrEqual(state.history.length);
          expect(player.broken).toBe(
            state.history.filter((r) => r.labs[0]!.compliance === 'broken').length,
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});
