// The games the golden-replay test pins: bots in every seat for a block of seeds in every shipped
// scenario (and the bench's six-lab game), and scripted human games that use what bots rarely do —
// pauses against the policy, quiet and public revisions, audits, joining and leaving the pause
// agreement, publishing evals — with a facilitator's injects fired live. Each game is played to
// its end through the same public functions the app and the CLI call.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { draftDecision } from '../../../src/engine/decisionDraft';
import {
  advanceGame,
  createGame,
  fireDue,
  replayGame,
  type DecisionLog,
  type FiredInject,
} from '../../../src/engine/game';
import type {
  GameState,
  LabDecision,
  PolicyAction,
  Posture,
  Scenario,
} from '../../../src/engine/types';
import { labView } from '../../../src/engine/view';
import { sixLabScenario } from '../../bench/sixLabs';
import { shipped } from '../validation/harness';

/** Seeds of the bot games, the same in every scenario. */
export const BOT_SEEDS = [1, 2, 3, 42, 1001] as const;

/** Every scenario shipped in scenarios/ (by file name), then the bench's six-lab game. */
export function goldenScenarios(): Scenario[] {
  const ids = readdirSync(join(process.cwd(), 'scenarios'))
    .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
  return [...ids.map(shipped), sixLabScenario()];
}

/**
 * A human's quarter-by-quarter script: the decision form's defaults, then on set quarters a
 * posture the policy may not allow and policy actions (what a workshop team might do).
 */
function scriptedDecision(
  state: GameState,
  scenario: Scenario,
  lab: string,
  previous: LabDecision | null,
): LabDecision {
  const view = labView(state, scenario, lab);
  const draft = draftDecision(view, previous);
  const q = state.round;
  const posture: Posture = q % 7 === 3 ? 'pause' : q % 5 === 4 ? 'deploy' : draft.posture;
  const actions: PolicyAction[] = [];
  const level = view.levels[0];
  const domain = level
    ? (Object.keys(level.thresholds)[0] as keyof typeof level.thresholds)
    : undefined;
  const threshold = level && domain ? level.thresholds[domain] : undefined;
  if (q === 3) actions.push({ kind: 'inviteAudit' });
  if (q === 4 && level && domain && threshold !== undefined)
    actions.push({
      kind: 'reviseThreshold',
      levelId: level.id,
      domain,
      to: Math.min(1, threshold + 0.1),
      publicly: false,
    });
  if (q === 6) actions.push({ kind: 'publishEvals', publish: !view.self.policy.publishesEvals });
  if (q === 7)
    actions.push({
      kind: view.self.policy.inPauseAgreement ? 'leavePauseAgreement' : 'joinPauseAgreement',
    });
  if (q === 9 && level && domain && threshold !== undefined)
    actions.push({
      kind: 'reviseThreshold',
      levelId: level.id,
      domain,
      to: Math.min(1, threshold + 0.05),
      publicly: true,
    });
  if (q === 11) actions.push({ kind: 'joinPauseAgreement' }, { kind: 'inviteAudit' });
  // Budgets that lean one way, then another: capabilities-heavy early, safeguards later.
  const lean = q < 8 ? 0.6 : 0.2;
  const rest = (1 - lean) / 4;
  const budget = {
    capabilities: lean,
    security: rest,
    deployment: rest,
    alignment: rest,
    evals: rest,
  };
  return { posture, budget: q % 2 === 0 ? budget : draft.budget, actions };
}

/** Injects a facilitator fires live: news, a whistleblower, an audit, a breakthrough, a theft. */
function scriptedInjects(scenario: Scenario): FiredInject[] {
  const lab = scenario.labs[0]?.id ?? '';
  const rival = scenario.labs[1]?.id ?? lab;
  const domain = scenario.domains[0]?.id ?? 'cbrn';
  const inject = (round: number, effect: FiredInject['event']['effect']): FiredInject => ({
    round,
    event: {
      round,
      headline: `Inject in quarter ${round}`,
      body: 'Fired by the facilitator.',
      effect,
    },
  });
  const fired: FiredInject[] = [
    inject(2, { kind: 'news' }),
    inject(5, { kind: 'whistleblower', lab: 'any' }),
    inject(6, { kind: 'audit', lab: rival }),
    inject(8, { kind: 'breakthrough', lab: 'all', domain, delta: 0.05 }),
    inject(10, { kind: 'weightsStolen', lab }),
    inject(12, { kind: 'safeguards', lab: 'all', track: 'security', delta: 0.1 }),
    inject(13, { kind: 'boardPressure', lab: rival, delta: 0.3 }),
    inject(14, { kind: 'budget', lab: 'all', delta: 10 }),
  ];
  // A scripted event fired a quarter early: it must not fire again in its own quarter.
  const index = scenario.events.findIndex((e) => e.round > 2);
  const early = scenario.events[index];
  if (early) fired.push({ round: early.round - 1, event: early, scripted: index });
  return fired;
}

/**
 * The seat the scripted human holds: the first lab playing under a policy other than the
 * scenario's default (so its own ladder, shortfall rule or competitor clause is what its quarters
 * are held to), else the first (player) seat.
 */
export function humanSeat(scenario: Scenario): string {
  const own = scenario.labs.find((l) => l.policy.use !== scenario.defaultPolicy);
  return (own ?? scenario.labs[0])?.id ?? '';
}

/**
 * A human game: one seat (humanSeat) held by a human following the script, the others by bots.
 * Played forward quarter by quarter, then replayed from its decision log with the same injects
 * (which must give the same game: the test compares both).
 */
export function humanGame(
  scenario: Scenario,
  seed: number,
): { played: GameState; replayed: GameState } {
  const lab = humanSeat(scenario);
  const injects = scriptedInjects(scenario);
  const options = { seed, humans: [lab] };
  const log: DecisionLog = [];
  let state = createGame(scenario, options);
  let previous: LabDecision | null = null;
  state = fireDue(state, scenario, injects);
  while (!state.outcome) {
    const decision = scriptedDecision(state, scenario, lab, previous);
    previous = decision;
    log.push({ [lab]: decision });
    state = fireDue(advanceGame(state, scenario, { [lab]: decision }), scenario, injects);
  }
  return { played: state, replayed: replayGame(scenario, options, log, Infinity, injects) };
}
