// The networked console's parts that match the pass-the-laptop console: "end after this
// quarter" (and taking it back), injects written on the spot, commitments recorded, marked and
// removed. Each command is taken from the facilitator's token, refused from a team's token, and
// a malformed one gets an error naming what is wrong — never a crash (the room carries on).
import { describe, expect, it } from 'vitest';
import type { CreatedRoom, FacilitatorView, ServerMessage } from '../../src/lib/roomProtocol';
import { createRoom, decision, type TestDevice } from './harness';
import { serverPerTest } from './serverPerTest';

const live = serverPerTest();
const join = (token: string) => live.join(token);

function twoTeams(): Promise<CreatedRoom> {
  return createRoom(live.server, {
    scenario: 'eval-blind-spot',
    seed: 11,
    teams: [{ name: 'Amber' }, { name: 'Birch' }],
    timerSeconds: null,
    quarters: 6,
  });
}

const errorOf = (reply: ServerMessage) =>
  reply.type === 'error' ? { code: reply.code, message: reply.message } : null;

describe('end after this quarter, over the network', () => {
  it('the console makes this quarter the last, takes it back, and the debrief follows', async () => {
    const room = await twoTeams();
    const facilitator = await join(room.tokens.facilitator);
    const teamA = await join(room.tokens.teams[0]!.token);
    const teamB = await join(room.tokens.teams[1]!.token);
    const first = facilitator.view as FacilitatorView;
    expect(first).toMatchObject({ canEndNow: true, canPlayOn: false, plannedQuarters: 6 });

    // A team's token cannot end the game, nor take the ending back.
    for (const type of ['endAfterThisQuarter', 'playOn']) {
      expect(errorOf(await teamA.device.request({ type }))?.code).toBe('forbidden');
    }
    // Nothing to take back yet; and a malformed message is refused with its reason.
    expect(errorOf(await facilitator.device.request({ type: 'playOn' }))).toMatchObject({
      code: 'notNow',
    });
    const extra = errorOf(await facilitator.device.request({ type: 'endAfterThisQuarter', at: 3 }));
    expect(extra?.code).toBe('invalid');

    const last = (await facilitator.device.act({ type: 'endAfterThisQuarter' })) as FacilitatorView;
    expect(last).toMatchObject({ canEndNow: false, canPlayOn: true, plannedQuarters: 6 });
    expect(last.status.totalRounds).toBe(1);
    const back = (await facilitator.device.act({ type: 'playOn' })) as FacilitatorView;
    expect(back).toMatchObject({ canEndNow: true, canPlayOn: false });
    expect(back.status.totalRounds).toBe(6);

    await facilitator.device.act({ type: 'endAfterThisQuarter' });
    await facilitator.device.act({ type: 'openDecisions' });
    await teamA.device.act({ type: 'submit', decision: decision(0.2) });
    await teamB.device.act({ type: 'submit', decision: decision(0.2) });
    const over = (await facilitator.device.act({ type: 'resolve' })) as FacilitatorView;
    expect(over.status.over).toBe(true);
    expect(over.resolved).toBe(1);
    expect(over).toMatchObject({ canEndNow: false, canPlayOn: false, canFireInject: false });
    expect(errorOf(await facilitator.device.request({ type: 'endAfterThisQuarter' }))?.code).toBe(
      'notNow',
    );
  });
});

describe('written injects, over the network', () => {
  it('the console fires one written on the spot; a team cannot; a bad one is named', async () => {
    const room = await twoTeams();
    const facilitator = await join(room.tokens.facilitator);
    const teamA = await join(room.tokens.teams[0]!.token);
    const written = {
      headline: 'A whistle-blower talks',
      body: 'A lab’s safety team resigns in public.',
      effect: { kind: 'trust', delta: -0.05 },
    };
    expect(errorOf(await teamA.device.request({ type: 'fireInject', event: written }))?.code).toBe(
      'forbidden',
    );
    const noHeadline = errorOf(
      await facilitator.device.request({ type: 'fireInject', event: { ...written, headline: '' } }),
    );
    expect(noHeadline?.code).toBe('invalid');
    expect(noHeadline?.message).toMatch(/^event\.headline: /);
    expect(
      errorOf(await facilitator.device.request({ type: 'fireInject', event: 'a string' }))?.code,
    ).toBe('invalid');
    expect(
      errorOf(await facilitator.device.request({ type: 'fireInject', scripted: 0, event: written }))
        ?.message,
    ).toMatch(/either "scripted" or "event"/);

    const fired = (await facilitator.device.act({
      type: 'fireInject',
      event: written,
    })) as FacilitatorView;
    expect(fired.injects.map((f) => f.event.headline)).toEqual(['A whistle-blower talks']);
    expect(fired.canFireInject).toBe(true);
    const heard = await teamA.device.waitFor(
      (m) =>
        m.type === 'view' &&
        m.view.kind === 'team' &&
        m.view.news.some((n) => n.headline === 'A whistle-blower talks'),
    );
    expect(heard.type).toBe('view');
  });
});

