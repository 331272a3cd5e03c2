// Shared fixtures for the workshop tests: the shortest shipped scenario, two teams, decisions,
// and hand-made game records for the commitment rules.
import { readFileSync } from 'node:fs';
import {
  advanceGame,
  createGame,
  type DecisionLog,
  type FiredInject,
} from '../../../src/engine/game';
import { fireInject } from '../../../src/engine/round';
import { parseScenario } from '../../../src/engine/scenario/validate';
import type {
  GameState,
  LabDecision,
  LabRoundRecord,
  PolicyAction,
  Posture,
  Scenario,
} from '../../../src/engine/types';
import { initialMeta } from '../../../src/engine/workshop/flow';
import type { WorkshopMeta, WorkshopTeam } from '../../../src/engine/workshop/types';

function load(file: string): Scenario {
  const result = parseScenario(
    readFileSync(new URL(`../../../scenarios/${file}`, import.meta.url), 'utf8'),
  );
  if (!result.ok) throw new Error(`${file} is not valid`);
  return result.scenario;
}

/** The Eval Blind Spot: 12 quarters, labs lantern (player), corvid, halcyon. */
export const SCENARIO = load('eval-blind-spot.json');
export const [LAB_A, LAB_B, BOT] = SCENARIO.labs.map((l) => l.id) as [string, string, string];
export const TEAMS: WorkshopTeam[] = [
  { lab: LAB_A, name: 'Team Amber' },
  { lab: LAB_B, name: 'Team Blue' },
];

export function dec(posture: Posture = 'restrict', actions: PolicyAction[] = []): LabDecision {
  return {
    posture,
    budget: { capabilities: 0.4, security: 0.15, deployment: 0.15, alignment: 0.15, evals: 0.15 },
    actions,
  };
}

export function playMeta(overrides: Partial<WorkshopMeta> = {}): WorkshopMeta {
  return { ...initialMeta(TEAMS, 300, 'play'), ...overrides };
}

/**
 * A workshop game played through `quarters` quarters with the given decisions per quarter, and
 * any injects fired (in the quarter they name) before that quarter's decisions.
 */
export function played(
  quarters: number,
  seed = 5,
  injects: FiredInject[] = [],
  decide: (quarter: number) => Record<string, LabDecision> = () => ({
    [LAB_A]: dec('restrict'),
    [LAB_B]: dec('deploy'),
  }),
): { state: GameState; log: DecisionLog } {
  let state = createGame(SCENARIO, { seed, humans: [LAB_A, LAB_B] });
  const log: DecisionLog = [];
  for (let q = 1; q <= quarters && !state.outcome; q++) {
    for (const i of injects)
      if (i.round === q) state = fireInject(state, SCENARIO, i.event, i.scripted);
    const decisions = decide(q);
    log.push(decisions);
    state = advanceGame(state, SCENARIO, decisions);
  }
  return { state, log };
}

/** One lab's row of a hand-made record: only what the commitment rules read. */
export function row(
  lab: string,
  fields: Partial<Pick<LabRoundRecord, 'effectivePosture' | 'allowedPosture' | 'knownLevel'>> & {
    actions?: PolicyAction[];
  } = {},
): LabRoundRecord {
  const posture = fields.effectivePosture ?? 'restrict';
  return {
    lab,
    decision: dec(posture, fields.actions ?? []),
    effectivePosture: posture,
    allowedPosture: fields.allowedPosture ?? 'deploy',
    knownLevel: fields.knownLevel ?? null,
  } as LabRoundRecord;
}

/** A hand-made game record: quarters of rows, the labs' names, over or not. */
export function record(quarters: LabRoundRecord[][], over = false): GameState {
  return {
    totalRounds: SCENARIO.rounds,
    round: quarters.length + 1,
    labs: SCENARIO.labs.map((l) => ({ id: l.id, name: l.name })),
    history: quarters.map((labs, i) => ({ round: i + 1, labs })),
    outcome: over ? { reason: 'roundsComplete' } : null,
  } as unknown as GameState;
}
