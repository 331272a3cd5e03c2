// What the workshop prints: a role brief for each team, a one-page rules summary and the
// facilitator's notes. Made from the game at its start (so each lab's policy is read from the
// game state, as play reads it) and from the scenario's optional `facilitation` block. Pure:
// the same setup always prints the same pages.

import type { GameSetup } from '../../engine/machines/gameMachine';
import { createGame } from '../../engine/game';
import { domainName } from '../../engine/scenarioNames';
import { TRACK_NAMES } from '../explain';
import { percent } from '../../engine/numbers';
import type { DomainId, LabState, LevelSpec, Scenario, TrackValues } from '../../engine/types';
import { SAFEGUARD_TRACKS } from '../../engine/types';
import {
  SESSION_MINUTES,
  SESSION_OVERHEAD,
  suggestedQuarters,
  type SessionMinutes,
} from '../../engine/workshop/length';
import type { WorkshopTeam } from '../../engine/workshop/types';

export interface LadderRow {
  level: string;
  description: string;
  /** "CBRN 55% or autonomy 60%". */
  reachedAt: string;
  /** "security 40%, alignment evidence 30%", or "nothing more". */
  toKeepTraining: string;
  toReleaseFully: string;
}

export interface RoleBrief {
  team: string;
  labName: string;
  /** Where the lab comes from: the scenario's own lab, a rival, or one added for the workshop. */
  seat: string;
  /** The scenario's own lab: its briefing is written to this team. */
  ownLab: boolean;
  /** The lab's policy in plain words. */
  policy: string[];
  ladder: LadderRow[];
  /** Its position at the start, as the team can see it. */
  start: { label: string; value: string }[];
  /** What the team knows, and what it does not. */
  knows: string[];
}

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

function requirement(values: TrackValues): string {
  const parts = SAFEGUARD_TRACKS.filter((t) => (values[t] ?? 0) > 0).map(
    (t) => `${TRACK_NAMES[t]} ${percent(values[t] ?? 0)}`,
  );
  return parts.length === 0 ? 'nothing more' : parts.join(', ');
}

/** A ladder as rows a reader can follow: when each level is reached and what it then requires. */
export function ladderRows(scenario: Scenario, levels: readonly LevelSpec[]): LadderRow[] {
  return levels.map((level) => ({
    level: level.name,
    description: level.description,
    reachedAt: list(
      Object.entries(level.thresholds).map(
        ([d, t]) => `${domainName(scenario, d as DomainId)} ${percent(t ?? 0)}`,
      ),
    ),
    toKeepTraining: requirement(level.trainingRequires),
    toReleaseFully: requirement(level.deploymentRequires),
  }));
}

function policyWords(lab: LabState): string[] {
  const p = lab.policy;
  return [
    'Your policy is an if-then commitment: when your evals show the model has reached a level below, you keep training only with the safeguards it requires, and release fully only with those it requires for release. Short of them, you pause training or release only in a restricted way.',
    p.binding
      ? 'It is binding: the game holds your lab to it.'
      : 'It is voluntary: you may go past it, but every breach is recorded and can come to light.',
    p.inPauseAgreement
      ? 'Your lab has signed the conditional pause agreement: if any member finds it has crossed a threshold without the safeguards to match, every member is asked to pause.'
      : 'Your lab is not in the conditional pause agreement.',
    p.publishesEvals
      ? 'Your lab publishes its eval results.'
      : 'Your lab keeps its eval results to itself.',
    'You may revise a threshold, in public or quietly. A quiet revision binds no one outside your lab, and can come to light.',
  ];
}

const INFORMATION: Record<Scenario['information'], string> = {
  none: 'Of the other labs you see only what they release and their market share.',
  announcements:
    'Of the other labs you see what they release, their market share, whether they are training and the level their evals show.',
  published:
    'Of the other labs you see what they release, their market share, whether they are training, the level their evals show, and the full eval results of those that publish them.',
};

function knowsWords(scenario: Scenario): string[] {
  const e = scenario.evaluation;
  return [
    `Your evals run every ${e.cadence === 1 ? 'quarter' : `${e.cadence} quarters`}. They measure less than the model can do; spending on evals makes them sharper.`,
    e.safetyBuffer > 0
      ? `Your policy counts a result within ${Math.round(e.safetyBuffer * 100)} points of a threshold as reaching it (a safety buffer).`
      : 'Your policy has no safety buffer: a result just under a threshold does not count.',
    'You never see your model’s true capability during play: only the debrief shows it.',
    INFORMATION[scenario.information],
  ];
}

function seatWords(scenario: Scenario, original: Scenario | null, labId: string): string {
  const spec = scenario.labs.find((l) => l.id === labId);
  if (spec?.role === 'player') return 'The scenario’s own lab';
  if (original && !original.labs.some((l) => l.id === labId)) {
    return 'A lab added for this workshop (a copy of one of the scenario’s rivals)';
  }
  return 'A rival lab in this scenario';
}

