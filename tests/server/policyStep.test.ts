// The policy step in a networked room (issue 14's step, each team on its own device): a team
// edits and hands in its own policy; the console sees who has handed in (and whose draft has
// problems), never a draft; the projector and the other teams see what the pass-the-laptop
// projector shows (a private policy by name only) — on the wire, not just on screen; the console
// starts quarter 1 once every team is in, and the room keeps all of it across a restart.
import { describe, expect, it } from 'vitest';
import type { PolicySpec } from '../../src/engine/types';
import type {
  CreatedRoom,
  FacilitatorView,
  ServerMessage,
  TeamView,
} from '../../src/lib/roomProtocol';
import { baseUrl, createRoom } from './harness';
import { serverPerTest } from './serverPerTest';

const live = serverPerTest();
const join = (token: string) => live.join(token);

function roomWithPolicyStep(disclosure: 'asWritten' | 'all' = 'asWritten'): Promise<CreatedRoom> {
  return createRoom(live.server, {
    scenario: 'eval-blind-spot',
    seed: 3,
    teams: [{ name: 'Amber' }, { name: 'Birch' }],
    timerSeconds: null,
    policyStep: { minutes: 10, disclosure },
  });
}

/** A threshold no scenario has: where it travels, Amber's private draft travels. */
const SECRET = 0.4321;
const SECRET_TEXT = String(SECRET);

function amberPrivateDraft(view: TeamView): PolicySpec {
  const policy = view.policy?.draft.policy;
  if (!policy) throw new Error('no draft on the team’s device');
  return {
    ...policy,
    public: false,
    levels: policy.levels.map((level, i) =>
      i === 0 ? { ...level, thresholds: { ...level.thresholds, cbrn: SECRET } } : level,
    ),
  };
}

const errorOf = (reply: ServerMessage) =>
  reply.type === 'error' ? { code: reply.code, message: reply.message } : null;

