import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  CreatedRoom,
  FacilitatorView,
  ProjectorView,
  TeamView,
} from '../../src/lib/roomProtocol';
import { replayGame } from '../../src/engine/game';
import { initialMeta } from '../../src/engine/workshop/flow';
import { seatOrder } from '../../src/engine/workshop/seats';
import { makeWorkshopSave, parseWorkshopText } from '../../src/lib/workshopSession';
import { shippedScenarios } from '../support/shippedScenarios';
import { RoomStore } from '../../src/server/database';
import type { RoomRecord } from '../../src/server/roomFlow';
import type { RunningServer } from '../../src/server/server';
import {
  baseUrl,
  createRoom,
  decision,
  socketUrl,
  start,
  TestDevice,
  type TestPlace,
} from './harness';
import { openServer, closeServer, restartServer } from './fixture';

let place: TestPlace;
let server: RunningServer;
const devices: TestDevice[] = [];

async function join(token: string) {
  const joined = await TestDevice.join(socketUrl(server), token);
  devices.push(joined.device);
  return joined;
}

beforeEach(async () => {
  ({ place, server } = await openServer());
});

afterEach(async () => {
  await closeServer(server, devices);
  place.remove();
});

/** A device for every token of a three-team room. */
async function everyDevice(room: CreatedRoom) {
  const [a, b, c] = room.tokens.teams;
  return {
    facilitator: await join(room.tokens.facilitator),
    projector: await join(room.tokens.projector),
    teamA: await join(a!.token),
    teamB: await join(b!.token),
    teamC: await join(c!.token),
  };
}

/** Each team locks in the same decision from a device of its own. */
async function everyTeamDecides(room: CreatedRoom) {
  for (const team of room.tokens.teams) {
    const device = await join(team.token);
    await device.device.act({ type: 'submit', decision: decision(0.2) });
  }
}

async function threeTeams(): Promise<CreatedRoom> {
  return createRoom(server, {
    scenario: 'eval-blind-spot',
    seed: 7,
    teams: [{ name: 'Amber' }, { name: 'Birch' }, { name: 'Cedar' }],
    timerSeconds: 300,
  });
}

