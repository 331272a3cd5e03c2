// The reveal: the debrief for the whole room, shown on the projector once the game is over and
// stepped through by the facilitator, section by section. It is the one part of the public
// snapshot that carries the truth hidden during play — true capability, missed crossings, whose
// commitments held — so publicSnapshot adds it only when the game has ended. Plain JSON.

import { buildDebrief } from '../debrief/debrief';
import { missedCrossingsByLadder } from '../../engine/debriefFacts';
import { missedCrossingWords } from '../debrief/missedWords';
import { domainName, levelName } from '../../engine/scenarioNames';
import type { GameState, MissedCrossing, Scenario } from '../../engine/types';
import { assessCommitments } from '../../engine/workshop/commitments';
import { VERDICT_WORDS } from './commitmentWords';
import type { WorkshopMeta } from '../../engine/workshop/types';

/** The reveal's sections, in the order the facilitator steps through them. */
export const REVEAL_SECTIONS = [
  { id: 'outcome', title: 'How it ended' },
  { id: 'evals', title: 'What the evals showed, against the truth' },
  { id: 'missed', title: 'Missed crossings' },
  { id: 'commitments', title: 'Commitments: kept and broken' },
  { id: 'questions', title: 'Questions to discuss' },
] as const;

export type RevealSectionId = (typeof REVEAL_SECTIONS)[number]['id'];

/** A section index kept in range: stepping past either end stays at that end. */
export function clampRevealSection(index: number): number {
  if (!Number.isFinite(index)) return 0;
  return Math.min(REVEAL_SECTIONS.length - 1, Math.max(0, Math.trunc(index)));
}

export interface RevealTeam {
  lab: string;
  name: string;
  labName: string;
  /** Highest level the model truly reached, and the highest its evals ever showed. */
  trueLevel: string | null;
  shownLevel: string | null;
  /** Per domain at the game's end: what the latest evals measured (null: never evaluated), and the truth. */
  evals: { domain: string; measured: number | null; truth: number }[];
  /** Quarters the lab kept / broke its own commitment, and threshold revisions. */
  kept: number;
  broken: number;
  revisedPublicly: number;
  revisedQuietly: number;
}

export interface RevealCrossing {
  round: number;
  team: string;
  text: string;
}

export interface PublicReveal {
  /** The section shown now (an index into REVEAL_SECTIONS). */
  section: number;
  outcome: { title: string; text: string };
  teams: RevealTeam[];
  missed: {
    /** Against the ladder each team started with. */
    starting: RevealCrossing[];
    /** Against each team's revised ladder; null when no team revised a threshold. */
    revised: RevealCrossing[] | null;
    /** Teams that revised a threshold. */
    revisedBy: string[];
  };
  /** Commitments announced at the table, with the verdict that stands. */
  commitments: { round: number; parties: string; text: string; verdict: string }[];
  questions: string[];
}

/** The reveal of a finished game; null while it is still being played (the truth stays hidden). */
export function revealOf(
  scenario: Scenario,
  state: GameState,
  meta: WorkshopMeta,
  section: number,
): PublicReveal | null {
  if (state.outcome === null) return null;
  const teamLabs = meta.teams.map((t) => t.lab);
  const debrief = buildDebrief(scenario, state, teamLabs);
  const labName = (id: string) => state.labs.find((l) => l.id === id)?.name ?? id;
  const teamName = (id: string) => meta.teams.find((t) => t.lab === id)?.name ?? labName(id);
  const levelOrNull = (index: number) =>
    index < 0 ? null : levelName(scenario, scenario.levels[index]?.id ?? '');
  const highest = (lab: string, pick: 'trueLevel' | 'knownLevel') => {
    let best = -1;
    for (const round of state.history) {
      const id = round.labs.find((l) => l.lab === lab)?.[pick] ?? null;
      best = Math.max(best, id === null ? -1 : scenario.levels.findIndex((l) => l.id === id));
    }
    return levelOrNull(best);
  };
  const teams: RevealTeam[] = meta.teams.map((t) => {
    const last = state.history.at(-1)?.labs.find((l) => l.lab === t.lab);
    const lab = state.labs.find((l) => l.id === t.lab);
    const c = debrief.commitments.find((x) => x.lab === t.lab);
    return {
      lab: t.lab,
      name: t.name,
      labName: labName(t.lab),
      trueLevel: highest(t.lab, 'trueLevel'),
      shownLevel: highest(t.lab, 'knownLevel'),
      evals: scenario.domains.map((d) => ({
        domain: domainName(scenario, d.id),
        measured: last?.measured?.[d.id] ?? null,
        truth: lab?.capability[d.id] ?? 0,
      })),
      kept: c?.kept ?? 0,
      broken: c?.broken ?? 0,
      revisedPublicly: c?.revisedPublicly ?? 0,
      revisedQuietly: c?.revisedQuietly ?? 0,
    };
  });
  const words = (list: readonly MissedCrossing[]): RevealCrossing[] =>
    list.map((m) => ({
      round: m.round,
      team: teamName(m.lab),
      text: missedCrossingWords(scenario, m, 'the evals'),
    }));
  const both = missedCrossingsByLadder(scenario, state, teamLabs);
  return {
    section: clampRevealSection(section),
    outcome: debrief.outcome,
    teams,
    missed: {
      starting: words(both.starting),
      revised: both.revisedLabs.length > 0 ? words(both.revised) : null,
      revisedBy: both.revisedLabs.map(teamName),
    },
    commitments: assessCommitments(meta.commitments, scenario, state).map(
      ({ commitment, assessment }) => ({
        round: commitment.round,
        parties: commitment.parties.map(labName).join(', '),
        text: commitment.text,
        verdict: VERDICT_WORDS[assessment.verdict],
      }),
    ),
    questions: debrief.questions,
  };
}