describe('the policy step, each team on its own device', () => {
  it('teams write and hand in their own policies; the console starts quarter 1 when all are in', async () => {
    const room = await roomWithPolicyStep();
    const [a, b] = room.tokens.teams;
    const facilitator = await join(room.tokens.facilitator);
    const projector = await join(room.tokens.projector);
    const amber = await join(a!.token);
    const birch = await join(b!.token);

    const console0 = facilitator.view as FacilitatorView;
    expect(console0.status.stage).toBe('policies');
    expect(console0.canOpen).toBe(false);
    expect(console0.policyStep).toMatchObject({
      disclosure: 'asWritten',
      seconds: 600,
      canBegin: false,
      teams: [
        { lab: a!.lab, name: 'Amber', submitted: false, problems: 0 },
        { lab: b!.lab, name: 'Birch', submitted: false, problems: 0 },
      ],
    });
    // The writing timer waits for the console (the teams join first).
    expect(console0.public.timer).toMatchObject({ durationMs: 600_000, deadline: null });
    const amberView = amber.view as TeamView;
    expect(amberView.policy).toMatchObject({ submitted: false, problems: [] });
    expect(amberView.policy?.draft.lab).toBe(a!.lab);

    // Amber writes a private policy with a threshold of its own.
    const edited = (await amber.device.act({
      type: 'policyEdit',
      policy: amberPrivateDraft(amberView),
    })) as TeamView;
    expect(edited.policy?.draft.policy.levels[0]?.thresholds.cbrn).toBe(SECRET);
    // Birch, the projector and the console hear that Amber's policy changed — by name only.
    const board = await projector.device.waitFor(
      (m) =>
        m.type === 'view' &&
        (m.view.public.policies ?? []).some((p) => p.team === 'Amber' && !p.shown),
    );
    expect(board.type).toBe('view');

    // Refusals: another team's draft, the console writing for a team, a malformed policy.
    expect(errorOf(await amber.device.request({ type: 'policySubmit', lab: b!.lab }))?.code).toBe(
      'forbidden',
    );
    expect(
      errorOf(
        await facilitator.device.request({
          type: 'policyEdit',
          policy: amberPrivateDraft(amberView),
        }),
      )?.code,
    ).toBe('forbidden');
    const malformed = errorOf(
      await amber.device.request({ type: 'policyEdit', policy: { id: 'team-lantern' } }),
    );
    expect(malformed?.code).toBe('invalid');
    expect(malformed?.message).toMatch(/^policy\./);
    const otherId = errorOf(
      await amber.device.request({
        type: 'policyEdit',
        policy: { ...amberPrivateDraft(amberView), id: 'workshop-policy' },
      }),
    );
    expect(otherId?.message).toMatch(/^policy\.id: /);
    expect(
      errorOf(await amber.device.request({ type: 'policyTemplate', template: 'no-such-policy' }))
        ?.code,
    ).toBe('notNow');
    expect(errorOf(await amber.device.request({ type: 'beginQuarterOne' }))?.code).toBe(
      'forbidden',
    );

    // Amber hands in; its draft is then closed to edits until it (or the console) reopens it.
    const handed = (await amber.device.act({ type: 'policySubmit' })) as TeamView;
    expect(handed.policy?.submitted).toBe(true);
    expect(
      errorOf(
        await amber.device.request({ type: 'policyEdit', policy: amberPrivateDraft(amberView) }),
      )?.code,
    ).toBe('notNow');
    const waiting = errorOf(await facilitator.device.request({ type: 'beginQuarterOne' }));
    expect(waiting).toMatchObject({ code: 'notNow' });
    expect(waiting?.message).toMatch(/waiting for Birch/);
    const reopened = (await facilitator.device.act({
      type: 'policyReopen',
      lab: a!.lab,
    })) as FacilitatorView;
    expect(reopened.policyStep?.teams[0]?.submitted).toBe(false);
    await amber.device.act({ type: 'policySubmit' });
    const ready = (await birch.device.act({ type: 'policySubmit' })) as TeamView;
    expect(ready.policy?.submitted).toBe(true);
    const consoleReady = await facilitator.device.waitFor(
      (m) =>
        m.type === 'view' &&
        m.view.kind === 'facilitator' &&
        m.view.policyStep?.teams.every((t) => t.submitted) === true,
    );
    expect(consoleReady.type === 'view' && consoleReady.view.kind === 'facilitator').toBe(true);
    if (consoleReady.type === 'view' && consoleReady.view.kind === 'facilitator') {
      expect(consoleReady.view.policyStep?.canBegin).toBe(true);
    }

    // Quarter 1: each device's forms get the scenario with the teams' policies in it.
    const fromBirch = birch.device.received.length;
    const fromAmber = amber.device.received.length;
    const consoleBefore = facilitator.device.raw.join('\n');
    const started = (await facilitator.device.act({ type: 'beginQuarterOne' })) as FacilitatorView;
    expect(started.status.stage).toBe('play');
    expect(started.policyStep).toBeNull();
    expect(started.canOpen).toBe(true);
    const amberScenario = await amber.device.waitFor((m) => m.type === 'scenario', fromAmber);
    const birchScenario = await birch.device.waitFor((m) => m.type === 'scenario', fromBirch);
    const policyIn = (m: ServerMessage, id: string) =>
      m.type === 'scenario' ? m.scenario.policies.find((p) => p.id === id) : undefined;
    expect(policyIn(amberScenario, `team-${a!.lab}`)?.levels[0]?.thresholds.cbrn).toBe(SECRET);
    // Birch's device knows Amber's policy by its name only: a stand-in, none of what it says.
    expect(policyIn(birchScenario, `team-${a!.lab}`)?.name).toBe('Amber’s policy');
    expect(policyIn(birchScenario, `team-${a!.lab}`)?.levels[0]?.thresholds.cbrn).not.toBe(SECRET);

    // Nothing of Amber's private draft ever reached Birch or the projector, nor the console while
    // the teams wrote (from quarter 1 the console holds the room's whole scenario, as the
    // facilitator's laptop does).
    for (const device of [birch.device, projector.device]) {
      expect(device.raw.join('\n')).not.toContain(SECRET_TEXT);
    }
    expect(consoleBefore).not.toContain(SECRET_TEXT);
    // The check finds what is there: Amber's own device did carry it.
    expect(amber.device.raw.join('\n')).toContain(SECRET_TEXT);
  });

  it('keeps the drafts and who handed in across a server restart, and the timer runs from the console', async () => {
    const room = await roomWithPolicyStep('all');
    const [a] = room.tokens.teams;
    const facilitator = await join(room.tokens.facilitator);
    const amber = await join(a!.token);
    const running = (await facilitator.device.act({
      type: 'policyTimer',
      action: 'resume',
    })) as FacilitatorView;
    expect(running.public.timer?.deadline).not.toBeNull();
    const longer = (await facilitator.device.act({
      type: 'policyTimer',
      action: 'add',
      seconds: 120,
    })) as FacilitatorView;
    expect(longer.public.timer?.durationMs).toBe(720_000);
    const shown = (await facilitator.device.act({
      type: 'policyDisclosure',
      disclosure: 'asWritten',
    })) as FacilitatorView;
    expect(shown.policyStep?.disclosure).toBe('asWritten');
    expect(
      errorOf(await facilitator.device.request({ type: 'policyDisclosure', disclosure: 'some' }))
        ?.code,
    ).toBe('invalid');
    await amber.device.act({
      type: 'policyEdit',
      policy: amberPrivateDraft(amber.view as TeamView),
    });
    await amber.device.act({ type: 'policySubmit' });

    await live.restart();
    const again = await join(room.tokens.facilitator);
    const amberAgain = await join(a!.token);
    expect((again.view as FacilitatorView).policyStep?.teams[0]).toMatchObject({
      submitted: true,
    });
    const amberView = amberAgain.view as TeamView;
    expect(amberView.policy?.submitted).toBe(true);
    expect(amberView.policy?.draft.policy.levels[0]?.thresholds.cbrn).toBe(SECRET);
    // Play commands wait for quarter 1.
    expect(errorOf(await again.device.request({ type: 'openDecisions' }))?.code).toBe('notNow');
  });

  it('refuses a policy step the server cannot run', async () => {
    const response = await fetch(`${baseUrl(live.server)}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        scenario: 'eval-blind-spot',
        teams: [{ name: 'Amber' }, { name: 'Birch' }],
        policyStep: { minutes: 0.1, disclosure: 'asWritten' },
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(/^policyStep\.minutes: /);
  });
});