describe('commitments, over the network', () => {
  it('the console records, marks and removes; a team token can do none of it', async () => {
    const room = await twoTeams();
    const [a, b] = room.tokens.teams;
    const facilitator = await join(room.tokens.facilitator);
    const teamA = await join(a!.token);
    const statement = {
      round: 1,
      until: null,
      parties: [a!.lab],
      text: 'We publish every eval.',
      terms: { kind: 'statement' },
    };
    expect(
      errorOf(await teamA.device.request({ type: 'recordCommitment', commitment: statement }))
        ?.code,
    ).toBe('forbidden');
    // Checked against the scenario: a lab that is not in it, a level that is not on its ladder.
    const stranger = errorOf(
      await facilitator.device.request({
        type: 'recordCommitment',
        commitment: { ...statement, parties: ['nobody'] },
      }),
    );
    expect(stranger?.code).toBe('invalid');
    expect(stranger?.message).toMatch(/^commitment\.parties: /);
    const noLevel = errorOf(
      await facilitator.device.request({
        type: 'recordCommitment',
        commitment: { ...statement, terms: { kind: 'noDeployAbove', level: 'no-such-level' } },
      }),
    );
    expect(noLevel?.code).toBe('invalid');

    const recorded = (await facilitator.device.act({
      type: 'recordCommitment',
      commitment: { ...statement, parties: [a!.lab, b!.lab] },
    })) as FacilitatorView;
    expect(recorded.assessed).toEqual([
      { commitment: expect.objectContaining({ id: 'c1' }), verdict: 'unjudged' },
    ]);
    expect(recorded.labs.map((l) => l.id)).toEqual(expect.arrayContaining([a!.lab, b!.lab]));

    for (const command of [
      { type: 'markCommitment', commitmentId: 'c1', mark: 'kept' },
      { type: 'removeCommitment', commitmentId: 'c1' },
    ]) {
      expect(errorOf(await teamA.device.request(command))?.code).toBe('forbidden');
    }
    expect(
      errorOf(
        await facilitator.device.request({
          type: 'markCommitment',
          commitmentId: 'c1',
          mark: 'mostly',
        }),
      )?.code,
    ).toBe('invalid');
    const marked = (await facilitator.device.act({
      type: 'markCommitment',
      commitmentId: 'c1',
      mark: 'broken',
    })) as FacilitatorView;
    expect(marked.assessed[0]?.verdict).toBe('broken');
    const removed = (await facilitator.device.act({
      type: 'removeCommitment',
      commitmentId: 'c1',
    })) as FacilitatorView;
    expect(removed.assessed).toEqual([]);
  });

  it('the console’s welcome carries the whole scenario; a team’s, none of the scripted events', async () => {
    const room = await twoTeams();
    const facilitator = await join(room.tokens.facilitator);
    const teamA = await join(room.tokens.teams[0]!.token);
    const projector = await join(room.tokens.projector);
    const welcome = (device: TestDevice) => device.received.find((m) => m.type === 'welcome');
    const consoleScenario = welcome(facilitator.device);
    const teamScenario = welcome(teamA.device);
    expect(
      consoleScenario?.type === 'welcome' ? consoleScenario.scenario?.events.length : 0,
    ).toBeGreaterThan(0);
    expect(teamScenario?.type === 'welcome' ? teamScenario.scenario?.events : null).toEqual([]);
    expect(welcome(projector.device)).toMatchObject({ scenario: null });
  });
});