describe('rooms', () => {
  it('creates a room with unguessable tokens, one per team, projector and facilitator', async () => {
    const room = await threeTeams();
    const tokens = [
      room.tokens.facilitator,
      room.tokens.projector,
      ...room.tokens.teams.map((t) => t.token),
    ];
    expect(tokens).toHaveLength(5);
    expect(new Set(tokens).size).toBe(5);
    for (const token of tokens) {
      // 24 base64url characters: 144 random bits.
      expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    }
    expect(room.tokens.teams.map((t) => t.name)).toEqual(['Amber', 'Birch', 'Cedar']);
  });

  it('refuses a bad create request with a message naming what is wrong', async () => {
    const post = (body: unknown) =>
      fetch(`${baseUrl(server)}/api/rooms`, { method: 'POST', body: JSON.stringify(body) }).then(
        async (r) => ({ status: r.status, body: (await r.json()) as { error: string } }),
      );
    const unknown = await post({ scenario: 'nope', teams: [{ name: 'A' }, { name: 'B' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/scenario: no shipped scenario is called "nope"/);
    const oneTeam = await post({ scenario: 'eval-blind-spot', teams: [{ name: 'A' }] });
    expect(oneTeam.body.error).toMatch(/Name 2 to \d teams/);
    const badSeed = await post({
      scenario: 'eval-blind-spot',
      teams: [{ name: 'A' }, { name: 'B' }],
      seed: -1,
    });
    expect(badSeed.body.error).toMatch(/^seed: expected a seed from 0/);
    const tooMany = await post({
      scenario: 'eval-blind-spot',
      teams: [{ name: 'A' }, { name: 'B' }],
      quarters: 99,
    });
    expect(tooMany.body.error).toMatch(/^quarters: this scenario has \d+ quarters/);
  });

  it('plays fewer quarters when asked', async () => {
    const room = await createRoom(server, {
      scenario: 'eval-blind-spot',
      seed: 1,
      teams: [{ name: 'A' }, { name: 'B' }],
      quarters: 4,
    });
    const { view } = await join(room.tokens.projector);
    expect(view.status.totalRounds).toBe(4);
    // The length is recorded as the browser's setup records it: the game's `rounds`, with the
    // scenario itself unchanged, so the same seed plays the same game in either.
    const exported = await fetch(`${baseUrl(server)}/api/session`, {
      headers: { authorization: `Bearer ${room.tokens.facilitator}` },
    });
    const session = parseWorkshopText(await exported.text());
    if (!session.ok) throw new Error(session.message);
    const shipped = shippedScenarios.find((s) => s.id === 'eval-blind-spot')!;
    expect(session.session.setup.rounds).toBe(4);
    expect(session.session.setup.scenario).toEqual(shipped);
  });

  it('a team that locks in again replaces its decision', async () => {
    const room = await threeTeams();
    const facilitator = await join(room.tokens.facilitator);
    await facilitator.device.act({ type: 'openDecisions' });
    const teamA = await join(room.tokens.teams[0]!.token);
    await teamA.device.act({ type: 'submit', decision: decision(0.2) });
    const again = (await teamA.device.act({ type: 'submit', decision: decision(0.4) })) as TeamView;
    expect(again.decision?.budget.capabilities).toBe(0.4);
    const console = await facilitator.device.waitFor(
      (m) => m.type === 'view' && m.view.kind === 'facilitator' && m.view.lockedIn.length > 0,
      0,
    );
    expect((console as { view: FacilitatorView }).view.lockedIn).toEqual([
      room.tokens.teams[0]!.lab,
    ]);
  });

  it('serves the built app and its API', async () => {
    const page = await fetch(`${baseUrl(server)}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Threshold</title>');
    const outside = await fetch(`${baseUrl(server)}/..%2f..%2fetc%2fpasswd`);
    expect(outside.status).toBe(404);
    const health = (await (await fetch(`${baseUrl(server)}/api/health`)).json()) as {
      rooms: number;
    };
    expect(health.rooms).toBe(0);
  });
});

describe('a quarter played on separate devices', () => {
  it('teams decide in parallel; the console sees who, the facilitator resolves', async () => {
    const room = await threeTeams();
    const [a, b, c] = room.tokens.teams;
    const { facilitator, projector, teamA, teamB, teamC } = await everyDevice(room);
    expect(teamA.view.kind).toBe('team');
    expect((teamA.view as TeamView).team.lab).toBe(a!.lab);

    const opened = (await facilitator.device.act({ type: 'openDecisions' })) as FacilitatorView;
    expect(opened.status.roundOpen).toBe(true);

    // Decisions before the console could resolve: refused, with the teams still waiting named.
    await teamA.device.act({ type: 'submit', decision: decision(0.2) });
    const early = await facilitator.device.request({ type: 'resolve' });
    expect(early).toMatchObject({ type: 'error', code: 'notNow' });
    expect(early.type === 'error' && early.message).toMatch(/waiting for Birch, Cedar/);

    await teamB.device.act({ type: 'submit', decision: decision(0.25) });
    // A team changes its mind before the resolution: withdraw, then submit again.
    const withdrawn = (await teamB.device.act({ type: 'withdraw' })) as TeamView;
    expect(withdrawn.decision).toBeNull();
    const changed = (await teamB.device.act({
      type: 'submit',
      decision: decision(0.3),
    })) as TeamView;
    expect(changed.decision?.budget.capabilities).toBe(0.3);
    await teamC.device.act({ type: 'submit', decision: decision(0.1) });

    const all = await facilitator.device.waitFor(
      (m) => m.type === 'view' && m.view.kind === 'facilitator' && m.view.lockedIn.length === 3,
      0,
    );
    const console = (all as { view: FacilitatorView }).view;
    expect(console.lockedIn).toEqual([a!.lab, b!.lab, c!.lab]);
    expect(console.canResolve).toBe(true);
    expect(JSON.stringify(console)).not.toContain('"budget"');

    const resolved = (await facilitator.device.act({ type: 'resolve' })) as FacilitatorView;
    expect(resolved.status.round).toBe(2);
    expect(resolved.resolved).toBe(1);
    const shown = await projector.device.waitFor(
      (m) => m.type === 'view' && m.view.status.round === 2,
    );
    expect((shown as { view: ProjectorView }).view.public.history).toHaveLength(1);
    const ownHistory = await teamA.device.waitFor(
      (m) => m.type === 'view' && m.view.status.round === 2,
    );
    const ownView = (ownHistory as { view: TeamView }).view;
    expect(ownView.history).toHaveLength(1);
    expect(ownView.history[0]?.decision.budget.capabilities).toBe(0.2);
    expect(ownView.decision).toBeNull();
  });

  it('a team token cannot act for another team or the facilitator; the projector cannot act', async () => {
    const room = await threeTeams();
    const [a, b] = room.tokens.teams;
    const facilitator = await join(room.tokens.facilitator);
    const teamA = await join(a!.token);
    const projector = await join(room.tokens.projector);
    await facilitator.device.act({ type: 'openDecisions' });

    const forB = await teamA.device.request({
      type: 'submit',
      lab: b!.lab,
      decision: decision(0.2),
    });
    expect(forB).toMatchObject({ type: 'error', code: 'forbidden' });
    expect(forB.type === 'error' && forB.message).toMatch(/cannot act for/);
    const withdrawB = await teamA.device.request({ type: 'withdraw', lab: b!.lab });
    expect(withdrawB).toMatchObject({ type: 'error', code: 'forbidden' });
    for (const type of ['resolve', 'undo', 'pause', 'end', 'openDecisions']) {
      expect(await teamA.device.request({ type })).toMatchObject({
        type: 'error',
        code: 'forbidden',
      });
    }
    expect(await teamA.device.request({ type: 'reopenTeam', lab: b!.lab })).toMatchObject({
      code: 'forbidden',
    });
    expect(await teamA.device.request({ type: 'fireInject', scripted: 0 })).toMatchObject({
      code: 'forbidden',
    });
    expect(
      await projector.device.request({ type: 'submit', decision: decision(0.2) }),
    ).toMatchObject({ code: 'forbidden' });
    expect(await projector.device.request({ type: 'resolve' })).toMatchObject({
      code: 'forbidden',
    });
    // The console does not decide for a team either.
    expect(
      await facilitator.device.request({ type: 'submit', lab: a!.lab, decision: decision(0.2) }),
    ).toMatchObject({ code: 'forbidden' });
    // Nothing was recorded.
    const console = (await facilitator.device.act({ type: 'pause' })) as FacilitatorView;
    expect(console.lockedIn).toEqual([]);
  });

  it('answers bad messages with an error and carries on', async () => {
    const room = await threeTeams();
    const teamA = await join(room.tokens.teams[0]!.token);
    const errors = () => teamA.device.received.filter((m) => m.type === 'error').length;
    const nextError = async (send: () => void) => {
      const from = teamA.device.received.length;
      send();
      return teamA.device.waitFor((m) => m.type === 'error', from);
    };
    expect(await nextError(() => teamA.device.sendRaw('not json'))).toMatchObject({
      code: 'invalid',
      message: 'the message is not valid JSON',
    });
    expect(
      await nextError(() => teamA.device.sendRaw(JSON.stringify({ type: 'fly' }))),
    ).toMatchObject({ code: 'invalid' });
    expect(await nextError(() => teamA.device.sendRaw('x'.repeat(40_000)))).toMatchObject({
      code: 'tooLarge',
    });
    expect(
      await nextError(() => teamA.device.sendRaw('['.repeat(100) + ']'.repeat(100))),
    ).toMatchObject({
      code: 'invalid',
    });
    expect(await nextError(() => teamA.device.sendRaw(Buffer.from([1, 2, 3])))).toMatchObject({
      code: 'invalid',
    });
    const decisionError = await teamA.device.request({
      type: 'submit',
      decision: { ...decision(0.2), budget: { ...decision(0.2).budget, evals: 0.9 } },
    });
    expect(decisionError).toMatchObject({ type: 'error', code: 'invalid' });
    expect(decisionError.type === 'error' && decisionError.message).toBe(
      'decision.budget: shares must add up to 100%',
    );
    expect(errors()).toBe(6);
    // Still connected and served.
    const facilitator = await join(room.tokens.facilitator);
    await facilitator.device.act({ type: 'openDecisions' });
    expect(await teamA.device.request({ type: 'submit', decision: decision(0.2) })).toMatchObject({
      type: 'ack',
    });
  });

  it('refuses an unknown token and a command before joining', async () => {
    await threeTeams();
    const device = await TestDevice.open(socketUrl(server));
    devices.push(device);
    expect(await device.request({ type: 'resolve' })).toMatchObject({ code: 'notJoined' });
    expect(await device.request({ type: 'join', token: 'A'.repeat(24) })).toMatchObject({
      code: 'badToken',
    });
    expect(await device.request({ type: 'join', token: 'short' })).toMatchObject({
      code: 'invalid',
      message: 'token: this is not a room token (check the join link)',
    });
  });

  it('closes a connection that never joins', async () => {
    await server.close();
    server = await start(place, { joinTimeoutMs: 20 });
    const room = await threeTeams();
    const idle = await TestDevice.open(socketUrl(server));
    devices.push(idle);
    await idle.closed;
    // A device that joined stays.
    const joined = await join(room.tokens.projector);
    const refused = await joined.device.request({ type: 'resolve' });
    expect(refused).toMatchObject({ code: 'forbidden' });
  });

  it('limits how fast a device may send', async () => {
    await server.close();
    const frozen = 1_000_000;
    server = await start(place, { now: () => frozen, rate: { burst: 5, perSecond: 1 } });
    const room = await threeTeams();
    const teamA = await join(room.tokens.teams[0]!.token);
    // The join took one message; four more pass, then the clock has not moved: refused.
    for (let i = 0; i < 6; i++) teamA.device.sendRaw(JSON.stringify({ type: 'withdraw' }));
    const limited = await teamA.device.waitFor(
      (m) => m.type === 'error' && m.code === 'rateLimited',
    );
    expect(limited).toMatchObject({ message: 'too many messages: wait a moment' });
  });
});

describe('the facilitator’s controls', () => {
  it('pauses (teams wait), runs the timer and fires checked injects', async () => {
    const room = await threeTeams();
    const facilitator = await join(room.tokens.facilitator);
    const teamA = await join(room.tokens.teams[0]!.token);
    await facilitator.device.act({ type: 'openDecisions' });
    const paused = (await facilitator.device.act({ type: 'pause' })) as FacilitatorView;
    expect(paused.public.phase).toBe('paused');
    expect(paused.public.timer?.deadline).toBeNull();
    const waiting = await teamA.device.request({ type: 'submit', decision: decision(0.2) });
    expect(waiting).toMatchObject({ code: 'notNow' });
    expect(waiting.type === 'error' && waiting.message).toMatch(/paused for discussion/);
    await facilitator.device.act({ type: 'resume' });
    const longer = (await facilitator.device.act({
      type: 'timer',
      action: 'add',
      seconds: 60,
    })) as FacilitatorView;
    expect(longer.public.timer?.durationMs).toBe(360_000);

    const bad = await facilitator.device.request({
      type: 'fireInject',
      event: { headline: 'Leak', body: 'Weights leak.', effect: { kind: 'trust', delta: 5 } },
    });
    expect(bad).toMatchObject({ code: 'invalid' });
    expect(bad.type === 'error' && bad.message).toMatch(/^event\.effect\.delta: /);
    const fired = (await facilitator.device.act({
      type: 'fireInject',
      event: {
        headline: 'Trust wobbles',
        body: 'A report.',
        effect: { kind: 'trust', delta: -0.1 },
      },
    })) as FacilitatorView;
    expect(fired.injects).toHaveLength(1);
    expect(fired.public.thisQuarter.map((n) => n.headline)).toContain('Trust wobbles');
    // The team's device hears it too.
    const heard = await teamA.device.waitFor(
      (m) =>
        m.type === 'view' &&
        m.view.kind === 'team' &&
        m.view.news.some((n) => n.headline === 'Trust wobbles'),
    );
    expect(heard.type).toBe('view');
  });
});

describe('commitments', () => {
  it('the console records, marks and removes them; the projector shows them', async () => {
    const room = await threeTeams();
    const [a, b] = room.tokens.teams;
    const facilitator = await join(room.tokens.facilitator);
    const projector = await join(room.tokens.projector);
    const teamA = await join(a!.token);
    const pact = { round: 1, until: null, parties: [a!.lab, b!.lab], text: 'We pause together.' };
    const lonely = await facilitator.device.request({
      type: 'recordCommitment',
      commitment: { ...pact, parties: [a!.lab], terms: { kind: 'pausePact' } },
    });
    expect(lonely).toMatchObject({
      code: 'invalid',
      message: 'commitment.parties: A pact needs at least two parties.',
    });
    expect(
      await teamA.device.request({
        type: 'recordCommitment',
        commitment: { ...pact, terms: { kind: 'pausePact' } },
      }),
    ).toMatchObject({ code: 'forbidden' });
    const recorded = (await facilitator.device.act({
      type: 'recordCommitment',
      commitment: { ...pact, terms: { kind: 'pausePact' } },
    })) as FacilitatorView;
    expect(recorded.commitments).toMatchObject([
      { id: 'c1', text: 'We pause together.', mark: null },
    ]);
    const shown = await projector.device.waitFor(
      (m) => m.type === 'view' && m.view.public.commitments.length === 1,
    );
    expect(shown.type).toBe('view');
    const marked = (await facilitator.device.act({
      type: 'markCommitment',
      commitmentId: 'c1',
      mark: 'kept',
    })) as FacilitatorView;
    expect(marked.commitments[0]?.mark).toBe('kept');
    expect(
      await facilitator.device.request({ type: 'removeCommitment', commitmentId: 'c9' }),
    ).toMatchObject({ code: 'invalid' });
    const removed = (await facilitator.device.act({
      type: 'removeCommitment',
      commitmentId: 'c1',
    })) as FacilitatorView;
    expect(removed.commitments).toEqual([]);
  });
});

describe('the wire', () => {
  it('carries no other team’s decision or eval numbers to a team or the projector', async () => {
    const room = await threeTeams();
    const b = room.tokens.teams[1];
    const { facilitator, projector, teamA, teamB, teamC } = await everyDevice(room);
    // Team B's budget shares are numbers no other message would carry.
    const secret = {
      ...decision(0.2),
      budget: {
        capabilities: 0.1234567,
        security: 0.2,
        deployment: 0.2,
        alignment: 0.2,
        evals: 0.2765433,
      },
    };
    for (let quarter = 0; quarter < 3; quarter++) {
      await facilitator.device.act({ type: 'openDecisions' });
      await teamA.device.act({ type: 'submit', decision: decision(0.2) });
      await teamB.device.act({ type: 'submit', decision: secret });
      await teamC.device.act({ type: 'submit', decision: decision(0.1) });
      await facilitator.device.act({ type: 'resolve' });
    }
    await facilitator.device.act({ type: 'openDecisions' });
    await teamB.device.act({ type: 'submit', decision: secret });
    await facilitator.device.act({ type: 'pause' });

    const exported = await fetch(`${baseUrl(server)}/api/session`, {
      headers: { authorization: `Bearer ${room.tokens.facilitator}` },
    });
    const session = parseWorkshopText(await exported.text());
    if (!session.ok) throw new Error(session.message);
    const { setup, log, meta } = session.session;
    const game = replayGame(setup.scenario, setup, log, Infinity, meta.injects);
    const labB = game.labs.find((l) => l.id === b!.lab)!;
    const evalsB = Object.values(labB.lastEval?.measured ?? {}).map((n) => JSON.stringify(n));
    expect(evalsB.length).toBeGreaterThan(0);
    // This scenario shows no eval results to rivals: B's numbers are B's alone.
    expect(setup.scenario.information).not.toBe('published');

    const wire = (device: TestDevice) => device.raw.join('\n');
    for (const device of [teamA.device, teamC.device, projector.device, facilitator.device]) {
      expect(wire(device)).not.toContain('1234567');
      expect(wire(device)).not.toContain('2765433');
      for (const n of evalsB) expect(wire(device)).not.toContain(n);
    }
    // B's own device did get them: the check looks for what is there.
    expect(wire(teamB.device)).toContain('1234567');
    expect(evalsB.some((n) => wire(teamB.device).includes(n))).toBe(true);
  });
});

describe('nothing lost', () => {
  it('a device that reconnects finds its locked-in decision', async () => {
    const room = await threeTeams();
    const facilitator = await join(room.tokens.facilitator);
    await facilitator.device.act({ type: 'openDecisions' });
    const teamA = await join(room.tokens.teams[0]!.token);
    await teamA.device.act({ type: 'submit', decision: decision(0.15) });
    await teamA.device.close();
    const again = await join(room.tokens.teams[0]!.token);
    const view = again.view as TeamView;
    expect(view.decision?.budget.capabilities).toBe(0.15);
    expect(view.status.roundOpen).toBe(true);
    // The facilitator's console, reopened on another device, shows the same room.
    const second = await join(room.tokens.facilitator);
    expect((second.view as FacilitatorView).lockedIn).toEqual([room.tokens.teams[0]!.lab]);
  });

  it('a server restarted mid-quarter resumes every room from its database file', async () => {
    const room = await threeTeams();
    const [a, b, c] = room.tokens.teams;
    const facilitator = await join(room.tokens.facilitator);
    await facilitator.device.act({ type: 'openDecisions' });
    for (const [i, team] of [a, b, c].entries()) {
      const device = await join(team!.token);
      await device.device.act({ type: 'submit', decision: decision(0.1 * (i + 1)) });
    }
    await facilitator.device.act({ type: 'resolve' });
    await facilitator.device.act({ type: 'fireInject', scripted: 0 });
    await facilitator.device.act({ type: 'openDecisions' });
    const teamA = await join(a!.token);
    await teamA.device.act({ type: 'submit', decision: decision(0.35) });
    const before = (await facilitator.device.act({ type: 'pause' })) as FacilitatorView;

    server = await restartServer(place, server, devices);
    expect(server.hub.roomCount).toBe(1);

    const resumed = await join(room.tokens.facilitator);
    const view = resumed.view as FacilitatorView;
    expect(view.status).toMatchObject({ round: 2, roundOpen: true, paused: true });
    expect(view.lockedIn).toEqual([a!.lab]);
    expect(view.injects).toEqual(before.injects);
    expect(view.public).toEqual({ ...before.public });
    const teamAgain = await join(a!.token);
    expect((teamAgain.view as TeamView).decision?.budget.capabilities).toBe(0.35);

    // And play continues: the other teams decide, the quarter resolves.
    await resumed.device.act({ type: 'resume' });
    for (const team of [b, c]) {
      const device = await join(team!.token);
      await device.device.act({ type: 'submit', decision: decision(0.2) });
    }
    const next = (await resumed.device.act({ type: 'resolve' })) as FacilitatorView;
    expect(next.status.round).toBe(3);
    expect(next.resolved).toBe(2);
  });

  it('keeps a team’s unfinished decision for its own device only, across a restart', async () => {
    const room = await threeTeams();
    const [a, b] = room.tokens.teams;
    const facilitator = await join(room.tokens.facilitator);
    await facilitator.device.act({ type: 'openDecisions' });
    const draft = {
      round: 1,
      posture: 'pause',
      percents: { capabilities: 10, security: 30, deployment: 20, alignment: 20, evals: 20 },
      policy: {
        revise: false,
        levelId: '',
        domain: '',
        to: 50,
        publicly: false,
        audit: true,
        inPauseAgreement: false,
        publishEvals: false,
      },
    };
    const teamA = await join(a!.token);
    expect(teamA.view.kind === 'team' && teamA.view.draft).toBeNull();
    expect(await teamA.device.request({ type: 'draft', draft })).toMatchObject({ type: 'ack' });
    // Not another team's, not a malformed one, not the console's.
    expect(await teamA.device.request({ type: 'draft', lab: b!.lab, draft })).toMatchObject({
      type: 'error',
      code: 'forbidden',
    });
    expect(
      await teamA.device.request({ type: 'draft', draft: { ...draft, posture: 'sprint' } }),
    ).toMatchObject({ type: 'error', code: 'invalid' });
    expect(await facilitator.device.request({ type: 'draft', draft })).toMatchObject({
      type: 'error',
      code: 'forbidden',
    });
    const teamB = await join(b!.token);
    expect((teamB.view as TeamView).draft).toBeNull();

    server = await restartServer(place, server, devices);
    const again = await join(a!.token);
    expect((again.view as TeamView).draft).toEqual(draft);
    expect(JSON.stringify((await join(b!.token)).view)).not.toContain('"audit":true');
  });

  it('a room with a PIN opens its console only with the link and the PIN', async () => {
    const request = {
      scenario: 'eval-blind-spot',
      teams: [{ name: 'Amber' }, { name: 'Birch' }],
    };
    await expect(createRoom(server, { ...request, pin: '12' })).rejects.toThrow(/4 to 8 digits/);
    const room = await createRoom(server, { ...request, pin: '2468' });
    const device = await TestDevice.open(socketUrl(server));
    devices.push(device);
    for (const pin of [undefined, '1357']) {
      const refused = device.waitFor((m) => m.type === 'error');
      device.sendRaw(JSON.stringify({ type: 'join', token: room.tokens.facilitator, pin }));
      expect(await refused).toMatchObject({ code: 'pinNeeded' });
      device.received.length = 0;
    }
    // Not joined: the console's commands are refused.
    expect(await device.request({ type: 'openDecisions' })).toMatchObject({ code: 'notJoined' });
    const opened = device.waitFor((m) => m.type === 'view');
    device.sendRaw(JSON.stringify({ type: 'join', token: room.tokens.facilitator, pin: '2468' }));
    expect(await opened).toMatchObject({ view: { kind: 'facilitator' } });
    // A team's link needs no PIN.
    const team = await join(room.tokens.teams[0]!.token);
    expect(team.view.kind).toBe('team');
  });

  it('undo takes the last resolution back with every team’s choice locked in again', async () => {
    const room = await threeTeams();
    const facilitator = await join(room.tokens.facilitator);
    await facilitator.device.act({ type: 'openDecisions' });
    await everyTeamDecides(room);
    await facilitator.device.act({ type: 'resolve' });
    const undone = (await facilitator.device.act({ type: 'undo' })) as FacilitatorView;
    expect(undone.status).toMatchObject({ round: 1, roundOpen: true });
    expect(undone.lockedIn).toHaveLength(3);
    const reopened = (await facilitator.device.act({
      type: 'reopenTeam',
      lab: room.tokens.teams[1]!.lab,
    })) as FacilitatorView;
    expect(reopened.waiting).toEqual([room.tokens.teams[1]!.lab]);
    const ended = (await facilitator.device.act({ type: 'end' })) as FacilitatorView;
    expect(ended.status.ended).toBe(true);
    expect(await facilitator.device.request({ type: 'openDecisions' })).toMatchObject({
      code: 'ended',
    });
    // Still ended after a restart.
    server = await restartServer(place, server, devices);
    const reopened2 = await join(room.tokens.projector);
    expect(reopened2.view.status.ended).toBe(true);
  });

  it('imports a saved setup (not yet started) as a room that starts at quarter 1', async () => {
    const setupFile = makeWorkshopSave({
      setup: {
        scenario: shippedScenarios[0]!,
        seed: 9,
        humans: seatOrder(shippedScenarios[0]!).slice(0, 2),
      },
      log: [],
      pending: {},
      meta: initialMeta(
        seatOrder(shippedScenarios[0]!)
          .slice(0, 2)
          .map((lab, i) => ({ lab, name: `Team ${i + 1}` })),
        120,
      ),
    });
    const res = await fetch(`${baseUrl(server)}/api/rooms/import`, {
      method: 'POST',
      body: JSON.stringify(setupFile),
    });
    expect(res.status).toBe(201);
    const room = (await res.json()) as CreatedRoom;
    const facilitator = await join(room.tokens.facilitator);
    expect(facilitator.view.status).toMatchObject({ round: 1, roundOpen: false });
    expect(facilitator.view.public.phase).toBe('briefing');
    const opened = (await facilitator.device.act({ type: 'openDecisions' })) as FacilitatorView;
    expect(opened.timerSeconds).toBe(120);
  });

  it('exports a room as a session file and imports it into a new room', async () => {
    const room = await threeTeams();
    const facilitator = await join(room.tokens.facilitator);
    await facilitator.device.act({ type: 'openDecisions' });
    await everyTeamDecides(room);
    await facilitator.device.act({ type: 'resolve' });
    await facilitator.device.act({ type: 'openDecisions' });
    const teamB = await join(room.tokens.teams[1]!.token);
    await teamB.device.act({ type: 'submit', decision: decision(0.05) });

    const refused = await fetch(`${baseUrl(server)}/api/session`, {
      headers: { authorization: `Bearer ${room.tokens.teams[0]!.token}` },
    });
    expect(refused.status).toBe(403);
    const res = await fetch(`${baseUrl(server)}/api/session`, {
      headers: { authorization: `Bearer ${room.tokens.facilitator}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="threshold-workshop-.+-q2\.json"/,
    );
    const text = await res.text();
    // Today's session file format: the app's own reader takes it.
    const session = parseWorkshopText(text);
    expect(session.ok).toBe(true);
    if (!session.ok) return;
    expect(session.session.log).toHaveLength(1);
    expect(Object.keys(session.session.pending)).toEqual([room.tokens.teams[1]!.lab]);

    const imported = await fetch(`${baseUrl(server)}/api/rooms/import`, {
      method: 'POST',
      body: text,
    });
    expect(imported.status).toBe(201);
    const copy = (await imported.json()) as CreatedRoom;
    expect(copy.roomId).not.toBe(room.roomId);
    expect(copy.tokens.facilitator).not.toBe(room.tokens.facilitator);
    const copyConsole = await join(copy.tokens.facilitator);
    const view = copyConsole.view as FacilitatorView;
    expect(view.status).toMatchObject({ round: 2, roundOpen: true });
    expect(view.lockedIn).toEqual([room.tokens.teams[1]!.lab]);
    const original = facilitator.device.lastView() as FacilitatorView;
    expect(view.public.history).toEqual(original.public.history);

    const broken = await fetch(`${baseUrl(server)}/api/rooms/import`, {
      method: 'POST',
      body: text.replace('"seed": 7', '"seed": -7'),
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: string }).error).toMatch(/^setup\.seed: /);
  });

  it('leaves out a room whose stored log no longer replays, and says so', async () => {
    const room = await threeTeams();
    await server.close();
    const store = await RoomStore.open(place.dbPath);
    const [stored] = await store.loadRooms();
    const record = {
      setup: stored!.setup,
      log: [{ nobody: {} }],
      pending: {},
      meta: stored!.meta,
    } as unknown as RoomRecord;
    await store.saveRoom(room.roomId, record, false, new Date(0));
    store.close();
    const warnings: string[] = [];
    server = await start(place, { warn: (line) => warnings.push(line) });
    expect(server.hub.roomCount).toBe(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(`^Room ${room.roomId} could not be resumed .*: log\\[0\\]`),
    );
  });
});