/**
 * One brief per team, for the game `setup` sets up. `original` is the scenario as shipped, when
 * labs were added for the workshop (so a brief can say its lab is one of them).
 */
export function roleBriefs(
  setup: GameSetup,
  teams: readonly WorkshopTeam[],
  original: Scenario | null = null,
): RoleBrief[] {
  const scenario = setup.scenario;
  const state = createGame(scenario, setup);
  return teams.flatMap((team) => {
    const lab = state.labs.find((l) => l.id === team.lab);
    if (!lab) return [];
    return [
      {
        team: team.name,
        labName: lab.name,
        seat: seatWords(scenario, original, lab.id),
        ownLab: scenario.labs.find((l) => l.id === lab.id)?.role === 'player',
        policy: policyWords(lab),
        ladder: ladderRows(scenario, lab.policy.levels),
        start: [
          { label: 'Budget', value: `${Math.round(lab.budget)} units` },
          { label: 'Market share', value: percent(lab.marketShare) },
          { label: 'Reputation', value: percent(lab.reputation) },
          ...SAFEGUARD_TRACKS.map((t) => ({
            label: TRACK_NAMES[t].replace(/^./, (c) => c.toUpperCase()),
            value: `${percent(lab.safeguards[t])} ready`,
          })),
        ],
        knows: knowsWords(scenario),
      },
    ];
  });
}

/** The rules on one page: what a quarter is, what a team decides, how the game ends. */
export const RULES_SUMMARY: { heading: string; text: string }[] = [
  {
    heading: 'The game',
    text: 'Each team runs a frontier AI lab under its own responsible scaling policy. Bots run the other labs. The game is played in quarters; the facilitator says how many.',
  },
  {
    heading: 'Each quarter',
    text: 'Read the news on the projector. When decisions open, each team in turn goes to the laptop, sees its own lab only — its eval results, safeguards and what its policy allows — and locks in a decision in secret. The facilitator then resolves the quarter and the results go up on the projector.',
  },
  {
    heading: 'What you decide',
    text: 'A posture — pause training, train and release in a restricted way, or train and release fully — and how to split the budget between capabilities, security, deployment safeguards, alignment and evals. You may also revise a threshold, publish your evals, invite an audit, or join or leave the pause agreement.',
  },
  {
    heading: 'Your policy',
    text: 'If your evals show a level reached, your policy says what you may do until your safeguards catch up. A binding policy is enforced; a voluntary one can be broken, and every breach is recorded.',
  },
  {
    heading: 'What you cannot see',
    text: 'Your model’s true capability. Evals measure less than is there; a threshold can be crossed while your evals say it is not — a missed crossing. Only the debrief shows it.',
  },
  {
    heading: 'Talking',
    text: 'Teams may talk, promise and make agreements at any time; tell the facilitator, who records public commitments. Nothing forces anyone to keep them except what the game records and the room remembers.',
  },
  {
    heading: 'The end',
    text: 'The game ends after the last quarter, or earlier in a catastrophe or if the regulator halts frontier development. Then the reveal: what every lab’s evals showed against the truth, the missed crossings, and who kept which commitment.',
  },
];

export interface TimingPlan {
  minutes: SessionMinutes;
  briefing: number;
  debrief: number;
  quarters: number;
  /** Minutes of play left for the quarters. */
  play: number;
}

export interface FacilitatorNotes {
  title: string;
  pitch: string;
  briefing: string;
  learningGoals: string[];
  timing: TimingPlan[];
  /** The scripted events in order, with the scenario's advice on each. */
  injects: { round: number; headline: string; note: string | null }[];
  debriefPrompts: string[];
}

/** Facilitator notes for a scenario played by `teams` teams. */
export function facilitatorNotes(scenario: Scenario, teams: number): FacilitatorNotes {
  const f = scenario.facilitation;
  return {
    title: scenario.title,
    pitch: scenario.pitch,
    briefing: scenario.briefing,
    learningGoals: f?.learningGoals ?? [],
    timing: SESSION_MINUTES.map((minutes) => {
      const { briefing, debrief } = SESSION_OVERHEAD[minutes];
      return {
        minutes,
        briefing,
        debrief,
        quarters: suggestedQuarters(scenario.rounds, minutes, teams),
        play: minutes - briefing - debrief,
      };
    }),
    injects: scenario.events.map((event, index) => ({
      round: event.round,
      headline: event.headline,
      note: f?.injectNotes.find((n) => n.event === index)?.note ?? null,
    })),
    debriefPrompts: f?.debriefPrompts ?? [],
  };
}
