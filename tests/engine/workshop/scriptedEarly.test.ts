// A facilitator fires one of the scenario's scripted events before its quarter: it happens then,
// once, and its own quarter passes without it — in play, in a replay and in a saved session.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createGame, replayGame, type FiredInject } from '../../../src/engine/game';
import { gameMachine } from '../../../src/engine/machines/gameMachine';
import { fireInject } from '../../../src/engine/round';
import type { GameState, NewsItem, ScriptedEvent } from '../../../src/engine/types';
import { workshopSectionsMarkdown } from '../../../src/presentation/report/workshop';
import { makeWorkshopSave, parseWorkshopSession } from '../../../src/lib/workshopSession';
import { LAB_A, LAB_B, SCENARIO, dec, playMeta, played } from './helpers';

// The Eval Blind Spot's second scripted event: Corvid's breakthrough, due in quarter 5.
const INDEX = 1;
const EVENT = SCENARIO.events[INDEX] as ScriptedEvent;
const setup = { scenario: SCENARIO, seed: 5, humans: [LAB_A, LAB_B] };
const early: FiredInject = { round: 2, event: EVENT, scripted: INDEX };

/** An event's inject in the news (the fact quotes its authored headline). */
const firedAs = (n: NewsItem, event: ScriptedEvent): boolean =>
  n.kind === 'inject' && n.headline === event.headline;

/** The quarters in which the event's headline was in the news, over the whole game. */
const firings = (state: GameState): number[] =>
  state.world.news.filter((n) => firedAs(n, EVENT)).map((n) => n.round);

describe('a scripted event fired early', () => {
  it('is due in a later quarter (the premise of these tests)', () => {
    expect(EVENT.round).toBe(5);
    expect(EVENT.effect.kind).toBe('breakthrough');
  });

  it('fires in its own quarter when nobody fires it early', () => {
    expect(firings(played(SCENARIO.rounds).state)).toEqual([5]);
  });

  it('fires exactly once, when fired, and not again in its own quarter', () => {
    const { state } = played(SCENARIO.rounds, 5, [early]);
    expect(state.history.length).toBeGreaterThanOrEqual(5);
    expect(firings(state)).toEqual([2]);
    expect(state.world.firedEarly).toEqual([INDEX]);
    // The same inject without saying which scripted event it is: a repeat, as before.
    const repeated = played(SCENARIO.rounds, 5, [{ round: 2, event: EVENT }]).state;
    expect(firings(repeated)).toEqual([2, 5]);
  });

  it('changes nothing about other scripted events, and one whose quarter has come repeats', () => {
    const now = played(5, 5).state; // quarter 6 is open: the breakthrough fired in quarter 5
    const again = fireInject(now, SCENARIO, EVENT, INDEX);
    expect(again.world.firedEarly).toEqual([]);
    expect(firings(again)).toEqual([5, 6]);
    const { state } = played(SCENARIO.rounds, 5, [early]);
    for (const [i, event] of SCENARIO.events.entries()) {
      if (i === INDEX || event.round > state.history.length) continue;
      expect(state.world.news.filter((n) => firedAs(n, event)).length).toBe(1);
    }
  });

  it('does not change the state it was fired on', () => {
    const before = createGame(SCENARIO, { seed: 5, humans: [LAB_A, LAB_B] });
    const copy = structuredClone(before);
    fireInject(before, SCENARIO, EVENT, INDEX);
    expect(before).toEqual(copy);
  });

  it('replays to the same game from the decisions and the live injects', () => {
    const setup = { scenario: SCENARIO, seed: 7, humans: [LAB_A, LAB_B] }; // no catastrophe by Q7
    const actor = createActor(gameMachine).start();
    actor.send({ type: 'start', setup, autoResolve: false });
    const decide = (posture: 'pause' | 'restrict' | 'deploy') => {
      actor.send({ type: 'continue' });
      actor.send({ type: 'continue' });
      actor.send({ type: 'submitDecision', lab: LAB_A, decision: dec(posture) });
      actor.send({ type: 'submitDecision', lab: LAB_B, decision: dec('restrict') });
      actor.send({ type: 'resolveRound' });
    };
    decide('restrict');
    actor.send({ type: 'fireInject', event: EVENT, scripted: INDEX });
    for (const posture of ['pause', 'deploy', 'restrict', 'deploy', 'restrict'] as const) {
      decide(posture);
    }
    const { log, injects, game } = actor.getSnapshot().context;
    // Recorded as fired in quarter 2, though it was due in quarter 5.
    expect(injects).toEqual([{ ...early, event: { ...EVENT, round: 2 } }]);
    expect(game?.outcome).toBeNull();
    expect(game?.round).toBe(7);
    expect(game && firings(game)).toEqual([2]);
    expect(replayGame(SCENARIO, setup, log, Infinity, injects)).toEqual(game);

    // Through the session file, as a reload or another laptop reads it.
    const saved = JSON.parse(
      JSON.stringify(
        makeWorkshopSave({ setup, log, pending: {}, meta: playMeta({ injects, roundOpen: true }) }),
      ),
    ) as Record<string, unknown>;
    const read = parseWorkshopSession(saved);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    // Read back exactly as it was recorded live, so a reload changes nothing in the record.
    expect(read.session.meta.injects).toEqual(injects);
    expect(replayGame(SCENARIO, setup, log, Infinity, read.session.meta.injects)).toEqual(game);
    // Without the link to the scripted event the replay is a different game: it fires twice.
    const unlinked = read.session.meta.injects.map(({ round, event }) => ({ round, event }));
    expect(firings(replayGame(SCENARIO, setup, log, Infinity, unlinked))).toEqual([2, 5]);

    // Rewinding to before it was fired: a new branch, in which the event is due again.
    actor.send({ type: 'rewind', round: 2 });
    expect(actor.getSnapshot().context.game?.world.firedEarly).toEqual([]);
  });

  it('is refused in a session file when the event is not that scripted event', () => {
    const { log } = played(3, 5, [early]);
    const value = JSON.parse(
      JSON.stringify(
        makeWorkshopSave({ setup, log, pending: {}, meta: playMeta({ injects: [early] }) }),
      ),
    ) as { extra: { injects: { scripted: unknown }[] } };
    expect(parseWorkshopSession(value).ok).toBe(true);
    const other = structuredClone(value);
    (other.extra.injects[0] as { scripted: unknown }).scripted = 2;
    const r = parseWorkshopSession(other);
    expect(r.ok ? 'ok' : r.message).toBe(
      `extra.injects[0].scripted: the event is not the scenario’s scripted event 2 (“${SCENARIO.events[2]?.headline}”)`,
    );
    (other.extra.injects[0] as { scripted: unknown }).scripted = 9;
    const far = parseWorkshopSession(other);
    expect(far.ok ? 'ok' : far.message).toMatch(
      /^extra\.injects\[0\]\.scripted: this scenario has 4 scripted events/,
    );
  });

  it('is marked as fired early in the after-action report', () => {
    const { state } = played(3, 5, [early]);
    const text = workshopSectionsMarkdown(SCENARIO, state, playMeta({ injects: [early] })).join(
      '\n',
    );
    expect(text).toContain(`${EVENT.headline} (scripted for quarter 5, fired early)`);
  });
});
