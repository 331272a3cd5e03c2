// The workshop machine's policy step without any UI: teams write their own policy before
// quarter 1 (src/engine/workshop/workshopMachine.ts, state `policies`), and the session record
// keeps the step so a reload resumes it.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { labPolicy } from '../../../src/engine/policies';
import { remainingMs, isRunning } from '../../../src/engine/workshop/timer';
import { teamPolicyId } from '../../../src/engine/workshop/teamPolicies';
import { checkedWorkshopMachine } from '../../../src/engine/workshop/checkedWorkshopMachine';
import { workshopMachine } from '../../../src/engine/workshop/workshopMachine';
import {
  gameSnapshotOf,
  playRecord,
  roomRecord,
} from '../../../src/engine/workshop/workshopRecord';
import { LAB_A, LAB_B, SCENARIO, TEAMS } from '../workshop/helpers';

const setup = { scenario: SCENARIO, seed: 5, humans: [LAB_A, LAB_B] };

function writing(policySeconds: number | null = 600, machine = checkedWorkshopMachine) {
  const actor = createActor(machine).start();
  actor.send({
    type: 'writePolicies',
    setup,
    teams: TEAMS,
    timerSeconds: 300,
    pin: null,
    policySeconds,
    disclosure: 'asWritten',
    now: 1_000,
  });
  return actor;
}
type Actor = ReturnType<typeof writing>;
const draftOf = (actor: Actor, lab: string) => {
  const step = actor.getSnapshot().context.policyStep;
  const draft = step?.drafts.find((d) => d.lab === lab);
  if (!draft) throw new Error(`no draft for ${lab}`);
  return draft;
};

describe('the policy step', () => {
  it('gives every team a copy of its lab’s policy, under the team’s name, with the timer running', () => {
    const actor = writing();
    const s = actor.getSnapshot();
    expect(s.matches('policies')).toBe(true);
    const step = s.context.policyStep;
    expect(step?.drafts.map((d) => d.lab)).toEqual([LAB_A, LAB_B]);
    expect(draftOf(actor, LAB_A).policy.id).toBe(teamPolicyId(LAB_A));
    expect(draftOf(actor, LAB_A).policy.name).toBe('Team Amber’s policy');
    expect(draftOf(actor, LAB_A).policy.levels).toEqual(SCENARIO.policies[0]?.levels);
    expect(step?.timer && isRunning(step.timer)).toBe(true);
    expect(step?.timer && remainingMs(step.timer, 61_000)).toBe(540_000);
    // No game yet: quarter 1 has not started.
    expect(gameSnapshotOf(s).context.game).toBeNull();
  });

  it('takes a team’s edit, refuses an edit that changes its id or names no team', () => {
    const actor = writing();
    const policy = { ...draftOf(actor, LAB_A).policy, whenShort: 'restrict' as const };
    actor.send({ type: 'policy.edit', lab: LAB_A, policy });
    expect(draftOf(actor, LAB_A).policy.whenShort).toBe('restrict');
    const s = actor.getSnapshot();
    expect(s.can({ type: 'policy.edit', lab: LAB_B, policy })).toBe(false);
    expect(s.can({ type: 'policy.edit', lab: 'nobody', policy })).toBe(false);
  });

  it('starts a team again from another template', () => {
    const actor = writing();
    actor.send({
      type: 'policy.edit',
      lab: LAB_B,
      policy: { ...draftOf(actor, LAB_B).policy, public: false },
    });
    const template = SCENARIO.policies[0]?.id as string;
    actor.send({ type: 'policy.template', lab: LAB_B, template });
    expect(draftOf(actor, LAB_B).policy.public).toBe(true);
    expect(actor.getSnapshot().can({ type: 'policy.template', lab: LAB_B, template: 'nope' })).toBe(
      false,
    );
  });

  it('stops, restarts and extends the writing timer; without one there is nothing to stop', () => {
    const actor = writing();
    actor.send({ type: 'policy.timer.stop', now: 61_000 });
    const stopped = actor.getSnapshot().context.policyStep?.timer;
    expect(stopped && isRunning(stopped)).toBe(false);
    actor.send({ type: 'policy.timer.add', seconds: 60, now: 70_000 });
    expect(remainingMs(actor.getSnapshot().context.policyStep!.timer!, 999_999)).toBe(600_000);
    expect(writing(null).getSnapshot().can({ type: 'policy.timer.stop', now: 0 })).toBe(false);
  });

  it('will not start quarter 1 while a draft breaks the scenario’s rules', () => {
    const actor = writing();
    const bad = structuredClone(draftOf(actor, LAB_A).policy);
    const level = bad.levels[0]!;
    const domain = Object.keys(level.thresholds)[0] as keyof typeof level.thresholds;
    level.thresholds[domain] = 7;
    actor.send({ type: 'policy.edit', lab: LAB_A, policy: bad });
    expect(actor.getSnapshot().can({ type: 'beginQuarterOne' })).toBe(false);
  });

  it('starts quarter 1 only with a drafts check provided: the machine alone never does', () => {
    // workshopMachine.ts does not import the validator; without the check, nothing starts.
    const unchecked = writing(600, workshopMachine);
    expect(unchecked.getSnapshot().can({ type: 'beginQuarterOne' })).toBe(false);
    const checked = writing();
    expect(checked.getSnapshot().can({ type: 'beginQuarterOne' })).toBe(true);
  });

  it('starts quarter 1 with each team’s lab under its own policy, and the bots under theirs', () => {
    const actor = writing();
    const policy = { ...draftOf(actor, LAB_A).policy, whenShort: 'restrict' as const };
    actor.send({ type: 'policy.edit', lab: LAB_A, policy });
    actor.send({ type: 'beginQuarterOne' });
    const s = actor.getSnapshot();
    expect(s.matches('play')).toBe(true);
    const played = gameSnapshotOf(s).context.setup?.scenario;
    if (!played) throw new Error('no game');
    expect(labPolicy(played, LAB_A).policy.whenShort).toBe('restrict');
    expect(labPolicy(played, LAB_B).policy.id).toBe(teamPolicyId(LAB_B));
    const bot = SCENARIO.labs.find((l) => l.id !== LAB_A && l.id !== LAB_B)!;
    expect(labPolicy(played, bot.id).policy.id).toBe(bot.policy.use);
    expect(s.context.policyStep).toBeNull();
    expect(roomRecord(s)).toMatchObject({ stage: 'play', policyStep: null, format: 3 });
  });

  it('saves the step and resumes it from the record, drafts and timer as they were', () => {
    const actor = writing();
    const policy = { ...draftOf(actor, LAB_A).policy, binding: true };
    actor.send({ type: 'policy.edit', lab: LAB_A, policy });
    const record = playRecord(actor.getSnapshot());
    expect(record?.meta.stage).toBe('policies');
    expect(record?.log).toEqual([]);
    expect(record?.setup.scenario).toBe(SCENARIO);
    const again = createActor(checkedWorkshopMachine).start();
    again.send({ type: 'restore', record: record!, reload: true });
    expect(again.getSnapshot().matches('policies')).toBe(true);
    expect(draftOf(again, LAB_A).policy.binding).toBe(true);
    expect(again.getSnapshot().context.policyStep?.timer).toEqual(record?.meta.policyStep?.timer);
  });

  it('goes back to setup on “new workshop”, forgetting the drafts', () => {
    const actor = writing();
    actor.send({ type: 'newWorkshop' });
    expect(actor.getSnapshot().matches('setup')).toBe(true);
    expect(actor.getSnapshot().context.policyStep).toBeNull();
  });
});
