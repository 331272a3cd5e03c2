// Who sits where: teams take the scenario's labs in order — the player's lab first, then the
// rivals as the file lists them — and bots keep every seat left over.

import type { GameSetup } from '../machines/gameMachine';
import type { Scenario } from '../types';
import { teamNameKey } from './teamNames';
import { WORKSHOP_LIMITS, type WorkshopTeam } from './types';

/** The labs in the order teams take them: role "player" first, then the others in file order. */
export function seatOrder(scenario: Scenario): string[] {
  const players = scenario.labs.filter((l) => l.role === 'player').map((l) => l.id);
  const rest = scenario.labs.filter((l) => l.role !== 'player').map((l) => l.id);
  return [...players, ...rest];
}

/** How many teams this scenario seats: one per lab, at most six. */
export function maxTeams(scenario: Scenario): number {
  return Math.min(WORKSHOP_LIMITS.teams.max, scenario.labs.length);
}

/** A team name for the n-th seat (0-based): "Team A", "Team B" … */
export function defaultTeamName(index: number): string {
  return `Team ${String.fromCharCode(65 + (index % 26))}`;
}

export interface TeamDraft {
  name: string;
  /** The lab's name for this game ('' keeps the scenario's). */
  labName: string;
}

export interface WorkshopDraft {
  scenario: Scenario;
  teams: TeamDraft[];
  timerSeconds: number | null;
  seed: number;
}

/** Problems with a draft, in plain words, each naming the field it is about. */
export function draftProblems(draft: WorkshopDraft): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const { min } = WORKSHOP_LIMITS.teams;
  const max = maxTeams(draft.scenario);
  if (max < min) {
    problems.push({
      field: 'scenario',
      message: `This scenario has only ${draft.scenario.labs.length} lab: a workshop needs at least ${min}.`,
    });
  } else if (draft.teams.length < min || draft.teams.length > max) {
    problems.push({
      field: 'teams',
      message: `Name ${min} to ${max} teams for this scenario (it has ${draft.scenario.labs.length} labs).`,
    });
  }
  const seen = new Map<string, number>();
  draft.teams.forEach((team, i) => {
    const name = team.name.trim();
    const key = teamNameKey(name);
    if (key === '') problems.push({ field: `team-${i}`, message: `Team ${i + 1} needs a name.` });
    else if (name.length > WORKSHOP_LIMITS.teamName)
      problems.push({
        field: `team-${i}`,
        message: `Team ${i + 1}’s name is longer than ${WORKSHOP_LIMITS.teamName} characters.`,
      });
    else if (seen.has(key))
      problems.push({
        field: `team-${i}`,
        message: `Two teams are called “${name}” (names that look the same count as the same): give each team its own name.`,
      });
    seen.set(key, i);
    if (team.labName.trim().length > WORKSHOP_LIMITS.teamName)
      problems.push({
        field: `lab-${i}`,
        message: `Team ${i + 1}’s lab name is longer than ${WORKSHOP_LIMITS.teamName} characters.`,
      });
  });
  const t = draft.timerSeconds;
  const { min: tMin, max: tMax } = WORKSHOP_LIMITS.timerSeconds;
  if (t !== null && (!Number.isFinite(t) || t < tMin || t > tMax)) {
    problems.push({
      field: 'timer',
      message: `A decision timer runs from ${tMin / 60 < 1 ? `${tMin} seconds` : `${tMin / 60} minutes`} to ${tMax / 60} minutes.`,
    });
  }
  return problems;
}

/**
 * The game a draft sets up: team labs become human seats (renamed for the team if asked) and
 * the teams' records. The scenario is a copy; the original is never changed.
 */
export function setupFromDraft(draft: WorkshopDraft): { setup: GameSetup; teams: WorkshopTeam[] } {
  const order = seatOrder(draft.scenario);
  const teams: WorkshopTeam[] = draft.teams.map((t, i) => ({
    lab: order[i] as string,
    name: t.name.trim(),
  }));
  const renames = new Map<string, string>();
  draft.teams.forEach((t, i) => {
    const name = t.labName.trim();
    if (name !== '') renames.set(order[i] as string, name);
  });
  const scenario: Scenario =
    renames.size === 0
      ? draft.scenario
      : {
          ...draft.scenario,
          labs: draft.scenario.labs.map((l) =>
            renames.has(l.id) ? { ...l, name: renames.get(l.id) as string } : l,
          ),
        };
  return {
    setup: { scenario, seed: draft.seed, humans: teams.map((t) => t.lab) },
    teams,
  };
}

/** Team names by lab id, for reports ("aster" → "Team Amber"). */
export function teamNamesByLab(teams: readonly WorkshopTeam[]): Record<string, string> {
  return Object.fromEntries(teams.map((t) => [t.lab, t.name]));
}
